<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>MapEditing</name>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Add a context</source>
        <translation>Ychwanegu cyd-destun</translation>
    </message>
    <message>
        <source>Name of the place, group or space:</source>
        <translation>Enw&apos;r lle, y grŵp neu&apos;r gofod:</translation>
    </message>
    <message>
        <source>Rename context</source>
        <translation>Ailenwi cyd-destun</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Enw newydd:</translation>
    </message>
    <message>
        <source>Link contexts</source>
        <translation>Cysylltu cyd-destunau</translation>
    </message>
    <message>
        <source>How does the first affect the second?</source>
        <translation>Sut mae&apos;r cyntaf yn effeithio ar yr ail?</translation>
    </message>
</context>
</TS>
