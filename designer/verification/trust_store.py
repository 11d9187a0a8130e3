"""The one trust store a verifier consults: built from signed trust lists, DID documents,
issuer lists, ``--trust-issuer`` entries, CA certificates and the imported trust list.

The demo issuer is never trusted, whatever names it. See ``docs/trust-list.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from designer.errors import ShoshoError, UsageError
from designer.keys.demo import is_demo_issuer
from designer.verification.issuers import TrustedIssuers, method_public_key
from designer.verification.trust_list import (
    TrustedIssuer,
    TrustList,
    installed_trust_list,
    issuer_from_entry,
    load_trust_list,
    seal_key_entry,
    trust_list_from_issuers,
)


@dataclass
class TrustStore:
    """What a verifier trusts, from every source at once: which keys count for an issuer's
    credentials (``credentials``), which for its printed seals (``seals``), and the CA
    certificates PDF signatures may chain to. Seal keys and credential keys are the same keys
    (one key, one answer), so each source feeds both."""

    credentials: TrustedIssuers = field(default_factory=TrustedIssuers)
    seals: TrustList = field(default_factory=TrustList)
    pdf_roots: list = field(default_factory=list)
    """CA certificates (asn1crypto) that PDF signatures may chain to."""

    def add_trust_list(self, trust_list: TrustList) -> None:
        """Seal keys are the issuer's keys: the same key signs the credential and its seal."""
        from designer.keys.did import key_fingerprint

        issuers = [issuer for issuer in trust_list.issuers if not is_demo_issuer(issuer.id)]
        self.seals.issuers.extend(issuers)
        for issuer in issuers:
            self.credentials.add(
                issuer.id,
                [key_fingerprint(key.public_key) for key in issuer.keys],
                issuer.display_name,
            )
            self.credentials.add_status_source(issuer)

    def add_seal_keys_of_credential_issuers(self) -> None:
        """Every Ed25519/P-256 key trusted for an issuer's credentials also vouches for that
        issuer's seals: one key, one answer (``--trust-issuer did:key:…`` included)."""
        for issuer_id, public_keys in self.credentials.seal_capable_keys().items():
            existing = [i for i in self.seals.issuers if i.id == issuer_id]
            known = {key.kid for i in existing for key in i.keys}
            entries = [seal_key_entry(key) for key in public_keys]
            fresh = [e for e in entries if bytes.fromhex(e["kid"]) not in known]
            if not fresh:
                continue
            if existing:
                extra = issuer_from_entry({"id": issuer_id, "name": issuer_id, "sealKeys": fresh})
                index = self.seals.issuers.index(existing[0])
                self.seals.issuers[index] = dataclasses.replace(
                    existing[0], keys=existing[0].keys + extra.keys
                )
            else:
                name = self.credentials.name_of(issuer_id) or issuer_id
                self.seals.issuers.append(
                    issuer_from_entry({"id": issuer_id, "name": name, "sealKeys": fresh})
                )

    def seals_for(
        self,
        issuer_id: str | None,
        status_lists: dict[str, Any],
        credential_keys: list[str],
        now: dt.datetime,
    ) -> tuple[TrustList, list[str]]:
        """The seal keys that count for a seal: only those listed for ``issuer_id`` when the
        credential names one, each issuer with the status lists given on the command line that
        its key (or the credential's key) signed. Returns the list and notes on lists not used."""
        issuers = [i for i in self.seals.issuers if issuer_id is None or i.id == issuer_id]
        notes: list[str] = []
        if issuer_id is None:
            issuers = _unambiguous(issuers, notes)
        with_status = [
            _with_status_lists(i, status_lists, self.credentials, credential_keys, now, notes)
            for i in issuers
        ]
        return dataclasses.replace(self.seals, issuers=with_status), notes

    def own_key_seals(
        self, issuer_id: str, keys: list[str], status_lists: dict[str, Any], now: dt.datetime
    ) -> TrustList | None:
        """A list holding only the keys that signed a credential (``keys``, fingerprints) for
        its issuer: a seal that checks out against it was made with that credential's key,
        which proves nothing about who holds the key."""
        from designer.keys.multikey import is_multikey, public_key_from_multibase

        entries = [seal_key_entry(public_key_from_multibase(k)) for k in keys if is_multikey(k)]
        if not entries:
            return None
        own = issuer_from_entry({"id": issuer_id, "name": issuer_id, "sealKeys": entries})
        own = _with_status_lists(own, status_lists, self.credentials, keys, now, [])
        return TrustList(issuers=[own])


