"""``shosho import ob2``: what is created, what is left out and why, and the upgraded credentials
issued from it on a real token."""

from __future__ import annotations

import csv
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from designer.cli import main
from designer.credential.schema import check_credential
from designer.errors import ShoshoError
from designer.model import load_template
from designer.ob2.importer import plan_import, write_import
from designer.ob2.upgrade import OB2_ASSERTION_TYPE, achievement_id

from .factory import VALIDATOR, Ob2Issuer, bake_png, png_image, write_json

NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.fixture
def export(tmp_path) -> tuple[Path, Ob2Issuer]:
    """An LMS export: two badges, signed and hosted awards, one revoked, one expired."""
    office = Ob2Issuer()
    folder = tmp_path / "export"
    python = office.badge(
        "python",
        "Python 入門",
        tags=["プログラミング"],
        alignment=[{"targetName": "情報I", "targetUrl": "https://example.jp/joho1"}],
        image="data:image/png;base64,"
        + __import__("base64").b64encode(png_image((20, 90, 160))).decode(),
    )
    ethics = office.badge("ethics", "研究倫理")
    write_json(folder / "badges" / "python.json", python)
    write_json(folder / "badges" / "ethics.json", ethics)
    awards = [
        office.assertion(python, 1, "hanako@example.ac.jp", narrative="最終課題: 家計簿アプリ"),
        office.assertion(python, 2, "taro@example.ac.jp"),
        office.assertion(python, 3, "jiro@example.ac.jp"),
        office.assertion(ethics, 4, "hanako@example.ac.jp", expires="2030-03-31T23:59:59+09:00"),
        office.assertion(ethics, 5, "saburo@example.ac.jp", expires="2025-03-31T23:59:59+09:00"),
    ]
    office.revoked = [awards[1]["id"]]
    office.write_context(folder)
    for n, award in enumerate(awards, start=1):
        (folder / "awards" / f"{n}.jwt").parent.mkdir(exist_ok=True)
        (folder / "awards" / f"{n}.jwt").write_text(office.sign(award))
    hosted = office.assertion(ethics, 6, "shiro@example.ac.jp", signed=False)
    (folder / "awards" / "6.png").write_bytes(bake_png(png_image(), json.dumps(hosted)))
    return folder, office


def _roster(tmp_path: Path) -> Path:
    path = tmp_path / "meibo.csv"
    path.write_text(
        "学籍番号,氏名,メールアドレス\n"
        "S001,山田 花子,hanako@example.ac.jp\n"
        "S003,鈴木 次郎,Jiro@Example.ac.jp\n",
        encoding="cp932",
    )
    return path


def test_the_plan_carries_over_what_may_be_and_says_why_the_rest_is_left_out(export, tmp_path):
    folder, office = export
    plan = plan_import([folder], roster=_roster(tmp_path), now=NOW)
    names = {badge.name: badge for badge in plan.badges}
    assert set(names) == {"Python 入門", "研究倫理"}
    python = names["Python 入門"]
    assert [row["full_name"] for row in python.rows] == ["山田 花子", "鈴木 次郎"]
    assert [row["student_id"] for row in python.rows] == ["S001", "S003"]
    assert python.rows[0]["narrative"] == "最終課題: 家計簿アプリ"
    assert python.rows[0]["completion_date"] == "2024-03-15"
    assert python.image is not None and python.image[0] == "badge.png"
    assert python.achievement["id"] == achievement_id(office.badge("python", "x")["id"])
    assert python.achievement["tag"] == ["プログラミング"]
    assert python.achievement["alignment"][0]["targetName"] == "情報I"
    ethics = names["研究倫理"]
    assert len(ethics.rows) == 2  # the signed award and the hosted one
    assert {row["expiry_date"] for row in ethics.rows} == {"2030-03-31", ""}
    reasons = " | ".join(why for _, why in plan.skipped)
    assert "revoked under 2.0: not upgraded" in reasons
    assert "expired: not upgraded" in reasons
    assert any("hosted award taken from the export" in note for note in plan.notes)
    profile = dict(plan.profiles)["issuer-profile.json"]
    assert profile["other_identifier"] == [office.id]
    assert profile["name"] == office.name and profile["phone"] == "+81-3-0000-0000"


