<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>Controller</name>
    <message>
        <source>Something went wrong. Your saved work is safe in the workspace.
A report without personal details was written to {report}.</source>
        <translation>Aeth rhywbeth o&apos;i le. Mae&apos;r gwaith rydych chi wedi&apos;i gadw yn ddiogel yn y gofod gwaith.
Cafodd adroddiad heb fanylion personol ei ysgrifennu i {report}.</translation>
    </message>
</context>
</TS>
