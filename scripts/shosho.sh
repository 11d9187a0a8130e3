#!/usr/bin/env bash
# Sets up Shosho from uv.lock and runs it: `bash scripts/shosho.sh demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
exec .venv/bin/shosho "$@"
