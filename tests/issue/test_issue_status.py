"""Status lists from the store to a verifier: a card's one status entry fails it when suspended
or revoked, each issuer's lists are signed with its own key and a suite that key can make, and
several issuers' lists are written side by side without one overwriting another."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import pytest
from sqlalchemy import select

from designer.credential.schema import schema_errors, schema_for
from designer.errors import ShoshoError, UsageError
from designer.issue.pipeline import issue_batch
from designer.issue.plan import PlanRequest
from designer.issue.status import IssuerKey, change_status, export_status_lists
from designer.keys.did import did_document
from designer.model import load_template
from designer.store import open_store
from designer.store.models import Credential
from tests.signing.helpers import MemorySigner

from .conftest import db_url, make_template, write_roster


def _profile(ws, name: str, issuer_id: str, status_url: str):
    path = ws / f"{name}.json"
    path.write_text(
        json.dumps(
            {
                "id": issuer_id,
                "name": {"ja": name, "en": name},
                "status_list_url": status_url,
                "verify_url": "https://mirai.example/v/",
                "profile_name": name,
            }
        ),
        encoding="utf-8",
    )
    return path


def _issue(ws, store, signer, *, template="t.shosho", issuer=None, suite="eddsa-rdfc-2022"):
    request = PlanRequest(
        template=load_template(ws / template),
        template_path=ws / template,
        roster_path=ws / "roster.csv",
        issuer_ref=str(issuer or ws / "issuer.json"),
        key_ref="memory:test",
        out_dir=ws / f"out-{template}-{suite}-{getattr(issuer, 'stem', 'default')}",
        outputs=("json",),
        suite=suite,
    )
    result = issue_batch(store, request, signer, workers=1)
    assert result.finished
    with store.read() as session:
        rows = session.execute(
            select(Credential)
            .where(Credential.batch_id == result.batch_id)
            .order_by(Credential.seq)
        ).scalars()
        return [(row.id, row.signed_json) for row in rows]


def _verify(*args) -> list[dict]:
    from designer.cli import main

    out = io.StringIO()
    with redirect_stdout(out):
        main(["verify", "--json", "--no-installed-trust", *map(str, args)])
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _status_args(paths) -> list[str]:
    return [arg for path in paths for arg in ("--status-list", str(path))]


def test_a_suspended_or_revoked_card_fails_with_its_one_status_entry(workspace, signer, tmp_path):
    make_template(workspace / "card.shosho", kind="card")
    write_roster(workspace / "roster.csv", 3)
    store = open_store(db_url(workspace))
    (active, _), (lost, _), (leaver, signed) = _issue(
        workspace, store, signer, template="card.shosho"
    )
    credential = json.loads(signed)
    entry = credential["credentialStatus"]
    assert isinstance(entry, dict) and entry["statusPurpose"] == "suspension"
    assert schema_errors(credential, schema_for(credential)) == []
    change_status(store, lost, "suspend", "card lost")
    change_status(store, leaver, "revoke", "left the school")
    with pytest.raises(ShoshoError, match="already revoked"):
        change_status(store, leaver, "unsuspend", "found again")
    lists = export_status_lists(store, signer, tmp_path / "status")
    with store.read() as session:
        files = {
            c.id: json.loads(c.signed_json) for c in session.execute(select(Credential)).scalars()
        }
    items = []
    for cid in (active, lost, leaver):
        path = tmp_path / f"{cid[9:]}.json"
        path.write_text(json.dumps(files[cid]))
        items.append(path)
    results = _verify(*_status_args(lists), "--trust-issuer", _trust_id(signer), *items)
    verdicts = [(r["verdict"], r["credential"]["status"]) for r in results]
    assert verdicts == [("verified", "active"), ("invalid", "suspended"), ("invalid", "revoked")]
    # Only the one list the credential names (what any standard verifier fetches) suffices.
    suspension = [p for p in lists if p.name.startswith("suspension")]
    results = _verify(*_status_args(suspension), "--trust-issuer", _trust_id(signer), *items)
    assert [r["verdict"] for r in results] == ["verified", "invalid", "invalid"]


def _trust_id(signer) -> str:
    from designer.keys.did import key_fingerprint

    return f"https://mirai.example/issuer#{key_fingerprint(signer.public_key())}"


@pytest.mark.parametrize(
    ("algorithm", "suite", "listed_as"),
    [("P-256", "ecdsa-rdfc-2019", "ecdsa-rdfc-2019"), ("RSA-2048", "vc-jwt", "vc-jwt")],
)
def test_a_p256_or_rsa_issuer_publishes_its_own_lists(
    workspace, tmp_path, algorithm, suite, listed_as
):
    write_roster(workspace / "roster.csv", 2)
    store = open_store(db_url(workspace))
    key = MemorySigner.of(algorithm)
    (revoked, signed), (kept, _) = _issue(workspace, store, key, suite=suite)
    change_status(store, revoked, "revoke", "issued in error")
    lists = export_status_lists(store, key, tmp_path / "status")
    text = next(p for p in lists if p.name.startswith("revocation")).read_text()
    if listed_as == "vc-jwt":
        assert text.count(".") == 2 and not text.startswith("{")
    else:
        assert json.loads(text)["proof"][0]["cryptosuite"] == listed_as
    did = tmp_path / "did.json"
    document = did_document("https://mirai.example/issuer", [key.public_key()])
    did.write_text(json.dumps(document))
    items = []
    with store.read() as session:
        for cid in (revoked, kept):
            path = tmp_path / f"{cid[9:]}.txt"
            path.write_text(session.get(Credential, cid).signed_json)
            items.append(path)
    results = _verify(*_status_args(lists), "--trust", did, *items)
    assert [(r["verdict"], r["credential"]["status"]) for r in results] == [
        ("invalid", "revoked"),
        ("verified", "active"),
    ]


def test_two_issuers_export_side_by_side_each_with_its_own_key(workspace, signer, tmp_path):
    write_roster(workspace / "roster.csv", 1)
    store = open_store(db_url(workspace))
    second = MemorySigner.of("P-256")
    a = _profile(workspace, "east", "did:web:east.example.jp", "https://east.example.jp/status/")
    b = _profile(workspace, "west", "did:web:west.example.jp", "https://west.example.jp/status/")
    [(first_id, _)] = _issue(workspace, store, signer, issuer=a)
    [(second_id, _)] = _issue(workspace, store, second, issuer=b, suite="ecdsa-rdfc-2019")
    change_status(store, first_id, "revoke", "error")
    change_status(store, second_id, "revoke", "error")
    with pytest.raises(UsageError, match="several issuers"):
        export_status_lists(store, signer, tmp_path / "one-key")
    with pytest.raises(ShoshoError, match="did not sign"):
        export_status_lists(store, [IssuerKey("east", second)], tmp_path / "wrong-key")
    out = tmp_path / "status"
    written = export_status_lists(
        store, [IssuerKey("east", signer), IssuerKey("did:web:west.example.jp", second)], out
    )
    names = sorted(p.relative_to(out).as_posix() for p in written)
    assert names == [
        "east.example.jp/status/revocation-1.json",
        "west.example.jp/status/revocation-1.json",
    ]
    from designer.status_lists import get_bit, list_bits

    for path in written:
        listed = json.loads(path.read_text())
        assert get_bit(list_bits(listed), 0), path  # both revocations survive
        assert listed["issuer"] == f"did:web:{path.relative_to(out).parts[0]}"


def test_lists_that_would_land_on_one_file_are_refused(workspace, signer, tmp_path):
    write_roster(workspace / "roster.csv", 1)
    store = open_store(db_url(workspace))
    a = _profile(workspace, "upper", "https://mirai.example/a", "https://MIRAI.example/s/")
    b = _profile(workspace, "lower", "https://mirai.example/b", "https://mirai.example/s/")
    _issue(workspace, store, signer, issuer=a)
    _issue(workspace, store, signer, issuer=b)
    with pytest.raises(ShoshoError, match="where another list goes"):
        export_status_lists(
            store, [IssuerKey("upper", signer), IssuerKey("lower", signer)], tmp_path / "s"
        )


def test_issue_says_when_a_suite_is_not_one_1edtech_certifies(workspace):
    from .conftest import new_batch_args, run

    write_roster(workspace / "roster.csv", 1)
    done = run(workspace, *new_batch_args(workspace, "json"), "--suite", "vc-jwt")
    assert done.returncode == 0, done.stderr
    assert "VC-JWT EdDSA is not a suite 1EdTech certifies" in done.stderr
    assert "--suite eddsa-rdfc-2022" in done.stderr
    write_roster(workspace / "roster.csv", 1, start=10)
    again = run(workspace, *new_batch_args(workspace, "json"))  # eddsa-rdfc-2022 by default
    assert again.returncode == 0, again.stderr
    assert "1EdTech" not in again.stderr
