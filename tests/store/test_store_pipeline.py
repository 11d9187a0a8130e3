"""A whole batch on the PostgreSQL server, as offices sharing one database run it: plan, sign,
render, a second run of the same roster refused, and the audit chain intact."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from sqlalchemy import select

from designer.issue.pipeline import issue_batch
from designer.issue.plan import AlreadyIssued, PlanRequest
from designer.keys.keyfile import FileSigner
from designer.model import QRElement, Template, TextElement, save_template
from designer.model.template import Side
from designer.signing.data_integrity import unsecured, verify_proof
from designer.store import audit, open_store
from designer.store.models import DONE, Credential


def _workspace(folder):
    template = Template(name="修了証", achievement={"name": "Python 基礎"})
    template.sides = [
        Side(
            elements=[
                TextElement(x=20, y=30, width=170, height=20, text="{{ full_name }}"),
                QRElement(x=80, y=200, width=40, height=40),
            ]
        )
    ]
    save_template(template, folder / "t.shosho")
    (folder / "roster.csv").write_text(
        "student_id,full_name,email\n"
        + "".join(f"S{i:05d},佐藤 花子{i},s{i}@example.jp\n" for i in range(5)),
        encoding="utf-8",
    )
    (folder / "issuer.json").write_text(
        json.dumps(
            {
                "id": "https://mirai.example/issuer",
                "name": "Tokyo Mirai University",
                "status_list_url": "https://mirai.example/status/",
                "verify_url": "https://mirai.example/v/",
            }
        ),
        encoding="utf-8",
    )
    return PlanRequest(
        template=template,
        template_path=folder / "t.shosho",
        roster_path=folder / "roster.csv",
        issuer_ref=str(folder / "issuer.json"),
        key_ref="file:test",
        out_dir=folder / "out",
        outputs=("pdf", "json"),
    )


def test_batch_on_postgresql(postgres_url, tmp_path):
    store = open_store(postgres_url)
    signer = FileSigner(tmp_path / "key.pem", ed25519.Ed25519PrivateKey.generate())
    request = _workspace(tmp_path)
    result = issue_batch(store, request, signer, workers=1)
    assert result.finished and result.done == 5
    with pytest.raises(AlreadyIssued):
        issue_batch(store, request, signer, workers=1)
    with store.read() as session:
        rows = session.execute(select(Credential)).scalars().all()
        assert audit.verify_chain(session).ok
    assert len(rows) == 5 and all(r.state == DONE for r in rows)
    assert len({r.revocation_index for r in rows}) == 5
    for r in rows:
        assert r.qr_text.startswith("https://mirai.example/v/#")
        credential = json.loads((tmp_path / "out" / f"{r.file_stem}.json").read_text("utf-8"))
        assert (
            verify_proof(unsecured(credential), credential["proof"][0], signer.public_key()) is None
        )
        assert (tmp_path / "out" / f"{r.file_stem}.pdf").read_bytes().startswith(b"%PDF")
