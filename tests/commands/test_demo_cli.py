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

    # Staff find a person's credential id, revoke it, and see the new status.
    db = ["--db", "sqlite:///" + (out / "issued" / "demo.db").as_posix()]
    assert main(["batches", "1", *db]) == 0
    listing = capsys.readouterr().out
    first = next(line for line in listing.splitlines() if "髙橋" in line)
    credential_id = next(word for word in first.split() if word.startswith("urn:uuid:"))
    assert main(["revoke", credential_id, "--reason", "issued in error", *db]) == 0
    capsys.readouterr()
    assert main(["batches", "1", *db]) == 0
    assert "revoked" in next(
        line for line in capsys.readouterr().out.splitlines() if "髙橋" in line
    )
    assert main(["batches", "99", *db]) == 1

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
