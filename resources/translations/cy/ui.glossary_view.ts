<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>GlossaryView</name>
    <message>
        <source>Words we use</source>
        <translation>Geiriau rydyn ni&apos;n eu defnyddio</translation>
    </message>
    <message>
        <source>Words used in the conference, and what they mean in plain words.</source>
        <translation>Geiriau sy&apos;n cael eu defnyddio yn y gynhadledd, a beth maen nhw&apos;n ei olygu mewn geiriau syml.</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Chwilio:</translation>
    </message>
    <message>
        <source>Type a word to find it</source>
        <translation>Teipiwch air i ddod o hyd iddo</translation>
    </message>
    <message>
        <source>Search the words</source>
        <translation>Chwilio&apos;r geiriau</translation>
    </message>
    <message>
        <source>Type part of a word or its meaning. Press Down to go to the list.</source>
        <translation>Teipiwch ran o air neu ei ystyr. Pwyswch y fysell saeth i lawr i fynd i&apos;r rhestr.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Clirio'r chwilio</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Geiriau</translation>
    </message>
    <message>
        <source>Choose a word with the arrow keys to see what it means.</source>
        <translation>Dewiswch air gyda&apos;r bysellau saeth i weld beth mae&apos;n ei olygu.</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Gair</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Beth mae&apos;n ei olygu</translation>
    </message>
    <message>
        <source>How many words are shown</source>
        <translation>Faint o eiriau sy&apos;n cael eu dangos</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Close the list of words</source>
        <translation>Cau&apos;r rhestr o eiriau</translation>
    </message>
    <message>
        <source>Words shown: {count}</source>
        <translation>Geiriau sy&apos;n cael eu dangos: {count}</translation>
    </message>
    <message>
        <source>No words match “{text}”. Try fewer letters.</source>
        <translation>Does dim geiriau&apos;n cyfateb i “{text}”. Rhowch gynnig ar lai o lythrennau.</translation>
    </message>
</context>
</TS>
