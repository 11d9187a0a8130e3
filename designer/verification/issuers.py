"""Which issuers this verifier trusts, and with which keys.

Sources: DID documents (the ``did.json`` an institution publishes), simple trust-list JSON
(``{"issuers": [{"id": …, "name": …, "keys": ["z6Mk…"]}]}``), and command-line entries: a did:key,
or a verification-method id ``ISSUER#KEY``. An issuer is trusted only together with a key that
is listed for it; a key merely claimed inside a credential proves nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from designer.errors import ShoshoError, UsageError
from designer.keys.did import key_fingerprint
from designer.keys.jwk import public_key_from_jwk
from designer.keys.multikey import is_multikey, public_key_from_multibase


class TrustedIssuers:
    """Issuer id → trusted key fingerprints (Multikey values, or JWK thumbprints for RSA)."""

    def __init__(self) -> None:
        self._keys: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}
        self._public_keys: dict[str, Any] = {}  # verification-method id -> public key
        self._status_sources: list[Any] = []  # trust-list issuers with cached status lists

    def __bool__(self) -> bool:
        return bool(self._keys)

    def add_status_source(self, issuer: Any) -> None:
        """A trusted issuer entry whose cached status-list snapshots credentials may use."""
        if issuer.snapshots:
            self._status_sources.append(issuer)

    def cached_status(
        self, issuer_id: str | None, purpose: str, url: str, index: int
    ) -> tuple[bool, Any] | None:
        """(bit, as of) for entry ``index`` of the list at ``url`` from a trust list's cached
        snapshot of that issuer's list, or None when no trusted snapshot holds it."""
        from designer.status_lists import list_number

        try:
            number = list_number(url)
        except ShoshoError:
            return None
        for source in self._status_sources:
            first = (number - 1) * source.status_list_length
            if source.id == issuer_id and source.status_list_url(purpose, first) == url:
                found = source.status_bit(purpose, first + index)  # the seal's own lookup
                if found is not None:
                    return found
        return None

    def add(
        self,
        issuer_id: str,
        fingerprints: list[str] | tuple[str, ...] = (),
        name: str | None = None,
    ) -> None:
        self._keys.setdefault(issuer_id, set()).update(fingerprints)
        if name:
            self._names[issuer_id] = name
        if issuer_id.startswith("did:key:"):
            self._keys[issuer_id].add(issuer_id.removeprefix("did:key:").split("#")[0])

    def add_entry(self, text: str) -> None:
        """A ``--trust-issuer`` value: a did:key, or ``ISSUER#KEY`` naming one key of an issuer."""
        text = text.strip()
        if text.startswith("did:key:"):
            self.add(text.split("#")[0])
            return
        issuer, _, fragment = text.rpartition("#")
        if not issuer or not fragment:
            raise UsageError(
                f"--trust-issuer {text!r}: give a did:key, or ISSUER#KEY (the key's verification-method id)"
            )
        self.add(issuer, [fragment])

    def add_did_document(self, document: dict[str, Any], source: str = "DID document") -> None:
        did = document.get("id")
        if not isinstance(did, str):
            raise ShoshoError(f"{source}: the DID document has no id")
        assertion = {
            ref if isinstance(ref, str) else ref.get("id")
            for ref in document.get("assertionMethod", [])
        }
        methods = [m for m in document.get("verificationMethod", []) if isinstance(m, dict)]
        methods += [m for m in document.get("assertionMethod", []) if isinstance(m, dict)]
        fingerprints = []
        for method in methods:
            method_id = method.get("id", "")
            if method_id.startswith("#"):
                method_id = did + method_id
            if method_id not in assertion and method.get("id") not in assertion:
                continue
            if method.get("controller", did) != did:
                continue
            key = method_public_key(method, source)
            self._public_keys[method_id] = key
            fingerprints.append(key_fingerprint(key))
        self.add(did, fingerprints, document.get("name"))

    def add_file(self, path: str | Path) -> None:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError(f"trust file {path} does not exist") from None
        except (OSError, ValueError, UnicodeDecodeError) as error:
            raise UsageError(f"trust file {path} is not readable JSON: {error}") from None
        if isinstance(data, dict) and "verificationMethod" in data:
            self.add_did_document(data, str(path))
        elif isinstance(data, dict) and isinstance(data.get("issuers"), list):
            for entry in data["issuers"]:
                issuer_id = entry.get("id") or entry.get("did")
                if not isinstance(issuer_id, str):
                    raise UsageError(f"trust file {path}: an issuer entry has no id")
                if isinstance(entry.get("didDocument"), dict):
                    self.add_did_document(entry["didDocument"], str(path))
                keys = [k for k in entry.get("keys", []) if isinstance(k, str)]
                name = entry.get("name")
                if isinstance(name, dict):
                    name = name.get("ja") or name.get("en")
                self.add(issuer_id, keys, name)
        else:
            raise UsageError(f"trust file {path}: expected a DID document or {{'issuers': [...]}}")

    def forget(self, predicate) -> None:
        """Stop trusting every issuer whose id ``predicate`` accepts."""
        for issuer_id in [i for i in self._keys if predicate(i)]:
            del self._keys[issuer_id]
        for method in [m for m in self._public_keys if predicate(m)]:
            del self._public_keys[method]

    def public_key_for(self, verification_method: str):
        """A key published in a trusted DID document under ``verification_method``, if any."""
        return self._public_keys.get(verification_method)

    def seal_capable_keys(self) -> dict[str, list]:
        """Issuer id -> the trusted Ed25519/P-256 public keys (the kinds a seal is made with)."""
        keys: dict[str, list] = {}
        for issuer_id, fingerprints in self._keys.items():
            for fingerprint in sorted(fingerprints):
                if is_multikey(fingerprint):
                    try:
                        keys.setdefault(issuer_id, []).append(
                            public_key_from_multibase(fingerprint)
                        )
                    except ShoshoError:
                        continue
        return keys

    def trusts(self, issuer_id: str, fingerprint: str) -> bool:
        from designer.keys.demo import DEMO_PUBLIC_KEY_MULTIBASE, is_demo_issuer

        if fingerprint == DEMO_PUBLIC_KEY_MULTIBASE and not is_demo_issuer(issuer_id):
            return False  # the demo key is public: it never vouches for a real issuer
        return fingerprint in self._keys.get(issuer_id, set())

    def name_of(self, issuer_id: str) -> str | None:
        return self._names.get(issuer_id)


def method_public_key(method: dict[str, Any], source: str):
    if isinstance(method.get("publicKeyMultibase"), str) and is_multikey(
        method["publicKeyMultibase"]
    ):
        return public_key_from_multibase(method["publicKeyMultibase"])
    if isinstance(method.get("publicKeyJwk"), dict):
        return public_key_from_jwk(method["publicKeyJwk"])
    raise ShoshoError(
        f"{source}: verification method {method.get('id')!r} has no usable public key"
    )
