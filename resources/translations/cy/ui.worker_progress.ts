<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>WorkerProgress</name>
    <message>
        <source>reading the conference</source>
        <translation>darllen y gynhadledd</translation>
    </message>
    <message>
        <source>Laying out the pages</source>
        <translation>Gosod y tudalennau</translation>
    </message>
    <message>
        <source>Numbering the pages</source>
        <translation>Rhifo&apos;r tudalennau</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Reading the episodes</source>
        <translation type="unfinished">Darllen y cyfnodau</translation>
    </message>
    <message>
        <source>Working out the summary</source>
        <translation>Llunio&apos;r crynodeb</translation>
    </message>
    <message>
        <source>Building the workbook</source>
        <translation>Creu&apos;r llyfr gwaith</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>Finding the deadlines</source>
        <translation>Dod o hyd i&apos;r dyddiadau terfyn</translation>
    </message>
    <message>
        <source>Checking the team</source>
        <translation>Gwirio&apos;r tîm</translation>
    </message>
    <message>
        <source>Sealing this device&apos;s changes</source>
        <translation>Selio newidiadau&apos;r ddyfais hon</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Anfon</translation>
    </message>
    <message>
        <source>Fetching the team&apos;s changes</source>
        <translation>Nôl newidiadau&apos;r tîm</translation>
    </message>
    <message>
        <source>Applying the team&apos;s changes</source>
        <translation>Rhoi newidiadau&apos;r tîm ar waith</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); details without personal data are in {where}.</source>
        <translation>Aeth rhywbeth annisgwyl o&apos;i le ({kind}); mae&apos;r manylion, heb ddata personol, yn {where}.</translation>
    </message>
    <message>
        <source>{title}: progress</source>
        <translation>{title}: cynnydd</translation>
    </message>
</context>
</TS>
