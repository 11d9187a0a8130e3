"""`shosho demo`: the main job of the README, end to end, and its output verifies as a demo."""

from __future__ import annotations

import subprocess
import sys

from designer.cli import main


def test_demo_renders_issues_and_is_never_trusted(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path / "home"))
    out = tmp_path / "demo-output"
    assert main(["demo", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "30 of 30 issued" in printed
    for template in (
        "shusho",
        "shojo",
        "certificate-en-a4",
        "certificate-en-letter",
        "student-id",
        "badge",
    ):
        assert list((out / "rendered" / template).glob("*.pdf")), template
    pdfs = sorted((out / "issued" / "issued").glob("*.pdf"))
    assert len(pdfs) == 30
    assert (out / "issued" / "DEMO-bundle.zip").is_file()
    assert main(["export", "--check", str(out / "issued" / "DEMO-bundle.zip")]) == 0
    # Valid signature, never trusted: not even when a trust file names the demo issuer.
    entry = next((out / "issued" / "issuer").glob("*entry*.json"))
    assert main(["verify", str(pdfs[0]), "--trust", str(entry), "--no-installed-trust"]) == 3
    assert "never trusted" in capsys.readouterr().out

    # A second run signs nobody twice.
    assert main(["demo", "--out", str(out)]) == 0
    assert "nothing was signed twice" in capsys.readouterr().out
    assert len(sorted((out / "issued" / "issued").glob("*.pdf"))) == 30


def test_the_shosho_command_starts(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "designer.cli", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for command in ("render", "roster", "issue", "verify", "keys", "sign", "demo", "export"):
        assert command in result.stdout
