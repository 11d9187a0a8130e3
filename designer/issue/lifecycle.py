"""A credential's life after issue: suspend, restore (lift a suspension), revoke, supersede.

Every change flips status-list bits, records the new state with its reason, and goes into the
audit log in the same transaction. Which bits a state sets lives here and nowhere else:

- suspended: the suspension bit (cards only; it can be lifted again);
- revoked: the revocation bit and, for cards, the suspension bit as well, for good, so that a
  verifier reading either list sees it;
- superseded: revoked because a corrected credential replaced it; the reason names the
  replacement, and both credentials' audit entries name each other.

Revoked and superseded are final: nothing brings them back.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.errors import ShoshoError, UsageError
from designer.issue.lookup import CredentialView, credential_id_of, get_credential
from designer.store import Store, audit
from designer.store.models import (
    ACTIVE,
    REVOKED,
    SUPERSEDED,
    SUSPENDED,
    VALID_STATUSES,
    Credential,
    StatusList,
)
from designer.store.status import set_status

ACTIONS = ("revoke", "suspend", "restore")
ALIASES = {"unsuspend": "restore"}


def _load(session: Session, credential_id: str) -> Credential:
    credential = session.get(Credential, credential_id_of(credential_id))
    if credential is None:
        raise ShoshoError(f"there is no credential {credential_id} in this store")
    return credential


def _flip(session: Session, list_id: int | None, index: int | None, value: bool) -> dict:
    if list_id is None or index is None:
        return {}
    status_list = session.get(StatusList, list_id)
    set_status(session, status_list, index, value)
    return {status_list.purpose: {"list": status_list.url, "version": status_list.version}}


def _end(session: Session, credential: Credential, status: str, reason: str) -> dict:
    """Revoke for good (``status`` is revoked or superseded); returns the lists touched."""
    if credential.status not in VALID_STATUSES:
        raise ShoshoError(
            f"credential {credential.id} is already {credential.status}; nothing changed"
        )
    lists = _flip(session, credential.revocation_list_id, credential.revocation_index, True)
    lists |= _flip(session, credential.suspension_list_id, credential.suspension_index, True)
    credential.status, credential.status_reason = status, reason
    return lists


def _reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise UsageError("a reason is needed: say why (it goes into the audit log)")
    return reason.strip()


def change_status_in(session: Session, credential_id: str, action: str, reason: str) -> Credential:
    """``action`` (revoke, suspend, restore) inside an open ``Store.write()`` session."""
    action = ALIASES.get(action, action)
    if action not in ACTIONS:
        raise UsageError(f"unknown action {action!r} (known: {', '.join(ACTIONS)})")
    reason = _reason(reason)
    credential = _load(session, credential_id)
    if credential.status not in VALID_STATUSES:
        raise ShoshoError(
            f"credential {credential.id} is already {credential.status}; nothing changed"
        )
    if action == "revoke":
        lists = _end(session, credential, REVOKED, reason)
    else:
        if credential.suspension_list_id is None:
            raise ShoshoError(
                f"credential {credential.id} cannot be suspended (only student-ID cards can); "
                "revoke it instead"
            )
        if action == "suspend" and credential.status == SUSPENDED:
            raise ShoshoError(f"credential {credential.id} is already suspended; nothing changed")
        if action == "restore" and credential.status != SUSPENDED:
            raise ShoshoError(f"credential {credential.id} is not suspended; nothing changed")
        suspend = action == "suspend"
        lists = _flip(session, credential.suspension_list_id, credential.suspension_index, suspend)
        credential.status = SUSPENDED if suspend else ACTIVE
        credential.status_reason = reason
    audit.append(session, f"credential.{action}", credential.id, {"reason": reason, "lists": lists})
    return credential


def change_status(store: Store, credential_id: str, action: str, reason: str) -> CredentialView:
    """Revoke, suspend or restore one credential, logged; returns it as it is now."""
    with store.write() as session:
        credential = change_status_in(session, credential_id, action, reason)
        wanted = credential.id
    return get_credential(store, wanted)


def revoke(store: Store, credential_id: str, reason: str) -> CredentialView:
    return change_status(store, credential_id, "revoke", reason)


def suspend(store: Store, credential_id: str, reason: str) -> CredentialView:
    return change_status(store, credential_id, "suspend", reason)


def restore(store: Store, credential_id: str, reason: str) -> CredentialView:
    return change_status(store, credential_id, "restore", reason)


def supersede_in(session: Session, old_id: str, new_id: str, reason: str | None = None) -> None:
    """Mark ``old_id`` superseded by ``new_id`` inside an open ``Store.write()`` session.

    The old credential is revoked with a reason naming its replacement; both get an audit
    entry naming the other."""
    old = _load(session, old_id)
    new = _load(session, new_id)
    if old.id == new.id:
        raise ShoshoError(f"credential {old.id} cannot replace itself")
    if new.status not in VALID_STATUSES:
        raise ShoshoError(
            f"credential {new.id} is {new.status}: it cannot replace {old.id}; nothing changed"
        )
    why = f"superseded by {new.id}" + (f": {reason.strip()}" if reason and reason.strip() else "")
    lists = _end(session, old, SUPERSEDED, why)
    old.superseded_by, new.replaces = new.id, old.id
    audit.append_many(
        session,
        [
            (
                "credential.supersede",
                old.id,
                {"replacement": new.id, "reason": why, "lists": lists},
            ),
            ("credential.replace", new.id, {"replaces": old.id, "reason": why}),
        ],
    )


def supersede(store: Store, old_id: str, new_id: str, reason: str | None = None) -> CredentialView:
    """Say that ``new_id`` corrects ``old_id``: the old one is superseded (revoked for good)."""
    with store.write() as session:
        supersede_in(session, old_id, new_id, reason)
        wanted = credential_id_of(old_id)
    return get_credential(store, wanted)


def supersede_replaced(
    session: Session, new_ids: list[str], reason: str | None = None
) -> list[str]:
    """For newly signed credentials that correct an earlier one (planned with ``--reissue``),
    supersede what they replace; returns the superseded ids. Runs in the transaction that
    journals the new credentials, so a correction never leaves two valid credentials nor
    a person without one."""
    rows = session.execute(
        select(Credential.id, Credential.replaces).where(
            Credential.id.in_(new_ids), Credential.replaces.is_not(None)
        )
    ).all()
    superseded = []
    for new_id, old_id in rows:
        old = session.get(Credential, old_id)
        if old is None or old.status not in VALID_STATUSES:
            continue  # already superseded or revoked by hand meanwhile: nothing to do
        supersede_in(session, old_id, new_id, reason)
        superseded.append(old_id)
    return superseded
