<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>LanguageHints</name>
    <message>
        <source>Wording hints</source>
        <translation type="unfinished">Awgrymiadau am eiriau</translation>
    </message>
    <message>
        <source>1 wording hint below this box</source>
        <translation type="unfinished">1 awgrym am eiriau o dan y blwch hwn</translation>
    </message>
    <message>
        <source>{count} wording hints below this box</source>
        <translation type="unfinished">{count} awgrym am eiriau o dan y blwch hwn</translation>
    </message>
    <message>
        <source>‘{word}’: {why} Try: {suggestions}.</source>
        <translation>‘{word}’: {why} Rhowch gynnig ar: {suggestions}.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished">Diystyru</translation>
    </message>
    <message>
        <source>Dismiss the hint about ‘{word}’</source>
        <translation type="unfinished">Diystyru&apos;r awgrym am ‘{word}’</translation>
    </message>
    <message>
        <source>Stop suggesting other words for ‘{word}’ in this assessment</source>
        <translation type="unfinished">Peidio ag awgrymu geiriau eraill yn lle ‘{word}’ yn yr asesiad hwn</translation>
    </message>
</context>
</TS>
