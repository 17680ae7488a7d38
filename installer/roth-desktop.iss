; ROTH Desktop: the Windows installer (Inno Setup 6.3 or later, x64, per-machine).
;
; Build on Windows from the repository root (installer/README.md has every step):
;   pyinstaller --noconfirm installer\roth-desktop.spec
;   ISCC /DAppVersion=0.1.0 installer\roth-desktop.iss
; with AppVersion set from pyproject.toml, the one place the version lives.
; Output: dist\roth-desktop-<version>-windows-x64-setup.exe
;
; Silent install and removal, for IT teams:
;   roth-desktop-0.1.0-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\roth-desktop-setup.log"
;   "C:\Program Files\ROTH Desktop\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; (/VERYSILENT and /LOG are Setup's and the uninstaller's own switches; nothing here adds them.)

#ifndef AppVersion
  #error Give the version from pyproject.toml: ISCC /DAppVersion=0.1.0 installer\roth-desktop.iss
#endif
#define AppName "ROTH Desktop"
#define AppExe "roth-desktop.exe"
#define Publisher "ROTH Desktop contributors"

[Setup]
; AppId ties every version's installer and uninstaller together (upgrades in place,
; one entry in Apps & features). Never change it, and never reuse it elsewhere.
; The doubled brace is Inno's escape for a literal "{".
AppId={{A4518376-E50C-4161-B6BA-D11793DA4932}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
; The setup program's own file properties carry the same version.
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoCompany={#Publisher}
VersionInfoDescription={#AppName} installer
VersionInfoProductName={#AppName}
; Per-machine: one copy in Program Files for every user of the laptop, installed
; by IT with administrative rights (a UAC prompt when run by hand). No per-user
; override is offered (PrivilegesRequiredOverridesAllowed is left at its default).
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; The frozen app is 64-bit: install it only where x64 code runs, into the 64-bit
; Program Files. Qt 6 needs Windows 10 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Relative paths are from this script's folder (installer\), Inno's default SourceDir.
OutputDir=..\dist
OutputBaseFilename=roth-desktop-{#AppVersion}-windows-x64-setup
; Drawn from installer\roth-desktop.svg by the PyInstaller build (render_icon.py).
SetupIconFile=..\build\roth-desktop\icon\roth-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; A running copy is asked to close rather than having files replaced under it;
; it is not restarted afterwards (it would open locked, asking for a passphrase).
CloseApplications=yes
RestartApplications=no
; Code signing (installer/README.md): define a sign tool named "rothsign" with
;   ISCC /Srothsign="signtool.exe sign /fd sha256 /tr <timestamp URL> /td sha256 /a $f" /DSign ...
; and both the setup and the uninstaller are signed as they are built.
#ifdef Sign
SignTool=rothsign
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade replaces the app's private folder whole: a module the old version had
; and the new one dropped must not linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The PyInstaller onedir build: roth-desktop.exe (the app, no console window),
; roth-desktop-cli.exe (the command line and --self-test) and _internal\.
Source: "..\dist\roth-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; {group} is the all-users Start menu folder in an administrative install.
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Risk Outside the Home conferences"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

; No [UninstallDelete] and no [Run]: the uninstaller removes exactly what was
; installed above ({app} and the Start menu entries) and nothing else. Users'
; workspaces live in folders they chose, their settings and unlock counters under
; %LOCALAPPDATA%\ROTH Desktop, and quick-unlock keys in their own Windows
; Credential Manager: all of it is theirs and survives an uninstall or an upgrade.
