<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>MissedReasonDialog</name>
    <message>
        <source>Say why it was missed, for example: the family asked to move it.</source>
        <translation>Dywedwch pam y cafodd ei fethu, er enghraifft: gofynnodd y teulu am ei symud.</translation>
    </message>
    <message>
        <source>{what} for {name} ({initials}), due {due}, done {done}</source>
        <translation>{what} ar gyfer {name} ({initials}), erbyn {due}, wedi&apos;i wneud {done}</translation>
    </message>
    <message>
        <source>{what} for {name} ({initials}), due {due}</source>
        <translation>{what} ar gyfer {name} ({initials}), erbyn {due}</translation>
    </message>
    <message>
        <source>Why was it missed?</source>
        <translation>Pam y cafodd ei fethu?</translation>
    </message>
    <message>
        <source>Why it was missed</source>
        <translation>Pam y cafodd ei fethu</translation>
    </message>
    <message>
        <source>The reason is kept with the case for the data return and the next chair.</source>
        <translation>Mae&apos;r rheswm yn cael ei gadw gyda&apos;r achos ar gyfer y ffurflen ddata a&apos;r cadeirydd nesaf.</translation>
    </message>
    <message>
        <source>For example: the family asked to move it to after exams.</source>
        <translation>Er enghraifft: gofynnodd y teulu am ei symud i ddyddiad ar ôl yr arholiadau.</translation>
    </message>
    <message>
        <source>&amp;Why it was missed</source>
        <translation>&amp;Pam y cafodd ei fethu</translation>
    </message>
    <message>
        <source>Problem with the reason</source>
        <translation>Problem gyda&apos;r rheswm</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
</TS>
