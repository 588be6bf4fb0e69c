; Planning Workbench: Windows installer (Inno Setup 6.3 or newer).
;
; Packs the PyInstaller one-folder bundle dist\planning-workbench\ built from
; installers\planning-workbench.spec. From the repository root, after the PyInstaller step:
;
;   iscc /DAppVersion=0.1.0 installers\windows\planning-workbench.iss
;
; (the version is the one in pyproject.toml). Writes
; dist\planning-workbench-<version>-windows-x64-setup.exe. Signed (installers\README.md,
; "Signing"): add /DSignTool=trustsign "/Strustsign=signtool.exe sign ... $f".
;
; Two install modes, one script:
; - per-user (the default, no administrator rights): %LOCALAPPDATA%\Programs\Planning
;   Workbench, Start-menu entry and uninstaller for that user only (/CURRENTUSER);
; - all users (/ALLUSERS, administrator or SYSTEM, e.g. Intune or SCCM in system context):
;   C:\Program Files\Planning Workbench, Start-menu entry for every user, uninstaller under
;   HKLM; Program Files is where AppLocker's default rules let users run programs.
; Setup run as SYSTEM without /ALLUSERS stops with exit code 1 instead of installing into
; the SYSTEM account's own profile, where no user would see it.
;
; The bundle has two programs: planning-workbench.exe (windowed: shortcuts) and
; workbench.exe (console: IT and scripts, `workbench.exe summary`, `--smoke`, `--help`).
; The plan database is never under the program folder: it is in each user's data folder
; and uninstalling leaves it there. installers\check_windows.py checks this script.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=x.y.z installers\windows\planning-workbench.iss
#endif
#define AppName "Planning Workbench"
#define AppExe "planning-workbench.exe"
#define ConsoleExe "workbench.exe"
#define Bundle "..\..\dist\planning-workbench"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{74CA14DD-0DC0-4347-94D5-43B338AEC75D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Planning Workbench
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} setup
; Per-user by default; /ALLUSERS (command line) or the first page's choice installs for
; all users under Program Files, which needs administrator rights (or SYSTEM).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\planning-workbench.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=planning-workbench-{#AppVersion}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
#ifdef SignTool
; Signing (installers\README.md): iscc /DSignTool=trustsign "/Strustsign=signtool.exe ..."
; signs the setup and the uninstaller it writes. The bundle's two .exe files are signed
; before this script runs.
SignTool={#SignTool}
SignedUninstaller=yes
SignToolRetryCount=3
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's library folder whole, so no file of an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\{#ConsoleExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// Intune and SCCM run Setup as SYSTEM. Without /ALLUSERS that would be a per-user install
// into the SYSTEM account's profile (C:\Windows\System32\config\systemprofile), which no
// user ever sees: refuse it, so the deployment fails visibly (exit code 1) instead.
function InitializeSetup(): Boolean;
begin
  Result := True;
  if (not IsAdminInstallMode) and
     (Pos('\config\systemprofile', Lowercase(ExpandConstant('{localappdata}'))) > 0) then
  begin
    Log('Setup runs as SYSTEM without /ALLUSERS: refusing a per-user install.');
    SuppressibleMsgBox('Setup is running as the SYSTEM account. Add /ALLUSERS to install ' +
      'Planning Workbench for all users under Program Files.', mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;
