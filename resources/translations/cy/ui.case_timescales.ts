<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>CaseTimescalesTab</name>
    <message>
        <source>Reason recorded: {reason}</source>
        <translation>Rheswm a gofnodwyd: {reason}</translation>
    </message>
    <message>
        <source>{who} (young person not seen)</source>
        <translation>{who} (ni welwyd y person ifanc)</translation>
    </message>
    <message>
        <source>Young person not seen</source>
        <translation>Ni welwyd y person ifanc</translation>
    </message>
    <message>
        <source>Turned 18 on {date}.</source>
        <translation>Wedi troi&apos;n 18 ar {date}.</translation>
    </message>
    <message>
        <source>Turns 18 today.</source>
        <translation>Yn troi&apos;n 18 heddiw.</translation>
    </message>
    <message>
        <source>Turns 18 on {date}, in 1 day.</source>
        <translation>Yn troi&apos;n 18 ar {date}, ymhen 1 diwrnod.</translation>
    </message>
    <message>
        <source>Turns 18 on {date}, in {days} days.</source>
        <translation>Yn troi&apos;n 18 ar {date}, ymhen {days} diwrnod.</translation>
    </message>
    <message>
        <source>Turns 18 on {date}, in 1 month.</source>
        <translation>Yn troi&apos;n 18 ar {date}, ymhen 1 mis.</translation>
    </message>
    <message>
        <source>Turns 18 on {date}, in {months} months.</source>
        <translation>Yn troi&apos;n 18 ar {date}, ymhen {months} mis.</translation>
    </message>
    <message>
        <source>Local policy ({source}) does not allow a plan to continue past 18. If your local authority allows it, its timescales policy must say so (plan_may_continue_past_18).</source>
        <translation>Nid yw&apos;r polisi lleol ({source}) yn caniatáu i gynllun barhau ar ôl 18. Os yw eich awdurdod lleol yn caniatáu hyn, rhaid i&apos;w bolisi amserlenni ddweud hynny (plan_may_continue_past_18).</translation>
    </message>
    <message>
        <source>Record why it was missed…</source>
        <translation>Cofnodi pam y&apos;i methwyd…</translation>
    </message>
    <message>
        <source>Deadlines on this case</source>
        <translation>Dyddiadau terfyn ar yr achos hwn</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Wedi&apos;i drefnu</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Diwrnodau dros amser</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Ymweliadau</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <source>Who was seen</source>
        <translation>Pwy a welwyd</translation>
    </message>
    <message>
        <source>Seen alone</source>
        <translation>Wedi&apos;i weld ar ei ben ei hun</translation>
    </message>
    <message>
        <source>Add visit…</source>
        <translation>Ychwanegu ymweliad…</translation>
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
        <source>Turning 18</source>
        <translation>Troi&apos;n 18</translation>
    </message>
    <message>
        <source>Open a case to see what falls due on it.</source>
        <translation>Agorwch achos i weld beth sy&apos;n ddyledus arno.</translation>
    </message>
    <message>
        <source>Counting the deadlines on this case…</source>
        <translation>Yn cyfrif y dyddiadau terfyn ar yr achos hwn…</translation>
    </message>
    <message>
        <source>That case is no longer in this workspace.</source>
        <translation>Nid yw&apos;r achos hwnnw yn y gofod gwaith hwn mwyach.</translation>
    </message>
    <message>
        <source>This case is closed: nothing falls due on it.</source>
        <translation>Mae&apos;r achos hwn ar gau: does dim byd yn ddyledus arno.</translation>
    </message>
    <message>
        <source>Nothing falls due on this case in the next {days} days.</source>
        <translation>Does dim byd yn ddyledus ar yr achos hwn yn y {days} diwrnod nesaf.</translation>
    </message>
    <message>
        <source>{missed} overdue or late; {soon} due within {days} days.</source>
        <translation>{missed} dros amser neu&apos;n hwyr; {soon} yn ddyledus o fewn {days} diwrnod.</translation>
    </message>
    <message>
        <source>{missed} overdue or late.</source>
        <translation>{missed} dros amser neu&apos;n hwyr.</translation>
    </message>
    <message>
        <source>Nothing overdue; {soon} due within {days} days.</source>
        <translation>Dim byd dros amser; {soon} yn ddyledus o fewn {days} diwrnod.</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>Dim byd dros amser.</translation>
    </message>
    <message>
        <source>Counted on the timescales policy ({source}), up to {ahead} days ahead.</source>
        <translation>Wedi&apos;i gyfrif ar sail y polisi amserlenni ({source}), hyd at {ahead} diwrnod ymlaen.</translation>
    </message>
    <message>
        <source>Add the date of birth on the Young person tab to see when they turn 18.</source>
        <translation>Ychwanegwch y dyddiad geni ar y tab Person ifanc i weld pryd y byddan nhw&apos;n troi&apos;n 18.</translation>
    </message>
    <message>
        <source>Local policy ({source}): plans may continue past 18.</source>
        <translation>Polisi lleol ({source}): caiff cynlluniau barhau ar ôl 18.</translation>
    </message>
    <message>
        <source>Local policy ({source}): plans may not continue past 18.</source>
        <translation>Polisi lleol ({source}): ni chaiff cynlluniau barhau ar ôl 18.</translation>
    </message>
    <message>
        <source>Transition planning starts here on {date}, {months} months before.</source>
        <translation>Mae&apos;r cynllunio pontio yn dechrau yma ar {date}, {months} mis cyn hynny.</translation>
    </message>
    <message>
        <source>Add visit</source>
        <translation>Ychwanegu ymweliad</translation>
    </message>
    <message>
        <source>Edit visit</source>
        <translation>Golygu ymweliad</translation>
    </message>
</context>
</TS>
