<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>DecisionPage</name>
    <message>
        <source>Each participant&apos;s view</source>
        <translation>Barn pob cyfranogwr</translation>
    </message>
    <message>
        <source>view</source>
        <translation>barn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
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
</context>
<context>
    <name>HarmPage</name>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Cyfyngedig</translation>
    </message>
    <message>
        <source>Harm already suffered</source>
        <translation>Niwed sydd eisoes wedi&apos;i ddioddef</translation>
    </message>
    <message>
        <source>harm suffered</source>
        <translation type="unfinished">niwed a ddioddefwyd</translation>
    </message>
    <message>
        <source>Likely harm</source>
        <translation>Niwed tebygol</translation>
    </message>
    <message>
        <source>likely harm</source>
        <translation>niwed tebygol</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <source>Write a number, like 10 or 2.5.</source>
        <translation>Ysgrifennwch rif, fel 10 neu 2.5.</translation>
    </message>
</context>
<context>
    <name>NextStepsPage</name>
    <message>
        <source>1 week</source>
        <translation>1 wythnos</translation>
    </message>
    <message>
        <source>{count} weeks</source>
        <translation>{count} wythnos</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 mis</translation>
    </message>
    <message>
        <source>{count} months</source>
        <translation>{count} mis</translation>
    </message>
    <message>
        <source>First core group due by {date} ({days} working days after the conference).</source>
        <translation type="unfinished">Dylai&apos;r grŵp craidd cyntaf gwrdd erbyn {date} ({days} diwrnod gwaith ar ôl y gynhadledd).</translation>
    </message>
    <message>
        <source>Review due by {date} ({interval} after the conference on {held}).</source>
        <translation type="unfinished">Dylai&apos;r gynhadledd adolygu fod erbyn {date} ({interval} ar ôl y gynhadledd ar {held}).</translation>
    </message>
    <message>
        <source>The date above is after it is due.</source>
        <translation type="unfinished">Mae&apos;r dyddiad uchod yn hwyrach na&apos;r dyddiad dyledus.</translation>
    </message>
</context>
<context>
    <name>PartnerPage</name>
    <message>
        <source>Partner information</source>
        <translation>Gwybodaeth gan bartneriaid</translation>
    </message>
    <message>
        <source>information</source>
        <translation>gwybodaeth</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Cyd-destun</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Agency decision</source>
        <translation>Penderfyniad asiantaeth</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>Cyfyngedig</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Gwybodaeth</translation>
    </message>
    <message>
        <source>Information, not intelligence: say whether it is fact, opinion or reported, and where it came from. Restricted items never reach the family&apos;s screen or copy.</source>
        <translation type="unfinished">Gwybodaeth, nid cudd-wybodaeth: dywedwch ai ffaith, barn neu rywbeth a adroddwyd yw hi, ac o ble y daeth. Dydy eitemau cyfyngedig byth yn cyrraedd sgrin y teulu na&apos;u copi nhw.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished">Ie</translation>
    </message>
</context>
<context>
    <name>PicturePage</name>
    <message>
        <source>Picture of the young person</source>
        <translation>Darlun o&apos;r person ifanc</translation>
    </message>
    <message>
        <source>detail</source>
        <translation>manylyn</translation>
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
        <source>Said by</source>
        <translation>Wedi&apos;i ddweud gan</translation>
    </message>
    <message>
        <source>Strengths, interests, what matters to them, and how people describe them.</source>
        <translation>Cryfderau, diddordebau, beth sy&apos;n bwysig iddyn nhw, a sut mae pobl yn eu disgrifio.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Needs</source>
        <translation>Anghenion</translation>
    </message>
    <message>
        <source>Guardianship</source>
        <translation>Gwarcheidiaeth</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Amgylchedd</translation>
    </message>
    <message>
        <source>Plan checks</source>
        <translation>Gwiriadau ar y cynllun</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Nodau</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>nod</translation>
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
        <source>Responds to</source>
        <translation>Yn ymateb i</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>&lt;b&gt;Responds to&lt;/b&gt; (tick every need and context with Space)</source>
        <translation type="unfinished">&lt;b&gt;Yn ymateb i&lt;/b&gt; (ticiwch bob angen a chyd-destun gyda&apos;r bylchwr)</translation>
    </message>
    <message>
        <source>Needs and contexts this goal responds to</source>
        <translation>Anghenion a chyd-destunau y mae&apos;r nod hwn yn ymateb iddyn nhw</translation>
    </message>
    <message>
        <source>Actions for the selected goal</source>
        <translation>Camau gweithredu ar gyfer y nod a ddewiswyd</translation>
    </message>
    <message>
        <source>action</source>
        <translation>cam gweithredu</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
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
        <source>No gaps found: every goal is linked and every action owned.</source>
        <translation type="unfinished">Dim bylchau: mae pob nod wedi&apos;i gysylltu ac mae gan bob cam gweithredu rywun sy&apos;n gyfrifol amdano.</translation>
    </message>
    <message>
        <source>Need: {need}</source>
        <translation>Angen: {need}</translation>
    </message>
    <message>
        <source>Context: {context}</source>
        <translation>Cyd-destun: {context}</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Select a context on the map (click or arrow keys). N or Insert adds one, F2 renames, Delete removes. Tab moves to the selected context&apos;s details.</source>
        <translation type="unfinished">Dewiswch gyd-destun ar y map (cliciwch, neu defnyddiwch y bysellau saeth). Mae N neu Insert yn ychwanegu un, F2 yn ei ailenwi a Delete yn ei dynnu. Mae Tab yn symud i fanylion y cyd-destun a ddewiswyd.</translation>
    </message>
