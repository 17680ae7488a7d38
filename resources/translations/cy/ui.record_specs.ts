<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>FieldSpec</name>
    <message>
        <source>First name</source>
        <translation>Enw cyntaf</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cyfenw</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Enw dewisol</translation>
    </message>
    <message>
        <source>What they like to be called</source>
        <translation>Beth maen nhw&apos;n hoffi cael eu galw</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Ethnigrwydd</translation>
    </message>
    <message>
        <source>DfE ethnicity code, as the young person describes themself</source>
        <translation type="unfinished">Cod ethnigrwydd yr Adran Addysg (DfE), fel mae&apos;r person ifanc yn disgrifio ei hun</translation>
    </message>
    <message>
        <source>First language</source>
        <translation>Iaith gyntaf</translation>
    </message>
    <message>
        <source>Communication needs</source>
        <translation>Anghenion cyfathrebu</translation>
    </message>
    <message>
        <source>What helps them take part: interpreter, short questions, breaks</source>
        <translation>Beth sy&apos;n eu helpu i gymryd rhan: cyfieithydd, cwestiynau byr, seibiannau</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>Optional; 10 digits</source>
        <translation>Dewisol; 10 digid</translation>
    </message>
    <message>
        <source>Local ID</source>
        <translation>Cyfeirnod lleol</translation>
    </message>
    <message>
        <source>The case management system&apos;s reference</source>
        <translation>Cyfeirnod y system rheoli achosion</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Perthynas</translation>
    </message>
    <message>
        <source>How they are related to the young person, e.g. Mum, Grandad, Foster carer</source>
        <translation>Sut maen nhw&apos;n perthyn i&apos;r person ifanc, e.e. Mam, Taid, Gofalwr maeth</translation>
    </message>
    <message>
        <source>Has parental responsibility</source>
        <translation>Mae ganddynt gyfrifoldeb rhiant</translation>
    </message>
    <message>
        <source>Partner in the plan</source>
        <translation>Partner yn y cynllun</translation>
    </message>
    <message>
        <source>Parents and carers are partners in a ROTH plan, not its subject</source>
        <translation>Mae rhieni a gofalwyr yn bartneriaid mewn cynllun ROTH, nid yn destun iddo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Llwybr</translation>
    </message>
    <message>
        <source>Change the pathway with Transfer pathway, so the reason is kept</source>
        <translation>Newidiwch y llwybr gan ddefnyddio&apos;r botwm Trosglwyddo llwybr, fel bod y rheswm yn cael ei gadw</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Agorwyd ar</translation>
    </message>
    <message>
        <source>Strategy discussion</source>
        <translation type="unfinished">Trafodaeth strategaeth</translation>
    </message>
    <message>
        <source>The initial conference is due within 15 working days of this</source>
        <translation>Mae&apos;r gynhadledd gychwynnol yn ddyledus o fewn 15 diwrnod gwaith i hyn</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Caewyd ar</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Symud i</translation>
    </message>
    <message>
        <source>Date of transfer</source>
        <translation>Dyddiad trosglwyddo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>For example: the home is now the main source of risk</source>
        <translation>Er enghraifft: y cartref yw prif ffynhonnell y risg bellach</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Dyddiad ac amser</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Cadeirydd</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Heb ei ddewis eto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Agreed once the conference has taken place and the record is final</source>
        <translation>Wedi&apos;i chytuno unwaith y bydd y gynhadledd wedi&apos;i chynnal a&apos;r cofnod yn derfynol</translation>
    </message>
    <message>
        <source>Interim review reason</source>
        <translation>Rheswm dros adolygiad interim</translation>
    </message>
    <message>
        <source>For a complex case: why an interim review at 15 working days is needed. Leave empty if none.</source>
        <translation>Ar gyfer achos cymhleth: pam mae angen adolygiad interim ar ôl 15 diwrnod gwaith. Gadewch yn wag os nad oes angen un.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Sefydliad</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenoldeb</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Wedi cyrraedd</translation>
    </message>
    <message>
        <source>Only if they came late</source>
        <translation>Dim ond os daethon nhw&apos;n hwyr</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Wedi gadael</translation>
    </message>
    <message>
        <source>Only if they left early</source>
        <translation>Dim ond os gadawon nhw&apos;n gynnar</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Gweithiwr proffesiynol</translation>
    </message>
    <message>
        <source>Their part in this case</source>
        <translation>Eu rhan yn yr achos hwn</translation>
    </message>
    <message>
        <source>e.g. School, Police, Health</source>
        <translation>e.e. Ysgol, Heddlu, Iechyd</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Teitl swydd</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Enw&apos;r asiantaeth</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Date of visit</source>
        <translation>Dyddiad yr ymweliad</translation>
    </message>
    <message>
        <source>The day of the visit; the next one falls due from it</source>
        <translation>Diwrnod yr ymweliad; mae&apos;r un nesaf yn ddyledus o&apos;r diwrnod hwn</translation>
    </message>
    <message>
        <source>e.g. Home, school, the youth club, a café</source>
        <translation>e.e. Cartref, ysgol, y clwb ieuenctid, caffi</translation>
    </message>
    <message>
        <source>Who was seen</source>
        <translation>Pwy a welwyd</translation>
    </message>
    <message>
        <source>e.g. The young person and Mum</source>
        <translation>e.e. Y person ifanc a Mam</translation>
    </message>
    <message>
        <source>Young person seen</source>
        <translation>Gwelwyd y person ifanc</translation>
    </message>
    <message>
        <source>Untick if they were not seen: a visit without them does not count</source>
        <translation>Tynnwch y tic os na chawson nhw eu gweld: dydy ymweliad hebddyn nhw ddim yn cyfrif</translation>
    </message>
    <message>
        <source>Seen alone</source>
        <translation>Wedi&apos;i weld ar ei ben ei hun</translation>
    </message>
    <message>
        <source>Seen without a parent or carer</source>
        <translation>Wedi&apos;i weld heb riant na gofalwr</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>Ymwelwyd gan</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Heb benderfynu eto</translation>
    </message>
    <message>
        <source>Adult services</source>
        <translation>Gwasanaethau oedolion</translation>
    </message>
    <message>
        <source>Adult social care or adult safeguarding after 18</source>
        <translation>Gofal cymdeithasol oedolion neu ddiogelu oedolion ar ôl 18</translation>
    </message>
    <message>
        <source>Leaving care</source>
        <translation>Gadael gofal</translation>
    </message>
    <message>
        <source>Leaving care support, for a young person who has been looked after</source>
        <translation>Cymorth gadael gofal, i berson ifanc sydd wedi bod yn derbyn gofal</translation>
    </message>
    <message>
        <source>SEND 0–25</source>
        <translation>ADY/SEND 0–25</translation>
    </message>
    <message>
        <source>Special educational needs support, which can continue to 25</source>
        <translation>Cymorth ar gyfer anghenion dysgu ychwanegol, a all barhau hyd at 25 oed</translation>
    </message>
    <message>
        <source>Plan continues past 18</source>
        <translation>Cynllun yn parhau ar ôl 18</translation>
    </message>
    <message>
        <source>Only where the local authority&apos;s timescales policy allows it</source>
        <translation>Dim ond lle mae polisi amserlenni&apos;r awdurdod lleol yn caniatáu hynny</translation>
    </message>
    <message>
        <source>Why it continues</source>
        <translation>Pam mae&apos;n parhau</translation>
    </message>
    <message>
        <source>Why the plan continues past 18 and which policy allows it</source>
        <translation>Pam mae&apos;r cynllun yn parhau ar ôl 18 a pha bolisi sy&apos;n caniatáu hynny</translation>
    </message>
