"""did:key identifiers and did:web DID documents (``did.json``) that list the issuer's keys."""

from __future__ import annotations

import re
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, rsa

from designer.errors import UsageError
from designer.keys.jwk import jwk_thumbprint, public_jwk
from designer.keys.multikey import public_key_multibase

DID_CONTEXT = "https://www.w3.org/ns/did/v1"
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
JWK_CONTEXT = "https://w3id.org/security/jwk/v1"


_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_PATH_PART = re.compile(r"^[A-Za-z0-9._~-]+$")


def did_web(domain: str) -> str:
    """``example.ac.jp`` → ``did:web:example.ac.jp``; ``example.ac.jp/issuers/1`` → ``…:issuers:1``.

    ``domain`` is the web address the DID document will be served from: a host name (an
    internationalised one is converted), an optional port, an optional path. Anything else (a
    DID, colons, spaces, another scheme) is refused with what to give instead."""
    given = domain
    text = domain.strip()
    if text.lower().startswith("did:"):
        raise UsageError(
            f"domain {given!r}: give the web domain (e.g. example.ac.jp), not a DID; "
            "the DID is made from it"
        )
    text = re.sub(r"^https://", "", text, flags=re.IGNORECASE).strip("/")
    if "://" in text:
        raise UsageError(f"domain {given!r}: did:web documents are served over https only")
    host_port, _, path = text.partition("/")
    host, _, port = host_port.partition(":")
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise UsageError(
            f"domain {given!r}: after the host only a port number may follow ':' "
            "(give a path with '/', e.g. example.ac.jp/dept/eng)"
        )
    try:
        ascii_host = host.encode("idna").decode("ascii").lower() if host else ""
    except UnicodeError:
        ascii_host = ""
    labels = ascii_host.split(".")
    if (
        not ascii_host
        or len(ascii_host) > 253
        or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels)
    ):
        raise UsageError(
            f"domain {given!r}: {host!r} is not a host name (e.g. example.ac.jp); "
            "letters, digits, '-' and dots only"
        )
    parts = [part for part in path.split("/") if part]
    bad = [part for part in parts if not _PATH_PART.match(part) or part in (".", "..")]
    if bad:
        raise UsageError(
            f"domain {given!r}: path part {bad[0]!r} may hold only letters, digits and . _ ~ -"
        )
    host_part = ascii_host + (f"%3A{port}" if port else "")
    return "did:web:" + ":".join([host_part, *parts])


def did_web_document_url(did: str) -> str:
    """Where the DID document of a did:web must be published."""
    parts = did.removeprefix("did:web:").split(":")
    host = parts[0].replace("%3A", ":")
    if len(parts) == 1:
        return f"https://{host}/.well-known/did.json"
    return f"https://{host}/{'/'.join(parts[1:])}/did.json"


def key_fingerprint(public_key) -> str:
    """The Multikey value of Ed25519/P-256 keys, the JWK thumbprint of RSA keys."""
    if isinstance(public_key, rsa.RSAPublicKey):
        return jwk_thumbprint(public_jwk(public_key))
    return public_key_multibase(public_key)


def verification_method_entry(controller: str, public_key) -> dict[str, Any]:
    fingerprint = key_fingerprint(public_key)
    entry: dict[str, Any] = {"id": f"{controller}#{fingerprint}", "controller": controller}
    if isinstance(public_key, rsa.RSAPublicKey):
        entry.update(type="JsonWebKey", publicKeyJwk=public_jwk(public_key))
    else:
        entry.update(type="Multikey", publicKeyMultibase=fingerprint)
    return entry


def jwk_method_entry(controller: str, public_key) -> dict[str, Any]:
    """A ``JsonWebKey`` method ``#<JWK thumbprint>``: what a VC-JWT ``kid`` names, and the form
    the 1EdTech validator resolves (it reads ``publicKeyJwk`` only)."""
    jwk = public_jwk(public_key)
    return {
        "id": f"{controller}#{jwk_thumbprint(jwk)}",
        "controller": controller,
        "type": "JsonWebKey",
        "publicKeyJwk": jwk,
    }


def method_entries(controller: str, public_key) -> list[dict[str, Any]]:
    """Every method a key is published under: a Multikey for Data Integrity proofs and seals,
    and for P-256 also its JWK (RSA keys are JWKs already)."""
    entries = [verification_method_entry(controller, public_key)]
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        entries.append(jwk_method_entry(controller, public_key))
    return entries


def did_document(
    did: str, public_keys: list, existing: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A DID document for ``did`` listing every key (old ones kept) as an assertionMethod."""
    methods: list[dict[str, Any]] = []
    if existing:
        if existing.get("id") != did:
            raise UsageError(
                f"the existing DID document is for {existing.get('id')!r}, not {did!r}"
            )
        methods = list(existing.get("verificationMethod", []))
    known = {method.get("id") for method in methods}
    for key in public_keys:
        for entry in method_entries(did, key):
            if entry["id"] not in known:
                methods.append(entry)
                known.add(entry["id"])
    contexts = [DID_CONTEXT, MULTIKEY_CONTEXT]
    if any(method.get("type") == "JsonWebKey" for method in methods):
        contexts.append(JWK_CONTEXT)
    ids = [method["id"] for method in methods]
    return {
        "@context": contexts,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": ids,
    }
