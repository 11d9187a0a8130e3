"""Looking things up in the store: batches, the people in a batch, and a person across every
batch and term by 学籍番号 (student ID), name or e-mail.

What the CLI (``shosho batches``, ``shosho find``) and the GUI show comes from here, as plain
frozen views: neither reaches into the store's tables.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, func, or_, select

from designer.errors import ShoshoError, UsageError
from designer.store import Store
from designer.store.models import (
    ACTIVE,
    DONE,
    STATUSES,
    SUSPENDED,
    Batch,
    Credential,
    Issuer,
    StoredTemplate,
)

FIND_LIMIT = 500
"""At most this many credentials per look-up: a query matching more is too broad to read."""


@dataclass(frozen=True)
class CredentialView:
    """One issued (or planned) credential, as staff see it."""

    id: str
    batch_id: int
    row_number: int
    student_id: str | None
    name: str
    email: str | None
    course: str | None
    issuer_name: str  # the saved profile's name (what --issuer takes)
    issuer_uri: str
    issuer_display_name: (
        str  # as the credential names it, e.g. "東京未来大学 (Tokyo Mirai University)"
    )
    template_name: str
    issued_at: dt.datetime
    state: str  # planned / signed / done: how far the batch got with it
    status: str  # active / suspended / revoked / superseded
    status_reason: str | None
    replaces: str | None
    superseded_by: str | None
    files: tuple[Path, ...]

    @property
    def held(self) -> bool:
        """Whether the person still holds it (a suspension can be lifted; a revocation cannot)."""
        return self.status in (ACTIVE, SUSPENDED)

    @property
    def issued(self) -> bool:
        """Whether it was signed and its files written."""
        return self.state == DONE


@dataclass(frozen=True)
class BatchView:
    """One batch: who issued what, from which design, and how far it got."""

    id: int
    state: str  # running / interrupted / done
    done: int
    total: int
    created_at: dt.datetime
    finished_at: dt.datetime | None
    issuer_name: str
    issuer_uri: str
    template_name: str
    template_id: str
    courses: tuple[str, ...]
    out_dir: Path
    last_error: str | None
    statuses: dict[str, int]  # active/suspended/revoked/superseded -> count
    key_ref: str  # the key it was signed with (pkcs11:… or file:…), to resume it
    template_path: Path  # the design file it was planned from (the store keeps its content)
    roster_path: Path


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _credential_query() -> Select:
    return (
        select(
            Credential,
            Batch.out_dir,
            Issuer.name,
            Issuer.issuer_uri,
            Issuer.profile_json,
            StoredTemplate.name,
        )
        .join(Batch, Credential.batch_id == Batch.id)
        .join(Issuer, Credential.issuer_id == Issuer.id)
        .join(StoredTemplate, Credential.template_hash == StoredTemplate.hash)
    )


def _view(row) -> CredentialView:
    credential, out_dir, issuer_name, issuer_uri, profile_json, template_name = row
    names = json.loads(credential.files_json or "{}")
    return CredentialView(
        id=credential.id,
        batch_id=credential.batch_id,
        row_number=credential.row_number,
        student_id=credential.student_id,
        name=credential.recipient_name,
        email=credential.recipient_email,
        course=credential.achievement_name,
        issuer_name=issuer_name,
        issuer_uri=issuer_uri,
        issuer_display_name=display_name(profile_json, issuer_name),
        template_name=template_name,
        issued_at=_aware(credential.issued_at),
        state=credential.state,
        status=credential.status,
        status_reason=credential.status_reason,
        replaces=credential.replaces,
        superseded_by=credential.superseded_by,
        files=tuple(Path(out_dir) / name for name in names),
    )


def display_name(profile_json: str, fallback: str) -> str:
    """The issuer's name as its credentials carry it."""
    from designer.credential.build import issuer_display_name

    try:
        return issuer_display_name(json.loads(profile_json))
    except (ShoshoError, ValueError, AttributeError):
        return fallback


def credential_id_of(text: str) -> str:
    """``urn:uuid:…`` from a credential id or a bare UUID."""
    text = text.strip()
    return text if text.startswith("urn:uuid:") else f"urn:uuid:{text}"


def get_credential(store: Store, credential_id: str) -> CredentialView:
    wanted = credential_id_of(credential_id)
    with store.read() as session:
        row = session.execute(_credential_query().where(Credential.id == wanted)).first()
    if row is None:
        raise ShoshoError(f"there is no credential {credential_id} in this store")
    return _view(row)


def batch_credentials(store: Store, batch_id: int) -> list[CredentialView]:
    """Everyone in the batch, in roster order."""
    with store.read() as session:
        if session.get(Batch, batch_id) is None:
            raise ShoshoError(f"there is no batch {batch_id} in this store (see `shosho batches`)")
        rows = session.execute(
            _credential_query().where(Credential.batch_id == batch_id).order_by(Credential.seq)
        ).all()
    return [_view(row) for row in rows]


