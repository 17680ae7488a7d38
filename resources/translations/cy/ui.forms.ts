<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>FieldSpec</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/BBBB</translation>
    </message>
    <message>
        <source>DD/MM/YYYY HH:MM</source>
        <translation>DD/MM/BBBB AA:MM</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Problem with {field}</source>
        <translation>Problem gyda {field}</translation>
    </message>
</context>
</TS>
