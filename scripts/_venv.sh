# Sourced by the set-up scripts: makes .venv from uv.lock with uv (installed with pip when missing).
if ! command -v uv >/dev/null 2>&1 && [ ! -x "$HOME/.local/bin/uv" ]; then
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
fi
UV="$(command -v uv || echo "$HOME/.local/bin/uv")"
"$UV" sync --locked --quiet