def normalise_query(text: str) -> str:
    """Full-width letters and digits as typed on a Japanese keyboard become ASCII; spaces go."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split())


def find_credentials(
    store: Store, query: str, *, statuses: Iterable[str] | None = None, limit: int = FIND_LIMIT
) -> list[CredentialView]:
    """Credentials whose 学籍番号 or e-mail is ``query``, or whose name contains it (spaces
    and full-width/half-width differences ignored), across every batch; newest first."""
    wanted = normalise_query(query)
    if not wanted:
        raise UsageError("say whom to look for: a student ID, a name or an e-mail address")
    chosen = tuple(statuses) if statuses is not None else STATUSES
    unknown = sorted(set(chosen) - set(STATUSES))
    if unknown:
        raise UsageError(f"unknown state(s) {', '.join(unknown)} (known: {', '.join(STATUSES)})")
    name_without_spaces = func.replace(
        func.replace(Credential.recipient_name, " ", ""), "\u3000", ""
    )
    condition = or_(
        Credential.student_id == wanted,
        func.lower(Credential.recipient_email) == wanted.lower(),
        name_without_spaces.icontains(wanted, autoescape=True),
        Credential.id == credential_id_of(wanted),
    )
    with store.read() as session:
        rows = session.execute(
            _credential_query()
            .where(condition, Credential.status.in_(chosen))
            .order_by(Credential.issued_at.desc(), Credential.batch_id.desc(), Credential.seq)
            .limit(limit + 1)
        ).all()
    if len(rows) > limit:
        raise UsageError(
            f"{query!r} matches more than {limit} credentials: give a student ID, an e-mail "
            "address or more of the name"
        )
    return [_view(row) for row in rows]


def _batch_views(session, batches: list[Batch]) -> list[BatchView]:
    from designer.issue.pipeline import batch_state

    ids = [b.id for b in batches]
    if not ids:
        return []
    done = dict(
        session.execute(
            select(Credential.batch_id, func.count())
            .where(Credential.batch_id.in_(ids), Credential.state == DONE)
            .group_by(Credential.batch_id)
        ).all()
    )
    statuses: dict[int, dict[str, int]] = {i: {} for i in ids}
    for batch_id, status, count in session.execute(
        select(Credential.batch_id, Credential.status, func.count())
        .where(Credential.batch_id.in_(ids))
        .group_by(Credential.batch_id, Credential.status)
    ).all():
        statuses[batch_id][status] = count
    courses: dict[int, list[str]] = {i: [] for i in ids}
    for batch_id, course in session.execute(
        select(Credential.batch_id, Credential.achievement_name)
        .where(Credential.batch_id.in_(ids), Credential.achievement_name.is_not(None))
        .group_by(Credential.batch_id, Credential.achievement_name)
        .order_by(Credential.batch_id, Credential.achievement_name)
    ).all():
        courses[batch_id].append(course)
    templates = {
        t.hash: t
        for t in session.execute(
            select(StoredTemplate.hash, StoredTemplate.name, StoredTemplate.template_id).where(
                StoredTemplate.hash.in_({b.template_hash for b in batches})
            )
        ).all()
    }
    views = []
    for batch in batches:
        template = templates[batch.template_hash]
        views.append(
            BatchView(
                id=batch.id,
                state=batch_state(batch),
                done=done.get(batch.id, 0),
                total=batch.record_count,
                created_at=_aware(batch.created_at),
                finished_at=_aware(batch.finished_at),
                issuer_name=batch.issuer.name,
                issuer_uri=batch.issuer.issuer_uri,
                template_name=template.name,
                template_id=template.template_id,
                courses=tuple(courses[batch.id]),
                out_dir=Path(batch.out_dir),
                last_error=batch.last_error,
                statuses=statuses[batch.id],
                key_ref=batch.key_ref,
                template_path=Path(batch.template_path),
                roster_path=Path(batch.roster.source),
            )
        )
    return views


def list_batches(store: Store) -> list[BatchView]:
    """Every batch, oldest first."""
    with store.read() as session:
        batches = session.execute(select(Batch).order_by(Batch.id)).scalars().all()
        return _batch_views(session, list(batches))


def get_batch(store: Store, batch_id: int) -> BatchView:
    with store.read() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            raise ShoshoError(f"there is no batch {batch_id} in this store (see `shosho batches`)")
        return _batch_views(session, [batch])[0]


def list_issuers(store: Store) -> list[tuple[str, str]]:
    """(saved profile name, issuer id) of every issuer in the store."""
    with store.read() as session:
        return [
            (name, uri)
            for name, uri in session.execute(
                select(Issuer.name, Issuer.issuer_uri).order_by(Issuer.name)
            ).all()
        ]
