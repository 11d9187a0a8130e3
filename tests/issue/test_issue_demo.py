"""The demo batch for ``shosho demo``: the sample roster issued end to end into one folder, and
a second run that issues nobody twice."""

from __future__ import annotations

import json
import zipfile

from designer.issue.demo import DEMO_ISSUER_ID, issue_demo_batch
from designer.issue.export import check_bundle
from designer.settings import load_settings
from designer.verification.paper import verify_paper
from designer.verification.trust_list import trust_list_from_issuers


def test_demo_issues_the_sample_roster_then_reports_it_issued(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOSHO_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SHOSHO_DB", raising=False)
    out = tmp_path / "demo"
    first = issue_demo_batch(out, load_settings())
    assert first.issued_now == first.total == 30 and not first.already_issued
    assert "DEMO" in first.key_ref and first.database_url.endswith("demo/demo.db")
    assert not (tmp_path / "home" / "shosho.db").exists(), "the office's own store is untouched"
    for suffix in ("pdf", "json", "png", "svg"):
        assert len(list(first.files_dir.glob(f"*.{suffix}"))) == 30
    assert check_bundle(first.bundle) == []
    with zipfile.ZipFile(first.bundle) as archive:
        assert "issuer/did.json" in archive.namelist()
    revocation = json.loads((first.status_dir / "revocation-1.json").read_text("utf-8"))
    assert revocation["type"][-1] == "BitstringStatusListCredential"
    page = first.verify_page.read_text("utf-8")
    assert "demo.invalid" in page and "DEMO" in page
    entry = json.loads(first.issuer_entry.read_text("utf-8"))
    assert entry["id"] == DEMO_ISSUER_ID
    pdf = sorted(first.files_dir.glob("*.pdf"))[0]
    verdict = verify_paper(pdf, trust_list_from_issuers([entry]))
    assert verdict.genuine and verdict.credential_matches
    assert verdict.text.startswith("https://demo.invalid/verify/#")

    again = issue_demo_batch(out, load_settings())
    assert again.issued_now == 0 and again.batch_id == first.batch_id
    assert len(again.already_issued) == 30
    assert check_bundle(again.bundle) == []
