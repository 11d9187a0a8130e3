"""Trust lists: which issuers and seal keys an offline verifier believes, signed by a publisher.

A trust list binds each seal key id to an institution (names in Japanese and English), its
verify hosts and its status lists, and carries cached status-list snapshots with the date they
were taken. Format: ``docs/trust-list.md``. A key that is not listed is never "genuine".
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from designer.errors import ShoshoError
from designer.keys.jwk import b64url, b64url_decode
from designer.keys.public_keys import (
    ALG_NAMES,
    COSE_ALG_FOR_SIGNER,
    PublicKey,
    cose_alg_for,
    key_id_matches,
    kid_for_public_key,
    public_key_from_jwk,
    public_key_to_jwk,
    verify_signature,
)
from designer.signing.jcs import canonical_json
from designer.status_lists import PURPOSES, decode_list, encode_list, get_bit

if TYPE_CHECKING:
    from designer.keys.signer import Signer

TRUST_LIST_TYPE = "ShoshoTrustList"
TRUST_LIST_VERSION = 1
DEFAULT_STATUS_LIST_LENGTH = 131072
STATUS_PURPOSES = PURPOSES
_ALG_BY_NAME = {name: alg for alg, name in ALG_NAMES.items()}


@dataclass(frozen=True)
class SealKey:
    kid: bytes
    alg: int
    public_key: PublicKey
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def valid_on(self, day: dt.date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_until is not None and day > self.valid_until)


@dataclass(frozen=True)
class StatusSnapshot:
    purpose: str
    list_number: int
    bits: bytes
    as_of: dt.datetime

    def bit(self, position: int) -> bool:
        try:
            return get_bit(self.bits, position)
        except ShoshoError:
            raise ShoshoError(f"status index beyond the cached {self.purpose} list") from None


@dataclass(frozen=True)
class TrustedIssuer:
    id: str
    name_ja: str
    name_en: str
    url: str | None
    verify_url: str | None
    verify_hosts: tuple[str, ...]
    status_list_urls: dict[str, str]
    status_list_length: int
    keys: tuple[SealKey, ...]
    snapshots: tuple[StatusSnapshot, ...] = ()

    @property
    def display_name(self) -> str:
        return self.name_ja if self.name_ja == self.name_en else f"{self.name_ja} / {self.name_en}"

    def status_list_url(self, purpose: str, index: int) -> str | None:
        template = self.status_list_urls.get(purpose)
        if template is None:
            return None
        return template.replace("{list}", str(index // self.status_list_length + 1))

    def status_bit(self, purpose: str, index: int) -> tuple[bool, dt.datetime] | None:
        """(bit, as of) from the cached snapshot holding ``index``, or None if none is cached."""
        list_number, position = divmod(index, self.status_list_length)
        list_number += 1  # lists are numbered from 1, as the files are (revocation-1.json)
        for snapshot in self.snapshots:
            if snapshot.purpose == purpose and snapshot.list_number == list_number:
                return snapshot.bit(position), snapshot.as_of
        return None


@dataclass
class TrustList:
    issuers: list[TrustedIssuer] = field(default_factory=list)
    publisher_kid: str | None = None
    publisher_name: dict[str, str] = field(default_factory=dict)
    issued: str | None = None
    signed: bool = False

    def find_key(self, kid: bytes) -> tuple[TrustedIssuer, SealKey] | None:
        """The issuer and key ``kid`` names: an RFC 9679 thumbprint, or a first-format kid.

        The demo key is never found for any issuer but the demo issuer."""
        from designer.keys.demo import demo_key_refusal

        for issuer in self.issuers:
            for key in issuer.keys:
                if key_id_matches(key.public_key, kid) and (
                    demo_key_refusal(key.public_key, issuer.id) is None
                ):
                    return issuer, key
        return None


# --- issuer entries ---------------------------------------------------------------------------


def issuer_names(entry: dict) -> tuple[str, str]:
    """(ja, en) from ``name``: a string, a {"ja", "en"} map, or an OB3 language-map list."""
    name = entry.get("name")
    if isinstance(name, str):
        return name, entry.get("nameEn", name)
    if isinstance(name, dict):
        ja = name.get("ja") or name.get("en")
        return ja, name.get("en") or ja
    raise ShoshoError(f"issuer {entry.get('id', '?')}: 'name' must be a string or a ja/en map")


def _status_lists_from_folder(folder: str | None) -> dict[str, str]:
    """An issuer profile's ``status_list_url`` folder, where ``shosho status export`` writes
    ``revocation-1.json``, ``suspension-1.json``, …: the same lists as URL templates."""
    if not folder:
        return {}
    base = folder if folder.endswith("/") else folder + "/"
    return {purpose: f"{base}{purpose}-{{list}}.json" for purpose in STATUS_PURPOSES}


def issuer_from_entry(entry: dict, source: str = "issuer") -> TrustedIssuer:
    """A trusted issuer from its JSON entry (the shape of ``docs/trust-list.md``)."""
    where = f"{source}: issuer {entry.get('id', '?')}"
    if not isinstance(entry.get("id"), str):
        raise ShoshoError(f"{source}: an issuer entry has no 'id'")
    name_ja, name_en = issuer_names(entry)
    verify_url = entry.get("verifyUrl") or entry.get("verify_url")
    hosts = list(entry.get("verifyHosts", []))
    if verify_url:
        host = urlsplit(verify_url).hostname
        if not host:
            raise ShoshoError(f"{where}: verifyUrl {verify_url!r} is not an absolute URL")
        hosts.insert(0, host)
    status_urls = entry.get("statusLists") or _status_lists_from_folder(
        entry.get("status_list_url")
    )
    unknown = set(status_urls) - set(STATUS_PURPOSES)
    if unknown:
        raise ShoshoError(f"{where}: unknown status purpose(s) {sorted(unknown)}")
    keys = tuple(_seal_key(key, where) for key in entry.get("sealKeys", []))
    length = int(entry.get("statusListLength", DEFAULT_STATUS_LIST_LENGTH))
    snapshots = tuple(_snapshot(item, where) for item in entry.get("statusSnapshots", []))
    return TrustedIssuer(
        id=entry["id"],
        name_ja=name_ja,
        name_en=name_en,
        url=entry.get("url"),
        verify_url=verify_url,
        verify_hosts=tuple(dict.fromkeys(hosts)),
        status_list_urls=dict(status_urls),
        status_list_length=length,
        keys=keys,
        snapshots=snapshots,
    )


def _date(value: str | None, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        raise ShoshoError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _seal_key(item: dict, where: str) -> SealKey:
    try:
        public_key = public_key_from_jwk(item.get("publicKeyJwk", {}))
    except ValueError as error:
        raise ShoshoError(f"{where}: seal key {item.get('kid', '?')}: {error}") from None
    kid = kid_for_public_key(public_key)
    if item.get("kid") is not None and not key_id_matches(public_key, item["kid"]):
        raise ShoshoError(
            f"{where}: seal key kid {item['kid']} does not match its public key ({kid.hex()})"
        )
    return SealKey(
        kid=kid,
        alg=cose_alg_for(public_key),
        public_key=public_key,
        valid_from=_date(item.get("validFrom"), where),
        valid_until=_date(item.get("validUntil"), where),
    )


def _snapshot(item: dict, where: str) -> StatusSnapshot:
    try:
        bits = decode_list(item["encodedList"])
        as_of = dt.datetime.fromisoformat(item["asOf"].replace("Z", "+00:00"))
        return StatusSnapshot(item["purpose"], int(item["list"]), bits, as_of)
    except (KeyError, TypeError, ValueError, ShoshoError) as error:
        raise ShoshoError(f"{where}: a status snapshot is malformed ({error})") from None


def seal_key_entry(
    public_key: PublicKey, valid_from: dt.date | None = None, valid_until: dt.date | None = None
) -> dict[str, Any]:
    """The JSON entry for a seal key (goes in an issuer's ``sealKeys``)."""
    entry: dict[str, Any] = {
        "kid": kid_for_public_key(public_key).hex(),
        "alg": ALG_NAMES[cose_alg_for(public_key)],
        "publicKeyJwk": public_key_to_jwk(public_key),
    }
    if valid_from:
        entry["validFrom"] = valid_from.isoformat()
    if valid_until:
        entry["validUntil"] = valid_until.isoformat()
    return entry


# --- status lists -----------------------------------------------------------------------------


decode_encoded_list = decode_list
encode_status_bits = encode_list


def snapshot_from_status_list(
    status_list: dict,
    purpose: str | None = None,
    list_number: int = 1,
    as_of: dt.datetime | None = None,
) -> dict[str, Any]:
    """A ``statusSnapshots`` entry from a BitstringStatusListCredential (parsed JSON)."""
    subject = status_list.get("credentialSubject", {})
    encoded = subject.get("encodedList")
    if not isinstance(encoded, str):
        raise ShoshoError("status list: credentialSubject.encodedList is missing")
    purpose = purpose or subject.get("statusPurpose", "revocation")
    if purpose not in STATUS_PURPOSES:
        raise ShoshoError(f"status list: purpose {purpose!r} is not revocation or suspension")
    decode_list(encoded)
    if as_of is None:
        stamp = status_list.get("validFrom") or status_list.get("issuanceDate")
        as_of = (
            dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
            if stamp
            else dt.datetime.now(dt.UTC)
        )
    return {
        "purpose": purpose,
        "list": list_number,
        "encodedList": encoded,
        "asOf": as_of.isoformat().replace("+00:00", "Z"),
    }


# --- the signed file --------------------------------------------------------------------------


def new_trust_list_document() -> dict[str, Any]:
    return {"type": TRUST_LIST_TYPE, "version": TRUST_LIST_VERSION, "issuers": []}


PROFILE_ONLY = ("email", "phone", "description", "image", "profile_name")
"""Issuer-profile keys that only credentials carry; a trust entry has no place for them."""


def is_issuer_profile(data: dict) -> bool:
    """The office's issuer profile (snake_case, docs/issuer-profile.md), not a trust entry."""
    return "status_list_url" in data and not set(data) & {"sealKeys", "statusLists", "verifyUrl"}


def trust_entry_from_profile(
    profile: dict, seal_keys: list[dict]
) -> tuple[dict[str, Any], list[str]]:
    """The trust-list entry for an issuer profile (read and checked by
    ``designer.issue.profile``) and its seal keys, with the profile keys it does not carry."""
    entry: dict[str, Any] = {"id": profile["id"], "name": profile["name"]}
    if profile.get("url"):
        entry["url"] = profile["url"]
    if profile.get("verify_url"):
        entry["verifyUrl"] = profile["verify_url"]
    entry["statusLists"] = _status_lists_from_folder(profile.get("status_list_url"))
    entry["sealKeys"] = list(seal_keys)
    issuer_from_entry(entry, "issuer profile")
    return entry, [key for key in PROFILE_ONLY if key in profile]


def put_issuer(document: dict, entry: dict) -> dict:
    """Add or replace (by id) an issuer entry; checks it and drops any existing signature.
    A key a trust entry does not have is refused, never dropped."""
    issuer_from_entry(entry)
    unknown = sorted(set(entry) - _ENTRY_FIELDS)
    if unknown:
        hint = (
            " (this is an issuer profile: make its entry with `shosho trust add-issuer "
            "TRUST.json --issuer PROFILE.json --key KEYREF`)"
            if is_issuer_profile(entry)
            else ""
        )
        raise ShoshoError(
            f"issuer {entry.get('id')}: a trust entry has no {', '.join(unknown)}{hint}"
        )
    kept = dict(entry)
    issuers = [item for item in document.get("issuers", []) if item.get("id") != entry["id"]]
    issuers.append(kept)
    document["issuers"] = issuers
    document.pop("signature", None)
    return document


_ENTRY_FIELDS = {
    "id",
    "name",
    "nameEn",
    "url",
    "verifyUrl",
    "verifyHosts",
    "statusLists",
    "statusListLength",
    "sealKeys",
    "statusSnapshots",
}


def sign_trust_list(
    document: dict, signer: Signer, publisher_name: dict[str, str] | None = None
) -> dict:
    """Return a signed copy: EdDSA or ES256 over the JCS of everything but ``signature``."""
    if signer.algorithm not in COSE_ALG_FOR_SIGNER:
        raise ShoshoError(f"trust list: key {signer.key_id} must be Ed25519 or P-256")
    signed = copy.deepcopy(document)
    signed.pop("signature", None)
    for entry in signed.get("issuers", []):
        issuer_from_entry(entry, "trust list")
    if publisher_name:
        signed["publisher"] = {"name": publisher_name}
    signed["issued"] = (
        dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )
    public_key = signer.public_key()
    value = signer.sign(canonical_json(signed))
    signed["signature"] = {
        "alg": ALG_NAMES[COSE_ALG_FOR_SIGNER[signer.algorithm]],
        "kid": kid_for_public_key(public_key).hex(),
        "publicKeyJwk": public_key_to_jwk(public_key),
        "value": b64url(value),
    }
    return signed


def parse_trust_list(
    document: dict, source: str = "trust list", pinned_publishers: set[str] | None = None
) -> TrustList:
    """Check the publisher's signature (and pin, if given), then read the issuers."""
    if document.get("type") != TRUST_LIST_TYPE:
        raise ShoshoError(f"{source}: not a trust list (type is not {TRUST_LIST_TYPE})")
    if document.get("version") != TRUST_LIST_VERSION:
        raise ShoshoError(
            f"{source}: trust-list version {document.get('version')} is not supported"
        )
    signature = document.get("signature")
    if not isinstance(signature, dict):
        raise ShoshoError(f"{source}: the trust list is not signed")
    try:
        public_key = public_key_from_jwk(signature.get("publicKeyJwk", {}))
        value = b64url_decode(signature["value"])
        alg = _ALG_BY_NAME[signature["alg"]]
    except (KeyError, ValueError, TypeError) as error:
        raise ShoshoError(f"{source}: the signature block is malformed ({error})") from None
    kid = kid_for_public_key(public_key).hex()
    if not key_id_matches(public_key, signature.get("kid") or ""):
        raise ShoshoError(f"{source}: the signature's kid does not match its key")
    unsigned = {key: value for key, value in document.items() if key != "signature"}
    if not verify_signature(public_key, alg, value, canonical_json(unsigned)):
        raise ShoshoError(f"{source}: the publisher's signature is not valid (file changed?)")
    if pinned_publishers is not None and kid not in pinned_publishers:
        raise ShoshoError(f"{source}: signed by publisher key {kid}, which is not the pinned one")
    issuers = [issuer_from_entry(entry, source) for entry in document.get("issuers", [])]
    return TrustList(
        issuers=issuers,
        publisher_kid=kid,
        publisher_name=document.get("publisher", {}).get("name", {}),
        issued=document.get("issued"),
        signed=True,
    )


def read_json_file(path: str | Path, what: str) -> dict:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ShoshoError(f"{what} {path} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ShoshoError(f"{what} {path} is not readable JSON: {error}") from None
    if not isinstance(data, dict):
        raise ShoshoError(f"{what} {path} is not a JSON object")
    return data


def write_json_file(path: str | Path, document: dict) -> None:
    Path(path).write_text(
        json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def load_trust_list(path: str | Path, pinned_publishers: set[str] | None = None) -> TrustList:
    return parse_trust_list(read_json_file(path, "trust list"), str(path), pinned_publishers)


def trust_list_from_issuers(entries: list[dict]) -> TrustList:
    """An unsigned, local trust list (an institution checking its own seals)."""
    return TrustList(issuers=[issuer_from_entry(entry) for entry in entries])


# --- the installed list ----------------------------------------------------------------------


def installed_trust_list_path() -> Path:
    """Where ``shosho trust import`` keeps the list: ``trust-list.json`` in the data folder
    every other setting uses (``SHOSHO_HOME`` if set)."""
    from designer.settings import HOME_ENV, data_home

    path = data_home() / "trust-list.json"
    if not path.exists() and not os.environ.get(HOME_ENV):
        import platformdirs

        earlier = Path(platformdirs.user_data_dir("shosho", appauthor=False)) / "trust-list.json"
        if earlier.is_file() and earlier.parent != path.parent:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(earlier.read_bytes())  # kept where earlier versions put it
    return path


def import_trust_list(path: str | Path, accept_new_publisher: bool = False) -> TrustList:
    """Install a signed trust list. The first import pins its publisher; later imports must be
    signed by the same publisher key unless ``accept_new_publisher``."""
    document = read_json_file(path, "trust list")
    target = installed_trust_list_path()
    pinned = None
    if target.exists() and not accept_new_publisher:
        pinned = {load_trust_list(target).publisher_kid}
    trust = parse_trust_list(document, str(path), pinned)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_json_file(target, document)
    return trust


def installed_trust_list() -> TrustList:
    """The imported trust list, or an empty one (every seal is then "unknown issuer")."""
    target = installed_trust_list_path()
    if not target.exists():
        return TrustList()
    return load_trust_list(target)
