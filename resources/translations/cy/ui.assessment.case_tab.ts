<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>AssessmentsTab</name>
    <message>
        <source>Sta&amp;rt a new assessment</source>
        <translation>Dech&amp;rau asesiad newydd</translation>
    </message>
    <message>
        <source>Open assessment</source>
        <translation>Agor yr asesiad</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation type="unfinished">Dileu&apos;r asesiad</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Asesiadau</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Dechreuwyd</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Gorffennwyd</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Ysgrifennwyd gan</translation>
    </message>
    <message>
        <source>Shared with the family</source>
        <translation>Wedi&apos;i rannu â&apos;r teulu</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Ddim eto</translation>
    </message>
    <message>
        <source>the assessment</source>
        <translation type="unfinished">yr asesiad</translation>
    </message>
</context>
</TS>
