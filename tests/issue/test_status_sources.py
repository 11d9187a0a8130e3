"""Where a verifier's status answer comes from: the newest of several copies of a list, a trust
list's cached copy for the credential as well as for its seal, and a card's seal whose
suspension list was not given is "not checked", never "status as of"."""

from __future__ import annotations

import io
import json
import time
from contextlib import redirect_stdout

import pytest

from designer.cli import main
from designer.errors import UsageError
from designer.issue.status import change_status, export_status_lists
from designer.store import open_store
from designer.store.models import Credential
from designer.verification.any_item import verify_item
from designer.verification.credential import load_status_lists
from designer.verification.trust_list import (
    seal_key_entry,
    snapshot_from_status_list,
    trust_list_from_issuers,
)
from designer.verification.trust_store import TrustStore

from .conftest import db_url, make_template, write_roster
from .test_issue_status import _issue, _status_args, _trust_id, _verify


def _card_batch(workspace, signer):
    make_template(workspace / "card.shosho", kind="card")
    write_roster(workspace / "roster.csv", 2)
    store = open_store(db_url(workspace))
    credentials = _issue(workspace, store, signer, template="card.shosho")
    return store, credentials


def _saved(tmp_path, store, cid):
    with store.read() as session:
        row = session.get(Credential, cid)
        path = tmp_path / f"{cid[9:]}.json"
        path.write_text(row.signed_json)
    return path


def test_the_newest_copy_of_a_list_decides_whatever_the_order_given(workspace, signer, tmp_path):
    store, ((_, _), (lost, _)) = _card_batch(workspace, signer)
    before = export_status_lists(store, signer, tmp_path / "before")
    time.sleep(1.1)  # lists are dated to the second
    change_status(store, lost, "suspend", "card lost")
    after = export_status_lists(store, signer, tmp_path / "after")
    card = _saved(tmp_path, store, lost)
    trust = ["--trust-issuer", _trust_id(signer)]
    for order in ([*after, *before], [*before, *after]):
        result = _verify(*_status_args(order), *trust, card)[0]
        assert result["credential"]["status"] == "suspended", order
        assert result["verdict"] == "invalid"


def test_two_different_copies_with_the_same_date_are_refused(workspace, signer, tmp_path):
    store, ((_, _), (lost, _)) = _card_batch(workspace, signer)
    before = export_status_lists(store, signer, tmp_path / "before")
    change_status(store, lost, "suspend", "card lost")
    after = export_status_lists(store, signer, tmp_path / "after")
    suspension = next(p for p in before if p.name.startswith("suspension"))
    later = next(p for p in after if p.name.startswith("suspension"))
    same_date = json.loads(later.read_text())
    same_date["validFrom"] = json.loads(suspension.read_text())["validFrom"]
    copy = tmp_path / "copy" / later.name
    copy.parent.mkdir()
    copy.write_text(json.dumps(same_date))
    with pytest.raises(UsageError, match="two different copies"):
        load_status_lists([suspension, copy])


def _trust_with_snapshots(signer, lists, profile) -> TrustStore:
    entry = {
        "id": profile["id"],
        "name": profile["name"],
        "sealKeys": [seal_key_entry(signer.public_key())],
        "statusLists": {
            purpose: profile["status_list_url"] + f"{purpose}-{{list}}.json"
            for purpose in ("revocation", "suspension")
        },
        "statusSnapshots": [
            snapshot_from_status_list(json.loads(path.read_text())) for path in lists
        ],
    }
    trust = TrustStore()
    trust.add_trust_list(trust_list_from_issuers([entry]))
    trust.add_seal_keys_of_credential_issuers()
    return trust


def test_a_trust_list_s_cached_status_answers_for_the_credential_too(workspace, signer, tmp_path):
    store, ((active, _), (leaver, _)) = _card_batch(workspace, signer)
    change_status(store, leaver, "revoke", "left the school")
    lists = export_status_lists(store, signer, tmp_path / "status")
    profile = json.loads((workspace / "issuer.json").read_text())
    trust = _trust_with_snapshots(signer, lists, profile)
    revoked = verify_item(_saved(tmp_path, store, leaver), trust)
    assert revoked.credential.status == "revoked"
    assert revoked.exit_code == 1 and "REVOKED" in revoked.headline
    fine = verify_item(_saved(tmp_path, store, active), trust)
    assert fine.credential.status == "active" and fine.exit_code == 0
    assert any("trust list's copy" in w for w in fine.credential.warnings)


def test_a_card_seal_with_only_its_revocation_list_is_not_called_checked(
    workspace, signer, tmp_path
):
    store, ((_, _), (lost, _)) = _card_batch(workspace, signer)
    change_status(store, lost, "suspend", "card lost")
    lists = export_status_lists(store, signer, tmp_path / "status")
    with store.read() as session:
        qr_text = session.get(Credential, lost).qr_text
    revocation = [p for p in lists if p.name.startswith("revocation")]
    trust = ["--trust-issuer", _trust_id(signer)]
    seal = _verify(*_status_args(revocation), *trust, qr_text)[0]["seal"]
    assert seal["status_as_of"] is None  # the card's suspension was not looked at
    out = io.StringIO()
    with redirect_stdout(out):
        main(["verify", "--no-installed-trust", *_status_args(revocation), *trust, qr_text])
    assert "status as of" not in out.getvalue()
    assert "not fully checked: no suspension list" in out.getvalue()
    # With both lists the suspension is found.
    seal = _verify(*_status_args(lists), *trust, qr_text)[0]["seal"]
    assert seal["status"] == "suspended" and seal["status_as_of"] is not None


def test_issue_warns_that_an_rsa_key_prints_no_seal(workspace, softhsm, monkeypatch, capsys):
    write_roster(workspace / "roster.csv", 1)
    monkeypatch.setenv("SHOSHO_PIN", softhsm.pin)
    key = softhsm.make_key("rsa2048")
    code = main(
        [
            "issue", str(workspace / "t.shosho"), "--roster", str(workspace / "roster.csv"),
            "--issuer", str(workspace / "issuer.json"), "--key", key,
            "--out", str(workspace / "out-rsa"), "--db", db_url(workspace), "--workers", "1",
        ]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    assert "RSA-2048 key cannot sign the printed seal" in err
    assert "1EdTech" not in err  # RS256 VC-JWT is what 1EdTech certifies
