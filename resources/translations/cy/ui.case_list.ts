<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>CaseListModel</name>
    <message>
        <source>Young person</source>
        <translation>Person ifanc</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oed</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Llwybr</translation>
    </message>
    <message>
        <source>Next conference</source>
        <translation>Cynhadledd nesaf</translation>
    </message>
    <message>
        <source>No case</source>
        <translation>Dim achos</translation>
    </message>
    <message>
        <source>None booked</source>
        <translation>Dim wedi&apos;i threfnu</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <source>Any time</source>
        <translation>Unrhyw bryd</translation>
    </message>
    <message>
        <source>In the next 2 weeks</source>
        <translation>Yn y 2 wythnos nesaf</translation>
    </message>
    <message>
        <source>In the next 6 weeks</source>
        <translation>Yn y 6 wythnos nesaf</translation>
    </message>
    <message>
        <source>None booked</source>
        <translation>Dim wedi&apos;i threfnu</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Chwilio yn ôl enw</translation>
    </message>
    <message>
        <source>Search young people by name</source>
        <translation>Chwilio am bobl ifanc yn ôl enw</translation>
    </message>
    <message>
        <source>Filter by pathway</source>
        <translation>Hidlo yn ôl llwybr</translation>
    </message>
    <message>
        <source>All pathways</source>
        <translation>Pob llwybr</translation>
    </message>
    <message>
        <source>Filter by next conference</source>
        <translation>Hidlo yn ôl y gynhadledd nesaf</translation>
    </message>
    <message>
        <source>Young people</source>
        <translation>Pobl ifanc</translation>
    </message>
    <message>
        <source>&amp;Pathway</source>
        <translation>&amp;Llwybr</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>Cynhadledd &amp;nesaf</translation>
    </message>
    <message>
        <source>{shown} of {total} young people</source>
        <translation>{shown} o {total} o bobl ifanc</translation>
    </message>
</context>
</TS>
