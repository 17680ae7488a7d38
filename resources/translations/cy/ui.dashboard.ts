<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>CountTile</name>
    <message>
        <source>{caption}: loading</source>
        <translation>{caption}: yn llwytho</translation>
    </message>
    <message>
        <source>{caption}: {count}</source>
        <translation>{caption}: {count}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Monday</source>
        <translation>dydd Llun</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>dydd Mawrth</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>dydd Mercher</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>dydd Iau</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>dydd Gwener</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>dydd Sadwrn</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>dydd Sul</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Llun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Maw</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Iau</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Gwe</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sad</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sul</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Ionawr</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Chwefror</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Mawrth</translation>
    </message>
    <message>
        <source>April</source>
        <translation>Ebrill</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Mehefin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Gorffennaf</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Awst</translation>
    </message>
    <message>
        <source>September</source>
        <translation>Medi</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Hydref</translation>
    </message>
    <message>
        <source>November</source>
        <translation>Tachwedd</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Rhagfyr</translation>
    </message>
    <message>
        <source>Overdue (reason recorded)</source>
        <translation>Dros amser (rheswm wedi&apos;i gofnodi)</translation>
    </message>
    <message>
        <source>1 day ({working} working)</source>
        <translation>1 diwrnod ({working} diwrnod gwaith)</translation>
    </message>
    <message>
        <source>{days} days ({working} working)</source>
        <translation>{days} diwrnod ({working} diwrnod gwaith)</translation>
    </message>
    <message>
        <source>Done {date}</source>
        <translation>Wedi&apos;i wneud {date}</translation>
    </message>
    <message>
        <source>Due this fortnight</source>
        <translation>Yn ddyledus o fewn pythefnos</translation>
    </message>
    <message>
        <source>Due in the next {days} days</source>
        <translation>Yn ddyledus yn y {days} diwrnod nesaf</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Yfory</translation>
    </message>
    <message>
        <source>{date} (in {days} days)</source>
        <translation>{date} (ymhen {days} diwrnod)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <source>{date} (already 18)</source>
        <translation>{date} (18 oed eisoes)</translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{weekday} {day} {month} {year}</translation>
    </message>
    <message>
        <source>Overdue or late</source>
        <translation>Dros amser neu&apos;n hwyr</translation>
    </message>
    <message>
        <source>Reason still to record</source>
        <translation>Rheswm heb ei gofnodi eto</translation>
    </message>
    <message>
        <source>Conferences this week</source>
        <translation>Cynadleddau&apos;r wythnos hon</translation>
    </message>
    <message>
        <source>Turning 18 soon</source>
        <translation>Troi&apos;n 18 cyn bo hir</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Rhybuddion</translation>
    </message>
    <message>
        <source>Resolve conflicts…</source>
        <translation>Datrys gwrthdaro…</translation>
    </message>
    <message>
        <source>Opens the conflicts view</source>
        <translation>Yn agor gwedd y gwrthdaro</translation>
    </message>
    <message>
        <source>This week&apos;s conferences</source>
        <translation>Cynadleddau&apos;r wythnos hon</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Young person</source>
        <translation>Person ifanc</translation>
    </message>
    <message>
        <source>Held or booked</source>
        <translation>Wedi&apos;i chynnal neu wedi&apos;i threfnu</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Wedi&apos;i chytuno</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <source>18 on</source>
        <translation>18 oed ar</translation>
    </message>
    <message>
        <source>Transition plan</source>
        <translation>Cynllun pontio</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>Yn ddyledus a dros amser</translation>
    </message>
    <message>
        <source>Initials or name</source>
        <translation>Llythrennau cyntaf neu enw</translation>
    </message>
    <message>
        <source>Filter by initials or name</source>
        <translation>Hidlo yn ôl llythrennau cyntaf neu enw</translation>
    </message>
    <message>
        <source>Filter by what is due</source>
        <translation>Hidlo yn ôl beth sy&apos;n ddyledus</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Popeth</translation>
    </message>
    <message>
        <source>Filter by agency</source>
        <translation>Hidlo yn ôl asiantaeth</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Pob asiantaeth</translation>
    </message>
    <message>
        <source>&amp;Overdue or late only</source>
        <translation>&amp;Dros amser neu&apos;n hwyr yn unig</translation>
    </message>
    <message>
        <source>Overdue or late only</source>
        <translation>Dros amser neu&apos;n hwyr yn unig</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Chwi&amp;lio</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Beth</translation>
    </message>
    <message>
        <source>A&amp;gency</source>
        <translation>A&amp;siantaeth</translation>
    </message>
    <message>
        <source>Enter or double-click opens the young person&apos;s case. Missed items are in bold with a warning icon, and their state is written in the first column.</source>
        <translation>Mae Enter neu glicio ddwywaith yn agor achos y person ifanc. Mae eitemau a fethwyd mewn print trwm gydag eicon rhybudd, ac mae eu statws wedi&apos;i ysgrifennu yn y golofn gyntaf.</translation>
    </message>
    <message>
        <source>O&amp;pen case</source>
        <translation>Ago&amp;r achos</translation>
    </message>
    <message>
        <source>&amp;Record why it was missed…</source>
        <translation>&amp;Cofnodi pam y&apos;i methwyd…</translation>
    </message>
    <message>
        <source>Ti&amp;mescales in use…</source>
        <translation>Amserle&amp;nni sydd ar waith…</translation>
    </message>
    <message>
        <source>Warning: the dashboard could not be loaded. {error}</source>
        <translation>Rhybudd: nid oedd modd llwytho&apos;r dangosfwrdd. {error}</translation>
    </message>
    <message>
        <source>1 sync conflict to resolve</source>
        <translation>1 gwrthdaro cysoni i&apos;w ddatrys</translation>
    </message>
    <message>
        <source>{count} sync conflicts to resolve</source>
        <translation>{count} gwrthdaro cysoni i&apos;w datrys</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Heddiw, {date}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Rhybudd: {text}</translation>
    </message>
    <message>
        <source>This week&apos;s conferences ({start} to {end})</source>
        <translation>Cynadleddau&apos;r wythnos hon ({start} i {end})</translation>
    </message>
    <message>
        <source>This week&apos;s conferences ({start} to {end}): none booked</source>
        <translation>Cynadleddau&apos;r wythnos hon ({start} i {end}): dim wedi&apos;u trefnu</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Wedi&apos;i chynnal</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Wedi&apos;i threfnu</translation>
    </message>
    <message>
        <source>Not agreed</source>
        <translation>Heb ei chytuno</translation>
    </message>
    <message>
        <source>Turning 18 in the next {months} months</source>
        <translation>Troi&apos;n 18 yn y {months} mis nesaf</translation>
    </message>
    <message>
        <source>Turning 18 in the next {months} months: nobody</source>
        <translation>Troi&apos;n 18 yn y {months} mis nesaf: neb</translation>
    </message>
    <message>
        <source>{missed} overdue · {soon} due soon</source>
        <translation>{missed} dros amser · {soon} yn ddyledus cyn bo hir</translation>
    </message>
    <message>
        <source>{kind}: {missed} overdue or late, {soon} due soon</source>
        <translation>{kind}: {missed} dros amser neu&apos;n hwyr, {soon} yn ddyledus cyn bo hir</translation>
    </message>
    <message>
        <source>{kind}: loading</source>
        <translation>{kind}: yn llwytho</translation>
    </message>
    <message>
        <source>Showing {shown} of {total}</source>
        <translation>Yn dangos {shown} o {total}</translation>
    </message>
    <message>
        <source>{total} shown</source>
        <translation>{total} yn cael eu dangos</translation>
    </message>
    <message>
        <source>Timescales in use</source>
        <translation>Amserlenni sydd ar waith</translation>
    </message>
    <message>
        <source>Deadlines are counted on: {source}.</source>
        <translation>Mae&apos;r dyddiadau terfyn yn cael eu cyfrif ar sail: {source}.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>State</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Young person</source>
        <translation>Person ifanc</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Diwrnodau dros amser</translation>
    </message>
    <message>
        <source>Booked or done</source>
        <translation>Wedi&apos;i drefnu neu&apos;i wneud</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <source>Reason recorded: {reason}</source>
        <translation>Rheswm a gofnodwyd: {reason}</translation>
    </message>
    <message>
        <source>Missed, and nobody has recorded why yet.</source>
        <translation>Wedi&apos;i fethu, a does neb wedi cofnodi pam eto.</translation>
    </message>
</context>
</TS>
