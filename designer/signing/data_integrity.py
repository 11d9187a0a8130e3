"""Data Integrity proofs: ``eddsa-rdfc-2022`` (Ed25519) and ``ecdsa-rdfc-2019`` (P-256).

Both suites hash the same way: hashData = SHA-256(canonical proof config) ‖ SHA-256(canonical
document), where the proof config is the proof without ``proofValue`` carrying the document's
``@context``. Canonicalisation dominates the cost; a batch shares one ``created`` time and one
verification method, so ``DataIntegritySigner`` hashes each distinct proof config once.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from designer.credential.jsonld import (
    UndefinedTermError,
    canonicalize,
    require_defined_terms,
    undefined_terms,
)
from designer.credential.jsonld import canonicalize as canonical_nquads
from designer.errors import ShoshoError
from designer.keys.demo import refuse_demo_key
from designer.keys.multikey import multibase_decode, multibase_encode, public_key_multibase
from designer.keys.signer import Signer

EDDSA_RDFC_2022 = "eddsa-rdfc-2022"
ECDSA_RDFC_2019 = "ecdsa-rdfc-2019"
SUITE_ALGORITHMS = {EDDSA_RDFC_2022: "Ed25519", ECDSA_RDFC_2019: "P-256"}


def format_datetime(moment: datetime) -> str:
    """XML Schema dateTime in UTC with a ``Z`` and whole seconds, as VC 2.0 examples use."""
    if moment.tzinfo is None:
        raise ShoshoError("timestamps must carry a time zone")
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issuer_id(credential: dict[str, Any]) -> str:
    issuer = credential.get("issuer")
    value = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not isinstance(value, str) or not value:
        raise ShoshoError("the credential has no issuer id")
    return value


def verification_method_for(issuer: str, signer: Signer) -> str:
    """``did:key:z…#z…`` for a did:key issuer, otherwise ``<issuer>#<publicKeyMultibase>``.

    The second form is what the 1EdTech validator resolves without fetching, and what the
    did:web document written by ``shosho keys did --web`` lists.
    """
    multikey = public_key_multibase(signer.public_key())
    if issuer.startswith("did:key:"):
        if issuer != f"did:key:{multikey}":
            raise ShoshoError(
                f"the issuer {issuer} is a did:key of another key than {signer.key_id}"
            )
        return f"{issuer}#{multikey}"
    return f"{issuer}#{multikey}"


def proof_hash_data(document: dict[str, Any], proof_config: dict[str, Any]) -> bytes:
    """The 64 bytes that are signed: hash of the proof config, then hash of the document."""
    proof_hash = hashlib.sha256(canonicalize(proof_config).encode("utf-8")).digest()
    document_hash = hashlib.sha256(canonicalize(document).encode("utf-8")).digest()
    return proof_hash + document_hash


def unsecured(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "proof"}


class DataIntegritySigner:
    """Adds a ``DataIntegrityProof`` to credentials, reusing proof-config hashes across a batch."""

    def __init__(
        self,
        signer: Signer,
        suite: str = EDDSA_RDFC_2022,
        created: datetime | None = None,
        verification_method: str | None = None,
        canonicalize: Callable[[dict[str, Any]], str] | None = None,
        check_terms: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        if suite not in SUITE_ALGORITHMS:
            raise ShoshoError(f"unknown Data Integrity suite {suite!r}")
        if signer.algorithm != SUITE_ALGORITHMS[suite]:
            raise ShoshoError(
                f"{suite} needs an {SUITE_ALGORITHMS[suite]} key, but {signer.key_id} is {signer.algorithm}"
            )
        self.signer = signer
        self.suite = suite
        self.created = format_datetime(created or datetime.now(UTC))
        self.verification_method = verification_method
        self._canonicalize = canonicalize or canonical_nquads
        self._check_terms = check_terms or require_defined_terms
        self._proof_hashes: dict[str, bytes] = {}

    def proof_config(self, credential: dict[str, Any]) -> dict[str, Any]:
        method = self.verification_method or verification_method_for(
            issuer_id(credential), self.signer
        )
        return {
            "@context": credential["@context"],
            "type": "DataIntegrityProof",
            "cryptosuite": self.suite,
            "created": self.created,
            "verificationMethod": method,
            "proofPurpose": "assertionMethod",
        }

    def _proof_hash(self, config: dict[str, Any]) -> bytes:
        key = json.dumps(config, sort_keys=True, ensure_ascii=False)
        cached = self._proof_hashes.get(key)
        if cached is None:
            cached = hashlib.sha256(self._canonicalize(config).encode("utf-8")).digest()
            self._proof_hashes[key] = cached
        return cached

    def new_proof(self, credential: dict[str, Any]) -> dict[str, Any]:
        """The proof (with ``proofValue``) this signer makes for ``credential``."""
        document = unsecured(credential)
        self._check_terms(document)  # JSON-LD safe mode: refuse terms no context defines
        refuse_demo_key(self.signer.public_key(), issuer_id(document))
        config = self.proof_config(document)
        document_hash = hashlib.sha256(self._canonicalize(document).encode("utf-8")).digest()
        signature = self.signer.sign(self._proof_hash(config) + document_hash)
        proof = {key: value for key, value in config.items() if key != "@context"}
        proof["proofValue"] = multibase_encode(signature)
        return proof

    def sign(self, credential: dict[str, Any]) -> dict[str, Any]:
        """A signed copy of ``credential`` with the new proof appended to ``proof`` (an array)."""
        return with_proof(copy.deepcopy(credential), self.new_proof(credential))


def with_proof(credential: dict[str, Any], proof: dict[str, Any]) -> dict[str, Any]:
    """``credential`` (a shallow copy) with ``proof`` appended to its proofs."""
    signed = dict(credential)
    existing = signed.get("proof", [])
    signed["proof"] = ([existing] if isinstance(existing, dict) else list(existing)) + [proof]
    return signed


def verify_proof(document: dict[str, Any], proof: dict[str, Any], public_key) -> str | None:
    """Check one Data Integrity proof; returns None when valid, else the reason it is not."""
    suite = proof.get("cryptosuite")
    if suite not in SUITE_ALGORITHMS:
        return f"unsupported cryptosuite {suite!r}"
    if proof.get("proofPurpose") != "assertionMethod":
        return f"proofPurpose must be assertionMethod, not {proof.get('proofPurpose')!r}"
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return "proofValue is missing or not base58btc"
    try:
        signature = multibase_decode(value)
    except ShoshoError:
        return "proofValue is not valid base58btc"
    config = {key: val for key, val in proof.items() if key != "proofValue"}
    config["@context"] = document.get("@context")
    try:
        problems = undefined_terms(unsecured(document)) + undefined_terms(config)
    except ShoshoError as error:
        return str(error)
    if problems:
        return UndefinedTermError(problems).args[0]
    hash_data = proof_hash_data(unsecured(document), config)
    try:
        if suite == EDDSA_RDFC_2022:
            if not isinstance(public_key, ed25519.Ed25519PublicKey):
                return "eddsa-rdfc-2022 needs an Ed25519 key"
            public_key.verify(signature, hash_data)
        else:
            if not isinstance(public_key, ec.EllipticCurvePublicKey) or len(signature) != 64:
                return "ecdsa-rdfc-2019 needs a P-256 key and a 64-byte signature"
            der = encode_dss_signature(
                int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
            )
            public_key.verify(der, hash_data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return "the signature does not match the content (altered after signing, or another key)"
    return None
