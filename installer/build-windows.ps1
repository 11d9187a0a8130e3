# Builds the Windows installer: installer\build\Shosho-Setup-VERSION.exe
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Needs Python 3.11+ (x64), Inno Setup 6 (iscc on PATH or in its default folder) and network
# access to PyPI. Signing happens when SHOSHO_SIGN_CERT (a .pfx file) and
# SHOSHO_SIGN_PASSWORD are set: see "CODE SIGNING" below.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$Build = Join-Path $PWD "installer\build"

if (-not (Get-Command uv -ErrorAction SilentlyContinue)) { python -m pip install --quiet uv }
$env:UV_PROJECT_ENVIRONMENT = Join-Path $Build "venv"
uv sync --locked --quiet --no-dev --group installer --no-editable
$Py = Join-Path $Build "venv\Scripts\python.exe"
$Version = & $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
$env:SHOSHO_VERSION = $Version
$env:SHOSHO_ICON_DIR = Join-Path $Build "icons"

& $Py installer\make_icons.py $env:SHOSHO_ICON_DIR
& $Py -m PyInstaller --noconfirm --log-level WARN --distpath "$Build\dist" --workpath "$Build\work" installer\shosho.spec
& "$Build\dist\shosho\shosho.exe" --version
if ($LASTEXITCODE -ne 0) { throw "the bundle does not start" }

# ---- CODE SIGNING (configuration) -------------------------------------------------------
# With a code-signing certificate, sign both executables before they are packed, and let
# Inno Setup sign the installer and uninstaller. Without one, everything stays unsigned.
$SignArgs = @()
if ($env:SHOSHO_SIGN_CERT) {
  $SignTool = "signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f `"$env:SHOSHO_SIGN_CERT`" /p `"$env:SHOSHO_SIGN_PASSWORD`""
  foreach ($exe in @("ShoshoApp.exe", "shosho.exe")) {
    Invoke-Expression "$SignTool `"$Build\dist\shosho\$exe`""
  }
  $SignArgs = @("/Sshoshosign=$SignTool `$f", "/DSignTool=shoshosign")
}
# ------------------------------------------------------------------------------------------

$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc /Qp "/DVersion=$Version" "/DSource=$Build\dist\shosho" "/DIcons=$Build\icons" @SignArgs installer\windows\shosho.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
Write-Host "installer: $Build\Shosho-Setup-$Version.exe"
