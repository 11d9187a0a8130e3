"""Offline JSON-LD: bundled contexts only, canonical N-Quads equal to the published ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.credential.jsonld import (
    UnknownContextError,
    canonicalize,
    known_context_urls,
    load_context,
)

VECTORS = Path(__file__).parents[1] / "signing" / "data" / "vectors"


def test_unknown_context_url_is_named():
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://evil.example/ctx.jsonld"],
        "type": "VerifiableCredential",
    }
    with pytest.raises(UnknownContextError, match="https://evil.example/ctx.jsonld"):
        canonicalize(document)


def test_bundled_contexts_load():
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in known_context_urls()
    for url in known_context_urls():
        assert "@context" in load_context(url)


@pytest.mark.parametrize(
    ("unsigned", "canon"),
    [
        (
            "ob3-impl-guide-eddsa-rdfc-2022/unsigned.json",
            "ob3-impl-guide-eddsa-rdfc-2022/document-canon.txt",
        ),
        ("w3c-vc-di-eddsa/unsigned.json", "w3c-vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt"),
        (
            "w3c-vc-di-ecdsa/unsigned.json",
            "w3c-vc-di-ecdsa/ecdsa-rdfc-2019-p256/canonDocECDSAP256.txt",
        ),
    ],
)
def test_canonical_nquads_match_vectors(unsigned, canon):
    document = json.loads((VECTORS / unsigned).read_text())
    assert canonicalize(document).strip() == (VECTORS / canon).read_text().strip()
