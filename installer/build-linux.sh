#!/usr/bin/env bash
# Builds the Linux bundle (installer/build/dist/shosho/) and the Debian package
# (installer/build/shosho_VERSION_ARCH.deb) from a clean checkout.
#
#   bash installer/build-linux.sh                  # venv, icons, bundle and .deb
#   bash installer/build-linux.sh --reuse-bundle   # only the .deb, from the last bundle
#
# Needs Python 3.11+, dpkg-deb and network access to PyPI only (uv installs the pinned
# packages of uv.lock, with PyInstaller from the "installer" group, into a build venv of
# its own; the developers' .venv is not touched).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BUILD="$ROOT/installer/build"
started=$(date +%s)

if ! command -v uv >/dev/null 2>&1 && [ ! -x "$HOME/.local/bin/uv" ]; then
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
fi
UV="$(command -v uv || echo "$HOME/.local/bin/uv")"

echo "== build venv (uv.lock, no dev packages, with PyInstaller)"
export UV_PROJECT_ENVIRONMENT="$BUILD/venv"
"$UV" sync --locked --quiet --no-dev --group installer --no-editable
PY="$BUILD/venv/bin/python"
VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
export SHOSHO_VERSION="$VERSION" SHOSHO_ICON_DIR="$BUILD/icons"

echo "== icons"
"$PY" installer/make_icons.py "$BUILD/icons"

BUNDLE="$BUILD/dist/shosho"
if [ "${1:-}" != "--reuse-bundle" ] || [ ! -x "$BUNDLE/shosho" ]; then
  echo "== bundle (PyInstaller)"
  rm -rf "$BUILD/dist" "$BUILD/work"
  "$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/work" installer/shosho.spec
fi
"$BUNDLE/shosho" --version

echo "== .deb"
PKG="$BUILD/deb/shosho_${VERSION}_${ARCH}"
rm -rf "$BUILD/deb"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/mime/packages" "$PKG/usr/share/doc/shosho"
cp -a "$BUNDLE" "$PKG/opt/shosho"
ln -s /opt/shosho/shosho "$PKG/usr/bin/shosho"
install -m 644 installer/linux/shosho.desktop "$PKG/usr/share/applications/shosho.desktop"
install -m 644 installer/linux/shosho-mime.xml "$PKG/usr/share/mime/packages/shosho.xml"
for size in 16 32 48 64 128 256 512; do
  dir="$PKG/usr/share/icons/hicolor/${size}x${size}"
  install -D -m 644 "$BUILD/icons/shosho-$size.png" "$dir/apps/shosho.png"
  install -D -m 644 "$BUILD/icons/shosho-$size.png" "$dir/mimetypes/application-x-shosho.png"
done
install -m 644 LICENSE "$PKG/usr/share/doc/shosho/copyright"
install -m 755 installer/linux/postinst "$PKG/DEBIAN/postinst"
install -m 755 installer/linux/postrm "$PKG/DEBIAN/postrm"
SIZE_KB="$(du -sk "$PKG" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" \
  installer/linux/control.in >"$PKG/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$PKG" "$BUILD/shosho_${VERSION}_${ARCH}.deb" >/dev/null

echo "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
echo "deb:    $BUILD/shosho_${VERSION}_${ARCH}.deb ($(du -h "$BUILD/shosho_${VERSION}_${ARCH}.deb" | cut -f1))"
echo "built in $(($(date +%s) - started)) s"
