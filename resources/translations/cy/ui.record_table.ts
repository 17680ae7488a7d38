<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>FieldSpec</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished">Ydy</translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished">Nac ydy</translation>
    </message>
</context>
</TS>
