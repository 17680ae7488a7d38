<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>SyncStatus</name>
    <message>
        <source>Not in a sync team</source>
        <translation>Ddim mewn tîm cysoni</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Heb gysoni eto</translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation>Cysonwyd {when}</translation>
    </message>
    <message>
        <source>{count} change to send</source>
        <translation>{count} newid i&apos;w anfon</translation>
    </message>
    <message>
        <source>{count} changes to send</source>
        <translation>{count} newid i&apos;w hanfon</translation>
    </message>
    <message>
        <source>{count} conflict</source>
        <translation>{count} gwrthdaro</translation>
    </message>
    <message>
        <source>{count} conflicts</source>
        <translation>{count} gwrthdaro</translation>
    </message>
    <message>
        <source>{count} batch to confirm</source>
        <translation>{count} swp i&apos;w gadarnhau</translation>
    </message>
    <message>
        <source>{count} batches to confirm</source>
        <translation>{count} swp i&apos;w cadarnhau</translation>
    </message>
    <message>
        <source>This workspace is not in a sync team. Its records stay on this laptop until it joins one.</source>
        <translation>Nid yw&apos;r gofod gwaith hwn mewn tîm cysoni. Mae ei gofnodion yn aros ar y gliniadur hwn nes iddo ymuno ag un.</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>heb enw</translation>
    </message>
    <message>
        <source>Team: {team}; this laptop is {device}</source>
        <translation>Tîm: {team}; y gliniadur hwn yw {device}</translation>
    </message>
    <message>
        <source>Syncs through {target}</source>
        <translation>Yn cysoni drwy {target}</translation>
    </message>
    <message>
        <source>No sync target is set yet</source>
        <translation>Does dim targed cysoni wedi&apos;i osod eto</translation>
    </message>
    <message>
        <source>Last problem: {problem}</source>
        <translation>Y broblem ddiwethaf: {problem}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>Cysoni nawr</translation>
    </message>
    <message>
        <source>Send this laptop&apos;s changes to the team and bring in theirs.</source>
        <translation>Anfon newidiadau&apos;r gliniadur hwn at y tîm a dod â&apos;u newidiadau nhw i mewn.</translation>
    </message>
    <message>
        <source>Sync: checking…</source>
        <translation>Cysoni: wrthi&apos;n gwirio…</translation>
    </message>
    <message>
        <source>Sync status: checking</source>
        <translation>Statws cysoni: wrthi&apos;n gwirio</translation>
    </message>
    <message>
        <source>Opens the conflicts view when there are conflicts to resolve.</source>
        <translation>Yn agor gwedd y gwrthdaro pan fydd gwrthdaro i&apos;w ddatrys.</translation>
    </message>
    <message>
        <source>Sync status: {words}</source>
        <translation>Statws cysoni: {words}</translation>
    </message>
    <message>
        <source>Opens the conflicts view.</source>
        <translation>Yn agor gwedd y gwrthdaro.</translation>
    </message>
</context>
</TS>
