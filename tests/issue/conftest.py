"""Fixtures for the batch pipeline: a template, a roster, an issuer profile and a real
encrypted Ed25519 key file made with ``cryptography``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from designer.keys.keyfile import FileSigner
from designer.model import QRElement, Template, TextElement, save_template
from designer.model.template import Side

PASSPHRASE = "correct horse battery"
REPO = Path(__file__).resolve().parents[2]


def make_template(path: Path, kind: str = "certificate") -> Template:
    template = Template(
        name="修了証",
        kind=kind,
        achievement={"name": "Python 基礎", "description": "Completed the course."},
    )
    if kind == "card":  # a student ID's seal carries its expiry date
        template.credential = {"valid_until_field": "expiry_date"}
    template.sides = [
        Side(
            elements=[
                TextElement(x=20, y=30, width=170, height=20, text="{{ full_name }}"),
                QRElement(x=80, y=200, width=40, height=40, caption="{{ verify_host }}"),
            ]
        )
    ]
    save_template(template, path)
    return template


def write_roster(path: Path, count: int, start: int = 0) -> None:
    rows = "".join(
        f"S{i:05d},山田 太郎{i},u{i}@example.jp,2030-03-31\n" for i in range(start, start + count)
    )
    path.write_text("student_id,full_name,email,expiry_date\n" + rows, encoding="utf-8")


@pytest.fixture
def workspace(tmp_path):
    """A folder with t.shosho, roster.csv (300 people), issuer.json and key.pem."""
    make_template(tmp_path / "t.shosho")
    write_roster(tmp_path / "roster.csv", 300)
    (tmp_path / "issuer.json").write_text(
        json.dumps(
            {
                "id": "https://mirai.example/issuer",
                "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                "url": "https://mirai.example/",
                "status_list_url": "https://mirai.example/status/",
                "verify_url": "https://mirai.example/v/",
            }
        ),
        encoding="utf-8",
    )
    key = ed25519.Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    )
    key_path = tmp_path / "key.pem"
    key_path.write_bytes(pem)
    key_path.chmod(0o600)
    return tmp_path


@pytest.fixture
def signer(workspace):
    pem = (workspace / "key.pem").read_bytes()
    key = serialization.load_pem_private_key(pem, PASSPHRASE.encode())
    return FileSigner(workspace / "key.pem", key)


def db_url(folder: Path) -> str:
    return "sqlite:///" + (folder / "shosho.db").as_posix()


def issue_command(workspace: Path, *extra: str) -> list[str]:
    """``shosho issue`` with the workspace's database, run as its own process."""
    return [sys.executable, "-m", "designer.cli", "issue", *extra, "--db", db_url(workspace)]


def new_batch_args(workspace: Path, outputs: str = "pdf,json,png,svg") -> list[str]:
    return [
        str(workspace / "t.shosho"),
        "--roster",
        str(workspace / "roster.csv"),
        "--issuer",
        str(workspace / "issuer.json"),
        "--key",
        f"file:{workspace / 'key.pem'}",
        "--out",
        str(workspace / "out"),
        "--outputs",
        outputs,
    ]


def command_env(workspace: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SHOSHO_HOME=str(workspace / "home"), SHOSHO_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(REPO)
    )
    return env


def run(workspace: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        issue_command(workspace, *args),
        env=command_env(workspace),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=workspace,
    )
