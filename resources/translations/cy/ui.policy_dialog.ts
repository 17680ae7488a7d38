<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>PolicyDialog</name>
    <message>
        <source>England</source>
        <translation>Lloegr</translation>
    </message>
    <message>
        <source>Wales</source>
        <translation>Cymru</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Dydd Llun</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dydd Mawrth</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Dydd Mercher</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Dydd Iau</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Dydd Gwener</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Dydd Sadwrn</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Dydd Sul</translation>
    </message>
    <message>
        <source>Timescales policy</source>
        <translation>Polisi amserlenni</translation>
    </message>
    <message>
        <source>How long each step may take. Every deadline in the app, and the ROTH data return, is counted on these. Values over the statutory maximum (Working Together 2023) are refused.</source>
        <translation type="unfinished">Faint o amser y caiff pob cam ei gymryd. Mae pob dyddiad terfyn yn yr ap, a ffurflen ddata ROTH, yn cael eu cyfrif ar sail y rhain. Caiff gwerthoedd dros yr uchafswm statudol (Working Together 2023) eu gwrthod.</translation>
    </message>
    <message>
        <source>Bank holidays of</source>
        <translation>Gwyliau banc</translation>
    </message>
    <message>
        <source>&amp;Bank holidays of:</source>
        <translation>&amp;Gwyliau banc:</translation>
    </message>
    <message>
        <source>Local closure days</source>
        <translation>Diwrnodau cau lleol</translation>
    </message>
    <message>
        <source>C&amp;losure days:</source>
        <translation>Diwrnodau &amp;cau:</translation>
    </message>
    <message>
        <source>Closure day to add</source>
        <translation>Diwrnod cau i&apos;w ychwanegu</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ychwanegu</translation>
    </message>
    <message>
        <source>Add closure day</source>
        <translation>Ychwanegu diwrnod cau</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Tynnu</translation>
    </message>
    <message>
        <source>Remove the selected closure days</source>
        <translation>Tynnu&apos;r diwrnodau cau a ddewiswyd</translation>
    </message>
    <message>
        <source>Closure &amp;day to add:</source>
        <translation>&amp;Diwrnod cau i&apos;w ychwanegu:</translation>
    </message>
    <message>
        <source>Initial conference within, working days</source>
        <translation>Cynhadledd gychwynnol o fewn, diwrnodau gwaith</translation>
    </message>
    <message>
        <source>&amp;Initial conference within (working days):</source>
        <translation>Cynhadledd gyc&amp;hwynnol o fewn (diwrnodau gwaith):</translation>
    </message>
    <message>
        <source>First core group within, working days</source>
        <translation>Grŵp craidd cyntaf o fewn, diwrnodau gwaith</translation>
    </message>
    <message>
        <source>First &amp;core group within (working days):</source>
        <translation>Grŵp c&amp;raidd cyntaf o fewn (diwrnodau gwaith):</translation>
    </message>
    <message>
        <source>First review after</source>
        <translation>Adolygiad cyntaf ar ôl</translation>
    </message>
    <message>
        <source>&amp;First review after:</source>
        <translation>Ad&amp;olygiad cyntaf ar ôl:</translation>
    </message>
    <message>
        <source>Reviews every</source>
        <translation>Adolygiadau bob</translation>
    </message>
    <message>
        <source>&amp;Reviews every:</source>
        <translation>Adolygiadau &amp;bob:</translation>
    </message>
    <message>
        <source>Interim review at, working days</source>
        <translation type="unfinished">Adolygiad interim ar ôl, diwrnodau gwaith</translation>
    </message>
    <message>
        <source>In&amp;terim review at (working days):</source>
        <translation type="unfinished">Adolygiad &amp;interim ar ôl (diwrnodau gwaith):</translation>
    </message>
    <message>
        <source>Visits at least every, days</source>
        <translation>Ymweliadau o leiaf bob, diwrnodau</translation>
    </message>
    <message>
        <source>&amp;Visits at least every (days):</source>
        <translation>Ymweliadau o &amp;leiaf bob (diwrnodau):</translation>
    </message>
    <message>
        <source>Flag turning 18, months ahead</source>
        <translation type="unfinished">Rhybudd troi&apos;n 18, misoedd ymlaen llaw</translation>
    </message>
    <message>
        <source>Flag turning 18 (&amp;months ahead):</source>
        <translation type="unfinished">Rhybudd troi&apos;n 18 (&amp;misoedd ymlaen llaw):</translation>
    </message>
    <message>
        <source>&amp;Plans may continue past 18</source>
        <translation>Caiff cynlluniau &amp;fynd ymlaen ar ôl 18</translation>
    </message>
    <message>
        <source>Plans may continue past 18</source>
        <translation>Caiff cynlluniau fynd ymlaen ar ôl 18</translation>
    </message>
    <message>
        <source>Due soon means within, days</source>
        <translation>Ystyr &apos;yn ddyledus cyn bo hir&apos; yw o fewn, diwrnodau</translation>
    </message>
    <message>
        <source>Due s&amp;oon means within (days):</source>
        <translation>Ystyr &apos;yn ddyledus cyn bo hir&apos; yw o f&amp;ewn (diwrnodau):</translation>
    </message>
    <message>
        <source>Saved for this computer in {path}.</source>
        <translation>Wedi&apos;i gadw ar gyfer y cyfrifiadur hwn yn {path}.</translation>
    </message>
    <message>
        <source>Restore &amp;national defaults</source>
        <translation>Adfer y rhagosodiadau ce&amp;nedlaethol</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>C&amp;adw</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>{problem} The national defaults are shown; saving replaces the file.</source>
        <translation>{problem} Dangosir y rhagosodiadau cenedlaethol; bydd cadw yn disodli&apos;r ffeil.</translation>
    </message>
    <message>
        <source>{day} is already a closure day.</source>
        <translation>Mae {day} eisoes yn ddiwrnod cau.</translation>
    </message>
    <message>
        <source>Added {day}. It is a weekend, so it changes nothing.</source>
        <translation>Wedi ychwanegu {day}. Mae&apos;n benwythnos, felly nid yw&apos;n newid dim.</translation>
    </message>
    <message>
        <source>Added {day}.</source>
        <translation>Wedi ychwanegu {day}.</translation>
    </message>
    <message>
        <source>Choose the closure days to remove in the list first.</source>
        <translation>Dewiswch y diwrnodau cau i&apos;w tynnu yn y rhestr yn gyntaf.</translation>
    </message>
    <message>
        <source>Removed 1 closure day.</source>
        <translation>Wedi tynnu 1 diwrnod cau.</translation>
    </message>
    <message>
        <source>Removed {count} closure days.</source>
        <translation>Wedi tynnu {count} diwrnod cau.</translation>
    </message>
    <message>
        <source>The national defaults are shown; Save to use them.</source>
        <translation>Dangosir y rhagosodiadau cenedlaethol; dewiswch Cadw i&apos;w defnyddio.</translation>
    </message>
    <message>
        <source>the folder refused it</source>
        <translation>gwrthododd y ffolder</translation>
    </message>
    <message>
        <source>The timescales policy could not be saved in {path} ({reason}).</source>
        <translation>Nid oedd modd cadw&apos;r polisi amserlenni yn {path} ({reason}).</translation>
    </message>
</context>
<context>
    <name>_IntervalField</name>
    <message>
        <source>{name}: how many</source>
        <translation>{name}: faint</translation>
    </message>
    <message>
        <source>{name}: weeks or months</source>
        <translation>{name}: wythnosau neu fisoedd</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>wythnos</translation>
    </message>
    <message>
        <source>months</source>
        <translation>mis</translation>
    </message>
</context>
</TS>
