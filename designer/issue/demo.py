"""The demo batch: the sample roster issued with the built-in 修了証 by a fictional issuer and
the demo key, end to end: PDFs, signed JSON, baked PNG/SVG, the bundle for upload, the status
lists and the verify page.

Everything, the database included, lives under the demo's output folder: the demo never adds a
fictional issuer or credentials to the office's own store, where issued credentials can never
be deleted. Running the demo again with the same folder issues nobody twice: it reports the
people who already hold the demo certificate and writes the bundle, status lists and verify
page again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from designer.errors import ShoshoError
from designer.issue import demo_key, open_demo_signer
from designer.settings import Settings

DEMO_ISSUER_ID = "did:web:demo.invalid"
DEMO_VERIFY_URL = "https://demo.invalid/verify/"
DEMO_PROFILE = {
    "id": DEMO_ISSUER_ID,
    "name": {"ja": "デモ大学（DEMO・架空の発行者）", "en": "DEMO University (fictional issuer)"},
    "url": "https://demo.invalid/",
    "email": "demo@demo.invalid",
    "description": "DEMO: a fictional issuer for trying Shosho. Its credentials prove nothing.",
    "verify_url": DEMO_VERIFY_URL,
    "status_list_url": "https://demo.invalid/status/",
    "profile_name": "DEMO",
}
DEMO_TEMPLATE = "shusho"
DEMO_ROSTER = "roster-ja.csv"
DATABASE_FILE = "demo.db"


@dataclass(frozen=True)
class DemoSummary:
    out_dir: Path
    batch_id: int
    issued_now: int
    """Records signed and written by this run (0 when everyone already had one)."""
    total: int
    already_issued: list[str] = field(default_factory=list)
    """People who already held the demo certificate (a second run), as "row N (name, id) has …"."""
    files_dir: Path = Path()
    """PDF, JSON, PNG and SVG per person."""
    bundle: Path = Path()
    status_dir: Path = Path()
    verify_page: Path = Path()
    issuer_profile: Path = Path()
    issuer_entry: Path = Path()
    """The demo issuer with its seal key, in the trust-list entry format (``docs/trust-list.md``)."""
    key_ref: str = ""
    database_url: str = ""


def issue_demo_batch(out_dir: Path, settings: Settings) -> DemoSummary:
    """Issue the sample roster into ``out_dir`` (created if needed); see the module docstring."""
    from designer.issue.export import export_bundle
    from designer.issue.pipeline import issue_batch, latest_unfinished, run_batch
    from designer.issue.plan import AlreadyIssued, PlanRequest
    from designer.issue.status import export_status_lists
    from designer.model import load_template
    from designer.prepare import builtin_templates
    from designer.resources import examples_dir
    from designer.store import open_store
    from designer.store.models import Batch
    from designer.verification.trust_list import seal_key_entry
    from designer.verification.verify_page import write_verify_page

    out_dir = Path(out_dir).resolve()
    issuer_dir = out_dir / "issuer"
    try:
        issuer_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ShoshoError(f"{out_dir}: cannot create the demo folder ({error.strerror})") from None
    key_ref = demo_key(settings)
    signer = open_demo_signer(settings)
    profile_path = issuer_dir / "DEMO-issuer-profile.json"
    profile_path.write_text(json.dumps(DEMO_PROFILE, ensure_ascii=False, indent=2), "utf-8")
    entry_path = issuer_dir / "DEMO-issuer-entry.json"
    entry = {
        "id": DEMO_ISSUER_ID,
        "name": DEMO_PROFILE["name"],
        "url": DEMO_PROFILE["url"],
        "verifyUrl": DEMO_VERIFY_URL,
        "statusLists": {
            "revocation": "https://demo.invalid/status/revocation-1.json",
            "suspension": "https://demo.invalid/status/suspension-1.json",
        },
        "sealKeys": [seal_key_entry(signer.public_key())],
    }
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, indent=2), "utf-8")

    database_url = "sqlite:///" + (out_dir / DATABASE_FILE).as_posix()
    store = open_store(database_url)
    template_path = builtin_templates()[DEMO_TEMPLATE]
    files_dir = out_dir / "issued"
    request = PlanRequest(
        template=load_template(template_path),
        template_path=template_path,
        roster_path=examples_dir() / DEMO_ROSTER,
        issuer_ref=str(profile_path),
        key_ref=key_ref,
        out_dir=files_dir,
    )
    already: list[str] = []
    unfinished = latest_unfinished(store)
    if unfinished is not None:  # a demo interrupted last time: finish it
        result = run_batch(store, unfinished, signer)
    else:
        try:
            result = issue_batch(store, request, signer)
        except AlreadyIssued as issued:
            already = issued.holders
            with store.read() as session:
                batch_id = session.execute(select(Batch.id).order_by(Batch.id.desc())).scalar()
            result = run_batch(store, batch_id, signer)  # nothing to sign; rewrites lost files
    bundle = out_dir / "DEMO-bundle.zip"
    export_bundle(store, result.batch_id, bundle, signer, force=True)
    written = export_status_lists(store, signer, out_dir / "status")
    status_dir = written[0].parent if written else out_dir / "status"  # …/status/<host>/<path>
    page = write_verify_page(entry_path, out_dir / "verify-page")
    return DemoSummary(
        out_dir=out_dir,
        batch_id=result.batch_id,
        issued_now=result.signed_now,
        total=result.total,
        already_issued=already,
        files_dir=files_dir,
        bundle=bundle,
        status_dir=status_dir,
        verify_page=page,
        issuer_profile=profile_path,
        issuer_entry=entry_path,
        key_ref=key_ref,
        database_url=database_url,
    )
