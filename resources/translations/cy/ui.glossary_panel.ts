<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Words we use</source>
        <translation>Geiriau rydyn ni&apos;n eu defnyddio</translation>
    </message>
</context>
</TS>