def test_the_office_profile_is_kept_and_linked_to_the_2_0_issuer(export):
    folder, office = export
    base = {
        "id": "did:web:www.example.ac.jp",
        "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
        "status_list_url": "https://www.example.ac.jp/status/",
    }
    plan = plan_import([folder], profile=base, now=NOW)
    profile = dict(plan.profiles)["issuer-profile.json"]
    assert profile["id"] == base["id"] and profile["name"] == base["name"]
    assert profile["other_identifier"] == [office.id]


def test_the_import_is_written_whole_or_not_at_all(export, tmp_path):
    folder, _ = export
    plan = plan_import([folder], now=NOW)
    out = tmp_path / "imported"
    written = write_import(plan, out)
    assert sorted(p.name for p in written) == sorted(p.name for p in out.iterdir())
    design = load_template(out / "Python-入門.shosho")
    assert design.kind == "badge" and "badge.png" in design.assets
    assert design.achievement["name"] == "Python 入門"
    with (out / "Python-入門-roster.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2 and rows[0]["identity_hash"].startswith("sha256$")
    report = (out / "import-report.txt").read_text()
    assert "left out:" in report and "revoked under 2.0" in report
    before = sorted(p.name for p in out.iterdir())
    with pytest.raises(ShoshoError, match="already exists and is not empty"):
        write_import(plan, out)
    assert sorted(p.name for p in out.iterdir()) == before
    empty = plan_import([VALIDATOR / "urlmap.json"], now=NOW)
    with pytest.raises(ShoshoError, match="nothing to import"):
        write_import(empty, tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()
    assert not list(tmp_path.glob(".shosho-import-*"))


def test_a_zip_with_odd_paths_is_read_safely(export, tmp_path):
    folder, _ = export
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in folder.rglob("*"):
            if path.is_file():
                zipped.write(path, path.relative_to(folder).as_posix())
        zipped.writestr("../../escape.json", "{}")
        zipped.writestr("/abs/path.json", "{}")
        zipped.writestr("bomb.json", b" " * 5_000_000, compress_type=zipfile.ZIP_DEFLATED)
    plan = plan_import([archive], now=NOW)
    reasons = dict(plan.skipped)
    assert "unsafe path" in reasons[f"{archive}:../../escape.json"]
    assert "unsafe path" in reasons[f"{archive}:/abs/path.json"]
    assert "zip bomb" in reasons[f"{archive}:bomb.json"]
    assert plan.recipient_count == 4
    assert not (tmp_path.parent / "escape.json").exists()


def test_the_command_line_dry_run_and_bad_input(export, tmp_path, capsys):
    folder, _ = export
    assert main(["import", "ob2", str(folder), "--out", str(tmp_path / "o"), "--dry-run"]) == 0
    assert "2 achievement(s), 4 recipient(s) to issue" in capsys.readouterr().out
    assert not (tmp_path / "o").exists()
    junk = tmp_path / "junk.json"
    junk.write_text('{"name": "not a badge"}')
    assert main(["import", "ob2", str(junk), "--out", str(tmp_path / "o")]) == 1
    captured = capsys.readouterr()
    assert "junk.json: not an Open Badges 2.0 object" in captured.out
    assert "nothing to import" in captured.err and "Traceback" not in captured.err
    assert main(["import", "ob2", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_imported_awards_are_issued_as_3_0_credentials_on_the_token(
    export, tmp_path, softhsm, monkeypatch, capsys
):
    folder, office = export
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SHOSHO_PIN", softhsm.pin)
    out = tmp_path / "imported"
    assert (
        main(["import", "ob2", str(folder), "--out", str(out), "--roster", str(_roster(tmp_path))])
        == 0
    )
    key = softhsm.make_key("ed25519")
    issued = tmp_path / "issued"
    code = main(
        [
            "issue", str(out / "Python-入門.shosho"), "--roster", str(out / "Python-入門-roster.csv"),
            "--issuer", str(out / "issuer-profile.json"), "--key", key, "--out", str(issued),
        ]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    credentials = sorted(issued.glob("*.json"))
    assert len(credentials) == 2
    original = {
        row["ob2_assertion"]: row
        for row in csv.DictReader((out / "Python-入門-roster.csv").open(encoding="utf-8-sig"))
    }
    for path in credentials:
        credential = json.loads(path.read_text())
        check_credential(credential)  # the OB 3.0 JSON Schema
        evidence = credential["evidence"][0]
        assert evidence["type"] == ["Evidence", OB2_ASSERTION_TYPE]
        row = original[evidence["id"]]
        assert not credential["id"].startswith(evidence["id"])
        carried = credential["credentialSubject"]["identifier"][0]
        assert carried["identityHash"] == row["identity_hash"]
        assert carried["salt"] == row["identity_salt"]
        assert credential["awardedDate"].startswith("2024-03-15")
        assert credential["issuer"]["otherIdentifier"][0]["identifier"] == office.id
        related = credential["credentialSubject"]["achievement"]["related"][0]
        assert related["id"] == office.badge("python", "x")["id"]
    capsys.readouterr()
    assert main(["verify", str(credentials[0])]) == 3  # signed; the did:web is not trusted here
    assert "SIGNATURE VALID" in capsys.readouterr().out


def test_an_altered_copy_of_an_award_is_reported_as_invalid(export, tmp_path):
    folder, office = export
    first = (folder / "awards" / "1.jwt").read_text()
    header, payload, signature = first.split(".")
    from designer.ob2.reader import b64url_decode

    from .factory import b64url

    award = json.loads(b64url_decode(payload))
    changed = b64url(json.dumps({**award, "issuedOn": "2020-01-01T00:00:00Z"}).encode())
    (folder / "awards" / "1-copy.jwt").write_text(f"{header}.{changed}.{signature}")
    plan = plan_import([folder], now=NOW)
    reasons = {Path(what.split(" (")[0]).name: why for what, why in plan.skipped}
    assert reasons["1-copy.jwt"].startswith("invalid copy of the award in")
    assert "does not verify" in reasons["1-copy.jwt"]
    assert any("have no name" in note for note in plan.notes)  # no roster given


def test_a_key_given_as_trust_source_is_used_to_check(tmp_path, capsys):
    office = Ob2Issuer()
    badge = office.badge("python", "Python 入門")
    folder = tmp_path / "given"
    write_json(folder / "badge.json", badge)
    write_json(folder / "issuer.json", office.profile() | {"revocationList": None})
    (folder / "a.jws").write_text(office.sign(office.assertion(badge, 1, "a@example.ac.jp")))
    key = write_json(tmp_path / "from-the-issuer" / "key.json", office.key_document())
    assert main(["verify", str(folder / "a.jws"), "--trust", str(key)]) == 0
    assert "VERIFIED (Open Badges 2.0, signed)" in capsys.readouterr().out


def test_upgraded_credentials_verify_with_the_independent_verifier(
    export, tmp_path, monkeypatch, capsys
):
    from designer.keys.keyfile import create_key_file
    from designer.keys.multikey import did_key
    from tests.interop.verifier import verify_with_node

    folder, _ = export
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SHOSHO_PASSPHRASE", "correct horse battery")
    signer = create_key_file(tmp_path / "office.key", "ed25519", "correct horse battery")
    profile = tmp_path / "office.json"
    profile.write_text(
        json.dumps(
            {
                "id": did_key(signer.public_key()),
                "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                "status_list_url": "https://www.example.ac.jp/status/",
            }
        )
    )
    out = tmp_path / "imported"
    assert main(["import", "ob2", str(folder), "--out", str(out), "--profile", str(profile)]) == 0
    key = f"file:{tmp_path / 'office.key'}"
    for design in ("Python-入門", "研究倫理"):
        code = main(
            [
                "issue", str(out / f"{design}.shosho"), "--roster", str(out / f"{design}-roster.csv"),
                "--issuer", str(out / "issuer-profile.json"), "--key", key,
                "--out", str(tmp_path / "issued" / design),
            ]
        )  # fmt: skip
        assert code == 0, capsys.readouterr().err
    status = tmp_path / "published"
    assert main(["status", "export", "--out", str(status), "--key", key]) == 0
    credentials = sorted((tmp_path / "issued").rglob("*.json"))
    assert len(credentials) == 4
    results = verify_with_node(credentials, status_dir=status)
    assert [r["verified"] for r in results] == [True] * 4, results
