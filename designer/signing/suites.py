"""One entry point for signing a credential with any supported suite."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from designer.errors import UsageError
from designer.keys.signer import Signer
from designer.signing.data_integrity import ECDSA_RDFC_2019, EDDSA_RDFC_2022, DataIntegritySigner
from designer.signing.vcjwt import sign_jwt

VC_JWT = "vc-jwt"
SUITES = (EDDSA_RDFC_2022, ECDSA_RDFC_2019, VC_JWT)


def default_suite(signer: Signer) -> str:
    """eddsa-rdfc-2022 for Ed25519 keys; VC-JWT for P-256 and RSA (1EdTech certifies those)."""
    return EDDSA_RDFC_2022 if signer.algorithm == "Ed25519" else VC_JWT


CERTIFIED_BY_1EDTECH = {
    (EDDSA_RDFC_2022, "Ed25519"),
    (VC_JWT, "P-256"),
    (VC_JWT, "RSA-2048"),
    (VC_JWT, "RSA-3072"),
}
"""(suite, key type) pairs the 1EdTech Open Badges 3.0 validator accepts: eddsa-rdfc-2022 for
Data Integrity, and VC-JWT ES256/RS256 (with the key in did.json as ``publicKeyJwk``)."""


def certification_note(suite: str, algorithm: str) -> str | None:
    """What to tell the office when a suite is one 1EdTech's certification does not accept."""
    if (suite, algorithm) in CERTIFIED_BY_1EDTECH:
        return None
    names = {"Ed25519": "VC-JWT EdDSA", "P-256": "VC-JWT ES256"}
    name = names.get(algorithm, f"VC-JWT ({algorithm})") if suite == VC_JWT else suite
    better = "eddsa-rdfc-2022" if algorithm == "Ed25519" else "vc-jwt"
    return (
        f"{name} is not a suite 1EdTech certifies for Open Badges 3.0: standard verifiers "
        f"accept these credentials, but the 1EdTech validator does not (use --suite {better})"
    )


class CredentialSigner:
    """Signs many credentials with one key, suite and ``created`` time (a batch).

    For Data Integrity suites the proof-configuration hash is computed once per distinct
    ``@context`` and verification method, so each credential costs one canonicalisation.
    ``sign`` returns the signed credential (dict) or, for VC-JWT, the compact JWS (str).
    """

    def __init__(
        self, signer: Signer, suite: str | None = None, created: datetime | None = None
    ) -> None:
        self.suite = suite or default_suite(signer)
        if self.suite not in SUITES:
            raise UsageError(f"suite must be one of {', '.join(SUITES)}, not {self.suite!r}")
        self.signer = signer
        self._data_integrity = (
            DataIntegritySigner(signer, self.suite, created) if self.suite != VC_JWT else None
        )

    def sign(self, credential: dict[str, Any]) -> dict[str, Any] | str:
        if self._data_integrity is None:
            return sign_jwt(credential, self.signer)
        return self._data_integrity.sign(credential)


def sign_credential(
    credential: dict[str, Any],
    signer: Signer,
    suite: str | None = None,
    created: datetime | None = None,
) -> dict[str, Any] | str:
    """Sign one credential: a dict with a new Data Integrity proof, or a VC-JWT string."""
    return CredentialSigner(signer, suite, created).sign(credential)
