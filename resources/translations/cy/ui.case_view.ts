<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>CaseView</name>
    <message>
        <source>Choose a young person from the list, or add one with Ctrl+N.</source>
        <translation>Dewiswch berson ifanc o&apos;r rhestr, neu ychwanegwch un gyda Ctrl+N.</translation>
    </message>
    <message>
        <source>Case sections</source>
        <translation>Adrannau&apos;r achos</translation>
    </message>
    <message>
        <source>Yo&amp;ung person</source>
        <translation>Person &amp;ifanc</translation>
    </message>
    <message>
        <source>Family and network</source>
        <translation>Teulu a rhwydwaith</translation>
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
        <source>Parental responsibility</source>
        <translation>Cyfrifoldeb rhiant</translation>
    </message>
    <message>
        <source>Plan partner</source>
        <translation>Partner yn y cynllun</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Add family member…</source>
        <translation>Ychwanegu aelod o&apos;r teulu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Golygu…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Tynnu</translation>
    </message>
    <message>
        <source>Family and net&amp;work</source>
        <translation>&amp;Teulu a rhwydwaith</translation>
    </message>
    <message>
        <source>Open a case…</source>
        <translation>Agor achos…</translation>
    </message>
    <message>
        <source>Pathway transfers</source>
        <translation>Trosglwyddiadau llwybr</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>From</source>
        <translation>O</translation>
    </message>
    <message>
        <source>To</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Transfer pathway…</source>
        <translation>Trosglwyddo llwybr…</translation>
    </message>
    <message>
        <source>C&amp;ase</source>
        <translation>A&amp;chos</translation>
    </message>
    <message>
        <source>Professionals</source>
        <translation>Gweithwyr proffesiynol</translation>
    </message>
    <message>
        <source>Part in this case</source>
        <translation>Rhan yn yr achos hwn</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Teitl swydd</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <source>Add to case…</source>
        <translation>Ychwanegu at yr achos…</translation>
    </message>
    <message>
        <source>Remove from case</source>
        <translation>Tynnu o&apos;r achos</translation>
    </message>
    <message>
        <source>New professional…</source>
        <translation>Gweithiwr proffesiynol newydd…</translation>
    </message>
    <message>
        <source>New agency…</source>
        <translation>Asiantaeth newydd…</translation>
    </message>
    <message>
        <source>Pr&amp;ofessionals</source>
        <translation>Gweithwyr &amp;proffesiynol</translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation>Cynadleddau</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Cadeirydd</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <source>Add conference…</source>
        <translation>Ychwanegu cynhadledd…</translation>
    </message>
    <message>
        <source>Edit conference…</source>
        <translation>Golygu&apos;r gynhadledd…</translation>
    </message>
    <message>
        <source>&amp;Run conference</source>
        <translation>&amp;Rhedeg y gynhadledd</translation>
    </message>
    <message>
        <source>Print or e&amp;xport…</source>
        <translation>Argraffu neu allf&amp;orio…</translation>
    </message>
    <message>
        <source>Attendance at the selected conference</source>
        <translation>Presenoldeb yn y gynhadledd a ddewiswyd</translation>
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
        <source>Left</source>
        <translation>Wedi gadael</translation>
    </message>
    <message>
        <source>Add attendee…</source>
        <translation>Ychwanegu mynychwr…</translation>
    </message>
    <message>
        <source>Edit attendee…</source>
        <translation>Golygu mynychwr…</translation>
    </message>
    <message>
        <source>Remove attendee</source>
        <translation>Tynnu mynychwr</translation>
    </message>
    <message>
        <source>Co&amp;nferences</source>
        <translation>Cynha&amp;dleddau</translation>
    </message>
    <message>
        <source>A&amp;ssessments</source>
        <translation>As&amp;esiadau</translation>
    </message>
    <message>
        <source>Ti&amp;mescales</source>
        <translation>Am&amp;serlenni</translation>
    </message>
    <message>
        <source>That young person is no longer in this workspace.</source>
        <translation>Nid yw&apos;r person ifanc hwnnw yn y gofod gwaith hwn mwyach.</translation>
    </message>
    <message>
        <source>no open case</source>
        <translation>dim achos ar agor</translation>
    </message>
    <message>
        <source>next conference {date}</source>
        <translation>cynhadledd nesaf {date}</translation>
    </message>
    <message>
        <source>Add family member</source>
        <translation>Ychwanegu aelod o&apos;r teulu</translation>
    </message>
    <message>
        <source>Edit family member</source>
        <translation>Golygu aelod o&apos;r teulu</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>Agor achos</translation>
    </message>
    <message>
        <source>Enter the date of the transfer.</source>
        <translation>Rhowch ddyddiad y trosglwyddiad.</translation>
    </message>
    <message>
        <source>Transfer pathway</source>
        <translation>Trosglwyddo llwybr</translation>
    </message>
    <message>
        <source>Add a professional to this case</source>
        <translation>Ychwanegu gweithiwr proffesiynol at yr achos hwn</translation>
    </message>
    <message>
        <source>New professional</source>
        <translation>Gweithiwr proffesiynol newydd</translation>
    </message>
    <message>
        <source>New agency</source>
        <translation>Asiantaeth newydd</translation>
    </message>
    <message>
        <source>Add conference</source>
        <translation>Ychwanegu cynhadledd</translation>
    </message>
    <message>
        <source>Edit conference</source>
        <translation>Golygu&apos;r gynhadledd</translation>
    </message>
    <message>
        <source>Add attendee</source>
        <translation>Ychwanegu mynychwr</translation>
    </message>
    <message>
        <source>Edit attendee</source>
        <translation>Golygu mynychwr</translation>
    </message>
</context>
</TS>
