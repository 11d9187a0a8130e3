"""A term in a registrar's office, as staff do it from the command line, on a real SoftHSM
token and a shared PostgreSQL store: the university (Ed25519) and its extension school (P-256)
in one store; courses A and B with one design; a misspelt name corrected; a lost student ID
suspended and restored; a leaver's card revoked; lookup by 学籍番号; the bundles for upload
with their status lists, and what verifiers say with them."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from designer.cli import main
from designer.issue.export import check_bundle
from designer.issue.lookup import find_credentials
from designer.resources import examples_dir
from designer.store import open_store

HEADER = "学籍番号,姓,名,セイ,メイ,メールアドレス,学部,講座名,修了日,有効期限,写真\n"
PEOPLE = [
    ("2610001", "高橋", "陽菜", "タカハシ", "ヒナ", "2510001.jpg"),
    ("2610002", "山崎", "大翔", "ヤマザキ", "ヒロト", "2510002.jpg"),
    ("2610003", "佐藤", "花子", "サトウ", "ハナコ", "2510003.jpg"),
]


def _roster(path: Path, course: str, people=PEOPLE) -> Path:
    rows = "".join(
        f"{sid},{family},{given},{kana_f},{kana_g},{sid}@st.mirai.example,経済学部,{course},"
        f"2026-03-19,2030-03-31,photos/{photo}\n"
        for sid, family, given, kana_f, kana_g, photo in people
    )
    path.write_bytes((HEADER + rows).encode("cp932"))  # as the student system exports it
    return path


class Office:
    """The office's folder, store and token, and the shosho command."""

    def __init__(self, folder: Path, db: str, softhsm, capsys):
        self.folder, self.db, self.capsys = folder, db, capsys
        self.pin_file = folder / "pin.txt"
        self.pin_file.write_text(softhsm.pin + "\n", encoding="utf-8")
        self.pin_file.chmod(0o600)
        shutil.copytree(examples_dir() / "photos", folder / "photos")

    def run(self, *args: str, store: bool = True) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main([*args, "--db", self.db] if store else list(args))
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def ok(self, *args: str) -> str:
        code, out, err = self.run(*args)
        assert code == 0, (args, out, err)
        return out

    def issue(self, template, roster, issuer, key, out, *extra) -> str:
        return self.ok(
            "issue", template, "--roster", str(roster), "--issuer", str(issuer), "--key", key,
            "--out", str(self.folder / out), "--pin-file", str(self.pin_file),
            "--outputs", "pdf,json,png", "--workers", "1", *extra,
        )  # fmt: skip


def _profile(path: Path, **values) -> Path:
    path.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    return path


def _unzip(bundle: Path, into: Path) -> Path:
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(into)
    return into


def _verify(office: Office, item: Path, bundle_dir: Path) -> dict:
    lists = [str(p) for p in sorted((bundle_dir / "status").rglob("*.json"))]
    args = [
        "verify",
        "--json",
        "--no-installed-trust",
        "--trust",
        str(bundle_dir / "issuer/did.json"),
    ]
    for path in lists:
        args += ["--status-list", path]
    _code, out, _err = office.run(*args, str(item), store=False)
    return json.loads(out.splitlines()[0])


