"""Shared pieces for the seal, trust, paper and verify-page tests (no tests here).

``KeySigner`` is a real ``Signer`` over a ``cryptography`` private key: real keys, real
signatures, the same raw formats the token and key-file providers return."""

from __future__ import annotations

import datetime as dt

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from designer.signing.seal import SealClaims, build_seal_claims
from designer.verification.trust_list import seal_key_entry

LONG_NAME = "勅使河原 左衛門三郎 ジョナサン・アレクサンダー"
LONG_ACHIEVEMENT = "大学院 情報理工学研究科 知能機械情報学専攻 修士課程（データサイエンス・人工知能特別プログラム）修了"


class KeySigner:
    def __init__(self, algorithm: str = "Ed25519") -> None:
        self.algorithm = algorithm
        self.key_id = f"test:{algorithm}"
        self._key = (
            ed25519.Ed25519PrivateKey.generate()
            if algorithm == "Ed25519"
            else ec.generate_private_key(ec.SECP256R1())
        )

    def sign(self, data: bytes) -> bytes:
        if self.algorithm == "Ed25519":
            return self._key.sign(data)
        r, s = decode_dss_signature(self._key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def public_key(self):
        return self._key.public_key()


def issuer_entry(
    *signers: KeySigner,
    verify_url: str = "https://www.tokyo-mirai.ac.jp/v/",
    issuer_id: str = "did:web:www.tokyo-mirai.ac.jp",
    status_lists: dict | None = None,
    key_validity: tuple[dt.date | None, dt.date | None] = (None, None),
) -> dict:
    return {
        "id": issuer_id,
        "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
        "url": "https://www.tokyo-mirai.ac.jp/",
        "verifyUrl": verify_url,
        "statusLists": status_lists or {},
        "sealKeys": [seal_key_entry(signer.public_key(), *key_validity) for signer in signers],
    }


def certificate_claims(**overrides) -> SealClaims:
    values = dict(
        credential_id="urn:uuid:6f1d2b5e-3f2a-4a77-9c1e-2a0b9c1d4e5f",
        issued=dt.date(2025, 3, 25),
        name="山田 太郎",
        achievement="データサイエンス基礎 修了",
        credential_sha256=bytes(range(32)),
        status_index=23,
    )
    values.update(overrides)
    return build_seal_claims(**values)


def student_id_claims(**overrides) -> SealClaims:
    values = dict(
        credential_id="urn:uuid:0c6a3c8e-9d1f-4b2a-8e57-3f6d1b2c4a90",
        issued=dt.date(2025, 4, 1),
        name="山田 花子",
        achievement="工学部 情報工学科",
        student_number="25T1234A",
        expires=dt.date(2029, 3, 31),
        status_index=1041,
    )
    values.update(overrides)
    return build_seal_claims(**values)
