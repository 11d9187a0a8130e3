"""The tables of the store. Schema changes go through the migrations in ``migrations/``.

Issued credentials are never deleted, and a status-list index is never handed out twice: a
list's ``next_index`` only grows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from designer.status_lists import LIST_SIZE
from designer.status_lists import REVOCATION as REVOCATION
from designer.status_lists import SUSPENSION as SUSPENSION


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Base(DeclarativeBase):
    pass


# Credential states inside a batch.
PLANNED = "planned"  # id and status index committed; nothing signed or written yet
SIGNED = "signed"  # the signed credential is in the store; files may be missing
DONE = "done"  # every file written and checked

# Batch states.
BATCH_RUNNING = "running"
BATCH_INTERRUPTED = "interrupted"
BATCH_DONE = "done"

# Credential status (what the status lists say).
ACTIVE = "active"
REVOKED = "revoked"
SUSPENDED = "suspended"
SUPERSEDED = "superseded"  # revoked because a corrected credential replaced it
STATUSES = (ACTIVE, SUSPENDED, REVOKED, SUPERSEDED)
VALID_STATUSES = (ACTIVE, SUSPENDED)
"""States in which a person still holds the credential (a suspension can be lifted)."""

STATUS_LIST_SIZE = LIST_SIZE


class Issuer(Base):
    """An issuer profile. Holds key references only: never PINs, passphrases or private keys."""

    __tablename__ = "issuers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    issuer_uri: Mapped[str] = mapped_column(String(500))
    profile_json: Mapped[str] = mapped_column(Text)
    key_ref: Mapped[str | None] = mapped_column(String(1000))
    verification_method: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StoredTemplate(Base):
    """A design, stored by content hash so a credential always points to what it was printed from."""

    __tablename__ = "templates"

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    template_id: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(500))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RosterImport(Base):
    __tablename__ = "roster_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StatusList(Base):
    __tablename__ = "status_lists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer_id: Mapped[int] = mapped_column(ForeignKey("issuers.id"))
    purpose: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(String(1000), unique=True)
    size: Mapped[int] = mapped_column(Integer, default=STATUS_LIST_SIZE)
    bits: Mapped[bytes] = mapped_column(LargeBinary)
    next_index: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    issuer: Mapped[Issuer] = relationship()


class Batch(Base):
    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer_id: Mapped[int] = mapped_column(ForeignKey("issuers.id"))
    template_hash: Mapped[str] = mapped_column(ForeignKey("templates.hash"))
    roster_import_id: Mapped[int] = mapped_column(ForeignKey("roster_imports.id"))
    template_path: Mapped[str] = mapped_column(String(1000))
    out_dir: Mapped[str] = mapped_column(String(1000))
    key_ref: Mapped[str] = mapped_column(String(1000))
    options_json: Mapped[str] = mapped_column(Text, default="{}")
    state: Mapped[str] = mapped_column(String(20), default=BATCH_RUNNING)
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    owner: Mapped[str | None] = mapped_column(String(300))
    heartbeat: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    issuer: Mapped[Issuer] = relationship()
    roster: Mapped[RosterImport] = relationship()


class Credential(Base):
    __tablename__ = "credentials"
    __table_args__ = (
        UniqueConstraint("revocation_list_id", "revocation_index"),
        UniqueConstraint("suspension_list_id", "suspension_index"),
        UniqueConstraint("batch_id", "file_stem"),
    )

    id: Mapped[str] = mapped_column(String(60), primary_key=True)  # urn:uuid:...
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # position in the batch
    row_number: Mapped[int] = mapped_column(Integer)  # row in the roster file
    recipient_name: Mapped[str] = mapped_column(String(500))
    recipient_email: Mapped[str | None] = mapped_column(String(500))
    recipient_key: Mapped[str] = mapped_column(String(500), index=True)
    student_id: Mapped[str | None] = mapped_column(String(200), index=True)  # 学籍番号
    achievement_key: Mapped[str] = mapped_column(String(500), index=True)  # issuer|achievement id
    achievement_name: Mapped[str | None] = mapped_column(String(500))  # the course, as issued
    issuer_id: Mapped[int] = mapped_column(ForeignKey("issuers.id"))
    template_hash: Mapped[str] = mapped_column(ForeignKey("templates.hash"))
    values_json: Mapped[str] = mapped_column(Text)
    file_stem: Mapped[str] = mapped_column(String(500))
    revocation_list_id: Mapped[int] = mapped_column(ForeignKey("status_lists.id"))
    revocation_index: Mapped[int] = mapped_column(Integer)
    suspension_list_id: Mapped[int | None] = mapped_column(ForeignKey("status_lists.id"))
    suspension_index: Mapped[int | None] = mapped_column(Integer)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    valid_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    state: Mapped[str] = mapped_column(String(20), default=PLANNED)
    status: Mapped[str] = mapped_column(String(20), default=ACTIVE)
    status_reason: Mapped[str | None] = mapped_column(Text)
    replaces: Mapped[str | None] = mapped_column(String(60))  # the credential this corrects
    superseded_by: Mapped[str | None] = mapped_column(String(60))  # its replacement
    signed_json: Mapped[str | None] = mapped_column(Text)
    qr_text: Mapped[str | None] = mapped_column(Text)
    files_json: Mapped[str | None] = mapped_column(Text)

    batch: Mapped[Batch] = relationship()


class AuditEntry(Base):
    """Append-only; each entry's hash covers the previous entry's hash (see ``audit.py``)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(50))
    subject: Mapped[str] = mapped_column(String(500))
    details_json: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
