"""Open Badges 2.0 exports made in the tests: an issuer with an RSA key, badges, signed and
hosted awards, a revocation list, baked PNG and SVG, written as a platform would export them."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from PIL import Image

CONTEXT = "https://w3id.org/openbadges/v2"
HOST = "https://badges.example.ac.jp"
DATA = Path(__file__).parent / "data"
VALIDATOR = DATA / "examples" / "1edtech-validator"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def hashed(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email + salt).encode("utf-8")).hexdigest()


def png_image(color: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), color).save(buffer, "PNG")
    return buffer.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bake_png(image: bytes, text: str) -> bytes:
    """``image`` with an ``openbadges`` iTXt chunk right after IHDR (as 2.0 bakers write it)."""
    ihdr_end = 8 + 8 + 13 + 4
    body = b"openbadges\x00\x00\x00\x00\x00" + text.encode("utf-8")
    return image[:ihdr_end] + _chunk(b"iTXt", body) + image[ihdr_end:]


def bake_svg(assertion: dict[str, Any] | None = None, jws: str | None = None) -> bytes:
    if jws is not None:
        inner = f'<openbadges:assertion verify="{jws}"/>'
    else:
        inner = (
            f'<openbadges:assertion verify="{assertion["id"]}"><![CDATA['
            f"{json.dumps(assertion, ensure_ascii=False)}]]></openbadges:assertion>"
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" '
        f'width="64" height="64">{inner}<circle cx="32" cy="32" r="30" fill="#c33"/></svg>'
    ).encode()


@dataclass
class Ob2Issuer:
    """An issuer of OB 2.0 badges with its RSA key, Profile, and a revocation list."""

    slug: str = "univ"
    name: str = "東京未来大学 オープンバッジ"
    key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    revoked: list[Any] = field(default_factory=list)
    with_revocation_list: bool = True

    @property
    def id(self) -> str:
        return f"{HOST}/{self.slug}/issuer.json"

    @property
    def key_id(self) -> str:
        return f"{HOST}/{self.slug}/key.json"

    @property
    def list_id(self) -> str:
        return f"{HOST}/{self.slug}/revocations.json"

    def profile(self) -> dict[str, Any]:
        data = {
            "@context": CONTEXT,
            "type": "Issuer",
            "id": self.id,
            "name": self.name,
            "url": "https://www.example.ac.jp",
            "email": "kyomu@example.ac.jp",
            "telephone": "+81-3-0000-0000",
            "publicKey": self.key_id,
        }
        if self.with_revocation_list:
            data["revocationList"] = self.list_id
        return data

    def key_document(self) -> dict[str, Any]:
        pem = self.key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return {
            "@context": CONTEXT,
            "type": "CryptographicKey",
            "id": self.key_id,
            "owner": self.id,
            "publicKeyPem": pem.decode("ascii"),
        }

    def revocation_list(self) -> dict[str, Any]:
        return {
            "@context": CONTEXT,
            "type": "RevocationList",
            "id": self.list_id,
            "issuer": self.id,
            "revokedAssertions": self.revoked,
        }

    def badge(self, slug: str, name: str, **extra: Any) -> dict[str, Any]:
        return {
            "@context": CONTEXT,
            "type": "BadgeClass",
            "id": f"{HOST}/{self.slug}/badges/{slug}.json",
            "name": name,
            "description": f"{name}を修了した者に授与する",
            "image": f"{HOST}/{self.slug}/badges/{slug}.png",
            "criteria": {"narrative": "全回出席し、最終課題に合格すること"},
            "issuer": self.id,
            **extra,
        }

    def assertion(
        self,
        badge: dict[str, Any],
        n: int,
        email: str,
        *,
        signed: bool = True,
        salt: str = "",
        **extra: Any,
    ) -> dict[str, Any]:
        salt = salt or f"salt{n}"
        return {
            "@context": CONTEXT,
            "type": "Assertion",
            "id": f"urn:uuid:00000000-0000-4000-8000-{n:012d}"
            if signed
            else f"{HOST}/{self.slug}/assertions/{n}.json",
            "recipient": {
                "type": "email",
                "hashed": True,
                "salt": salt,
                "identity": hashed(email, salt),
            },
            "badge": badge["id"],
            "issuedOn": "2024-03-15T10:00:00+09:00",
            "verification": {"type": "signed", "creator": self.key_id}
            if signed
            else {"type": "hosted"},
            **extra,
        }

    def sign(self, assertion: dict[str, Any], key: rsa.RSAPrivateKey | None = None) -> str:
        header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
        payload = b64url(json.dumps(assertion, ensure_ascii=False).encode("utf-8"))
        signing_input = f"{header}.{payload}".encode("ascii")
        signature = (key or self.key).sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
        return f"{header}.{payload}.{b64url(signature)}"

    def write_context(self, folder: Path) -> None:
        """The issuer's public files, as a platform's export holds them."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "issuer.json").write_text(json.dumps(self.profile(), ensure_ascii=False))
        (folder / "key.json").write_text(json.dumps(self.key_document()))
        if self.with_revocation_list:
            (folder / "revocations.json").write_text(json.dumps(self.revocation_list()))


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
