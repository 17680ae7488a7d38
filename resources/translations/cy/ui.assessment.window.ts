<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>AssessmentWindow</name>
    <message>
        <source>Assessment</source>
        <translation>Asesiad</translation>
    </message>
    <message>
        <source>The language of this window only</source>
        <translation>Iaith y ffenestr hon yn unig</translation>
    </message>
    <message>
        <source>Record &amp;sharing with the family…</source>
        <translation>Cofnodi &amp;rhannu â&apos;r teulu…</translation>
    </message>
    <message>
        <source>Add a family co&amp;rrection…</source>
        <translation>Ychwanegu &amp;cywiriad gan y teulu…</translation>
    </message>
    <message>
        <source>Assessment &amp;PDF…</source>
        <translation>&amp;PDF yr asesiad…</translation>
    </message>
    <message>
        <source>&amp;Hand over…</source>
        <translation type="unfinished">&amp;Trosglwyddo…</translation>
    </message>
    <message>
        <source>Parts of the assessment</source>
        <translation>Rhannau&apos;r asesiad</translation>
    </message>
    <message>
        <source>Up and down arrows choose a part; Ctrl+Page Down goes to the next one</source>
        <translation>Mae&apos;r saethau i fyny ac i lawr yn dewis rhan; mae Ctrl+Page Down yn mynd i&apos;r un nesaf</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Am yr asesiad</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Darlun</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Eu geiriau</translation>
    </message>
    <message>
        <source>Visits and conversations</source>
        <translation>Ymweliadau a sgyrsiau</translation>
    </message>
    <message>
        <source>Where safe and unsafe</source>
        <translation>Ble mae&apos;n ddiogel, ble mae&apos;n anniogel</translation>
    </message>
    <message>
        <source>Map weighting</source>
        <translation type="unfinished">Pwysoli&apos;r map</translation>
    </message>
    <message>
        <source>Partner information</source>
        <translation>Gwybodaeth gan bartneriaid</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Anghenion</translation>
    </message>
    <message>
        <source>Harm</source>
        <translation>Niwed</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Dadansoddiad</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Argymhelliad</translation>
    </message>
    <message>
        <source>Sharing with the family</source>
        <translation>Rhannu â&apos;r teulu</translation>
    </message>
    <message>
        <source>Next part</source>
        <translation>Y rhan nesaf</translation>
    </message>
    <message>
        <source>Previous part</source>
        <translation>Y rhan flaenorol</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Dadwneud</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ailwneud</translation>
    </message>
    <message>
        <source>This assessment is no longer in the workspace.</source>
        <translation>Nid yw&apos;r asesiad hwn yn y gofod gwaith mwyach.</translation>
    </message>
    <message>
        <source>Assessment: {name}</source>
        <translation>Asesiad: {name}</translation>
    </message>
    <message>
        <source>started {date}</source>
        <translation>dechreuwyd {date}</translation>
    </message>
    <message>
        <source>finished {date}</source>
        <translation>gorffennwyd {date}</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>ar y gweill</translation>
    </message>
    <message>
        <source>The conference on {date} started from this assessment, so it is kept as the conference found it. Start a new assessment to record what has changed since.</source>
        <translation type="unfinished">Dechreuodd y gynhadledd ar {date} o&apos;r asesiad hwn, felly caiff ei gadw fel yr oedd pan ddechreuodd y gynhadledd. Dechreuwch asesiad newydd i gofnodi beth sydd wedi newid ers hynny.</translation>
    </message>
    <message>
        <source>wording hints</source>
        <translation type="unfinished">awgrymiadau am eiriau</translation>
    </message>
</context>
</TS>
