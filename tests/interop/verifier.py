"""The independent Digital Bazaar verifier in ``tests/interop/vc-verifier``: installed with
``npm ci`` on first use (the exact versions in its package-lock.json), then run per file."""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from pathlib import Path

import pytest

VC_VERIFIER = Path(__file__).with_name("vc-verifier")


def verifier_command() -> list[str]:
    """``[node, verify.mjs]``, after ``npm ci`` if the packages are not installed yet."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("interoperability cross-check needs Node.js 20+ and npm")
    with open(VC_VERIFIER / "package.json", "rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel test workers install once
        marker = VC_VERIFIER / "node_modules" / ".package-lock.json"
        if not marker.exists():
            done = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund"],
                cwd=VC_VERIFIER,
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert done.returncode == 0, f"npm ci failed:\n{done.stdout}\n{done.stderr}"
    return [node, str(VC_VERIFIER / "verify.mjs")]


def verify_with_node(
    files: list[Path],
    *,
    did: list[Path] = (),
    status_dir: Path | None = None,
    now: str | None = None,
) -> list[dict]:
    """One result per file: ``verified``, ``error``, ``warnings`` (see the verifier's README)."""
    command = [*verifier_command(), *map(str, files), "--json"]
    for document in did:
        command += ["--did", str(document)]
    if status_dir is not None:
        command += ["--status-dir", str(status_dir)]
    if now:
        command += ["--now", now]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
