"""Checks shared by the pipeline tests: exactly once, unique indices, files that verify."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from designer.credential.baking import read_baked
from designer.signing.data_integrity import unsecured, verify_proof
from designer.store import audit, open_store
from designer.store.models import DONE, AuditEntry, Credential
from designer.verification.paper import pdf_attachments


def check_batch_complete(url: str, out: Path, public_key, expected: int) -> None:
    store = open_store(url)
    with store.read() as session:
        rows = session.execute(select(Credential)).scalars().all()
        issue_entries = (
            session.execute(
                select(AuditEntry.subject).where(AuditEntry.action == "credential.issue")
            )
            .scalars()
            .all()
        )
        chain = audit.verify_chain(session)
    assert len(rows) == expected
    assert all(r.state == DONE for r in rows)
    assert len({r.recipient_key for r in rows}) == expected, "somebody got two credentials"
    indices = [(r.revocation_list_id, r.revocation_index) for r in rows]
    assert len(set(indices)) == expected
    assert Counter(issue_entries) == Counter(r.id for r in rows), "a credential signed twice"
    assert chain.ok, chain.problem
    leftovers = list(out.glob(".*.part"))
    assert not leftovers
    for r in rows:
        files = json.loads(r.files_json)
        for name, digest in files.items():
            data = (out / name).read_bytes()
            assert hashlib.sha256(data).hexdigest() == digest, name
        credential = json.loads((out / f"{r.file_stem}.json").read_text(encoding="utf-8"))
        assert credential["id"] == r.id
        assert verify_proof(unsecured(credential), credential["proof"][0], public_key) is None
        assert json.loads(read_baked((out / f"{r.file_stem}.png").read_bytes()))["id"] == r.id
        pdf = out / f"{r.file_stem}.pdf"
        if f"{r.file_stem}.pdf" in files:
            attached = pdf_attachments(pdf)["credential.json"]
            assert attached == (out / f"{r.file_stem}.json").read_bytes(), pdf