def test_a_term_of_office_work(tmp_path, softhsm, new_postgres_url, capsys):
    office = Office(tmp_path, new_postgres_url(), softhsm, capsys)
    university_key = softhsm.make_key("ed25519", "university-2026")
    extension_key = softhsm.make_key("p256", "extension-2026")
    university = _profile(
        tmp_path / "university.json",
        id="did:web:www.mirai.example",
        name={"ja": "東京未来大学", "en": "Tokyo Mirai University"},
        url="https://www.mirai.example/",
        status_list_url="https://www.mirai.example/status/",
        verify_url="https://www.mirai.example/v/",
    )
    extension = _profile(
        tmp_path / "extension.json",
        id="did:web:ext.mirai.example",
        name={"ja": "東京未来大学エクステンションスクール", "en": "Tokyo Mirai Extension School"},
        url="https://ext.mirai.example/",
        status_list_url="https://ext.mirai.example/status/",
        verify_url="https://ext.mirai.example/v/",
    )

    # Courses A and B for the same people, with the same design: two achievements each.
    office.issue("shusho", _roster(tmp_path / "a.csv", "地域データ活用講座"), university,
                 university_key, "course-a")  # fmt: skip
    office.issue("shusho", _roster(tmp_path / "b.csv", "データサイエンス基礎"), university,
                 university_key, "course-b")  # fmt: skip
    code, _out, err = office.run(
        "issue", "shusho", "--roster", str(tmp_path / "a.csv"), "--issuer", str(university),
        "--key", university_key, "--out", str(tmp_path / "again"),
        "--pin-file", str(office.pin_file),
    )  # fmt: skip
    assert code != 0 and "already have this credential for this course" in err

    # 佐藤 花子 is really 佐藤 華子: re-issue her course A certificate.
    corrected = [*PEOPLE[:2], ("2610003", "佐藤", "華子", "サトウ", "ハナコ", "2510003.jpg")]
    out = office.issue("shusho", _roster(tmp_path / "a2.csv", "地域データ活用講座", corrected),
                       university, university_key, "course-a-fix", "--rows", "4", "--reissue",
                       "--reason", "given name misspelt")  # fmt: skip
    assert "row 4 (佐藤\u3000華子): urn:uuid:" in out and "which is now revoked" in out

    # Student-ID cards for the intake; one is lost and found, one student leaves.
    office.issue("student-id", _roster(tmp_path / "cards.csv", ""), university, university_key,
                 "cards")  # fmt: skip
    store = open_store(office.db)
    [lost] = [c for c in find_credentials(store, "2610001") if c.batch_id == 4]
    [leaver] = [c for c in find_credentials(store, "2610002") if c.batch_id == 4]
    assert "now suspended" in office.ok("suspend", lost.id, "--reason", "lost on the train")
    assert "now active" in office.ok("restore", lost.id, "--reason", "handed in at the desk")
    assert "now revoked" in office.ok("revoke", leaver.id, "--reason", "left the university")
    [wrong] = [c for c in find_credentials(store, "2610003", statuses=["superseded"])]
    [right] = [c for c in find_credentials(store, "佐藤華子")]

    # The university's bundle: only what is still held, its own status lists and did.json.
    bundle = tmp_path / "university-2026.zip"
    out = office.ok("export", "--issuer", "university", "--key", university_key, "--pin-file",
                    str(office.pin_file), "--out", str(bundle))  # fmt: skip
    assert "2 revoked or superseded left out" in out
    assert check_bundle(bundle) == []
    unpacked = _unzip(bundle, tmp_path / "bundle")
    manifest = json.loads((unpacked / "manifest.json").read_text("utf-8"))
    assert {w["credential_id"] for w in manifest["withdrawn"]} == {wrong.id, leaver.id}
    shipped = {
        json.loads(p.read_text("utf-8"))["id"] for p in (unpacked / "recipients").rglob("*.json")
    }
    assert right.id in shipped and wrong.id not in shipped and leaver.id not in shipped
    assert len(manifest["recipients"]) == 3 + 3 + 1 + 3 - 2  # A, B, the correction, cards
    readme = (unpacked / "README.txt").read_text("utf-8")
    assert "https://www.mirai.example/.well-known/did.json" in readme
    assert "https://www.mirai.example/v/" in readme and "PERSONAL DATA" in readme
    code, _out, err = office.run("export", "--issuer", "university", "--out", str(bundle))
    assert code != 0 and "--force" in err

    # What a verifier says with the published lists and did.json.
    superseded = _verify(office, Path(wrong.files[0]).with_suffix(".json"), unpacked)
    assert superseded["verdict"] != "verified", json.dumps(superseded, ensure_ascii=False)
    assert superseded["credential"]["status"] == "revoked"
    correction = next(p for p in right.files if p.suffix == ".json")
    assert _verify(office, correction, unpacked)["verdict"] == "verified"
    leaver_card = next(p for p in leaver.files if p.suffix == ".json")
    assert _verify(office, leaver_card, unpacked)["verdict"] != "verified"
    restored_card = next(p for p in lost.files if p.suffix == ".json")
    assert _verify(office, restored_card, unpacked)["verdict"] == "verified"

    # The extension school issues course C from the same store with its P-256 token key.
    office.issue("shusho", _roster(tmp_path / "c.csv", "ビジネス日本語"), extension,
                 extension_key, "course-c")  # fmt: skip

    # Looking people up by 学籍番号, across every batch and both issuers.
    found = office.ok("find", "2610003")
    assert found.count("地域データ活用講座") == 2 and "データサイエンス基礎" in found
    assert "superseded: superseded by urn:uuid:" in found and "given name misspelt" in found
    assert "ビジネス日本語" in found and "東京未来大学エクステンションスクール" in found
    held = {(c.course, c.status) for c in find_credentials(store, "2610003")}
    assert held == {
        ("地域データ活用講座", "superseded"), ("地域データ活用講座", "active"),
        ("データサイエンス基礎", "active"), ("ビジネス日本語", "active"),
        ("学生証 経済学部", "active"),
    }  # fmt: skip
    assert wrong.superseded_by == right.id and right.replaces == wrong.id
    batches = office.ok("batches")
    assert "修了証" in batches and "地域データ活用講座" in batches and "学生証" in batches
    people = office.ok("batches", "4")
    assert "2610002" in people and "revoked" in people

    # The extension school's bundle holds only its own people, and its lists signed with its
    # own P-256 key; one of its students withdraws and the lists are published again.
    [course_c] = [c for c in find_credentials(store, "2610001") if c.course == "ビジネス日本語"]
    office.ok("revoke", course_c.id, "--reason", "withdrew from the course")
    ext_bundle = tmp_path / "extension-2026.zip"
    office.ok("export", "--issuer", "extension", "--key", extension_key, "--pin-file",
              str(office.pin_file), "--out", str(ext_bundle))  # fmt: skip
    ext_dir = _unzip(ext_bundle, tmp_path / "ext-bundle")
    ext_manifest = json.loads((ext_dir / "manifest.json").read_text("utf-8"))
    assert ext_manifest["issuer"] == "did:web:ext.mirai.example"
    assert {r["course"] for r in ext_manifest["recipients"]} == {"ビジネス日本語"}
    assert [w["credential_id"] for w in ext_manifest["withdrawn"]] == [course_c.id]
    lists = [json.loads(p.read_text("utf-8")) for p in (ext_dir / "status").rglob("*.json")]
    assert lists and all(item["issuer"] == "did:web:ext.mirai.example" for item in lists)
    [still_held] = [c for c in find_credentials(store, "2610002") if c.course == "ビジネス日本語"]
    held_jwt = next(p for p in still_held.files if p.suffix == ".jwt")
    assert _verify(office, held_jwt, ext_dir)["verdict"] == "verified"
    withdrawn_jwt = next(p for p in course_c.files if p.suffix == ".jwt")
    withdrawn = _verify(office, withdrawn_jwt, ext_dir)
    assert withdrawn["verdict"] != "verified" and withdrawn["credential"]["status"] == "revoked"

    assert "intact" in office.ok("audit", "verify")
