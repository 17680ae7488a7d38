<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>AssessmentPdfDialog</name>
    <message>
        <source>Print the assessment</source>
        <translation>Argraffu&apos;r asesiad</translation>
    </message>
    <message>
        <source>Who is this copy for?</source>
        <translation>I bwy mae&apos;r copi hwn?</translation>
    </message>
    <message>
        <source>Assessment (professionals)</source>
        <translation>Asesiad (gweithwyr proffesiynol)</translation>
    </message>
    <message>
        <source>Everything, with restricted information in its own marked section.</source>
        <translation>Popeth, gyda gwybodaeth gyfyngedig mewn adran ar wahân sydd wedi&apos;i marcio.</translation>
    </message>
    <message>
        <source>The family&apos;s version</source>
        <translation>Fersiwn y teulu</translation>
    </message>
    <message>
        <source>What the family is shown: nothing restricted, plain words.</source>
        <translation type="unfinished">Yr hyn a ddangosir i&apos;r teulu: dim byd cyfyngedig, geiriau clir.</translation>
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
        <translation>Marc diogelu</translation>
    </message>
    <message>
        <source>Protective &amp;marking:</source>
        <translation>Marc &amp;diogelu:</translation>
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
    <message>
        <source>Sa&amp;ve as:</source>
        <translation>Cadw &amp;fel:</translation>
    </message>
    <message>
        <source>A protective marking is up to 40 capital letters, digits, spaces or hyphens, for example OFFICIAL-SENSITIVE.</source>
        <translation>Mae marc diogelu yn cynnwys hyd at 40 o briflythrennau, digidau, bylchau neu gysylltnodau, er enghraifft OFFICIAL-SENSITIVE.</translation>
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
        <source>Making the assessment PDF</source>
        <translation>Yn gwneud PDF yr asesiad</translation>
    </message>
</context>
</TS>
