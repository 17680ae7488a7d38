<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>CalendarExportDialog</name>
    <message>
        <source>Export calendar</source>
        <translation>Allforio calendr</translation>
    </message>
    <message>
        <source>Conferences booked and the dates initial conferences, core groups and reviews are due, for the year ahead. Each entry shows the young person&apos;s initials only: no names, places or notes, because a calendar leaves this laptop&apos;s encrypted workspace.</source>
        <translation>Cynadleddau sydd wedi&apos;u trefnu, a&apos;r dyddiadau pan fydd cynadleddau cychwynnol, grwpiau craidd ac adolygiadau yn ddyledus, am y flwyddyn i ddod. Mae pob eitem yn dangos llythrennau cyntaf enw&apos;r person ifanc yn unig: dim enwau, lleoedd na nodiadau, oherwydd bod calendr yn gadael gofod gwaith y gliniadur hwn, sydd wedi&apos;i amgryptio.</translation>
    </message>
    <message>
        <source>Calendar file to save</source>
        <translation>Ffeil calendr i&apos;w chadw</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewis…</translation>
    </message>
    <message>
        <source>Choose the calendar file to save</source>
        <translation>Dewis y ffeil calendr i&apos;w chadw</translation>
    </message>
    <message>
        <source>iCalendar file (*.ics)</source>
        <translation>Ffeil iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Cadw &amp;fel:</translation>
    </message>
    <message>
        <source>Exporting the calendar</source>
        <translation>Wrthi&apos;n allforio&apos;r calendr</translation>
    </message>
</context>
<context>
    <name>ConferenceExportDialog</name>
    <message>
        <source>Print or export the conference</source>
        <translation>Argraffu neu allforio&apos;r gynhadledd</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Math o ffeil</translation>
    </message>
    <message>
        <source>PDF, to print or send</source>
        <translation>PDF, i&apos;w argraffu neu ei anfon</translation>
    </message>
    <message>
        <source>JSON, for the case management system</source>
        <translation>JSON, ar gyfer y system rheoli achosion</translation>
    </message>
    <message>
        <source>File &amp;type:</source>
        <translation>&amp;Math o ffeil:</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Cadw &amp;fel:</translation>
    </message>
    <message>
        <source>Conference record (professionals)</source>
        <translation>Cofnod y gynhadledd (gweithwyr proffesiynol)</translation>
    </message>
    <message>
        <source>Everything, with restricted information in its own marked section.</source>
        <translation>Popeth, gyda gwybodaeth gyfyngedig mewn adran ar wahân sydd wedi&apos;i marcio.</translation>
    </message>
    <message>
        <source>Family copy</source>
        <translation>Copi&apos;r teulu</translation>
    </message>
    <message>
        <source>For the young person and family: nothing restricted, plain words.</source>
        <translation>Ar gyfer y person ifanc a&apos;r teulu: dim byd cyfyngedig, geiriau syml.</translation>
    </message>
    <message>
        <source>Young person&apos;s plan</source>
        <translation>Cynllun y person ifanc</translation>
    </message>
    <message>
        <source>The plan written to the young person, with their map.</source>
        <translation>Y cynllun wedi&apos;i ysgrifennu at y person ifanc, gyda&apos;i fap.</translation>
    </message>
    <message>
        <source>Plan for the core group</source>
        <translation>Cynllun ar gyfer y grŵp craidd</translation>
    </message>
    <message>
        <source>The plan on its own, for the core group.</source>
        <translation>Y cynllun ar ei ben ei hun, ar gyfer y grŵp craidd.</translation>
    </message>
    <message>
        <source>Exporting the conference</source>
        <translation>Wrthi&apos;n allforio&apos;r gynhadledd</translation>
    </message>
    <message>
        <source>Making the {copy}</source>
        <translation>Wrthi&apos;n creu {copy}</translation>
    </message>