</context>
<context>
    <name>VoicesPage</name>
    <message>
        <source>Voices: their own words</source>
        <translation>Lleisiau: eu geiriau eu hunain</translation>
    </message>
    <message>
        <source>words</source>
        <translation>geiriau</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
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
        <source>Kept exactly as said, and marked as theirs. Corrections to reports and the family&apos;s own safety efforts belong here too. Words typed on the family&apos;s screen appear here as they are written.</source>
        <translation type="unfinished">Wedi&apos;u cadw&apos;n union fel y cawson nhw eu dweud, a&apos;u nodi fel eu geiriau nhw. Mae cywiriadau i adroddiadau ac ymdrechion y teulu ei hun i gadw&apos;n ddiogel yn perthyn yma hefyd. Mae geiriau a deipiwyd ar sgrin y teulu yn ymddangos yma wrth iddyn nhw gael eu hysgrifennu.</translation>
    </message>
</context>
<context>
    <name>WeightingPage</name>
    <message>
        <source>Bigger areas have more influence on safety. Drag up or down on an area, use the mouse wheel, or select it with the arrow keys and press + or −; the others adjust so the map always adds up to 100%. Press N to add a context and L to link two contexts.</source>
        <translation type="unfinished">Mae gan ardaloedd mwy fwy o ddylanwad ar ddiogelwch. Llusgwch i fyny neu i lawr ar ardal, defnyddiwch olwyn y llygoden, neu dewiswch hi gyda&apos;r bysellau saeth a phwyso + neu −; mae&apos;r lleill yn newid fel bod y map bob amser yn dod i 100%. Pwyswch N i ychwanegu cyd-destun ac L i gysylltu dau gyd-destun.</translation>
    </message>
    <message>
        <source>Last conference</source>
        <translation>Y gynhadledd ddiwethaf</translation>
    </message>
    <message>
        <source>The map at the last conference</source>
        <translation>Y map yn y gynhadledd ddiwethaf</translation>
    </message>
    <message>
        <source>How contexts affect each other</source>
        <translation>Sut mae&apos;r cyd-destunau&apos;n effeithio ar ei gilydd</translation>
    </message>
    <message>
        <source>link</source>
        <translation>cysylltiad</translation>
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
        <source>How the weights changed</source>
        <translation type="unfinished">Sut newidiodd y pwysoliadau</translation>
    </message>
    <message>
        <source>The timeline appears from the first review.</source>
        <translation>Mae&apos;r llinell amser yn ymddangos o&apos;r adolygiad cyntaf ymlaen.</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Cyd-destun</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>About this conference</source>
        <translation>Am y gynhadledd hon</translation>
    </message>
    <message>
        <source>{kind}, {date} at {time}</source>
        <translation>{kind}, {date} am {time}</translation>
    </message>
    <message>
        <source>mark arrivals in Attendance</source>
        <translation type="unfinished">nodwch bwy sydd wedi cyrraedd yn Presenoldeb</translation>
    </message>
    <message>
        <source>In the room:</source>
        <translation>Yn yr ystafell:</translation>
    </message>
    <message>
        <source>Apologies:</source>
        <translation>Ymddiheuriadau:</translation>
    </message>
    <message>
        <source>Since the last conference</source>
        <translation>Ers y gynhadledd ddiwethaf</translation>
    </message>
    <message>
        <source>This conference is about risks outside the home. It is not a judgement on parenting: parents and carers are partners in keeping the young person safe.</source>
        <translation type="unfinished">Mae&apos;r gynhadledd hon yn ymwneud â risgiau y tu allan i&apos;r cartref. Nid barn am fagu plant yw hi: mae rhieni a gofalwyr yn bartneriaid wrth gadw&apos;r person ifanc yn ddiogel.</translation>
    </message>
    <message>
        <source>Nothing recorded as changed yet.</source>
        <translation>Does dim newid wedi&apos;i gofnodi eto.</translation>
    </message>
    <message>
        <source>Started from the social worker&apos;s assessment. Nothing has changed from it yet.</source>
        <translation type="unfinished">Wedi dechrau o asesiad y gweithiwr cymdeithasol. Does dim byd wedi newid ers hynny eto.</translation>
    </message>
    <message>
        <source>Since the assessment</source>
        <translation type="unfinished">Ers yr asesiad</translation>
    </message>
    <message>
        <source>From the assessment</source>
        <translation type="unfinished">O&apos;r asesiad</translation>
    </message>
</context>
</TS>
