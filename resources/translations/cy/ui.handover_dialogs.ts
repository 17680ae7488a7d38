<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>HandoverExportDialog</name>
    <message>
        <source>Hand over the assessment</source>
        <translation type="unfinished">Trosglwyddo&apos;r asesiad</translation>
    </message>
    <message>
        <source>The file is encrypted. Give the chair the passphrase another way (by phone, not in the same email), or use your sync team&apos;s key if you are both in it.</source>
        <translation type="unfinished">Mae&apos;r ffeil wedi&apos;i hamgryptio. Rhowch y cyfrinymadrodd i&apos;r cadeirydd mewn ffordd arall (dros y ffôn, nid yn yr un e-bost), neu defnyddiwch allwedd eich tîm cysoni os ydych chi&apos;ch dau ynddo.</translation>
    </message>
    <message>
        <source>Protect with a &amp;passphrase</source>
        <translation type="unfinished">Diogelu gyda &amp;chyfrinymadrodd</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation type="unfinished">Diogelu gyda chyfrinymadrodd</translation>
    </message>
    <message>
        <source>Protect with the sync &amp;team&apos;s key</source>
        <translation type="unfinished">Diogelu gydag allwedd y &amp;tîm cysoni</translation>
    </message>
    <message>
        <source>Protect with the sync team&apos;s key</source>
        <translation type="unfinished">Diogelu gydag allwedd y tîm cysoni</translation>
    </message>
    <message>
        <source>Handover passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd y trosglwyddiad</translation>
    </message>
    <message>
        <source>Handover passphrase again</source>
        <translation type="unfinished">Cyfrinymadrodd y trosglwyddiad eto</translation>
    </message>
    <message>
        <source>Save the handover file as</source>
        <translation type="unfinished">Cadw ffeil y trosglwyddiad fel</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished">Dewis…</translation>
    </message>
    <message>
        <source>Choose where to save the handover file</source>
        <translation type="unfinished">Dewis ble i gadw ffeil y trosglwyddiad</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation type="unfinished">Cyfrin&amp;ymadrodd:</translation>
    </message>
    <message>
        <source>A&amp;gain:</source>
        <translation type="unfinished">E&amp;to:</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation type="unfinished">Cadw &amp;fel:</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation type="unfinished">&amp;Trosglwyddo</translation>
    </message>
    <message>
        <source>Choose where to save it.</source>
        <translation type="unfinished">Dewiswch ble i&apos;w chadw.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished">Dydy&apos;r ddau gyfrinymadrodd ddim yr un fath.</translation>
    </message>
</context>
<context>
    <name>HandoverImportDialog</name>
    <message>
        <source>Import a handover</source>
        <translation type="unfinished">Mewnforio trosglwyddiad</translation>
    </message>
    <message>
        <source>Import an assessment a social worker handed over. Nothing already here is changed; if the file cannot be trusted, nothing is imported at all.</source>
        <translation type="unfinished">Mewnforio asesiad a drosglwyddwyd gan weithiwr cymdeithasol. Does dim byd sydd yma&apos;n barod yn cael ei newid; os na ellir ymddiried yn y ffeil, does dim byd yn cael ei fewnforio o gwbl.</translation>
    </message>
    <message>
        <source>Handover file</source>
        <translation type="unfinished">Ffeil y trosglwyddiad</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished">Dewis…</translation>
    </message>
    <message>
        <source>Choose the handover file</source>
        <translation type="unfinished">Dewis ffeil y trosglwyddiad</translation>
    </message>
    <message>
        <source>Handover passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd y trosglwyddiad</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished">&amp;Ffeil:</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation type="unfinished">Cyfrin&amp;ymadrodd:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished">&amp;Mewnforio</translation>
    </message>
    <message>
        <source>Protected by your sync team&apos;s key.</source>
        <translation type="unfinished">Wedi&apos;i diogelu gan allwedd eich tîm cysoni.</translation>
    </message>
    <message>
        <source>Protected by a passphrase.</source>
        <translation type="unfinished">Wedi&apos;i diogelu gan gyfrinymadrodd.</translation>
    </message>
    <message>
        <source>Choose the handover file.</source>
        <translation type="unfinished">Dewiswch ffeil y trosglwyddiad.</translation>
    </message>
</context>
<context>
    <name>HandoverImportRun</name>
    <message>
        <source>Import a handover</source>
        <translation type="unfinished">Mewnforio trosglwyddiad</translation>
    </message>
    <message>
        <source>Imported {name}&apos;s assessment ({count} records).</source>
        <translation type="unfinished">Wedi mewnforio asesiad {name} ({count} cofnod).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Cau</translation>
    </message>
</context>
<context>
    <name>_HandoverDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Canslo</translation>
    </message>
</context>
</TS>
