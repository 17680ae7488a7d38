<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>SyncRun</name>
    <message>
        <source>Sync</source>
        <translation>Cysoni</translation>
    </message>
    <message>
        <source>This workspace is not in a sync team yet: to join one, ask your team&apos;s sync admin for an enrolment file and its one-time code, then enrol this laptop with &apos;roth-desktop team enrol&apos;.</source>
        <translation>Nid yw&apos;r gofod gwaith hwn mewn tîm cysoni eto: i ymuno ag un, gofynnwch i weinyddwr cysoni eich tîm am ffeil gofrestru a&apos;i chod untro, yna cofrestrwch y gliniadur hwn gyda &apos;roth-desktop team enrol&apos;.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>{line}; nothing from it was applied.</source>
        <translation>{line}; ni roddwyd dim ohoni ar waith.</translation>
    </message>
    <message>
        <source>Changes from {device} would delete {count} records.</source>
        <translation>Byddai newidiadau gan {device} yn dileu {count} cofnod.</translation>
    </message>
    <message>
        <source>Apply this and delete the {total} records now? If you are not sure, choose Not now and ask whoever made the change: nothing is deleted until someone confirms it.</source>
        <translation>Rhoi hwn ar waith a dileu&apos;r {total} cofnod nawr? Os nad ydych chi&apos;n siŵr, dewiswch Dim nawr a gofynnwch i bwy bynnag wnaeth y newid: does dim yn cael ei ddileu nes bod rhywun yn ei gadarnhau.</translation>
    </message>
    <message>
        <source>Apply these and delete the {total} records now? If you are not sure, choose Not now and ask whoever made the change: nothing is deleted until someone confirms it.</source>
        <translation>Rhoi&apos;r rhain ar waith a dileu&apos;r {total} cofnod nawr? Os nad ydych chi&apos;n siŵr, dewiswch Dim nawr a gofynnwch i bwy bynnag wnaeth y newid: does dim yn cael ei ddileu nes bod rhywun yn ei gadarnhau.</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wrthi&apos;n cysoni</translation>
    </message>
    <message>
        <source>The sync folder or server could not be reached ({reason}).</source>
        <translation>Nid oedd modd cyrraedd y ffolder neu&apos;r gweinydd cysoni ({reason}).</translation>
    </message>
    <message>
        <source>The sync stopped. {reason}
Anything already sent or brought in is kept, and the next sync carries on from there.</source>
        <translation>Daeth y cysoni i ben. {reason}
Mae unrhyw beth a anfonwyd neu a ddaeth i mewn eisoes yn cael ei gadw, a bydd y cysoni nesaf yn parhau o&apos;r fan honno.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>The sync stopped. {reason}</source>
        <translation>Daeth y cysoni i ben. {reason}</translation>
    </message>
    <message>
        <source>One envelope was not applied:</source>
        <translation>Ni roddwyd un amlen ar waith:</translation>
    </message>
    <message>
        <source>{count} envelopes were not applied:</source>
        <translation>Ni roddwyd {count} amlen ar waith:</translation>
    </message>
    <message>
        <source>Apply the deletions</source>
        <translation>Rhoi&apos;r dileadau ar waith</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Dim nawr</translation>
    </message>
</context>
</TS>
