"""Start-up time and size of a frozen Shosho: ``shosho --version`` and the designer window.

    .venv/bin/python bench/bundle_startup.py installer/build/dist/shosho/shosho [--runs 5]

Prints the folder's size, then for each run the seconds until ``--version`` returns and until
the designer's window is mapped on a private Xvfb screen (polled with ``xwininfo``). The first
run after a build or a reboot is the cold one (files not yet in the page cache); the others
are warm. Each run gets a fresh data folder, so every window run is a first start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DISPLAY = ":58"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def time_version(program: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([str(program), "--version"], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def window_shown() -> bool:
    """A top-level window with Shosho's class (Qt's 1x1 helper windows have none)."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree", "-display", DISPLAY], capture_output=True, text=True
    ).stdout
    return '("shosho" "Shosho")' in tree


def time_window(program: Path, env: dict[str, str], limit: float = 120) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(program)],
        env={**env, "DISPLAY": DISPLAY},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        while not window_shown():
            if process.poll() is not None:
                raise SystemExit(f"the designer exited: {process.stderr.read().decode()[-2000:]}")
            if time.perf_counter() - started > limit:
                raise SystemExit("no window within the limit")
            time.sleep(0.05)
        return time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("program", type=Path, help="the bundle's shosho executable")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    program = args.program.resolve()
    print(f"bundle folder: {folder_size(program.parent) / 1e6:.0f} MB ({program.parent})")
    server = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.5)
    versions, windows = [], []
    try:
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as home:
                env = {
                    "HOME": home,
                    "PATH": "/usr/bin:/bin",
                    "LANG": os.environ.get("LANG", "C.UTF-8"),
                }
                versions.append(time_version(program, env))
                windows.append(time_window(program, env))
            print(f"run {run + 1}: --version {versions[-1]:.2f} s, window {windows[-1]:.2f} s")
    finally:
        server.terminate()
    print(
        f"--version: first {versions[0]:.2f} s, median {statistics.median(versions):.2f} s; "
        f"window: first {windows[0]:.2f} s, median {statistics.median(windows):.2f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
