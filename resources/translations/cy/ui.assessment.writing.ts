<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>WritingField</name>
    <message>
        <source>{name} said:</source>
        <translation>Dywedodd {name}:</translation>
    </message>
    <message>
        <source>Correction from {name}: {words}</source>
        <translation>Cywiriad gan {name}: {words}</translation>
    </message>
    <message>
        <source>1 correction from the family below this box.</source>
        <translation>1 cywiriad gan y teulu o dan y blwch hwn.</translation>
    </message>
    <message>
        <source>{count} corrections from the family below this box.</source>
        <translation>{count} cywiriad gan y teulu o dan y blwch hwn.</translation>
    </message>
</context>
</TS>
