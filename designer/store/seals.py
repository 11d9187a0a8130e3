"""Content seals: what a verifier's answer depends on, chained into the audit log.

Every time a credential, status list, issuer profile or stored template is written, its
content digest (and a short digest per field, to name what changed) goes into a
``store.seal`` audit entry. The entry is part of the hash chain, so ``audit verify`` can
recompute each row and name every edit made around the program: zeroed status bits, an
altered ``signed_json``, recipient, status index or ``values_json``, an edited profile or
template, a deleted credential.

``Store.write()`` seals whatever the session added or changed before it commits; bulk updates
that bypass the session name their rows with ``touch``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from designer.store.models import AuditEntry, Credential, Issuer, StatusList, StoredTemplate

SEAL_ACTION = "store.seal"

SEALED_FIELDS: dict[type, tuple[str, ...]] = {
    Credential: (
        "batch_id", "recipient_name", "recipient_email", "recipient_key", "student_id",
        "achievement_key", "achievement_name", "issuer_id", "template_hash", "values_json",
        "revocation_list_id", "revocation_index", "suspension_list_id", "suspension_index",
        "status", "status_reason", "replaces", "superseded_by", "signed_json", "qr_text",
    ),
    StatusList: ("issuer_id", "purpose", "url", "size", "bits", "next_index"),
    Issuer: ("name", "issuer_uri", "profile_json", "key_ref", "verification_method"),
    StoredTemplate: ("template_id", "name", "content"),
}  # fmt: skip
KIND_NAMES = {
    Credential: "credential",
    StatusList: "status list",
    Issuer: "issuer profile",
    StoredTemplate: "template",
}
_KINDS = {name: model for model, name in KIND_NAMES.items()}
_TOUCHED = "shosho_sealed_rows"
_PENDING = "shosho_sealed_new_rows"
_BASELINED: set[str] = set()
"""Databases known to hold a seal already (by URL), so the baseline is looked up once."""


def _primary_key(model: type) -> str:
    return "hash" if model is StoredTemplate else "id"


def _value(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"sha256": hashlib.sha256(bytes(value)).hexdigest()}
    return value


def seal_of(row: Any) -> dict[str, Any]:
    """{"all": digest of every sealed field, "fields": {field: short digest}}."""
    fields = SEALED_FIELDS[type(row)]
    values = {name: _value(getattr(row, name)) for name in fields}
    short = {
        name: hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:10]
        for name, value in values.items()
    }
    whole = json.dumps([str(getattr(row, _primary_key(type(row)))), values], ensure_ascii=False)
    return {"all": hashlib.sha256(whole.encode("utf-8")).hexdigest(), "fields": short}


def _key(model: type, primary_key: Any) -> str:
    return f"{KIND_NAMES[model]}:{primary_key}"


def touch(session: Session, model: type, primary_keys: Iterable[Any]) -> None:
    """Name rows changed by a bulk statement, so they are sealed at commit."""
    session.info.setdefault(_TOUCHED, set()).update((model, key) for key in primary_keys)


def _track(session: Session, _context) -> None:
    """Remember changed rows; new ones by object, as their ids come with the flush."""
    pending = session.info.setdefault(_PENDING, [])
    touched = session.info.setdefault(_TOUCHED, set())
    for row in (*session.new, *session.dirty, *session.deleted):
        if type(row) in SEALED_FIELDS:
            key = getattr(row, _primary_key(type(row)))
            if key is None:
                pending.append(row)
            else:
                touched.add((type(row), key))


def install(sessions) -> None:
    """Track sealed rows in the sessions of ``sessions`` (a ``sessionmaker``)."""
    event.listen(sessions, "before_flush", lambda s, c, _i: _track(s, c))


def seal_changes(session: Session) -> None:
    """Append one ``store.seal`` entry for the rows changed in this session (before commit)."""
    from designer.store import audit

    session.flush()
    touched = session.info.pop(_TOUCHED, set())
    touched |= {
        (type(row), getattr(row, _primary_key(type(row)))) for row in session.info.pop(_PENDING, [])
    }
    if not touched:
        return
    if not _has_seals(session):  # a store from before content seals: seal what it holds
        for model in SEALED_FIELDS:
            column = getattr(model, _primary_key(model))
            touched |= {(model, key) for key in session.execute(select(column)).scalars()}
    seals: dict[str, Any] = {}
    by_model: dict[type, set] = {}
    for model, key in touched:
        if key is not None:
            by_model.setdefault(model, set()).add(key)
    for model, keys in by_model.items():
        column = getattr(model, _primary_key(model))
        for chunk in _chunks(sorted(keys, key=str), 500):
            rows = session.execute(
                select(model).where(column.in_(chunk)).execution_options(populate_existing=True)
            ).scalars()
            found = set()
            for row in rows:
                key = getattr(row, _primary_key(model))
                found.add(key)
                seals[_key(model, key)] = seal_of(row)
            for key in set(chunk) - found:
                seals[_key(model, key)] = None  # deleted by the program
    audit.append(session, SEAL_ACTION, f"{len(seals)} row(s)", {"rows": seals})
    session.info.pop(_TOUCHED, None)
    session.info.pop(_PENDING, None)


def _has_seals(session: Session) -> bool:
    url = str(session.get_bind().engine.url)
    if url in _BASELINED:
        return True
    found = session.execute(
        select(AuditEntry.seq).where(AuditEntry.action == SEAL_ACTION).limit(1)
    ).first()
    if found is not None and not url.endswith(":memory:"):
        _BASELINED.add(url)
    return found is not None


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class StoreReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    sealed: bool = True
    """False for a store whose log predates content seals (nothing to compare with)."""


def verify_store(session: Session) -> StoreReport:
    """Compare every sealed table with the last seal the audit log holds for each row."""
    last: dict[str, Any] = {}
    entries = session.execute(
        select(AuditEntry.details_json)
        .where(AuditEntry.action == SEAL_ACTION)
        .order_by(AuditEntry.seq)
    ).scalars()
    any_seal = False
    for details in entries.yield_per(200):
        any_seal = True
        last.update(json.loads(details).get("rows", {}))
    report = StoreReport(sealed=any_seal)
    if not any_seal:
        return report
    for model in SEALED_FIELDS:
        for row in session.execute(select(model)).scalars().yield_per(500):
            report.checked += 1
            key = _key(model, getattr(row, _primary_key(model)))
            sealed = last.pop(key, None)
            if sealed is None:
                report.problems.append(
                    f"{key} is not in the audit log: added outside Shosho, or the end of the "
                    "log was cut off"
                )
                continue
            current = seal_of(row)
            if current["all"] != sealed["all"]:
                changed = [
                    name
                    for name, digest in current["fields"].items()
                    if sealed["fields"].get(name) != digest
                ] or ["its content"]
                report.problems.append(f"{key} was edited outside Shosho: {', '.join(changed)}")
    for key, sealed in last.items():
        if sealed is not None:
            report.problems.append(f"{key} was deleted outside Shosho")
    return report
