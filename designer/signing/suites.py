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
