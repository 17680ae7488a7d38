<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>DraftText</name>
    <message>
        <source>Finish this entry and start the next</source>
        <translation type="unfinished">Gorffen hwn a dechrau&apos;r nesaf</translation>
    </message>
</context>
</TS>
