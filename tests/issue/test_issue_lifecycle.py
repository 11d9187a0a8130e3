"""A credential's life in the store: courses as achievements, corrections that supersede,
suspend / restore / revoke, and finding people across batches."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from designer.cli import main
from designer.errors import ShoshoError
from designer.issue import lifecycle
from designer.issue.lookup import batch_credentials, find_credentials, get_credential, list_batches
from designer.issue.pipeline import issue_batch
from designer.issue.plan import AlreadyIssued, DuplicateRows, PlanRequest
from designer.model import load_template, save_template
from designer.store import audit, open_store
from designer.store.models import AuditEntry, Credential, StatusList
from designer.store.status import get_bit

from .conftest import db_url, make_template

ROSTER_HEAD = "student_id,full_name,email,course_name,expiry_date\n"


def _roster(path, course, names=("山田 太郎", "佐藤 花子", "John Smith")):
    rows = "".join(
        f"S{i:05d},{name},u{i}@example.jp,{course},2030-03-31\n" for i, name in enumerate(names)
    )
    path.write_text(ROSTER_HEAD + rows, encoding="utf-8")


def _request(ws, template_name="t.shosho", **kw):
    return PlanRequest(
        template=load_template(ws / template_name),
        template_path=ws / template_name,
        roster_path=ws / "roster.csv",
        issuer_ref=str(ws / "issuer.json"),
        key_ref=f"file:{ws / 'key.pem'}",
        out_dir=ws / kw.pop("out", "out"),
        outputs=("json",),
        **kw,
    )


@pytest.fixture
def course_design(workspace):
    """The workspace's design, made to name its course from the roster's course_name."""
    template = load_template(workspace / "t.shosho")
    template.achievement = {"name": "{{ course_name }}", "description": "{{ course_name }} 修了"}
    save_template(template, workspace / "t.shosho")
    return workspace


def test_same_people_for_another_course_with_the_same_design_are_issued(course_design, signer):
    ws = course_design
    store = open_store(db_url(ws))
    _roster(ws / "roster.csv", "Python 基礎")
    assert issue_batch(store, _request(ws), signer, workers=1).finished
    _roster(ws / "roster.csv", "データ分析")
    second = issue_batch(store, _request(ws, out="out-b"), signer, workers=1)
    assert second.finished and second.total == 3
    held = find_credentials(store, "S00001")
    assert sorted(c.course for c in held) == ["Python 基礎", "データ分析"]
    assert all(c.status == "active" for c in held)
    # The same course again is refused, even printed from another design.
    other = make_template(ws / "other.shosho")
    other.achievement = {"name": "{{ course_name }}"}
    save_template(other, ws / "other.shosho")
    with pytest.raises(AlreadyIssued, match="for this course"):
        issue_batch(store, _request(ws, "other.shosho", out="out-c"), signer, workers=1)


def test_one_person_twice_for_one_course_is_refused_at_planning(course_design):
    from types import SimpleNamespace

    from designer.issue.plan import _keyed_records

    template = load_template(course_design / "t.shosho")
    rows = [
        SimpleNamespace(row=2, values={"student_id": "S1", "full_name": "A", "course_name": "X"}),
        SimpleNamespace(row=3, values={"student_id": "S1", "full_name": "A", "course_name": "Y"}),
        SimpleNamespace(row=4, values={"student_id": "S1", "full_name": "A", "course_name": "X"}),
    ]
    with pytest.raises(DuplicateRows, match="row 4 .*same person as row 2"):
        _keyed_records("roster.csv", template, rows, "https://mirai.example/issuer")


def test_reissue_supersedes_the_held_credential(course_design, signer):
    ws = course_design
    store = open_store(db_url(ws))
    _roster(ws / "roster.csv", "Python 基礎")
    issue_batch(store, _request(ws), signer, workers=1)
    [old] = find_credentials(store, "S00001")
    _roster(ws / "roster.csv", "Python 基礎", names=("山田 太郎", "佐藤 華子", "John Smith"))
    fixed = issue_batch(
        store,
        _request(ws, out="out-fix", rows="3", reissue=True, reason="name misspelt"),
        signer,
        workers=1,
    )
    assert fixed.finished and fixed.total == 1
    [new] = batch_credentials(store, fixed.batch_id)
    old = get_credential(store, old.id)
    assert old.status == "superseded" and old.superseded_by == new.id
    assert new.status == "active" and new.replaces == old.id
    assert new.id in old.status_reason and "name misspelt" in old.status_reason
    assert [c.id for c in find_credentials(store, "佐藤", statuses=["active"])] == [new.id]
    with store.read() as session:
        row = session.get(Credential, old.id)
        revocation = session.get(StatusList, row.revocation_list_id)
        assert get_bit(revocation.bits, row.revocation_index)
        entries = {
            (e.action, e.subject): json.loads(e.details_json)
            for e in session.execute(select(AuditEntry)).scalars()
        }
        assert audit.verify_chain(session).ok
    assert entries[("credential.supersede", old.id)]["replacement"] == new.id
    assert entries[("credential.replace", new.id)]["replaces"] == old.id
    with pytest.raises(ShoshoError, match="already superseded"):
        lifecycle.revoke(store, old.id, "again")


def test_suspend_restore_and_revoke_a_card(workspace, signer):
    make_template(workspace / "card.shosho", kind="card")
    store = open_store(db_url(workspace))
    _roster(workspace / "roster.csv", "学生証")
    issue_batch(store, _request(workspace, "card.shosho"), signer, workers=1)
    [card] = find_credentials(store, "u2@EXAMPLE.jp")
    assert lifecycle.suspend(store, card.id, "lost card").status == "suspended"
    assert lifecycle.restore(store, card.id, "found again").status == "active"
    with pytest.raises(ShoshoError, match="not suspended"):
        lifecycle.restore(store, card.id, "twice")
    revoked = lifecycle.revoke(store, card.id, "left the university")
    assert revoked.status == "revoked" and revoked.status_reason == "left the university"
    with store.read() as session:
        row = session.get(Credential, card.id)
        for list_id, index in (
            (row.revocation_list_id, row.revocation_index),
            (row.suspension_list_id, row.suspension_index),
        ):
            assert get_bit(session.get(StatusList, list_id).bits, index)
    with pytest.raises(ShoshoError, match="already revoked"):
        lifecycle.restore(store, card.id, "came back")
    with pytest.raises(ShoshoError, match="reason"):
        lifecycle.revoke(store, card.id, "  ")


def test_certificates_cannot_be_suspended(course_design, signer):
    store = open_store(db_url(course_design))
    _roster(course_design / "roster.csv", "Python 基礎")
    issue_batch(store, _request(course_design), signer, workers=1)
    [one] = find_credentials(store, "S00000")
    with pytest.raises(ShoshoError, match="only student-ID cards"):
        lifecycle.suspend(store, one.id, "lost")
    assert get_credential(store, one.id).status == "active"


def test_find_by_student_id_name_and_email(course_design, signer):
    ws = course_design
    store = open_store(db_url(ws))
    _roster(ws / "roster.csv", "Python 基礎")
    issue_batch(store, _request(ws), signer, workers=1)
    assert [c.name for c in find_credentials(store, "Ｓ０００００")] == ["山田 太郎"]  # full-width
    assert [c.name for c in find_credentials(store, "山田太郎")] == ["山田 太郎"]
    assert [c.name for c in find_credentials(store, "john")] == ["John Smith"]
    [found] = find_credentials(store, "U1@example.jp")
    assert found.student_id == "S00001" and found.course == "Python 基礎"
    assert found.files == (ws / "out" / "S00001_佐藤 花子.json",) and found.files[0].is_file()
    assert find_credentials(store, "S0000") == []  # a student ID matches whole, not in part
    assert find_credentials(store, "100%") == []
    [batch] = list_batches(store)
    assert batch.template_name == "修了証" and batch.courses == ("Python 基礎",)
    assert batch.statuses == {"active": 3} and batch.done == batch.total == 3
    assert batch.key_ref == f"file:{ws / 'key.pem'}" and batch.roster_path == ws / "roster.csv"


def test_find_and_batches_commands(course_design, signer, capsys):
    ws = course_design
    store = open_store(db_url(ws))
    _roster(ws / "roster.csv", "Python 基礎")
    issue_batch(store, _request(ws), signer, workers=1)
    [one] = find_credentials(store, "S00002")
    lifecycle.revoke(store, one.id, "withdrawn")
    assert main(["find", "S00002", "--db", db_url(ws)]) == 0
    out = capsys.readouterr().out
    assert "John Smith" in out and "Python 基礎" in out and "revoked: withdrawn" in out
    assert str(ws / "out" / "S00002_John Smith.json") in out
    assert main(["find", "nobody", "--db", db_url(ws)]) == 1
    capsys.readouterr()
    assert main(["batches", "--db", db_url(ws)]) == 0
    out = capsys.readouterr().out
    assert "修了証 / Python 基礎" in out and "1 revoked" in out
    assert main(["batches", "1", "--db", db_url(ws)]) == 0
    out = capsys.readouterr().out
    assert "学籍番号" in out and "S00001" in out and "佐藤 花子" in out
