<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>DisplayMenus</name>
    <message>
        <source>&amp;Language / Iaith</source>
        <translation>&amp;Iaith / Language</translation>
    </message>
    <message>
        <source>Text si&amp;ze</source>
        <translation>&amp;Maint y testun</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Cyferbyniad uchel</translation>
    </message>
</context>
</TS>