def load_trust(files=(), issuers=(), *, installed: bool = True) -> TrustStore:
    """Trust from ``--trust`` files (signed trust lists, DID documents, issuer lists),
    ``--trust-issuer`` entries and, unless ``installed`` is false, the imported trust list."""
    from designer.pdfsign.checking import CERTIFICATE_SUFFIXES, trust_anchors

    trust = TrustStore()
    trust.pdf_roots = trust_anchors(
        [Path(p) for p in files if Path(p).suffix.lower() in CERTIFICATE_SUFFIXES], installed
    )
    if installed:
        trust.add_trust_list(installed_trust_list())
    for path in files:
        path = Path(path)
        if path.suffix.lower() in CERTIFICATE_SUFFIXES:
            continue  # a CA certificate for PDF signatures
        data = _read_json(path)
        if isinstance(data, dict) and data.get("type") == "ShoshoTrustList":
            trust.add_trust_list(load_trust_list(path))
            continue
        if isinstance(data, dict) and ("sealKeys" in data or _lists_seal_keys(data)):
            entries = data.get("issuers") if "issuers" in data else [data]
            trust.add_trust_list(
                trust_list_from_issuers(entries)
            )  # trusted because the user says so
            continue
        trust.credentials.add_file(path)
        if isinstance(data, dict) and "verificationMethod" in data:
            issuer = _seal_issuer_from_did(data, str(path))
            if issuer is not None:
                trust.seals.issuers.append(issuer)
    for entry in issuers:
        trust.credentials.add_entry(entry)
    trust.credentials.forget(is_demo_issuer)
    trust.seals.issuers = [i for i in trust.seals.issuers if not is_demo_issuer(i.id)]
    trust.add_seal_keys_of_credential_issuers()
    return trust


def _with_status_lists(issuer, status_lists, credentials, credential_keys, now, notes):
    """``issuer`` with a cached snapshot for every given list it published and signed."""
    from designer.status_lists import list_number, parse_published, serialise
    from designer.verification.credential import status_list_bits
    from designer.verification.trust_list import StatusSnapshot

    snapshots = list(issuer.snapshots)
    for url, signed in status_lists.items():
        listed, _ = parse_published(serialise(signed).decode("utf-8"), url)
        if listed.get("issuer") not in (issuer.id, {"id": issuer.id}):
            continue
        try:
            checked = status_list_bits(signed, url, issuer.id, credentials, credential_keys, now)
            number = list_number(url)
        except ShoshoError as error:
            notes.append(f"status list {url} not used for the seal: {error}")
            continue
        first = (number - 1) * issuer.status_list_length
        expected = issuer.status_list_url(checked.purpose, first)
        if expected is not None and expected != url:
            notes.append(f"status list {url} is not where this issuer publishes ({expected})")
            continue
        snapshots = [
            s for s in snapshots if (s.purpose, s.list_number) != (checked.purpose, number)
        ]
        snapshots.append(StatusSnapshot(checked.purpose, number, checked.bits, checked.as_of))
    return dataclasses.replace(issuer, snapshots=tuple(snapshots))


def _lists_seal_keys(data: dict[str, Any]) -> bool:
    issuers = data.get("issuers")
    return isinstance(issuers, list) and any(
        isinstance(e, dict) and "sealKeys" in e for e in issuers
    )


def _read_json(path: Path) -> Any:
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"trust file {path} does not exist") from None
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise UsageError(f"trust file {path} is not readable JSON: {error}") from None


def _seal_issuer_from_did(document: dict[str, Any], source: str):
    """A DID document the user trusts vouches for seals made with its assertion keys too: the
    institution signs credentials and printed seals with the same key."""
    did = document.get("id")
    assertion = {
        ref if isinstance(ref, str) else ref.get("id")
        for ref in document.get("assertionMethod", [])
    }
    keys = []
    for method in document.get("verificationMethod", []):
        method_id = method.get("id", "") if isinstance(method, dict) else ""
        if method_id not in assertion and f"{did}{method_id}" not in assertion:
            continue
        try:
            keys.append(seal_key_entry(method_public_key(method, source)))
        except (ShoshoError, ValueError):
            continue  # RSA keys sign VC-JWTs only; seals are EdDSA or ES256
    if not isinstance(did, str) or not keys:
        return None
    return issuer_from_entry(
        {"id": did, "name": document.get("name") or did, "sealKeys": keys}, source
    )


def _unambiguous(issuers: list[TrustedIssuer], notes: list[str]) -> list[TrustedIssuer]:
    """Without a credential to name the issuer, a key listed for two issuers decides nothing."""
    owners: dict[bytes, set[str]] = {}
    for issuer in issuers:
        for key in issuer.keys:
            owners.setdefault(key.kid, set()).add(issuer.id)
    shared = {kid for kid, ids in owners.items() if len(ids) > 1}
    notes += [
        f"seal key {kid.hex()} is listed for several issuers ({', '.join(sorted(owners[kid]))}): "
        "it vouches for none of them"
        for kid in sorted(shared)
    ]
    return [
        dataclasses.replace(i, keys=tuple(k for k in i.keys if k.kid not in shared))
        for i in issuers
    ]


Trust = TrustStore
"""The name earlier callers use."""
