<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>ContextMap</name>
    <message>
        <source>Safe</source>
        <translation>Diogel</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation>Anniogel</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Cymysg</translation>
    </message>
    <message>
        <source>Not yet known</source>
        <translation>Ddim yn hysbys eto</translation>
    </message>
    <message>
        <source>Plus or minus changes its share. F2 renames it, L links it to another context, Delete removes it, Shift+F10 opens its menu.</source>
        <translation>Mae plws neu minws yn newid ei gyfran. Mae F2 yn ei ailenwi, L yn ei gysylltu â chyd-destun arall, Delete yn ei dynnu, a Shift+F10 yn agor ei ddewislen.</translation>
    </message>
    <message>
        <source>Context weighting map</source>
        <translation>Map pwysoli cyd-destunau</translation>
    </message>
    <message>
        <source>Linked to {other}: {label}</source>
        <translation>Cysylltiad â&apos;r cyd-destun {other}: {label}</translation>
    </message>
    <message>
        <source>Linked to {other}</source>
        <translation>Cysylltiad â&apos;r cyd-destun {other}</translation>
    </message>
    <message>
        <source>Linked from {other}: {label}</source>
        <translation>Cysylltiad o&apos;r cyd-destun {other}: {label}</translation>
    </message>
    <message>
        <source>Linked from {other}</source>
        <translation>Cysylltiad o&apos;r cyd-destun {other}</translation>
    </message>
    <message>
        <source>Linking from here</source>
        <translation>Yn cysylltu o&apos;r fan hon</translation>
    </message>
    <message>
        <source>No contexts on the map yet.</source>
        <translation>Dim cyd-destunau ar y map eto.</translation>
    </message>
    <message>
        <source>Linking from {name}: choose the other context with the arrow keys and press Enter, or Escape to stop.</source>
        <translation>Yn cysylltu o&apos;r cyd-destun {name}: dewiswch y cyd-destun arall gyda&apos;r bysellau saeth a phwyso Enter, neu Escape i stopio.</translation>
    </message>
    <message>
        <source>{name}: {safety}, {percent}.</source>
        <translation>{name}: {safety}, {percent}.</translation>
    </message>
    <message>
        <source>1 context: {tally}.</source>
        <translation>1 cyd-destun: {tally}.</translation>
    </message>
    <message>
        <source>{count} contexts: {tally}.</source>
        <translation>{count} cyd-destun: {tally}.</translation>
    </message>
    <message>
        <source>Link from {name}: choose the other context (arrows and Enter, or click). Esc stops.</source>
        <translation>Cysylltu o&apos;r cyd-destun {name}: dewiswch y cyd-destun arall (saethau ac Enter, neu glicio). Mae Esc yn stopio.</translation>
    </message>
    <message>
        <source>Press Insert, or right-click, to add one.</source>
        <translation>Pwyswch Insert, neu gliciwch â&apos;r botwm de, i ychwanegu un.</translation>
    </message>
    <message>
        <source>Context map actions</source>
        <translation>Dewisiadau&apos;r map cyd-destunau</translation>
    </message>
    <message>
        <source>&amp;Grow by 5%</source>
        <translation>&amp;Ehangu o 5%</translation>
    </message>
    <message>
        <source>&amp;Shrink by 5%</source>
        <translation>&amp;Lleihau o 5%</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Ailenwi…</translation>
    </message>
    <message>
        <source>&amp;Link to…</source>
        <translation>&amp;Cysylltu â…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Tynnu</translation>
    </message>
    <message>
        <source>&amp;Add context…</source>
        <translation>&amp;Ychwanegu cyd-destun…</translation>
    </message>
    <message>
        <source>Shrink by 5%</source>
        <translation>Lleihau o 5%</translation>
    </message>
    <message>
        <source>Grow by 5%</source>
        <translation>Ehangu o 5%</translation>
    </message>
</context>
</TS>
