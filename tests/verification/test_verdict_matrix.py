"""The verdict matrix: every suite × kind × state × form, issued by the real pipeline, with the
lists `shosho status export` publishes and the issuer's did.json. `shosho verify` must give the
right verdict for each; the independent Digital Bazaar verifier must agree for every JSON form.

Not every cell exists: certificates cannot be suspended (only cards can), and an RSA key makes
no printed seal (seals are EdDSA or ES256), so its QR holds the credential id only.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import select

from designer.cli import main
from designer.issue.lifecycle import change_status, supersede
from designer.issue.pipeline import issue_batch
from designer.issue.plan import PlanRequest
from designer.issue.status import export_status_lists
from designer.keys.did import did_document
from designer.model import load_template
from designer.store import open_store
from designer.store.models import Credential
from tests.interop.verifier import verify_with_node
from tests.issue.conftest import make_template, write_roster
from tests.signing.helpers import MemorySigner

pytestmark = pytest.mark.xdist_group("verdict-matrix")

ISSUER = "https://mirai.example/issuer"
SUITES = {
    "eddsa-rdfc-2022": ("Ed25519", "eddsa-rdfc-2022"),
    "ecdsa-rdfc-2019": ("P-256", "ecdsa-rdfc-2019"),
    "vc-jwt-EdDSA": ("Ed25519", "vc-jwt"),
    "vc-jwt-ES256": ("P-256", "vc-jwt"),
    "vc-jwt-RS256": ("RSA-2048", "vc-jwt"),
}
KINDS = ("certificate", "card")
STATES = ("active", "suspended", "revoked", "superseded")
FORMS = ("json", "pdf", "png", "svg", "qr", "photo")


def _cells():
    for suite, (algorithm, _) in SUITES.items():
        for kind in KINDS:
            for state in STATES:
                if state == "suspended" and kind != "card":
                    continue
                for form in FORMS:
                    if form in ("qr", "photo") and algorithm == "RSA-2048":
                        continue
                    yield suite, kind, state, form


CELLS = set(_cells())


def _photo(pdf: Path, out: Path) -> Path:
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=150 / 72).to_pil()
    image.rotate(2, expand=True, fillcolor="white").convert("RGB").save(out, quality=75)
    return out


def _issue_kind(ws: Path, store, signer, suite: str, kind: str) -> dict[str, Credential]:
    template = ws / f"{kind}.shosho"
    make_template(template, kind=kind)
    roster = ws / f"{kind}.csv"
    write_roster(roster, 5, start=0 if kind == "certificate" else 100)
    result = issue_batch(
        store,
        PlanRequest(
            template=load_template(template),
            template_path=template,
            roster_path=roster,
            issuer_ref=str(ws / "issuer.json"),
            key_ref="memory:test",
            out_dir=ws / kind,
            outputs=("pdf", "json", "png", "svg"),
            suite=suite,
        ),
        signer,
        workers=1,
    )
    assert result.finished
    with store.read() as session:
        rows = list(
            session.execute(
                select(Credential)
                .where(Credential.batch_id == result.batch_id)
                .order_by(Credential.seq)
            ).scalars()
        )
    active, suspended, revoked, superseded, replacement = rows
    if kind == "card":
        change_status(store, suspended.id, "suspend", "card lost")
    change_status(store, revoked.id, "revoke", "left the school")
    supersede(store, superseded.id, replacement.id, "name misspelt")
    return {"active": active, "suspended": suspended, "revoked": revoked, "superseded": superseded}


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    """Every cell's `shosho verify --json` result, and the Node verifier's for JSON forms."""
    verdicts: dict[tuple, dict] = {}
    node: dict[tuple, dict] = {}
    for suite, (algorithm, suite_name) in SUITES.items():
        ws = tmp_path_factory.mktemp(suite)
        (ws / "issuer.json").write_text(
            json.dumps(
                {
                    "id": ISSUER,
                    "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
                    "status_list_url": "https://mirai.example/status/",
                    "verify_url": "https://mirai.example/v/",
                }
            ),
            encoding="utf-8",
        )
        signer = MemorySigner.of(algorithm)
        store = open_store("sqlite:///" + (ws / "shosho.db").as_posix())
        rows = {kind: _issue_kind(ws, store, signer, suite_name, kind) for kind in KINDS}
        status_dir = ws / "published"
        lists = export_status_lists(store, signer, status_dir)
        did = ws / "did.json"
        did.write_text(json.dumps(did_document(ISSUER, [signer.public_key()])))
        items: list[tuple[tuple, str]] = []
        for kind, by_state in rows.items():
            for state, row in by_state.items():
                files = {Path(p).suffix: Path(p) for p in _files(ws / kind, row.file_stem)}
                signed = files.get(".jwt") or files[".json"]
                forms = {
                    "json": str(signed),
                    "pdf": str(files[".pdf"]),
                    "png": str(files[".png"]),
                    "svg": str(files[".svg"]),
                    "qr": row.qr_text,
                    "photo": str(ws / f"{row.file_stem}.jpg"),
                }
                if (suite, kind, state, "photo") in CELLS:
                    _photo(files[".pdf"], Path(forms["photo"]))
                for form, item in forms.items():
                    if (suite, kind, state, form) in CELLS:
                        items.append(((suite, kind, state, form), item))
        status_args = [arg for path in lists for arg in ("--status-list", str(path))]
        out = io.StringIO()
        with redirect_stdout(out):
            main(["verify", "--json", "--no-installed-trust", "--trust", str(did), *status_args,
                  *(item for _, item in items)])  # fmt: skip
        for (cell, _), line in zip(items, out.getvalue().splitlines(), strict=True):
            verdicts[cell] = json.loads(line)
        json_items = [(cell, Path(item)) for cell, item in items if cell[3] == "json"]
        results = verify_with_node(
            [path for _, path in json_items], did=[did], status_dir=status_dir
        )
        for (cell, _), result in zip(json_items, results, strict=True):
            node[cell] = result
    return verdicts, node


def _files(folder: Path, stem: str) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.stem == stem)


EXPECTED = {
    "active": (0, "VERIFIED"),
    "suspended": (1, "SUSPENDED"),
    "revoked": (1, "REVOKED"),
    "superseded": (1, "REVOKED"),
}


@pytest.mark.parametrize(("suite", "kind", "state", "form"), sorted(CELLS))
def test_shosho_verify_gives_the_right_verdict(matrix, suite, kind, state, form):
    verdicts, _ = matrix
    result = verdicts[(suite, kind, state, form)]
    code, headline = EXPECTED[state]
    assert result["exit_code"] == code, result
    assert result["headline"].startswith(headline), result
    if state != "active":
        assert "VERIFIED" not in result["headline"] and result["verdict"] != "verified"
        seal = result.get("seal") or {}
        assert seal.get("status") != "genuine", result


@pytest.mark.parametrize(
    ("suite", "kind", "state"),
    [(s, k, st) for s, k, st, f in _cells() if f == "json"],
)
def test_the_independent_verifier_agrees_for_json(matrix, suite, kind, state):
    _, node = matrix
    result = node[(suite, kind, state, "json")]
    if state == "active":
        assert result["verified"] is True, result
    else:
        assert result["verified"] is False, result
        assert "bit is set" in result["error"], result
