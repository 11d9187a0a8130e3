"""Property-based fuzzing of what a verifier is handed: random changes to a signed credential
are never VERIFIED, and random QR texts never end in a traceback or a genuine seal."""

from __future__ import annotations

import contextlib
import copy
import json
import os
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.credential.jsonld import canonicalize, undefined_terms
from designer.errors import ShoshoError
from designer.keys.did import key_fingerprint
from designer.signing.data_integrity import unsecured
from designer.signing.suites import sign_credential
from designer.verification.credential import VERIFIED, verify_credential
from designer.verification.issuers import TrustedIssuers

from .helpers import NOW, MemorySigner, sample_credential

DID = "did:web:example.ac.jp"
EXAMPLES = int(os.environ.get("SHOSHO_FUZZ_EXAMPLES", "60"))


@cache
def _signed() -> tuple[dict, TrustedIssuers]:
    signer = MemorySigner.ed25519()
    credential = sample_credential(issuer_id=DID)
    credential["credentialStatus"] = {
        "id": "https://example.ac.jp/status/1#7",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "7",
        "statusListCredential": "https://example.ac.jp/status/1",
    }
    signed = sign_credential(credential, signer)
    trust = TrustedIssuers()
    trust.add(DID, [key_fingerprint(signer.public_key())])
    assert verify_credential(signed, trust, now=NOW).verdict == VERIFIED
    return signed, trust


def _containers(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _containers(value, (*path, key))
    elif isinstance(node, list):
        yield path, node
        for index, value in enumerate(node):
            yield from _containers(value, (*path, index))


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=12),
    st.sampled_from(["https://evil.example/x", "urn:uuid:1", "did:web:evil.example", "Evil"]),
)  # fmt: skip
keys = st.one_of(
    st.sampled_from(["evil", "name", "id", "type", "@id", "@type", "@context", "description",
                     "proofValue", "validUntil", "narrative", "@vocab", "@graph"]),
    st.text(min_size=1, max_size=10),
)  # fmt: skip


@st.composite
def mutations(draw):
    signed, _ = _signed()
    document = copy.deepcopy(signed)
    places = list(_containers(document))
    for _ in range(draw(st.integers(1, 3))):
        _path, container = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["set", "add", "delete"]))
        if isinstance(container, dict):
            key = (
                draw(keys)
                if action == "add" or not container
                else draw(st.sampled_from(sorted(container)))
            )
            if action == "delete":
                container.pop(key, None)
            else:
                container[key] = draw(scalars)
        elif container:
            index = draw(st.integers(0, len(container) - 1))
            if action == "delete":
                del container[index]
            else:
                container[index] = draw(scalars)
        else:
            container.append(draw(scalars))
    return document


def _same_meaning(original: dict, mutated: dict) -> bool:
    """The mutation changed nothing a signature covers (and added nothing it cannot)."""
    if json.dumps(original, sort_keys=True) == json.dumps(mutated, sort_keys=True):
        return True
    try:
        if mutated.get("proof") != original.get("proof"):
            return False
        if undefined_terms(unsecured(mutated)):
            return False
        return canonicalize(unsecured(mutated)) == canonicalize(unsecured(original))
    except Exception:
        return False


@settings(max_examples=EXAMPLES, deadline=10_000, suppress_health_check=list(HealthCheck))
@given(document=mutations())
def test_no_mutated_credential_is_verified(document):
    signed, trust = _signed()
    try:
        result = verify_credential(document, trust, now=NOW)
    except ShoshoError:
        return
    if result.verdict == VERIFIED:
        assert _same_meaning(signed, document), (result.reasons, document)


qr_texts = st.one_of(
    st.text(max_size=200),
    st.text(alphabet="0123456789", min_size=1, max_size=9000),
    st.builds(lambda tail: "https://mirai.example/v/#" + tail, st.text(max_size=300)),
    st.builds(lambda tail: "HC1:" + tail, st.text(max_size=100)),
)


@pytest.fixture(scope="module")
def warm_verifier():
    """Imports and decoders loaded once, so the per-case limit measures the case."""
    from designer.errors import UsageError
    from designer.verification.any_item import Trust, verify_item

    for text in ("", "https://mirai.example/v/#x", "123"):
        with contextlib.suppress(UsageError):
            verify_item(text, Trust())


@settings(max_examples=EXAMPLES, deadline=10_000, suppress_health_check=list(HealthCheck))
@given(text=qr_texts)
def test_random_qr_texts_are_answered(warm_verifier, text):
    from designer.errors import UsageError
    from designer.verification.any_item import Trust, verify_item

    try:
        result = verify_item(text, Trust())
    except UsageError:
        return
    assert not (result.paper and result.paper.genuine)
