"""The store on SQLite and PostgreSQL: schema, pragmas, status lists, audit chain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text, update
from sqlalchemy.exc import IntegrityError

from designer.errors import ShoshoError, UsageError
from designer.status_lists import decode_list, empty_bits, encode_list, get_bit, with_bit
from designer.store import Store, audit, open_store
from designer.store.models import REVOCATION, SUSPENSION, AuditEntry, Issuer
from designer.store.status import allocate, set_status

DATA = Path(__file__).parent / "data"


def _issuer(session) -> Issuer:
    issuer = Issuer(
        name="Tokyo Mirai", issuer_uri="https://mirai.example/issuer", profile_json="{}"
    )
    session.add(issuer)
    session.flush()
    return issuer


def test_new_database_has_every_table(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {
        "issuers",
        "templates",
        "roster_imports",
        "status_lists",
        "batches",
        "credentials",
        "audit_log",
        "alembic_version",
    } <= tables


def test_sqlite_uses_wal_and_foreign_keys(tmp_path):
    store = Store("sqlite:///" + (tmp_path / "sub" / "s.db").as_posix())
    with store.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(store):
    with pytest.raises(IntegrityError), store.write() as session:
        session.execute(
            text(
                "INSERT INTO status_lists (issuer_id, purpose, url, size, bits, next_index, version)"
                " VALUES (999, 'revocation', 'https://x/1', 8, :b, 0, 1)"
            ),
            {"b": b"\0"},
        )


def test_reopening_does_not_migrate_again(store_url):
    first = open_store(store_url)
    with first.write() as session:
        _issuer(session)
    second = Store(store_url)
    with second.read() as session:
        assert session.execute(select(Issuer.name)).scalar_one() == "Tokyo Mirai"
    second.dispose()


def test_bad_urls_get_clear_messages(tmp_path):
    with pytest.raises(UsageError, match="not a database URL"):
        Store("no such thing")
    with pytest.raises(UsageError, match="only SQLite and PostgreSQL"):
        Store("mysql://x@localhost/db")
    with pytest.raises(ShoshoError, match="cannot open the database"):
        Store("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")


def test_password_is_hidden_in_messages():
    with pytest.raises(ShoshoError) as caught:
        Store("postgresql+psycopg://nobody:hunter22@127.0.0.1:1/none")
    assert "hunter22" not in str(caught.value)


def test_indices_are_unique_and_never_reused(store):
    with store.write() as session:
        issuer = _issuer(session)
        first = allocate(session, issuer, REVOCATION, 5, "https://mirai.example/status")
    with store.write() as session:
        issuer = session.get(Issuer, issuer.id)
        second = allocate(session, issuer, REVOCATION, 3, "https://mirai.example/status")
        suspension = allocate(session, issuer, SUSPENSION, 2, "https://mirai.example/status")
    assert [i for _, i in first] == [0, 1, 2, 3, 4]
    assert [i for _, i in second] == [5, 6, 7]
    assert {s.url for s, _ in first} == {"https://mirai.example/status/revocation-1.json"}
    assert {s.url for s, _ in suspension} == {"https://mirai.example/status/suspension-1.json"}


def test_a_full_list_is_followed_by_a_new_one(store):
    with store.write() as session:
        issuer = _issuer(session)
        slots = allocate(session, issuer, REVOCATION, 1, "https://mirai.example/s")
        slots[0][0].next_index = slots[0][0].size - 2
        session.flush()
        more = allocate(session, issuer, REVOCATION, 4, "https://mirai.example/s")
    assert [(s.url.rsplit("/", 1)[1], i) for s, i in more] == [
        ("revocation-1.json", 131070),
        ("revocation-1.json", 131071),
        ("revocation-2.json", 0),
        ("revocation-2.json", 1),
    ]


def test_status_bits_follow_the_spec_sample():
    sample = json.loads((DATA / "bitstring-testlist.statuslistcredential.json").read_text())
    bits = decode_list(sample["credentialSubject"]["encodedList"])
    assert len(bits) == 16384
    assert [i for i in range(len(bits) * 8) if get_bit(bits, i)] == [23]
    ours = with_bit(empty_bits(), 23, True)
    assert ours == bits
    assert decode_list(encode_list(ours)) == ours
    assert encode_list(ours).startswith("u") and "=" not in encode_list(ours)


def test_set_status_bumps_version_only_on_change(store):
    with store.write() as session:
        issuer = _issuer(session)
        status_list, index = allocate(session, issuer, REVOCATION, 1, "https://m.example/s")[0]
        assert set_status(session, status_list, index, True)
        assert not set_status(session, status_list, index, True)
        assert status_list.version == 2 and get_bit(status_list.bits, index)


def test_audit_chain_verifies_and_detects_edits(store):
    with store.write() as session:
        for n in range(5):
            audit.append(session, "test", f"thing {n}", {"n": n, "名前": "山田"})
    with store.read() as session:
        report = audit.verify_chain(session)
    assert report.ok and report.entries == 5
    with store.write() as session:
        session.execute(
            update(AuditEntry).where(AuditEntry.seq == 3).values(subject="something else")
        )
    with store.read() as session:
        report = audit.verify_chain(session)
    assert not report.ok and "entry 3" in report.problem


def test_audit_chain_detects_a_deleted_entry(store):
    with store.write() as session:
        for n in range(4):
            audit.append(session, "test", f"thing {n}")
    with store.write() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    with store.read() as session:
        report = audit.verify_chain(session)
    assert not report.ok and "entry 2 is missing" in report.problem
