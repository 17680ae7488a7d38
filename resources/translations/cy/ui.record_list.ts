<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>RecordList</name>
    <message>
        <source>Add {noun}…</source>
        <translation>Ychwanegu {noun}…</translation>
    </message>
    <message>
        <source>Edit {noun}…</source>
        <translation>Golygu {noun}…</translation>
    </message>
    <message>
        <source>Remove {noun}</source>
        <translation>Tynnu {noun}</translation>
    </message>
    <message>
        <source>Add {noun}</source>
        <translation>Ychwanegu {noun}</translation>
    </message>
    <message>
        <source>Edit {noun}</source>
        <translation>Golygu {noun}</translation>
    </message>
</context>
</TS>