</context>
<context>
    <name>Labelled</name>
    <message>
        <source>ROTH child protection</source>
        <translation>Amddiffyn plant ROTH</translation>
    </message>
    <message>
        <source>Child protection (family)</source>
        <translation>Amddiffyn plant (teulu)</translation>
    </message>
    <message>
        <source>Child in need</source>
        <translation>Plentyn mewn angen</translation>
    </message>
    <message>
        <source>Early help</source>
        <translation>Cymorth cynnar</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Wedi cau</translation>
    </message>
    <message>
        <source>Initial conference</source>
        <translation>Cynhadledd gychwynnol</translation>
    </message>
    <message>
        <source>Review conference</source>
        <translation>Cynhadledd adolygu</translation>
    </message>
    <message>
        <source>Transfer-in conference</source>
        <translation type="unfinished">Cynhadledd drosglwyddo i mewn</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Drafft</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Wedi&apos;i chytuno</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Wedi cael gwahoddiad</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Yn bresennol</translation>
    </message>
    <message>
        <source>Attended part</source>
        <translation>Yn bresennol am ran</translation>
    </message>
    <message>
        <source>Apologies</source>
        <translation>Ymddiheuriadau</translation>
    </message>
    <message>
        <source>Did not attend</source>
        <translation>Heb fod yn bresennol</translation>
    </message>
    <message>
        <source>Young person</source>
        <translation>Person ifanc</translation>
    </message>
    <message>
        <source>Parent or carer</source>
        <translation>Rhiant neu ofalwr</translation>
    </message>
    <message>
        <source>Family or friend</source>
        <translation>Teulu neu ffrind</translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation>Eiriolwr</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Cadeirydd</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>Gweithiwr cymdeithasol</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Gweithiwr proffesiynol</translation>
    </message>
    <message>
        <source>Community partner</source>
        <translation>Partner cymunedol</translation>
    </message>
    <message>
        <source>Minute taker</source>
        <translation>Cofnodwr</translation>
    </message>
    <message>
        <source>Children&apos;s social care</source>
        <translation>Gofal cymdeithasol plant</translation>
    </message>
    <message>
        <source>School or college</source>
        <translation>Ysgol neu goleg</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Heddlu</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Iechyd</translation>
    </message>
    <message>
        <source>Youth justice</source>
        <translation>Cyfiawnder ieuenctid</translation>
    </message>
    <message>
        <source>Youth work</source>
        <translation>Gwaith ieuenctid</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Tai</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Cymuned</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Arall</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Benyw</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Gwryw</translation>
    </message>
    <message>
        <source>Another gender</source>
        <translation>Rhywedd arall</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation>Mae&apos;n well ganddynt beidio â dweud</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Ddim yn hysbys</translation>
    </message>
    <message>
        <source>Not yet known</source>
        <translation>Ddim yn hysbys eto</translation>
    </message>
    <message>
        <source>Safe</source>
        <translation>Diogel</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Cymysg</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation>Anniogel</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Cryfder</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Diddordeb</translation>
    </message>
    <message>
        <source>What matters to them</source>
        <translation>Beth sy&apos;n bwysig iddyn nhw</translation>
    </message>
    <message>
        <source>How people describe them</source>
        <translation>Sut mae pobl yn eu disgrifio</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Wyneb yn wyneb</translation>
    </message>
    <message>
        <source>Typed on the shared screen</source>
        <translation>Wedi&apos;i deipio ar y sgrin a rennir</translation>
    </message>
    <message>
        <source>Letter or written words</source>
        <translation>Llythyr neu eiriau ysgrifenedig</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Llun</translation>
    </message>
    <message>
        <source>Through an app or message</source>
        <translation type="unfinished">Drwy ap neu neges</translation>
    </message>
    <message>
        <source>Through an advocate</source>
        <translation>Drwy eiriolwr</translation>
    </message>
    <message>
        <source>Through a worker</source>
        <translation>Drwy weithiwr</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>What they want to happen</source>
        <translation>Beth maen nhw eisiau iddo ddigwydd</translation>
    </message>
    <message>
        <source>Correction to a report</source>
        <translation>Cywiriad i adroddiad</translation>
    </message>
    <message>
        <source>Their own safety efforts</source>
        <translation>Eu hymdrechion eu hunain i gadw&apos;n ddiogel</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Ffaith</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Reported (say by whom)</source>
        <translation>Wedi&apos;i adrodd (dywedwch gan bwy)</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Heb ei asesu</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>Heb ei ddiwallu</translation>
    </message>
    <message>
        <source>Partly met</source>
        <translation>Wedi&apos;i ddiwallu&apos;n rhannol</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Wedi&apos;i ddiwallu</translation>
    </message>
    <message>
        <source>Harm already suffered</source>
        <translation>Niwed sydd eisoes wedi&apos;i ddioddef</translation>
    </message>
    <message>
        <source>Likely harm</source>
        <translation>Niwed tebygol</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>Corfforol</translation>
    </message>
    <message>
        <source>Emotional</source>
        <translation>Emosiynol</translation>
    </message>
    <message>
        <source>Sexual</source>
        <translation>Rhywiol</translation>
    </message>
    <message>
        <source>Neglect</source>
        <translation>Esgeulustod</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>Lluosog</translation>
    </message>
    <message>
        <source>ROTH child protection plan</source>
        <translation>Cynllun amddiffyn plant ROTH</translation>
    </message>
    <message>
        <source>Child protection plan (traditional)</source>
        <translation>Cynllun amddiffyn plant (traddodiadol)</translation>
    </message>
    <message>
        <source>No further action</source>
        <translation>Dim camau pellach</translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation>Yn cytuno</translation>
    </message>
    <message>
        <source>Disagrees (dissent)</source>
        <translation>Yn anghytuno (anghytundeb)</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Ddim yn siŵr</translation>
    </message>
    <message>
        <source>The young person&apos;s needs</source>
        <translation>Anghenion y person ifanc</translation>
    </message>
    <message>
        <source>Guardianship in places and groups outside the family</source>
        <translation>Gwarcheidiaeth mewn lleoedd a grwpiau y tu allan i&apos;r teulu</translation>
    </message>
    <message>
        <source>The wider environment</source>
        <translation>Yr amgylchedd ehangach</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Carried forward</source>
        <translation>Wedi&apos;i gario ymlaen</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>Yn symud ymlaen</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Wedi&apos;i gyflawni</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Wedi dod i ben</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Heb ddechrau</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Heb ei wneud</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation>Ddim yn berthnasol</translation>
    </message>
    <message>
        <source>To discuss</source>
        <translation>I&apos;w drafod</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Wedi&apos;i atgyfeirio</translation>
    </message>
    <message>
        <source>In place</source>
        <translation>Ar waith</translation>
    </message>
    <message>
        <source>First core group</source>
        <translation>Grŵp craidd cyntaf</translation>
    </message>
    <message>
        <source>Interim review</source>
        <translation type="unfinished">Adolygiad interim</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Ymweliad</translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation>Cam gweithredu yn y cynllun</translation>
    </message>
    <message>
        <source>Turns 18</source>
        <translation>Troi&apos;n 18</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Dros amser</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Yn ddyledus heddiw</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Yn ddyledus cyn bo hir</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>I ddod</translation>
    </message>
    <message>
        <source>Late: say why</source>
        <translation>Yn hwyr: dywedwch pam</translation>
    </message>
</context>
</TS>
