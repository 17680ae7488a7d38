<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Conference console</source>
        <translation>Consol y gynhadledd</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Cynhadledd</translation>
    </message>
    <message>
        <source>Family &amp;screen (F7)</source>
        <translation>Sgrin y &amp;teulu (F7)</translation>
    </message>
    <message>
        <source>&amp;Blank family screen (F8)</source>
        <translation type="unfinished">&amp;Gwagio sgrin y teulu (F8)</translation>
    </message>
    <message>
        <source>&amp;Take a break (F9)</source>
        <translation>Cymryd &amp;seibiant (F9)</translation>
    </message>
    <message>
        <source>Shows a calm break page on the family screen, or takes it away again</source>
        <translation>Yn dangos tudalen seibiant dawel ar sgrin y teulu, neu&apos;n ei thynnu i ffwrdd eto</translation>
    </message>
    <message>
        <source>&amp;Agree conference…</source>
        <translation>&amp;Cytuno ar y gynhadledd…</translation>
    </message>
    <message>
        <source>&amp;Re-open…</source>
        <translation>&amp;Ailagor…</translation>
    </message>
    <message>
        <source>The language of this console only; the family screen has its own</source>
        <translation>Iaith y consol hwn yn unig; mae gan sgrin y teulu ei hiaith ei hun</translation>
    </message>
    <message>
        <source>Agenda steps</source>
        <translation>Camau&apos;r agenda</translation>
    </message>
    <message>
        <source>Up and down arrows choose a step; Ctrl+Page Down goes to the next one</source>
        <translation>Mae&apos;r saethau i fyny ac i lawr yn dewis cam; mae Ctrl+Page Down yn mynd i&apos;r un nesaf</translation>
    </message>
    <message>
        <source>← Bac&amp;k</source>
        <translation>← Yn ô&amp;l</translation>
    </message>
    <message>
        <source>N&amp;ext →</source>
        <translation>Y&amp;mlaen →</translation>
    </message>
    <message>
        <source>Prompts for this step</source>
        <translation type="unfinished">Pwyntiau trafod ar gyfer y cam hwn</translation>
    </message>
    <message>
        <source>Minutes for this step</source>
        <translation>Cofnodion y cam hwn</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>Type a minute</source>
        <translation>Teipiwch gofnod</translation>
    </message>
    <message>
        <source>Type a minute; it saves as you type. Ctrl+Return: next</source>
        <translation>Teipiwch gofnod; mae&apos;n cadw wrth i chi deipio. Ctrl+Return: nesaf</translation>
    </message>
    <message>
        <source>&amp;Next minute</source>
        <translation>Cofnod &amp;nesaf</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenoldeb</translation>
    </message>
    <message>
        <source>attendee</source>
        <translation type="unfinished">mynychwr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished">Cyrraedd</translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished">Gadael</translation>
    </message>
    <message>
        <source>Arrived n&amp;ow</source>
        <translation>Cyrhaeddodd &amp;nawr</translation>
    </message>
    <message>
        <source>&amp;Left now</source>
        <translation>Gada&amp;wodd nawr</translation>
    </message>
    <message>
        <source>&amp;Prompts</source>
        <translation type="unfinished">&amp;Pwyntiau trafod</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>C&amp;ofnodion</translation>
    </message>
    <message>
        <source>Atten&amp;dance</source>
        <translation>P&amp;resenoldeb</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Y cam nesaf</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Y cam blaenorol</translation>
    </message>
    <message>
        <source>Family screen</source>
        <translation>Sgrin y teulu</translation>
    </message>
    <message>
        <source>Blank the family screen</source>
        <translation type="unfinished">Gwagio sgrin y teulu</translation>
    </message>
    <message>
        <source>Take a break</source>
        <translation>Cymryd seibiant</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Dadwneud</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ailwneud</translation>
    </message>
    <message>
        <source>Start from the assessment?</source>
        <translation type="unfinished">Dechrau o&apos;r asesiad?</translation>
    </message>
    <message>
        <source>{author}&apos;s assessment of {name}, started {date}, is ready. Start this conference from it? Its map, needs, harm, the family&apos;s words and partner information are copied in; the assessment itself stays as written.</source>
        <translation type="unfinished">Mae asesiad {author} o {name}, a ddechreuwyd ar {date}, yn barod. Dechrau&apos;r gynhadledd hon ohono? Caiff ei fap, ei anghenion, y niwed, geiriau&apos;r teulu a&apos;r wybodaeth gan bartneriaid eu copïo i mewn; mae&apos;r asesiad ei hun yn aros fel y cafodd ei ysgrifennu.</translation>
    </message>
    <message>
        <source>The social worker</source>
        <translation type="unfinished">Y gweithiwr cymdeithasol</translation>
    </message>
    <message>
        <source>Start from the assessment</source>
        <translation type="unfinished">Dechrau o&apos;r asesiad</translation>
    </message>
    <message>
        <source>Start afresh</source>
        <translation type="unfinished">Dechrau o&apos;r newydd</translation>
    </message>
    <message>
        <source>Conference console: {name}</source>
        <translation>Consol y gynhadledd: {name}</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Cytunwyd</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <source>This conference has been agreed; its record is closed. Re-open it to change it.</source>
        <translation>Mae&apos;r gynhadledd hon wedi&apos;i chytuno ac mae ei chofnod wedi&apos;i gau. Ailagorwch hi i&apos;w newid.</translation>
    </message>
    <message>
        <source>Step {number} of {count}</source>
        <translation>Cam {number} o {count}</translation>
    </message>
    <message>
        <source>1 plan check to look at</source>
        <translation>1 gwiriad ar y cynllun i edrych arno</translation>
    </message>
    <message>
        <source>{count} plan checks to look at</source>
        <translation type="unfinished">{count} gwiriad ar y cynllun i edrych arnyn nhw</translation>
    </message>
    <message>
        <source>Not agreed yet: {problem}</source>
        <translation>Heb ei chytuno eto: {problem}</translation>
    </message>
    <message>
        <source>Re-open conference</source>
        <translation>Ailagor y gynhadledd</translation>
    </message>
    <message>
        <source>Why is the agreed record being re-opened?</source>
        <translation>Pam mae&apos;r cofnod a gytunwyd yn cael ei ailagor?</translation>
    </message>
    <message>
        <source>Re-open</source>
        <translation>Ailagor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Not re-opened: {problem}</source>
        <translation>Heb ei hailagor: {problem}</translation>
    </message>
    <message>
        <source>The family screen is not open: F7 opens it.</source>
        <translation>Dydy sgrin y teulu ddim ar agor: mae F7 yn ei hagor.</translation>
    </message>
    <message>
        <source>The family screen shows the break page (F9 to go back).</source>
        <translation>Mae sgrin y teulu&apos;n dangos y dudalen seibiant (F9 i fynd yn ôl).</translation>
    </message>
    <message>
        <source>The family screen is back from the break.</source>
        <translation>Mae sgrin y teulu&apos;n ôl o&apos;r seibiant.</translation>
    </message>
</context>
</TS>
