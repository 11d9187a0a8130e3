"""The signed status lists to upload (and ``change_status``, kept for callers; the rules of
revoking and suspending live in ``designer.issue.lifecycle``).

Each issuer's lists are signed with that issuer's own key, in a suite that key can make, and
written to a path made of the list's whole URL so that issuers never overwrite each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from designer.errors import ShoshoError, UsageError
from designer.issue.files import write_atomic
from designer.issue.profile import profile_of
from designer.keys.signer import Signer
from designer.status_lists import publish_path, serialise, sign_status_list
from designer.status_lists import status_list_credential as list_credential
from designer.store import Store, audit
from designer.store.models import Credential, Issuer, StatusList


def change_status(store: Store, credential_id: str, action: str, reason: str) -> str:
    """``action`` is revoke, suspend or unsuspend. Returns the credential's new status (the
    rules live in ``designer.issue.lifecycle``)."""
    from designer.issue.lifecycle import change_status as change

    return change(store, credential_id, action, reason).status


def status_list_credential(status_list: StatusList, issuer: Issuer) -> dict[str, Any]:
    """The unsigned ``BitstringStatusListCredential`` for one list."""
    return list_credential(
        status_list.url, profile_of(issuer)["id"], status_list.purpose, status_list.bits
    )


@dataclass(frozen=True)
class IssuerKey:
    """Which key signs which issuer's lists: ``issuer`` is a saved profile name or issuer id."""

    issuer: str
    signer: Signer


def _issuer_for(session, name: str) -> Issuer:
    found = (
        session.execute(select(Issuer).where((Issuer.name == name) | (Issuer.issuer_uri == name)))
        .scalars()
        .all()
    )
    if not found:
        known = ", ".join(session.execute(select(Issuer.name).order_by(Issuer.name)).scalars())
        raise ShoshoError(f"issuer {name!r} is not in this store (saved: {known or 'none'})")
    if len(found) > 1:
        raise ShoshoError(f"issuer {name!r} names several profiles: give the profile name")
    return found[0]


def _check_key(session, issuer: Issuer, signer: Signer) -> None:
    """The key must be one this issuer's credentials were signed with (or its did:key)."""
    from designer.keys.did import key_fingerprint

    fingerprint = key_fingerprint(signer.public_key())
    if issuer.issuer_uri.startswith("did:key:"):
        if issuer.issuer_uri.removeprefix("did:key:").split("#")[0] != fingerprint:
            raise ShoshoError(f"{signer.key_id} is not the key of {issuer.issuer_uri}")
        return
    signed = session.execute(
        select(Credential.signed_json)
        .where(Credential.issuer_id == issuer.id, Credential.signed_json.is_not(None))
        .limit(1)
    ).scalar_one_or_none()
    if signed is not None and fingerprint not in signed and not _signed_by(signed, signer):
        raise ShoshoError(
            f"{signer.key_id} did not sign the credentials of {issuer.name} ({issuer.issuer_uri}): "
            "sign its status lists with its own key"
        )


def _signed_by(signed: str, signer: Signer) -> bool:
    """For a VC-JWT, whose key is not spelled out in the text: check its signature."""
    from designer.signing.vcjwt import decode_jwt, verify_jws_signature

    if signed.lstrip().startswith("{"):
        return False
    try:
        header, _payload, signing_input, signature = decode_jwt(signed)
    except ShoshoError:
        return False
    return verify_jws_signature(header, signing_input, signature, signer.public_key()) is None


def signed_status_lists(
    store: Store, keys: Signer | list[IssuerKey], issuer_id: int | None = None
) -> dict[str, dict[str, Any] | str]:
    """Signed lists by the file each is written to (host and URL path, see
    ``status_lists.publish_path``). ``keys`` is one signer (then exactly one issuer's lists are
    exported: ``issuer_id``'s, or the store's only issuer's) or a key per issuer."""
    result: dict[str, dict[str, Any] | str] = {}
    with store.read() as session:
        pairs = _pairs(session, keys, issuer_id)
        for issuer, signer in pairs:
            _check_key(session, issuer, signer)
            lists = session.execute(
                select(StatusList).where(StatusList.issuer_id == issuer.id).order_by(StatusList.id)
            ).scalars()
            for status_list in lists:
                name = publish_path(status_list.url).as_posix()
                if name in result or any(
                    other.startswith(name + "/") or name.startswith(other + "/") for other in result
                ):
                    raise ShoshoError(
                        f"status list {status_list.url} would be written to {name}, where another "
                        "list goes: give each issuer its own status_list_url"
                    )
                credential = status_list_credential(status_list, issuer)
                result[name] = sign_status_list(credential, signer)
    return result


def _pairs(session, keys: Signer | list[IssuerKey], issuer_id: int | None):
    if isinstance(keys, list):
        pairs = [(_issuer_for(session, item.issuer), item.signer) for item in keys]
        ids = [issuer.id for issuer, _ in pairs]
        if len(set(ids)) != len(ids):
            raise ShoshoError("an issuer is named twice: give one key per issuer")
        return pairs
    if issuer_id is not None:
        return [(session.get(Issuer, issuer_id), keys)]
    with_lists = (
        session.execute(
            select(Issuer).where(Issuer.id.in_(select(StatusList.issuer_id))).order_by(Issuer.id)
        )
        .scalars()
        .all()
    )
    if len(with_lists) > 1:
        names = ", ".join(issuer.name for issuer in with_lists)
        raise UsageError(
            f"this store has status lists of several issuers ({names}): export each with "
            "--issuer NAME and its own --key"
        )
    return [(issuer, keys) for issuer in with_lists]


def _checkpoint_signer(keys: Signer | list[IssuerKey]) -> Signer:
    """The key that signs the audit checkpoint of an export: the (first) issuer's."""
    return keys[0].signer if isinstance(keys, list) else keys


def export_status_lists(
    store: Store, keys: Signer | list[IssuerKey], out_dir: Path, issuer_id: int | None = None
) -> list[Path]:
    """Write each list to ``out_dir/<host>/<path>``; refuses to write outside ``out_dir``."""
    signed = signed_status_lists(store, keys, issuer_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, credential in signed.items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, serialise(credential))
        written.append(path)
    with store.write() as session:
        audit.append(
            session,
            "status.export",
            str(out_dir),
            {"files": sorted(signed), "at": dt.datetime.now(dt.UTC).isoformat()},
        )
    audit.write_checkpoint(store, _checkpoint_signer(keys), "status export")
    return written
