<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>FieldSpec</name>
    <message>
        <source>Date shared</source>
        <translation>Dyddiad ei rannu</translation>
    </message>
    <message>
        <source>Who with</source>
        <translation>Gyda phwy</translation>
    </message>
    <message>
        <source>e.g. Tyler and his mum</source>
        <translation>e.e. Tyler a&apos;i fam</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Sut</translation>
    </message>
    <message>
        <source>e.g. Read together at home, or sent by post</source>
        <translation>e.e. Wedi&apos;i ddarllen gyda&apos;n gilydd gartref, neu wedi&apos;i anfon drwy&apos;r post</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>Beth ddywedon nhw</translation>
    </message>
    <message>
        <source>Their response, in their words</source>
        <translation>Eu hymateb, yn eu geiriau eu hunain</translation>
    </message>
    <message>
        <source>Language they read it in</source>
        <translation type="unfinished">Yr iaith y darllenon nhw hi ynddi</translation>
    </message>
    <message>
        <source>Whose words</source>
        <translation>Geiriau pwy</translation>
    </message>
    <message>
        <source>Which part it corrects</source>
        <translation>Pa ran mae&apos;n ei chywiro</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Eu geiriau</translation>
    </message>
    <message>
        <source>Exactly as they said it</source>
        <translation>Yn union fel y dywedon nhw</translation>
    </message>
</context>
<context>
    <name>SharedView</name>
    <message>
        <source>What the family saw on {date}</source>
        <translation>Beth welodd y teulu ar {date}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Shared on {date} with {who}. This is the copy kept that day.</source>
        <translation>Wedi&apos;i rannu ar {date} gyda {who}. Dyma&apos;r copi a gadwyd y diwrnod hwnnw.</translation>
    </message>
    <message>
        <source>{name} said:</source>
        <translation>Dywedodd {name}:</translation>
    </message>
    <message>
        <source>What is happening and why</source>
        <translation>Beth sy&apos;n digwydd a pham</translation>
    </message>
    <message>
        <source>Other explanations considered</source>
        <translation>Esboniadau eraill a ystyriwyd</translation>
    </message>
    <message>
        <source>What is working well</source>
        <translation>Beth sy&apos;n gweithio&apos;n dda</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Argymhelliad</translation>
    </message>
    <message>
        <source>What the plan should target</source>
        <translation>Beth ddylai&apos;r cynllun ei dargedu</translation>
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
        <source>The family&apos;s corrections</source>
        <translation>Cywiriadau&apos;r teulu</translation>
    </message>
</context>
<context>
    <name>SharingDialogs</name>
    <message>
        <source>record sharing with the family</source>
        <translation>cofnodi rhannu â&apos;r teulu</translation>
    </message>
    <message>
        <source>Record sharing with the family</source>
        <translation>Cofnodi rhannu â&apos;r teulu</translation>
    </message>
    <message>
        <source>{name} (the young person)</source>
        <translation>{name} (y person ifanc)</translation>
    </message>
    <message>
        <source>Write down what they said, in their words.</source>
        <translation>Ysgrifennwch beth ddywedon nhw, yn eu geiriau eu hunain.</translation>
    </message>
    <message>
        <source>add a family correction</source>
        <translation>ychwanegu cywiriad gan y teulu</translation>
    </message>
    <message>
        <source>Add a family correction</source>
        <translation>Ychwanegu cywiriad gan y teulu</translation>
    </message>
</context>
</TS>
