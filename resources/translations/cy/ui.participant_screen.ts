<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>ParticipantScreen</name>
    <message>
        <source>Our meeting</source>
        <translation>Ein cyfarfod</translation>
    </message>
    <message>
        <source>Family screen</source>
        <translation>Sgrin y teulu</translation>
    </message>
    <message>
        <source>What the meeting has so far</source>
        <translation>Beth sydd gan y cyfarfod hyd yma</translation>
    </message>
    <message>
        <source>Whose words</source>
        <translation>Geiriau pwy</translation>
    </message>
    <message>
        <source>Me (the young person)</source>
        <translation>Fi (y person ifanc)</translation>
    </message>
    <message>
        <source>Your words</source>
        <translation>Eich geiriau chi</translation>
    </message>
    <message>
        <source>Add my words</source>
        <translation>Ychwanegu fy ngeiriau</translation>
    </message>
    <message>
        <source>Taking a short pause</source>
        <translation>Cymryd saib byr</translation>
    </message>
    <message>
        <source>Screen paused</source>
        <translation>Sgrin wedi&apos;i hoedi</translation>
    </message>
    <message>
        <source>Let&apos;s take a break.</source>
        <translation>Gadewch i ni gael seibiant.</translation>
    </message>
    <message>
        <source>We&apos;ll carry on soon.
You can get a drink or some air.</source>
        <translation>Byddwn ni&apos;n parhau cyn bo hir.
Gallwch chi gael diod neu ychydig o awyr iach.</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Seibiant</translation>
    </message>
    <message>
        <source>Easier-to-read font</source>
        <translation>Ffont haws ei ddarllen</translation>
    </message>
    <message>
        <source>Shows the words on this screen in a font many people find easier to read</source>
        <translation>Dangos y geiriau ar y sgrin hon mewn ffont sy&apos;n haws i lawer o bobl ei ddarllen</translation>
    </message>
    <message>
        <source>Language / Iaith</source>
        <translation>Iaith / Language</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Neges</translation>
    </message>
    <message>
        <source>Map of places and groups</source>
        <translation>Map o leoedd a grwpiau</translation>
    </message>
    <message>
        <source>Pause the screen</source>
        <translation>Oedi&apos;r sgrin</translation>
    </message>
    <message>
        <source>Take a break</source>
        <translation>Cymryd seibiant</translation>
    </message>
    <message>
        <source>Show screen (F8)</source>
        <translation>Dangos y sgrin (F8)</translation>
    </message>
    <message>
        <source>Pause screen (F8)</source>
        <translation>Oedi&apos;r sgrin (F8)</translation>
    </message>
    <message>
        <source>Back to the meeting (F9)</source>
        <translation>Yn ôl i&apos;r cyfarfod (F9)</translation>
    </message>
    <message>
        <source>Take a break (F9)</source>
        <translation>Cymryd seibiant (F9)</translation>
    </message>
    <message>
        <source>This screen could not be updated just now.</source>
        <translation>Doedd dim modd diweddaru&apos;r sgrin hon y tro hwn.</translation>
    </message>
    <message>
        <source>The easier-to-read font could not be loaded.</source>
        <translation>Doedd dim modd llwytho&apos;r ffont haws ei ddarllen.</translation>
    </message>
    <message>
        <source>Your words were not saved just now. The chair can help.</source>
        <translation>Chafodd eich geiriau ddim eu cadw y tro hwn. Gall y cadeirydd helpu.</translation>
    </message>
    <message>
        <source>That change to the map was not saved. The chair can help.</source>
        <translation>Chafodd y newid hwnnw i&apos;r map ddim ei gadw. Gall y cadeirydd helpu.</translation>
    </message>
</context>
</TS>
