; Planning Workbench: Windows installer (Inno Setup 6.3 or newer).
;
; Packs the PyInstaller one-folder bundle dist\planning-workbench\ built from
; installers\planning-workbench.spec. From the repository root, after the PyInstaller step:
;
;   iscc /DAppVersion=0.1.0 installers\windows\planning-workbench.iss
;
; (the version is the one in pyproject.toml). Writes
; dist\planning-workbench-<version>-windows-x64-setup.exe.
;
; Per-user install, no administrator rights: %LOCALAPPDATA%\Programs\Planning Workbench,
; Start-menu entry for the current user, uninstaller in Settings > Apps. Silent deployment:
;
;   planning-workbench-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES
;       /NORESTART /CURRENTUSER /LOG="%TEMP%\planning-workbench-setup.log" [/DIR="path"]
;
; /ALLUSERS instead of /CURRENTUSER installs for every user under Program Files (that one
; needs administrator rights). The plan database is never under the program folder: it is
; in each user's %LOCALAPPDATA%\PlanningWorkbench\ and uninstalling leaves it there.
; installers\check_windows.py checks this script (paths, privileges, AppId, version).

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=x.y.z installers\windows\planning-workbench.iss
#endif
#define AppName "Planning Workbench"
#define AppExe "planning-workbench.exe"
#define Bundle "..\..\dist\planning-workbench"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{74CA14DD-0DC0-4347-94D5-43B338AEC75D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Planning Workbench
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
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

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's library folder whole, so no file of an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
