<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>ConsoleFields</name>
    <message>
        <source>(none)</source>
        <translation>(dim)</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Heb benderfynu eto</translation>
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
        <source>Not asked</source>
        <translation>Heb ofyn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>In the words people used</source>
        <translation>Yn y geiriau a ddefnyddiodd pobl</translation>
    </message>
    <message>
        <source>Said by</source>
        <translation>Wedi&apos;i ddweud gan</translation>
    </message>
    <message>
        <source>Who described them this way</source>
        <translation>Pwy a&apos;u disgrifiodd fel hyn</translation>
    </message>
    <message>
        <source>Whose words</source>
        <translation>Geiriau pwy</translation>
    </message>
    <message>
        <source>Which parent or carer</source>
        <translation>Pa riant neu ofalwr</translation>
    </message>
    <message>
        <source>Each parent or carer keeps their own voice</source>
        <translation>Mae pob rhiant neu ofalwr yn cadw ei lais ei hun</translation>
    </message>
    <message>
        <source>How they were given</source>
        <translation>Sut cawson nhw eu rhoi</translation>
    </message>
    <message>
        <source>Passed on by</source>
        <translation>Wedi&apos;u trosglwyddo gan</translation>
    </message>
    <message>
        <source>The advocate or worker, if not in person</source>
        <translation>Yr eiriolwr neu&apos;r gweithiwr, os nad wyneb yn wyneb</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Beth ydyw</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Eu geiriau</translation>
    </message>
    <message>
        <source>Verbatim: exactly as they said it</source>
        <translation>Air am air: yn union fel y dywedon nhw</translation>
    </message>
    <message>
        <source>When they said it</source>
        <translation type="unfinished">Pryd y dywedon nhw hyn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>A place, group or space: e.g. Fernleigh bus station</source>
        <translation>Lle, grŵp neu ofod: e.e. gorsaf fysiau Fernleigh</translation>
    </message>
    <message>
        <source>Safe or unsafe</source>
        <translation>Diogel neu anniogel</translation>
    </message>
    <message>
        <source>What makes it safe</source>
        <translation>Beth sy&apos;n ei wneud yn ddiogel</translation>
    </message>
    <message>
        <source>What makes it unsafe</source>
        <translation>Beth sy&apos;n ei wneud yn anniogel</translation>
    </message>
    <message>
        <source>Guardians and trusted adults</source>
        <translation>Gwarcheidwaid ac oedolion dibynadwy</translation>
    </message>
    <message>
        <source>Peers (initials only)</source>
        <translation>Cyfoedion (llythrennau cyntaf yn unig)</translation>
    </message>
    <message>
        <source>Other young people are recorded by initials only, e.g. J.B., KT</source>
        <translation>Caiff pobl ifanc eraill eu cofnodi wrth eu llythrennau cyntaf yn unig, e.e. J.B., KT</translation>
    </message>
    <message>
        <source>Refer to a context meeting</source>
        <translation type="unfinished">Atgyfeirio i gyfarfod cyd-destun</translation>
    </message>
    <message>
        <source>For a place, group or school where safety must be built with others</source>
        <translation>Ar gyfer lle, grŵp neu ysgol lle mae&apos;n rhaid adeiladu diogelwch gydag eraill</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Affects</source>
        <translation>Yn effeithio ar</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Sut</translation>
    </message>
    <message>
        <source>e.g. exclusion → more time in the town centre</source>
        <translation>e.e. gwaharddiad → mwy o amser yng nghanol y dref</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Cyfyngedig</translation>
    </message>
    <message>
        <source>Keep off the family&apos;s screen</source>
        <translation>Cadw oddi ar sgrin y teulu</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>About which context</source>
        <translation>Am ba gyd-destun</translation>
    </message>
    <message>
        <source>Fact, opinion or reported</source>
        <translation>Ffaith, barn neu wedi&apos;i adrodd</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>Who reported it, for reported information</source>
        <translation>Pwy a&apos;i hadroddodd, ar gyfer gwybodaeth a adroddwyd</translation>
    </message>
    <message>
        <source>The agency&apos;s own decision</source>
        <translation>Penderfyniad yr asiantaeth ei hun</translation>
    </message>
    <message>
        <source>e.g. an exclusion or an arrest</source>
        <translation>e.e. gwaharddiad neu arestiad</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Gwybodaeth</translation>
    </message>
    <message>
        <source>Never shown on the family&apos;s screen or in their copy (police material, other young people)</source>
        <translation>Byth yn cael ei ddangos ar sgrin y teulu nac yn eu copi nhw (deunydd yr heddlu, pobl ifanc eraill)</translation>
    </message>
    <message>
        <source>Type of harm</source>
        <translation>Math o niwed</translation>
    </message>
    <message>
        <source>At risk of significant harm</source>
        <translation>Mewn perygl o niwed sylweddol</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Outside the home</source>
        <translation>Y tu allan i&apos;r cartref</translation>
    </message>
    <message>
        <source>The harm comes mainly from outside the family</source>
        <translation>Daw&apos;r niwed yn bennaf o&apos;r tu allan i&apos;r teulu</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished">Llwybr</translation>
    </message>
    <message>
        <source>The young person&apos;s view</source>
        <translation>Barn y person ifanc</translation>
    </message>
    <message>
        <source>The family&apos;s view</source>
        <translation>Barn y teulu</translation>
    </message>
    <message>
        <source>Agency or role</source>
        <translation>Asiantaeth neu rôl</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Rhesymau</translation>
    </message>
    <message>
        <source>Always record the reasons for dissent</source>
        <translation>Cofnodwch y rhesymau dros anghytuno bob amser</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Pennawd</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Nod</translation>
    </message>
    <message>
        <source>What will be different, in plain words</source>
        <translation>Beth fydd yn wahanol, mewn geiriau syml</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Gweithiwr proffesiynol</translation>
    </message>
    <message>
        <source>Or person</source>
        <translation>Neu berson</translation>
    </message>
    <message>
        <source>A parent, coach or anyone not in the list</source>
        <translation>Rhiant, hyfforddwr neu unrhyw un sydd ddim yn y rhestr</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Erbyn pryd</translation>
    </message>
    <message>
        <source>How we will know</source>
        <translation>Sut byddwn ni&apos;n gwybod</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Core group meets</source>
        <translation>Cyfarfod y grŵp craidd</translation>
    </message>
    <message>
        <source>Review conference</source>
        <translation>Cynhadledd adolygu</translation>
    </message>
    <message>
        <source>Often 6 weeks</source>
        <translation>6 wythnos yn aml</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Ymweliadau</translation>
    </message>
    <message>
        <source>e.g. Weekly</source>
        <translation>e.e. Bob wythnos</translation>
    </message>
    <message>
        <source>Transition planning</source>
        <translation type="unfinished">Cynllunio pontio</translation>
    </message>
    <message>
        <source>For a young person of 17 or over: support beyond 18</source>
        <translation>Ar gyfer person ifanc 17 oed neu hŷn: cymorth y tu hwnt i 18 oed</translation>
    </message>
    <message>
        <source>Met?</source>
        <translation>Wedi&apos;i ddiwallu?</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Who is responsible</source>
        <translation>Pwy sy&apos;n gyfrifol</translation>
    </message>
    <message>
        <source>Responsible agency</source>
        <translation>Asiantaeth gyfrifol</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished">Uwchgyfeirio</translation>
    </message>
    <message>
        <source>If it is not met in time</source>
        <translation>Os na chaiff ei ddiwallu mewn pryd</translation>
    </message>
</context>
</TS>
