<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>AboutSection</name>
    <message>
        <source>A social worker&apos;s assessment of {name}, written before the conference and shared with the family. Each part saves as you write it; Ctrl+Z undoes.</source>
        <translation type="unfinished">Asesiad gweithiwr cymdeithasol o {name}, wedi&apos;i ysgrifennu cyn y gynhadledd a&apos;i rannu â&apos;r teulu. Mae pob rhan yn cadw wrth i chi ysgrifennu; mae Ctrl+Z yn dadwneud.</translation>
    </message>
</context>
<context>
    <name>AnalysisSection</name>
    <message>
        <source>What is happening and why</source>
        <translation>Beth sy&apos;n digwydd a pham</translation>
    </message>
    <message>
        <source>What you think is happening for them, and why you think so</source>
        <translation>Beth rydych chi&apos;n meddwl sy&apos;n digwydd iddyn nhw, a pham rydych chi&apos;n meddwl hynny</translation>
    </message>
    <message>
        <source>Other explanations considered</source>
        <translation>Esboniadau eraill a ystyriwyd</translation>
    </message>
    <message>
        <source>What else could explain it, and why you think it does or does not</source>
        <translation type="unfinished">Beth arall allai ei esbonio, a pham rydych chi&apos;n meddwl ei fod yn gwneud hynny neu beidio</translation>
    </message>
    <message>
        <source>What is working well</source>
        <translation>Beth sy&apos;n gweithio&apos;n dda</translation>
    </message>
    <message>
        <source>Strengths, safe people and places, what the family is already doing</source>
        <translation>Cryfderau, pobl a lleoedd diogel, beth mae&apos;r teulu eisoes yn ei wneud</translation>
    </message>
</context>
<context>
    <name>FieldSpec</name>
    <message>
        <source>Started</source>
        <translation>Dechreuwyd</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Gorffennwyd</translation>
    </message>
    <message>
        <source>Leave empty while you are still writing it</source>
        <translation>Gadewch yn wag tra byddwch chi&apos;n dal i&apos;w ysgrifennu</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Ysgrifennwyd gan</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Heb ei gofnodi</translation>
    </message>
    <message>
        <source>Write to the young person (you, your)</source>
        <translation type="unfinished">Ysgrifennu at y person ifanc (ti, dy)</translation>
    </message>
    <message>
        <source>The family&apos;s version speaks to the young person: “your mum is worried that…”</source>
        <translation type="unfinished">Mae fersiwn y teulu yn siarad â&apos;r person ifanc: “mae dy fam yn poeni bod…”</translation>
    </message>
    <message>
        <source>Recommended pathway</source>
        <translation>Y llwybr a argymhellir</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Heb benderfynu eto</translation>
    </message>
</context>
<context>
    <name>NeedsSection</name>
    <message>
        <source>Not asked about yet: {areas}. Every area is asked every time, because the need nobody asked about is the one the plan misses.</source>
        <translation type="unfinished">Heb ofyn amdanynt eto: {areas}. Gofynnir am bob maes bob tro, oherwydd yr angen na ofynnodd neb amdano yw&apos;r un mae&apos;r cynllun yn ei fethu.</translation>
    </message>
</context>
<context>
    <name>PartnerSection</name>
    <message>
        <source>Wording in the selected information:</source>
        <translation type="unfinished">Geiriau yn y wybodaeth a ddewiswyd:</translation>
    </message>
</context>
<context>
    <name>RecommendationSection</name>
    <message>
        <source>Contexts and needs the plan should target</source>
        <translation>Y cyd-destunau a&apos;r anghenion y dylai&apos;r cynllun eu targedu</translation>
    </message>
    <message>
        <source>Space ticks or unticks the one selected</source>
        <translation>Mae Space yn ticio neu&apos;n dad-dicio&apos;r un a ddewiswyd</translation>
    </message>
    <message>
        <source>What the plan should target (tick with Space)</source>
        <translation>Beth ddylai&apos;r cynllun ei dargedu (ticiwch â Space)</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Argymhelliad</translation>
    </message>
    <message>
        <source>What you recommend, and why, in words the family can follow</source>
        <translation>Beth rydych chi&apos;n ei argymell, a pham, mewn geiriau y gall y teulu eu dilyn</translation>
    </message>
    <message>
        <source>Context: {name}</source>
        <translation>Cyd-destun: {name}</translation>
    </message>
    <message>
        <source>Need: {name}</source>
        <translation>Angen: {name}</translation>
    </message>
    <message>
        <source>plan targets</source>
        <translation>targedau&apos;r cynllun</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Not shared with the family yet.</source>
        <translation>Heb ei rannu â&apos;r teulu eto.</translation>
    </message>
    <message>
        <source>Changed since {who} saw it on {date}: share it again, or show them what changed.</source>
        <translation>Wedi newid ers i {who} ei weld ar {date}: rhannwch ef eto, neu dangoswch iddyn nhw beth sydd wedi newid.</translation>
    </message>
    <message>
        <source>{who} saw this version on {date}.</source>
        <translation>Gwelodd {who} y fersiwn hon ar {date}.</translation>
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
        <source>Picture: {item}</source>
        <translation>Darlun: {item}</translation>
    </message>
    <message>
        <source>Their words: {item}</source>
        <translation>Eu geiriau: {item}</translation>
    </message>
    <message>
        <source>Context: {name}</source>
        <translation>Cyd-destun: {name}</translation>
    </message>
    <message>
        <source>Partner information: {item}</source>
        <translation>Gwybodaeth gan bartneriaid: {item}</translation>
    </message>
    <message>
        <source>Need: {name}</source>
        <translation>Angen: {name}</translation>
    </message>
    <message>
        <source>Harm: {item}</source>
        <translation>Niwed: {item}</translation>
    </message>
</context>
<context>
    <name>SharingSection</name>
    <message>
        <source>Times it was shared with the family</source>
        <translation>Pryd y cafodd ei rannu â&apos;r teulu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Gyda</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Sut</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>Beth ddywedon nhw</translation>
    </message>
    <message>
        <source>Show what they saw</source>
        <translation>Dangos beth welon nhw</translation>
    </message>
    <message>
        <source>The family&apos;s corrections</source>
        <translation>Cywiriadau&apos;r teulu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Am</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Eu geiriau</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
</context>
<context>
    <name>VisitsSection</name>
    <message>
        <source>Visits and conversations</source>
        <translation>Ymweliadau a sgyrsiau</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>ymweliad</translation>
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
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>Where you saw them and who was there: at home, at school, in a café. Young people often say more away from home.</source>
        <translation>Ble gwelsoch chi nhw a phwy oedd yno: gartref, yn yr ysgol, mewn caffi. Mae pobl ifanc yn aml yn dweud mwy i ffwrdd o&apos;r cartref.</translation>
    </message>
</context>
</TS>