</context>
<context>
    <name>DataReturnDialog</name>
    <message>
        <source>ROTH data return</source>
        <translation type="unfinished">Ffurflen ddata ROTH</translation>
    </message>
    <message>
        <source>Counts for the strategic lead: young people on ROTH plans, harm types, age, gender, ethnicity, needs, timescales and transfers. Small numbers are hidden.</source>
        <translation>Niferoedd ar gyfer yr arweinydd strategol: pobl ifanc ar gynlluniau ROTH, mathau o niwed, oedran, rhywedd, ethnigrwydd, anghenion, amserlenni a throsglwyddiadau. Mae niferoedd bach yn cael eu cuddio.</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Diwrnod cyntaf</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Diwrnod olaf</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;O:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hyd at:</translation>
    </message>
    <message>
        <source>Population table (optional)</source>
        <translation>Tabl poblogaeth (dewisol)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewis…</translation>
    </message>
    <message>
        <source>Choose the population table</source>
        <translation>Dewis y tabl poblogaeth</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tabl CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Population table:</source>
        <translation>Tabl &amp;poblogaeth:</translation>
    </message>
    <message>
        <source>Hide counts below</source>
        <translation>Cuddio niferoedd o dan</translation>
    </message>
    <message>
        <source>&amp;Hide counts below:</source>
        <translation>C&amp;uddio niferoedd o dan:</translation>
    </message>
    <message>
        <source>Bank holidays</source>
        <translation>Gwyliau banc</translation>
    </message>
    <message>
        <source>England</source>
        <translation>Lloegr</translation>
    </message>
    <message>
        <source>Wales</source>
        <translation>Cymru</translation>
    </message>
    <message>
        <source>&amp;Bank holidays of:</source>
        <translation>&amp;Gwyliau banc:</translation>
    </message>
    <message>
        <source>Workbook to save</source>
        <translation>Llyfr gwaith i&apos;w gadw</translation>
    </message>
    <message>
        <source>Choose the workbook to save</source>
        <translation>Dewis y llyfr gwaith i&apos;w gadw</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Llyfr gwaith Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Cadw &amp;fel:</translation>
    </message>
    <message>
        <source>The date range is empty: the last day is before the first.</source>
        <translation>Mae&apos;r ystod dyddiadau&apos;n wag: mae&apos;r diwrnod olaf cyn y diwrnod cyntaf.</translation>
    </message>
    <message>
        <source>Making the ROTH data return</source>
        <translation type="unfinished">Wrthi&apos;n creu&apos;r ffurflen ddata ROTH</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished">C&amp;adw</translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished">Cadw</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Canslo</translation>
    </message>
    <message>
        <source>Choose where to save it.</source>
        <translation type="unfinished">Dewiswch ble i&apos;w chadw.</translation>
    </message>
    <message>
        <source>Who is this copy for?</source>
        <translation>I bwy mae&apos;r copi hwn?</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English (Saesneg)</translation>
    </message>
    <message>
        <source>Cymraeg (Welsh)</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <source>Protective marking</source>
        <translation type="unfinished">Marc diogelu</translation>
    </message>
    <message>
        <source>Protective &amp;marking:</source>
        <translation type="unfinished">Marc &amp;diogelu:</translation>
    </message>
    <message>
        <source>Protect the PDF with a password</source>
        <translation>Diogelu&apos;r PDF â chyfrinair</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>Cyfrinair y PDF</translation>
    </message>
    <message>
        <source>PDF password again</source>
        <translation>Cyfrinair y PDF eto</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Cyfrinair:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Cyfrinair &amp;eto:</translation>
    </message>
    <message>
        <source>A protective marking is up to 40 capital letters, digits, spaces or hyphens, for example OFFICIAL-SENSITIVE.</source>
        <translation type="unfinished">Mae marc diogelu yn cynnwys hyd at 40 o briflythrennau, digidau, bylchau neu gysylltnodau, er enghraifft OFFICIAL-SENSITIVE.</translation>
    </message>
    <message>
        <source>Use a password of at least {count} characters.</source>
        <translation>Defnyddiwch gyfrinair o {count} nod o leiaf.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Dydy&apos;r ddau gyfrinair ddim yr un fath.</translation>
    </message>
    <message>
        <source>File to save</source>
        <translation>Ffeil i&apos;w chadw</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewis…</translation>
    </message>
    <message>
        <source>Choose the file to save</source>
        <translation>Dewis y ffeil i&apos;w chadw</translation>
    </message>
</context>
</TS>
