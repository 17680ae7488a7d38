<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>AssessmentPdfDialog</name>
    <message>
        <source>Print the assessment</source>
        <translation>Argraffu&apos;r asesiad</translation>
    </message>
    <message>
        <source>Assessment (professionals)</source>
        <translation>Asesiad (gweithwyr proffesiynol)</translation>
    </message>
    <message>
        <source>Everything, with restricted information in its own marked section.</source>
        <translation>Popeth, gyda gwybodaeth gyfyngedig mewn adran ar wahân sydd wedi&apos;i marcio.</translation>
    </message>
    <message>
        <source>The family&apos;s version</source>
        <translation>Fersiwn y teulu</translation>
    </message>
    <message>
        <source>What the family is shown: nothing restricted, plain words.</source>
        <translation type="unfinished">Yr hyn a ddangosir i&apos;r teulu: dim byd cyfyngedig, geiriau clir.</translation>
    </message>
    <message>
        <source>Sa&amp;ve as:</source>
        <translation>Cadw &amp;fel:</translation>
    </message>
    <message>
        <source>Making the assessment PDF</source>
        <translation>Yn gwneud PDF yr asesiad</translation>
    </message>
</context>
</TS>
