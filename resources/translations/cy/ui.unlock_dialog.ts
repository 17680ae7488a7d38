<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>CreateWorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation>Gofod gwaith newydd</translation>
    </message>
    <message>
        <source>New workspace folder</source>
        <translation>Ffolder y gofod gwaith newydd</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Pori…</translation>
    </message>
    <message>
        <source>Browse for a folder</source>
        <translation>Pori am ffolder</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Cyfrinymadrodd eto</translation>
    </message>
    <message>
        <source>Organisation recovery public key file (optional)</source>
        <translation type="unfinished">Ffeil allwedd gyhoeddus adfer y sefydliad (dewisol)</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters; a few ordinary words work well.</source>
        <translation>Dewiswch gyfrinymadrodd o 10 nod o leiaf; mae ychydig o eiriau cyffredin yn gweithio&apos;n dda.</translation>
    </message>
    <message>
        <source>New workspace message</source>
        <translation>Neges am y gofod gwaith newydd</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Creu</translation>
    </message>
    <message>
        <source>Create workspace</source>
        <translation>Creu gofod gwaith</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ffolder</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>C&amp;yfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase &amp;again</source>
        <translation>Cyfrinymadrodd &amp;eto</translation>
    </message>
    <message>
        <source>&amp;Recovery key (optional)</source>
        <translation>Allwedd &amp;adfer (dewisol)</translation>
    </message>
    <message>
        <source>Folder for the new workspace</source>
        <translation>Ffolder ar gyfer y gofod gwaith newydd</translation>
    </message>
    <message>
        <source>Choose a folder for the workspace.</source>
        <translation>Dewiswch ffolder ar gyfer y gofod gwaith.</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Mae&apos;r ddau gyfrinymadrodd yn wahanol.</translation>
    </message>
    <message>
        <source>Creating the encrypted workspace…</source>
        <translation>Yn creu&apos;r gofod gwaith wedi&apos;i amgryptio…</translation>
    </message>
    <message>
        <source>Cannot use that folder: {reason}</source>
        <translation>Does dim modd defnyddio&apos;r ffolder honno: {reason}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>This computer has no system keyring ROTH Desktop can trust, so quick unlock is off and the workspace opens with its passphrase only.</source>
        <translation type="unfinished">Does gan y cyfrifiadur hwn ddim keyring system y gall ROTH Desktop ymddiried ynddo, felly mae datgloi cyflym wedi&apos;i ddiffodd a dim ond gyda&apos;i gyfrinymadrodd y mae&apos;r gofod gwaith yn agor.</translation>
    </message>
    <message>
        <source>ROTH Desktop — unlock</source>
        <translation>ROTH Desktop — datgloi</translation>
    </message>
    <message>
        <source>Unlock workspace</source>
        <translation>Datgloi&apos;r gofod gwaith</translation>
    </message>
    <message>
        <source>enter your passphrase to open the workspace</source>
        <translation>rhowch eich cyfrinymadrodd i agor y gofod gwaith</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Ffolder y gofod gwaith</translation>
    </message>
    <message>
        <source>&amp;Open another workspace…</source>
        <translation>&amp;Agor gofod gwaith arall…</translation>
    </message>
    <message>
        <source>Open another workspace</source>
        <translation>Agor gofod gwaith arall</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>Gofod gwaith &amp;newydd…</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Gofod gwaith newydd</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer (system keyring)</source>
        <translation type="unfinished">&amp;Cofio ar y cyfrifiadur hwn (keyring y system)</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Cofio ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Datgloi</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Neges datgloi</translation>
    </message>
    <message>
        <source>Keyring notice</source>
        <translation type="unfinished">Hysbysiad am y keyring</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>C&amp;yfrinymadrodd</translation>
    </message>
    <message>
        <source>No workspace chosen yet: open one or make a new one.</source>
        <translation>Does dim gofod gwaith wedi&apos;i ddewis eto: agorwch un neu gwnewch un newydd.</translation>
    </message>
    <message>
        <source>Workspace: {folder}</source>
        <translation>Gofod gwaith: {folder}</translation>
    </message>
    <message>
        <source>Unlocking with the system keyring…</source>
        <translation type="unfinished">Yn datgloi gyda keyring y system…</translation>
    </message>
    <message>
        <source>Quick unlock did not work this time; enter the passphrase.</source>
        <translation>Wnaeth datgloi cyflym ddim gweithio y tro hwn; rhowch y cyfrinymadrodd.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Yn datgloi…</translation>
    </message>
    <message>
        <source>After several wrong passphrases each try waits 1 second.</source>
        <translation>Ar ôl sawl cyfrinymadrodd anghywir, mae pob cynnig yn aros 1 eiliad.</translation>
    </message>
    <message>
        <source>After several wrong passphrases each try waits {seconds} seconds.</source>
        <translation>Ar ôl sawl cyfrinymadrodd anghywir, mae pob cynnig yn aros {seconds} eiliad.</translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation>Agor ffolder gofod gwaith</translation>
    </message>
</context>
</TS>
