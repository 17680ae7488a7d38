<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>ExportRun</name>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Cadwyd:</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Agor y ffolder</translation>
    </message>
    <message>
        <source>Open the folder it was saved in</source>
        <translation>Agor y ffolder lle cafodd ei gadw</translation>
    </message>
    <message>
        <source>Nothing was saved. {reason}</source>
        <translation>Ni chafodd dim ei gadw. {reason}</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>wedi methu</translation>
    </message>
</context>
</TS>
