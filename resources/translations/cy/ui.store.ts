<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>Store</name>
    <message>
        <source>Could not {edit}: {reason}</source>
        <translation>Methu {edit}: {reason}</translation>
    </message>
    <message>
        <source>That record no longer exists.</source>
        <translation>Nid yw&apos;r cofnod hwnnw&apos;n bodoli mwyach.</translation>
    </message>
    <message>
        <source>change {what}</source>
        <translation>newid {what}</translation>
    </message>
    <message>
        <source>add {what}</source>
        <translation>ychwanegu {what}</translation>
    </message>
    <message>
        <source>edit {what}</source>
        <translation>golygu {what}</translation>
    </message>
    <message>
        <source>remove {what}</source>
        <translation>tynnu {what}</translation>
    </message>
    <message>
        <source>transfer to {pathway}</source>
        <translation>trosglwyddo i {pathway}</translation>
    </message>
</context>
<context>
    <name>_SavedEdit</name>
    <message>
        <source>redo {edit}</source>
        <translation>ailwneud {edit}</translation>
    </message>
    <message>
        <source>undo {edit}</source>
        <translation>dadwneud {edit}</translation>
    </message>
</context>
</TS>
