; Inno Setup recipe for the Windows installer (Shosho-Setup-VERSION.exe), built by
; installer/build-windows.ps1 from the PyInstaller folder installer\build\dist\shosho.
;   iscc /DVersion=0.1.0 /DSource=installer\build\dist\shosho /DIcons=installer\build\icons installer\windows\shosho.iss
;
; What it does for the office PC:
;   - installs to Program Files\Shosho (IT staff; or per user when not an administrator),
;   - a Start menu entry and an optional desktop icon (ShoshoApp.exe, no console window),
;   - the .shosho file type, opened in the designer,
;   - the command line: shosho.exe in the install folder, added to PATH (a console entry),
;   - uninstall removes the program only: each user's data folder
;     (%LOCALAPPDATA%\Shosho: settings, database, keys, logs) stays.
;
; CODE SIGNING (configuration): the workflow passes /DSignTool=... when the signing
; certificate is configured (see .github/workflows/installer-windows.yml); without it the
; installer is unsigned and SmartScreen warns on first start.

#ifndef Version
  #define Version "0.0.0"
#endif
#ifndef Source
  #define Source "..\build\dist\shosho"
#endif
#ifndef Icons
  #define Icons "..\build\icons"
#endif

[Setup]
AppId={{6B1E2D4C-5A0F-4C57-9E3B-2F7C1D9A8E41}
AppName=Shosho
AppVerName=Shosho {#Version}
AppVersion={#Version}
AppPublisher=Shosho
DefaultDirName={autopf}\Shosho
DefaultGroupName=Shosho
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
ChangesEnvironment=yes
OutputBaseFilename=Shosho-Setup-{#Version}
OutputDir=..\build
SetupIconFile={#Icons}\shosho.ico
UninstallDisplayIcon={app}\ShoshoApp.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "addtopath"; Description: "Add the shosho command to PATH"; GroupDescription: "Command line:"

[Files]
Source: "{#Source}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Shosho"; Filename: "{app}\ShoshoApp.exe"; Comment: "証書・学生証デザイナー"
Name: "{autodesktop}\Shosho"; Filename: "{app}\ShoshoApp.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.shosho"; ValueType: string; ValueName: ""; ValueData: "Shosho.Design"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Shosho.Design"; ValueType: string; ValueName: ""; ValueData: "Shosho design"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Shosho.Design\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ShoshoApp.exe,0"
Root: HKA; Subkey: "Software\Classes\Shosho.Design\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ShoshoApp.exe"" design ""%1"""
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: IsAdminInstallMode and NeedsAddPath(ExpandConstant('{app}'))
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: (not IsAdminInstallMode) and NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\ShoshoApp.exe"; Description: "{cm:LaunchProgram,Shosho}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if IsAdminInstallMode then
    RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Path)
  else
    RegQueryStringValue(HKCU, 'Environment', 'Path', Path);
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
