"""Fixtures for PDF signatures: a data folder, a P-256 key on the SoftHSM token with a trial
certificate, and a certificate design, roster and issuer profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.model import QRElement, Template, TextElement, save_template
from designer.model.template import Side

ISSUER = "https://mirai.example/issuer"


def make_template(path: Path, *, visible_signature: bool = False) -> Template:
    template = Template(
        name="修了証",
        kind="certificate",
        achievement={"name": "Python 基礎", "description": "Completed the course."},
    )
    elements = [
        TextElement(x=20, y=30, width=170, height=20, text="{{ full_name }}"),
        QRElement(x=80, y=200, width=40, height=40, caption="{{ verify_host }}"),
    ]
    if visible_signature:
        elements.append(
            TextElement(
                name="pdf-signature",
                x=130,
                y=250,
                width=60,
                height=20,
                text="電子署名済 / Digitally signed\n{{ full_name }}",
            )  # fmt: skip
        )
    template.sides = [Side(elements=elements)]
    save_template(template, path)
    return template


def write_roster(path: Path, count: int) -> None:
    rows = "".join(f"S{i:05d},山田 太郎{i},u{i}@example.jp\n" for i in range(count))
    path.write_text("student_id,full_name,email\n" + rows, encoding="utf-8")


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("SHOSHO_HOME", str(folder))
    return folder


@pytest.fixture
def workspace(tmp_path, home) -> Path:
    make_template(tmp_path / "t.shosho")
    write_roster(tmp_path / "roster.csv", 4)
    (tmp_path / "issuer.json").write_text(
        json.dumps(
            {
                "id": ISSUER,
                "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                "url": "https://mirai.example/",
                "status_list_url": "https://mirai.example/status/",
                "verify_url": "https://mirai.example/v/",
            }
        ),
        encoding="utf-8",
    )
    return tmp_path


def db_url(folder: Path) -> str:
    return "sqlite:///" + (folder / "shosho.db").as_posix()


@pytest.fixture
def pin_env(softhsm, monkeypatch):
    monkeypatch.setenv("SHOSHO_PIN", softhsm.pin)
    return softhsm


@pytest.fixture
def p256_key(pin_env, home) -> str:
    """A P-256 token key with a trial certificate kept for it; returns its key URI."""
    from designer.cli import main

    uri = pin_env.make_key("p256")
    assert main(["keys", "cert", "self-signed", "--key", uri, "--name", "東京未来大学"]) == 0
    return uri


def issue_args(workspace: Path, key: str, *extra: str) -> list[str]:
    return [
        "issue", str(workspace / "t.shosho"), "--roster", str(workspace / "roster.csv"),
        "--issuer", str(workspace / "issuer.json"), "--key", key,
        "--out", str(workspace / "out"), "--outputs", "pdf,json", "--db", db_url(workspace),
        *extra,
    ]  # fmt: skip


def stored_certificate(home: Path, key: str):
    """The certificate kept for ``key`` (asn1crypto), read from the data folder."""
    from designer.pdfsign.certificates import certificate_path, read_certificates

    return read_certificates(certificate_path(home, key))[0]
