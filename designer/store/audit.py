"""The audit log: append-only, each entry chained to the one before by SHA-256.

An entry's hash covers its sequence number, time, actor, action, subject, details and the
previous entry's hash, so editing, deleting or reordering any entry breaks the chain from
there on, and ``verify_chain`` names the first entry that does not match.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.store.models import AuditEntry

GENESIS = "0" * 64


def _actor() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name on this system (e.g. a container without passwd entry)
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def entry_hash(
    seq: int, at: str, actor: str, action: str, subject: str, details_json: str, prev_hash: str
) -> str:
    body = json.dumps(
        [seq, at, actor, action, subject, details_json, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    session: Session, action: str, subject: str, details: dict[str, Any] | None = None
) -> AuditEntry:
    """Add an entry. Call inside ``Store.write()``: the write lock keeps the chain single."""
    return append_many(session, [(action, subject, details)])[0]


def append_many(
    session: Session, entries: list[tuple[str, str, dict[str, Any] | None]]
) -> list[AuditEntry]:
    """Add several entries (action, subject, details) in order, chained one to the next, with
    one look-up of the chain's head. Call inside ``Store.write()``."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    actor = _actor()
    added = []
    for action, subject, details in entries:
        at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        details_json = json.dumps(details or {}, ensure_ascii=False, sort_keys=True)
        digest = entry_hash(seq, at, actor, action, subject, details_json, prev_hash)
        added.append(
            AuditEntry(
                seq=seq,
                at=at,
                actor=actor,
                action=action,
                subject=subject,
                details_json=details_json,
                prev_hash=prev_hash,
                hash=digest,
            )
        )
        seq, prev_hash = seq + 1, digest
    session.add_all(added)
    session.flush()
    return added


@dataclass(frozen=True)
class ChainReport:
    entries: int
    ok: bool
    problem: str | None = None
    head: str = GENESIS


def verify_chain(session: Session) -> ChainReport:
    """Walk the whole log and check every link and every entry's own hash."""
    expected_seq, prev_hash, count = 1, GENESIS, 0
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    for entry in rows.yield_per(1000):
        count += 1
        if entry.seq != expected_seq:
            return ChainReport(
                count, False, f"entry {expected_seq} is missing (next entry is {entry.seq})"
            )
        if entry.prev_hash != prev_hash:
            return ChainReport(
                count, False, f"entry {entry.seq} does not follow entry {entry.seq - 1}"
            )
        recomputed = entry_hash(
            entry.seq,
            entry.at,
            entry.actor,
            entry.action,
            entry.subject,
            entry.details_json,
            entry.prev_hash,
        )
        if recomputed != entry.hash:
            return ChainReport(
                count, False, f"entry {entry.seq} ({entry.action} {entry.subject}) was altered"
            )
        prev_hash, expected_seq = entry.hash, expected_seq + 1
    return ChainReport(count, True, None, prev_hash)


def unlogged_credentials(session: Session) -> list[str]:
    """Signed credentials with no ``credential.issue`` entry: a cut-off end of the log."""
    from designer.store.models import Credential

    logged = set(
        session.execute(
            select(AuditEntry.subject).where(AuditEntry.action == "credential.issue")
        ).scalars()
    )
    signed = session.execute(
        select(Credential.id).where(Credential.signed_json.is_not(None))
    ).scalars()
    return [cid for cid in signed if cid not in logged]


# --- checkpoints: the log's head, signed, kept outside the database ---------------------------

CHECKPOINT_ACTION = "audit.checkpoint"


def checkpoint_path(database_url: str) -> Path:
    """Where this machine keeps the latest checkpoint of the store at ``database_url``."""
    from designer.settings import data_home

    name = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:16]
    return data_home() / "audit" / f"checkpoint-{name}.json"


def write_checkpoint(store, signer, reason: str) -> dict[str, Any] | None:
    """Sign the log's head with the issuing key and keep it in the data folder.

    Called at the end of each batch and status export: a log whose end was cut off no longer
    reaches the head a checkpoint names, whoever holds the database. Returns the checkpoint,
    or None when it could not be kept (it never stops the work it follows).
    """
    from designer.keys.public_keys import cose_alg_for, public_key_to_jwk

    try:
        with store.write() as session:
            head = session.execute(
                select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
            ).first()
            if head is None:
                return None
            body = {"seq": head[0], "head": head[1], "reason": reason,
                    "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}  # fmt: skip
            checkpoint = dict(body)
            public_key = signer.public_key()
            try:
                checkpoint["alg"] = cose_alg_for(public_key)
                checkpoint["publicKeyJwk"] = public_key_to_jwk(public_key)
                checkpoint["signature"] = signer.sign(_checkpoint_bytes(body)).hex()
            except (ValueError, AttributeError, TypeError):  # an RSA key: kept unsigned
                checkpoint["signature"] = None
            append(session, CHECKPOINT_ACTION, f"entry {head[0]}", checkpoint)
        path = checkpoint_path(store.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_text(json.dumps(checkpoint, indent=2), encoding="utf-8")
        partial.replace(path)
        return checkpoint
    except OSError:
        return None


def _checkpoint_bytes(body: dict[str, Any]) -> bytes:
    fields = {key: body[key] for key in ("seq", "head", "reason", "at")}
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def check_checkpoint(session: Session, checkpoint: dict[str, Any], source: str) -> str | None:
    """Why the log does not reach ``checkpoint`` (cut off, or rewritten), or None when it does."""
    from designer.keys.public_keys import public_key_from_jwk, verify_signature

    try:
        seq, head = int(checkpoint["seq"]), str(checkpoint["head"])
    except (KeyError, TypeError, ValueError):
        return f"{source}: not a checkpoint"
    if checkpoint.get("signature"):
        try:
            key = public_key_from_jwk(checkpoint.get("publicKeyJwk") or {})
            valid = verify_signature(
                key,
                int(checkpoint.get("alg")),
                bytes.fromhex(checkpoint["signature"]),
                _checkpoint_bytes(checkpoint),
            )
        except (TypeError, ValueError, KeyError):
            valid = False
        if not valid:
            return f"{source}: the checkpoint's signature does not match it"
    entry = session.get(AuditEntry, seq)
    if entry is None:
        last = session.execute(select(AuditEntry.seq).order_by(AuditEntry.seq.desc())).first()
        return (
            f"the end of the log was cut off: the checkpoint of {checkpoint.get('at')} "
            f"({checkpoint.get('reason')}, {source}) saw entry {seq}, the log now ends at "
            f"entry {last[0] if last else 0}"
        )
    if entry.hash != head:
        return (
            f"entry {seq} is not the one the checkpoint of {checkpoint.get('at')} saw "
            f"({source}): the log was rewritten from there"
        )
    return None
