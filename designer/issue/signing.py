"""Signing many credentials with one key: Data Integrity proofs with a batch-friendly
canonicalisation, or VC-JWT.

pyld keeps a context it has processed only when the document loader tags the context as
``static``; the bundled contexts never change, so tagging them lets every credential after the
first reuse the processed VC and OB contexts instead of processing them again (about half the
canonicalisation time). The output is byte-for-byte what ``designer.credential.jsonld`` gives.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pyld import jsonld

from designer.credential import jsonld as bundled
from designer.credential.jsonld import require_defined_terms
from designer.keys.signer import Signer
from designer.signing.data_integrity import DataIntegritySigner, with_proof
from designer.signing.suites import SUITES, VC_JWT
from designer.signing.vcjwt import sign_jwt


def _static_loader(url: str, options: dict | None = None) -> dict[str, Any]:
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": bundled.load_context(url),
        "tag": "static",
    }


_OPTIONS = {
    "algorithm": "URDNA2015",
    "format": "application/n-quads",
    "documentLoader": _static_loader,
}


class _BatchProcessor(jsonld.JsonLdProcessor):
    """pyld's processor, remembering type-scoped contexts it has applied.

    pyld processes a type-scoped context (``propagate: false``) into a fresh copy of the active
    context every time, so its own processed-context cache never hits: for an OB 3.0 credential
    that is most of the expansion time. The result depends only on the active context (named by
    its ``_uuid``; the bundled contexts keep theirs between documents, see ``_static_loader``)
    and the scoped context itself, and pyld freezes it, so it is kept and reused.
    """

    LIMIT = 4096

    def __init__(self) -> None:
        super().__init__()
        self._type_scoped: dict[tuple[str, int], tuple[Any, Any]] = {}

    def _process_context(
        self,
        active_ctx,
        local_ctx,
        options,
        override_protected=False,
        propagate=True,
        validate_scoped=True,
        cycles=None,
    ):
        cacheable = (
            not propagate
            and not override_protected
            and validate_scoped
            and not cycles
            and "_uuid" in active_ctx
            and isinstance(local_ctx, dict)
        )
        if not cacheable:
            return super()._process_context(
                active_ctx, local_ctx, options, override_protected, propagate, validate_scoped,
                cycles,
            )  # fmt: skip
        key = (active_ctx["_uuid"], id(local_ctx))
        hit = self._type_scoped.get(key)
        if hit is not None and hit[0] is local_ctx:
            return hit[1]
        processed = super()._process_context(
            active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
        )
        if len(self._type_scoped) >= self.LIMIT:
            self._type_scoped.clear()
        self._type_scoped[key] = (local_ctx, processed)  # holding local_ctx keeps its id unique
        return processed


_processor = _BatchProcessor()


def canonicalize(document: dict[str, Any]) -> str:
    """RDFC-1.0 canonical N-Quads of ``document`` (same result as the bundled canonicaliser)."""
    try:
        return _processor.normalize(document, dict(_OPTIONS))
    except Exception:  # let the bundled canonicaliser word the error (unknown context, …)
        return bundled.canonicalize(document)


def _check_terms(document: dict[str, Any]) -> None:
    """Safe mode with the processor this module canonicalises with (its contexts kept)."""
    require_defined_terms(document, _processor)


class BatchSigner:
    """Signs the credentials of one batch: one suite, one key, one ``created`` time.

    ``sign`` returns the signed credential as text: JSON with a Data Integrity proof, or the
    compact JWS for VC-JWT.
    """

    def __init__(self, signer: Signer, suite: str, created: dt.datetime) -> None:
        if suite not in SUITES:
            from designer.errors import UsageError

            raise UsageError(f"suite must be one of {', '.join(SUITES)}, not {suite!r}")
        self.signer = signer
        self.suite = suite
        self._data_integrity = (
            None
            if suite == VC_JWT
            else DataIntegritySigner(
                signer, suite, created=created, canonicalize=canonicalize, check_terms=_check_terms
            )
        )

    @property
    def is_jwt(self) -> bool:
        return self._data_integrity is None

    def sign(self, credential: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """(signed text, the signed credential as a dict: for VC-JWT the credential signed)."""
        if self._data_integrity is None:
            return sign_jwt(credential, self.signer), credential
        signed = with_proof(credential, self._data_integrity.new_proof(credential))
        return json.dumps(signed, ensure_ascii=False), signed
