<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keys and help</source>
        <translation>Bysellau a chymorth</translation>
    </message>
    <message>
        <source>Everything in this window can be done with the keyboard. Tab moves to the next control and Shift+Tab back; Space or Enter presses a button; Alt with an underlined letter jumps to that control.</source>
        <translation>Gallwch wneud popeth yn y ffenestr hon gyda'r bysellfwrdd. Mae Tab yn symud i'r rheolydd nesaf a Shift+Tab yn ôl; mae Bylchwr neu Enter yn pwyso botwm; mae Alt gyda llythyren sydd wedi'i thanlinellu yn neidio i'r rheolydd hwnnw.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Bysellau</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Beth maen nhw'n ei wneud</translation>
    </message>
    <message>
        <source>&amp;Words we use…</source>
        <translation>&amp;Geiriau rydyn ni'n eu defnyddio…</translation>
    </message>
    <message>
        <source>Words we use</source>
        <translation>Geiriau rydyn ni'n eu defnyddio</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source> or </source>
        <translation> neu </translation>
    </message>
    <message>
        <source>This list of keys</source>
        <translation>Y rhestr hon o fysellau</translation>
    </message>
    <message>
        <source>On the map:</source>
        <translation>Ar y map:</translation>
    </message>
    <message>
        <source>Arrow keys, Home, End</source>
        <translation>Bysellau saeth, Home, End</translation>
    </message>
    <message>
        <source>choose a context</source>
        <translation>dewis cyd-destun</translation>
    </message>
    <message>
        <source>give the chosen context more or less weight (5%)</source>
        <translation type="unfinished">rhoi mwy neu lai o bwys i'r cyd-destun a ddewiswyd (5%)</translation>
    </message>
    <message>
        <source>Shift with + / −</source>
        <translation>Shift gyda + / −</translation>
    </message>
    <message>
        <source>change the weight by 1%</source>
        <translation type="unfinished">newid y pwys o 1%</translation>
    </message>
    <message>
        <source>N or Insert</source>
        <translation>N neu Insert</translation>
    </message>
    <message>
        <source>add a context</source>
        <translation>ychwanegu cyd-destun</translation>
    </message>
    <message>
        <source>Enter or F2</source>
        <translation>Enter neu F2</translation>
    </message>
    <message>
        <source>rename the chosen context</source>
        <translation>ailenwi'r cyd-destun a ddewiswyd</translation>
    </message>
    <message>
        <source>link the chosen context to another</source>
        <translation>cysylltu'r cyd-destun a ddewiswyd ag un arall</translation>
    </message>
    <message>
        <source>remove the chosen context</source>
        <translation>tynnu'r cyd-destun a ddewiswyd</translation>
    </message>
    <message>
        <source>stop linking</source>
        <translation>rhoi'r gorau i gysylltu</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10</source>
        <translation>Bysell Dewislen neu Shift+F10</translation>
    </message>
    <message>
        <source>all actions for the context</source>
        <translation>holl ddewisiadau&apos;r cyd-destun</translation>
    </message>
</context>
</TS>
