<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Gwrthdaro cysoni</translation>
    </message>
    <message>
        <source>Records changed on two laptops before they synced, with each version side by side.</source>
        <translation>Cofnodion a newidiwyd ar ddau liniadur cyn iddyn nhw gysoni, gyda phob fersiwn ochr yn ochr.</translation>
    </message>
    <message>
        <source>When the same thing was changed on two laptops before they synced, every version is kept. Until you choose, the record shows the newest one. Whatever you choose goes to the other laptops at the next sync.</source>
        <translation>Pan gafodd yr un peth ei newid ar ddau liniadur cyn iddyn nhw gysoni, mae pob fersiwn yn cael ei chadw. Nes i chi ddewis, mae&apos;r cofnod yn dangos y fersiwn fwyaf newydd. Bydd beth bynnag a ddewiswch chi&apos;n mynd i&apos;r gliniaduron eraill yn y cysoni nesaf.</translation>
    </message>
    <message>
        <source>Looking for conflicts…</source>
        <translation>Wrthi&apos;n chwilio am wrthdaro…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Gwrthdaro</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Newidiwyd gan</translation>
    </message>
    <message>
        <source>Arrow keys choose a conflict; its versions are shown beneath. Tab moves to the versions.</source>
        <translation>Mae&apos;r bysellau saeth yn dewis gwrthdaro; dangosir ei fersiynau oddi tano. Mae Tab yn symud i&apos;r fersiynau.</translation>
    </message>
    <message>
        <source>Before either change:</source>
        <translation>Cyn y naill newid na&apos;r llall:</translation>
    </message>
    <message>
        <source>Before either change</source>
        <translation>Cyn y naill newid na&apos;r llall</translation>
    </message>
    <message>
        <source>The text both laptops started from, before either change.</source>
        <translation>Y testun y dechreuodd y ddau liniadur ohono, cyn y naill newid na&apos;r llall.</translation>
    </message>
    <message>
        <source>&amp;Restore the record</source>
        <translation>&amp;Adfer y cofnod</translation>
    </message>
    <message>
        <source>Bring the record back with the changes made on the other laptop.</source>
        <translation>Dod â&apos;r cofnod yn ôl gyda&apos;r newidiadau a wnaed ar y gliniadur arall.</translation>
    </message>
    <message>
        <source>&amp;Leave it deleted</source>
        <translation>&amp;Gadael wedi&apos;i ddileu</translation>
    </message>
    <message>
        <source>Agree it stays deleted; the changes made on the other laptop are let go.</source>
        <translation>Cytuno ei fod yn aros wedi&apos;i ddileu; mae&apos;r newidiadau a wnaed ar y gliniadur arall yn cael eu gollwng.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Close the conflicts view; unanswered conflicts wait here.</source>
        <translation>Cau gwedd y gwrthdaro; mae gwrthdaro heb ei ateb yn aros yma.</translation>
    </message>
    <message>
        <source>Deleted on one laptop, changed on another</source>
        <translation>Wedi&apos;i ddileu ar un gliniadur, wedi&apos;i newid ar un arall</translation>
    </message>
    <message>
        <source>Sync conflicts ({count} to resolve)</source>
        <translation>Gwrthdaro cysoni ({count} i&apos;w datrys)</translation>
    </message>
    <message>
        <source>This {record} record was deleted on one laptop while it was being changed on another, so it is deleted for now. Below is the record as it was, with those changes. Restore it, or leave it deleted.</source>
        <translation>Cafodd y cofnod hwn ({record}) ei ddileu ar un gliniadur tra oedd yn cael ei newid ar un arall, felly mae wedi&apos;i ddileu am y tro. Isod mae&apos;r cofnod fel yr oedd, gyda&apos;r newidiadau hynny. Adferwch ef, neu gadewch ef wedi&apos;i ddileu.</translation>
    </message>
    <message>
        <source>{count} versions. The record shows version {number} ({device}) until you choose.</source>
        <translation>{count} fersiwn. Mae&apos;r cofnod yn dangos fersiwn {number} ({device}) nes i chi ddewis.</translation>
    </message>
    <message>
        <source>Before either change: {text}</source>
        <translation>Cyn y naill newid na&apos;r llall: {text}</translation>
    </message>
    <message>
        <source>As it was, with the changes by {who}, {when}</source>
        <translation>Fel yr oedd, gyda&apos;r newidiadau gan {who}, {when}</translation>
    </message>
    <message>
        <source>Version {number} of {total}: {who}, {when} (shown now)</source>
        <translation>Fersiwn {number} o {total}: {who}, {when} (yn cael ei dangos nawr)</translation>
    </message>
    <message>
        <source>Version {number} of {total}: {who}, {when}</source>
        <translation>Fersiwn {number} o {total}: {who}, {when}</translation>
    </message>
    <message>
        <source>The record as it was, with the changes that could not be kept</source>
        <translation>Y cofnod fel yr oedd, gyda&apos;r newidiadau nad oedd modd eu cadw</translation>
    </message>
    <message>
        <source>Version {number} of {total}, from {device}</source>
        <translation>Fersiwn {number} o {total}, o {device}</translation>
    </message>
    <message>
        <source>Written by {who}, {when}. The whole value, read only.</source>
        <translation>Ysgrifennwyd gan {who}, {when}. Y gwerth cyfan, i&apos;w ddarllen yn unig.</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Cadw&apos;r fersiwn hon</translation>
    </message>
    <message>
        <source>Keep version {number}, from {device}, on every laptop.</source>
        <translation>Cadw fersiwn {number}, o {device}, ar bob gliniadur.</translation>
    </message>
    <message>
        <source>Keep version {number}, from {device}</source>
        <translation>Cadw fersiwn {number}, o {device}</translation>
    </message>
    <message>
        <source>Edit and keep…</source>
        <translation>Golygu a chadw…</translation>
    </message>
    <message>
        <source>Start from version {number} and write the text to keep.</source>
        <translation>Dechrau o fersiwn {number} ac ysgrifennu&apos;r testun i&apos;w gadw.</translation>
    </message>
    <message>
        <source>Edit version {number} and keep it</source>
        <translation>Golygu fersiwn {number} a&apos;i chadw</translation>
    </message>
    <message>
        <source>keep version {number} of {field}</source>
        <translation>cadw fersiwn {number} o {field}</translation>
    </message>
    <message>
        <source>write the {field}</source>
        <translation>ysgrifennu {field}</translation>
    </message>
    <message>
        <source>restore the {record}</source>
        <translation>adfer {record}</translation>
    </message>
    <message>
        <source>leave it deleted</source>
        <translation>ei adael wedi&apos;i ddileu</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>No conflicts to resolve.</source>
        <translation>Dim gwrthdaro i&apos;w ddatrys.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(gwag)</translation>
    </message>
    <message>
        <source>Young person</source>
        <translation>Person ifanc</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Aelod o&apos;r teulu</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Gweithiwr proffesiynol</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Professional on the case</source>
        <translation>Gweithiwr proffesiynol ar yr achos</translation>
    </message>
    <message>
        <source>Pathway transfer</source>
        <translation>Trosglwyddiad llwybr</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Cynhadledd</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenoldeb</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Proffil</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Llais</translation>
    </message>
    <message>
        <source>Context on the map</source>
        <translation>Cyd-destun ar y map</translation>
    </message>
    <message>
        <source>Link on the map</source>
        <translation>Cysylltiad ar y map</translation>
    </message>
    <message>
        <source>Partner information</source>
        <translation>Gwybodaeth gan bartneriaid</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Angen</translation>
    </message>
    <message>
        <source>Harm</source>
        <translation>Niwed</translation>
    </message>
    <message>
        <source>View on the decision</source>
        <translation>Barn ar y penderfyniad</translation>
    </message>
    <message>
        <source>Plan goal</source>
        <translation>Nod yn y cynllun</translation>
    </message>
    <message>
        <source>Goal link</source>
        <translation>Cysylltiad nod</translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation>Cam gweithredu yn y cynllun</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Cofnod cyfarfod</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Ymweliad</translation>
    </message>
    <message>
        <source>Missed deadline</source>
        <translation>Dyddiad terfyn a gollwyd</translation>
    </message>
    <message>
        <source>Minute text</source>
        <translation>Testun y cofnod cyfarfod</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Eu geiriau nhw</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Beth a ddywedwyd</translation>
    </message>
    <message>
        <source>Young person&apos;s view</source>
        <translation>Barn y person ifanc</translation>
    </message>
    <message>
        <source>Family&apos;s view</source>
        <translation>Barn y teulu</translation>
    </message>
    <message>
        <source>{device} (this laptop)</source>
        <translation>{device} (y gliniadur hwn)</translation>
    </message>
    <message>
        <source>another laptop</source>
        <translation>gliniadur arall</translation>
    </message>
    <message>
        <source>laptop {device}</source>
        <translation>gliniadur {device}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished">Ydy</translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished">Nac ydy</translation>
    </message>
    <message>
        <source>a {record} no longer here</source>
        <translation>{record} nad yw yma mwyach</translation>
    </message>
    <message>
        <source>{actor} on {device}</source>
        <translation>{actor} ar {device}</translation>
    </message>
    <message>
        <source>deleted on one laptop, changed on another</source>
        <translation>wedi&apos;i ddileu ar un gliniadur, wedi&apos;i newid ar un arall</translation>
    </message>
    <message>
        <source>Changed by {who}, {when}, after it was deleted elsewhere</source>
        <translation>Newidiwyd gan {who}, {when}, ar ôl iddo gael ei ddileu mewn man arall</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Write the version to keep: {field}</source>
        <translation>Ysgrifennu&apos;r fersiwn i&apos;w chadw: {field}</translation>
    </message>
    <message>
        <source>This starts from version {number} ({who}). Bring in what matters from the other versions; what you keep here replaces them all, on every laptop.</source>
        <translation>Mae hwn yn dechrau o fersiwn {number} ({who}). Dewch â&apos;r hyn sy&apos;n bwysig o&apos;r fersiynau eraill; bydd yr hyn rydych chi&apos;n ei gadw yma yn cymryd lle pob un ohonyn nhw, ar bob gliniadur.</translation>
    </message>
    <message>
        <source>The {field} to keep</source>
        <translation>{field} i&apos;w gadw</translation>
    </message>
    <message>
        <source>Edit freely; Tab moves on to the buttons. Nothing is saved until you choose Keep.</source>
        <translation>Golygwch fel y mynnwch; mae Tab yn symud ymlaen i&apos;r botymau. Does dim yn cael ei gadw nes i chi ddewis Cadw.</translation>
    </message>
    <message>
        <source>&amp;Keep this text</source>
        <translation>&amp;Cadw&apos;r testun hwn</translation>
    </message>
    <message>
        <source>Keep this text</source>
        <translation>Cadw&apos;r testun hwn</translation>
    </message>
    <message>
        <source>Save this text as the one to keep</source>
        <translation>Cadw&apos;r testun hwn fel yr un i&apos;w gadw</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Close without keeping anything; the conflict stays</source>
        <translation>Cau heb gadw dim; mae&apos;r gwrthdaro&apos;n aros</translation>
    </message>
</context>
</TS>
