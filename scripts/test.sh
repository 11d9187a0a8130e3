#!/usr/bin/env bash
# Installs what the tests need (apt packages when missing, Python packages from uv.lock)
# and runs the whole test suite. Safe to run again: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(softhsm2 opensc poppler-utils zbar-tools xvfb libxcb-icccm4 libxcb-keysyms1
  libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libzbar0 postgresql
  chromium debootstrap nodejs)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing apt packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

source scripts/_venv.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -n 2 --dist loadgroup "$@"
