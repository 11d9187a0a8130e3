#!/usr/bin/env bash
# Builds Shosho.app and the disk image installer/build/Shosho-VERSION.dmg on macOS.
#   bash installer/build-macos.sh
# Needs Python 3.11+ (python.org or Homebrew; arm64 builds run on Apple silicon, x86_64
# builds on Intel), Xcode command line tools and network access to PyPI.
#
# CODE SIGNING AND NOTARISATION (configuration): set these to sign the app with a
# "Developer ID Application" certificate in the keychain and notarise the DMG. Without them
# the app is ad-hoc signed and Gatekeeper asks the user to confirm on first start
# (Control-click > Open).
#   SHOSHO_CODESIGN_IDENTITY   "Developer ID Application: School Name (TEAMID)"
#   SHOSHO_NOTARY_PROFILE      a keychain profile made with `xcrun notarytool store-credentials`
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="$PWD/installer/build"

command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --user uv
UV="$(command -v uv || echo "$HOME/.local/bin/uv")"
export UV_PROJECT_ENVIRONMENT="$BUILD/venv"
"$UV" sync --locked --quiet --no-dev --group installer --no-editable
PY="$BUILD/venv/bin/python"
VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
export SHOSHO_VERSION="$VERSION" SHOSHO_ICON_DIR="$BUILD/icons"

"$PY" installer/make_icons.py "$BUILD/icons"
rm -rf "$BUILD/dist" "$BUILD/work"
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$BUILD/dist" --workpath "$BUILD/work" installer/shosho.spec
APP="$BUILD/dist/Shosho.app"
"$APP/Contents/MacOS/shosho" --version

# ---- CODE SIGNING (configuration) ---------------------------------------------------------
IDENTITY="${SHOSHO_CODESIGN_IDENTITY:--}"  # "-" is an ad-hoc signature
codesign --force --deep --options runtime --timestamp \
  --entitlements installer/macos/entitlements.plist --sign "$IDENTITY" "$APP"
codesign --verify --deep --strict "$APP"
# -------------------------------------------------------------------------------------------

STAGE="$BUILD/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
cp installer/macos/command-line.txt "$STAGE/Command line (shosho).txt"
DMG="$BUILD/Shosho-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "Shosho $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"

# ---- NOTARISATION (configuration) ---------------------------------------------------------
if [ -n "${SHOSHO_NOTARY_PROFILE:-}" ] && [ "$IDENTITY" != "-" ]; then
  codesign --sign "$IDENTITY" --timestamp "$DMG"
  xcrun notarytool submit "$DMG" --keychain-profile "$SHOSHO_NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
fi
# -------------------------------------------------------------------------------------------
echo "disk image: $DMG"
