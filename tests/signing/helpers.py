"""Shared test helpers: a sample credential, in-memory signers, and running the CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from designer.credential.build import build_credential

DATA = Path(__file__).with_name("data")
JST = timezone(timedelta(hours=9))

ISSUER = {
    "id": "https://example.ac.jp/issuers/1",
    "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
    "url": "https://example.ac.jp",
    "email": "office@example.ac.jp",
    "image": "https://example.ac.jp/logo.png",
}
ACHIEVEMENT = {
    "name": "{course_name} 修了",
    "description": "{course_name}の全課程を修了したことを証する。",
    "criteria": "全15回の講義に出席し、最終課題に合格した。",
    "achievementType": "Certificate",
    "creditsAvailable": 2,
    "fieldOfStudy": "Data Science",
    "alignment": [
        {
            "targetName": "数理・データサイエンス・AI教育プログラム",
            "targetUrl": "https://www.mext.go.jp/",
            "targetType": "CFItem",
        }
    ],
}
RECORD = {
    "student_id": "S2026001",
    "family_name": "山田",
    "given_name": "太郎",
    "email": "taro@example.ac.jp",
    "course_name": "データサイエンス基礎",
    "completion_date": "2026-03-20",
}


def sample_credential(issuer_id: str | None = None, number: int = 1, **changes) -> dict:
    issuer = dict(ISSUER, id=issuer_id) if issuer_id else ISSUER
    record = dict(RECORD, **changes)
    return build_credential(
        issuer,
        ACHIEVEMENT,
        record,
        credential_id=f"urn:uuid:5b0e4d8e-0000-4000-8000-{number:012d}",
        issued_at=datetime(2026, 3, 25, 10, 0, tzinfo=JST),
        valid_until=None,
        status=None,
    )


class MemorySigner:
    """A Signer over an in-memory Ed25519, P-256 or RSA key, for tests that are not about key
    storage."""

    def __init__(self, private_key, key_id: str = "memory:test") -> None:
        self._key = private_key
        self.key_id = key_id
        if isinstance(private_key, ed25519.Ed25519PrivateKey):
            self.algorithm = "Ed25519"
        elif isinstance(private_key, rsa.RSAPrivateKey):
            self.algorithm = "RSA-2048"
        else:
            self.algorithm = "P-256"

    @classmethod
    def ed25519(cls) -> MemorySigner:
        return cls(ed25519.Ed25519PrivateKey.generate())

    @classmethod
    def p256(cls) -> MemorySigner:
        return cls(ec.generate_private_key(ec.SECP256R1()))

    @classmethod
    def rsa(cls) -> MemorySigner:
        return cls(rsa.generate_private_key(public_exponent=65537, key_size=2048))

    @classmethod
    def of(cls, algorithm: str) -> MemorySigner:
        """``"Ed25519"``, ``"P-256"`` or ``"RSA-2048"``, as ``Signer.algorithm`` names them."""
        return {"Ed25519": cls.ed25519, "P-256": cls.p256, "RSA-2048": cls.rsa}[algorithm]()

    def sign(self, data: bytes) -> bytes:
        if self.algorithm == "Ed25519":
            return self._key.sign(data)
        if self.algorithm == "RSA-2048":
            return self._key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        r, s = decode_dss_signature(self._key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def public_key(self):
        return self._key.public_key()


def run_cli(*argv: str) -> int:
    """Run ``shosho`` with this part's command modules, as the installed program would."""
    import designer.cli as cli

    saved = cli.COMMAND_MODULES
    cli.COMMAND_MODULES = [
        "designer.commands.keys",
        "designer.commands.sign",
        "designer.commands.verify",
    ]
    try:
        return cli.main([str(arg) for arg in argv])
    except SystemExit as exit:  # argparse usage errors
        return int(exit.code or 0)
    finally:
        cli.COMMAND_MODULES = saved


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


NOW = datetime(2026, 4, 1, tzinfo=UTC)
