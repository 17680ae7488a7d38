<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Cyfrinymadrodd presennol</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Cyfrinymadrodd newydd eto</translation>
    </message>
    <message>
        <source>Passphrase message</source>
        <translation>Neges am y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>Cyfrinymadrodd &amp;presennol</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>Cyfrinymadrodd &amp;newydd</translation>
    </message>
    <message>
        <source>New passphrase &amp;again</source>
        <translation>Cyfrinymadrodd newydd &amp;eto</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Your records are not re-encrypted; only the key is re-wrapped.</source>
        <translation>Nid yw eich cofnodion yn cael eu hailamgryptio; dim ond yr allwedd sy&apos;n cael ei hail-lapio.</translation>
    </message>
    <message>
        <source>The two new passphrases are different.</source>
        <translation>Mae&apos;r ddau gyfrinymadrodd newydd yn wahanol.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ROTH Desktop — {folder}</source>
        <translation>ROTH Desktop — {folder}</translation>
    </message>
    <message>
        <source>Main views</source>
        <translation>Prif weddau</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heddiw</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Achosion</translation>
    </message>
    <message>
        <source>Lock state</source>
        <translation>Cyflwr y clo</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Pob newid wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Cyflwr cadw</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Cysoni nawr</translation>
    </message>
    <message>
        <source>Sync now (Ctrl+Shift+Y)</source>
        <translation>Cysoni nawr (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;New young person…</source>
        <translation>&amp;Person ifanc newydd…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Newid y &amp;cyfrinymadrodd…</translation>
    </message>
    <message>
        <source>Auto-lock &amp;time…</source>
        <translation>Amser cloi a&amp;wtomatig…</translation>
    </message>
    <message>
        <source>ROTH &amp;data return…</source>
        <translation type="unfinished">&amp;Ffurflen ddata ROTH…</translation>
    </message>
    <message>
        <source>Export &amp;calendar…</source>
        <translation>Allforio&apos;r c&amp;alendr…</translation>
    </message>
    <message>
        <source>&amp;Timescales policy…</source>
        <translation>Polisi a&amp;mserlenni…</translation>
    </message>
    <message>
        <source>&amp;Import a handover…</source>
        <translation type="unfinished">Mewnforio &amp;trosglwyddiad…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>C&amp;loi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ailwneud</translation>
    </message>
    <message>
        <source>&amp;Find young person</source>
        <translation>Dod o &amp;hyd i berson ifanc</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>C&amp;ysoni</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Gwrthdaro…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>G&amp;weld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Cy&amp;morth</translation>
    </message>
    <message>
        <source>&amp;Keys and help</source>
        <translation>&amp;Bysellau a chymorth</translation>
    </message>
    <message>
        <source>&amp;Words we use…</source>
        <translation>&amp;Geiriau rydyn ni&apos;n eu defnyddio…</translation>
    </message>
    <message>
        <source>&amp;About ROTH Desktop</source>
        <translation>&amp;Ynghylch ROTH Desktop</translation>
    </message>
    <message>
        <source>Unlocked · locks after {minutes} idle minutes · Ctrl+L locks now</source>
        <translation>Wedi&apos;i ddatgloi · yn cloi ar ôl {minutes} munud segur · mae Ctrl+L yn cloi nawr</translation>
    </message>
    <message>
        <source>Auto-lock time</source>
        <translation>Amser cloi awtomatig</translation>
    </message>
    <message>
        <source>Lock the workspace after this many idle minutes:</source>
        <translation>Cloi&apos;r gofod gwaith ar ôl hyn o funudau segur:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Yn cadw…</translation>
    </message>
    <message>
        <source>New young person</source>
        <translation>Person ifanc newydd</translation>
    </message>
    <message>
        <source>Risk Outside the Home conferences: offline, encrypted, and written for the people in the room.</source>
        <translation>Cynadleddau Risg y Tu Allan i&apos;r Cartref: all-lein, wedi&apos;u hamgryptio, ac wedi&apos;u hysgrifennu ar gyfer y bobl yn yr ystafell.</translation>
    </message>
    <message>
        <source>About ROTH Desktop</source>
        <translation>Ynghylch ROTH Desktop</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
</context>
</TS>
