"""Time-stamps: B-T from a real RFC 3161 server on 127.0.0.1 when it answers; when it does not,
the batch is signed B-B, the time-stamp is queued in the journal, and `shosho pdf timestamp`
adds it later without stamping any file twice."""

from __future__ import annotations

import hashlib
import json

import pikepdf
from sqlalchemy import select

from designer.cli import main
from designer.pdfsign.checking import check_pdf_signatures
from designer.pdfsign.timestamps import has_timestamp
from designer.store import open_store
from designer.store.models import AuditEntry, Credential

from .conftest import db_url, issue_args, stored_certificate
from .test_batch_signing import pdfsig
from .tsa import TimestampServer, closed_port_url


def _rows(workspace):
    with open_store(db_url(workspace)).read() as session:
        rows = session.execute(select(Credential).order_by(Credential.seq)).scalars().all()
        stamps = session.execute(
            select(AuditEntry.action, AuditEntry.details_json).where(
                AuditEntry.action.in_(["pdf.sign", "pdf.timestamp"])
            )
        ).all()
    return rows, stamps


def _pdfs(workspace, rows):
    return [workspace / "out" / f"{row.file_stem}.pdf" for row in rows]


def test_signatures_carry_a_timestamp_from_a_reachable_tsa(workspace, home, p256_key):
    with TimestampServer() as tsa:
        assert main(issue_args(workspace, p256_key, "--sign-pdf", "--tsa", tsa.url)) == 0
        assert tsa.requests >= 4
        anchors = [stored_certificate(home, p256_key), tsa.certificate]
    rows, journal = _rows(workspace)
    assert {json.loads(d)["timestamp"] for a, d in journal if a == "pdf.sign"} == {"signature"}
    for pdf in _pdfs(workspace, rows):
        data = pdf.read_bytes()
        assert has_timestamp(data)
        (signature,) = check_pdf_signatures(data, anchors).signatures
        assert signature.sound and signature.timestamp, signature
        assert "Test TSA" in signature.timestamp and "trusted TSA" in signature.timestamp
        code, output = pdfsig(pdf)
        assert code == 0 and "Signature Validation: Signature is Valid." in output, output


def test_offline_batch_queues_timestamps_that_pdf_timestamp_adds_later(workspace, home, p256_key):
    offline = closed_port_url()
    assert main(issue_args(workspace, p256_key, "--sign-pdf", "--tsa", offline)) == 0
    rows, journal = _rows(workspace)
    assert [json.loads(d)["timestamp"] for a, d in journal] == ["queued"] * len(rows)
    for pdf in _pdfs(workspace, rows):
        assert not has_timestamp(pdf.read_bytes())

    # Still offline: a clear message, nothing changed.
    before = {p: p.read_bytes() for p in _pdfs(workspace, rows)}
    assert main(["pdf", "timestamp", "1", "--db", db_url(workspace)]) == 1
    assert all(p.read_bytes() == data for p, data in before.items())

    with TimestampServer() as tsa:
        assert main(["pdf", "timestamp", "1", "--tsa", tsa.url, "--db", db_url(workspace)]) == 0
        requests = tsa.requests  # one per PDF, and one pyHanko makes to size the first
        assert requests >= len(rows)
        assert main(["pdf", "timestamp", "1", "--tsa", tsa.url, "--db", db_url(workspace)]) == 0
        assert tsa.requests == requests, "a PDF already time-stamped is never stamped again"
        anchors = [stored_certificate(home, p256_key), tsa.certificate]
    rows, journal = _rows(workspace)
    assert [a for a, _ in journal].count("pdf.timestamp") == len(rows)
    for row, pdf in zip(rows, _pdfs(workspace, rows), strict=True):
        data = pdf.read_bytes()
        assert json.loads(row.files_json)[pdf.name] == hashlib.sha256(data).hexdigest()
        with pikepdf.open(pdf) as document, document.open_metadata() as xmp:
            assert xmp["pdf:Producer"] == str(document.docinfo.Producer), "PDF/A metadata"
        signature, stamp = check_pdf_signatures(data, anchors).signatures
        assert signature.sound, signature
        assert signature.changed_after == "only time-stamps and validation data were added"
        assert stamp.kind == "timestamp" and stamp.sound and "trusted TSA" in stamp.timestamp
        # poppler checks the signature and lists the document time-stamp, which it cannot
        # validate itself (pyHanko did, above).
        code, output = pdfsig(pdf)
        first, second = output.split("Signature #2:")
        assert "Signature Validation: Signature is Valid." in first, output
        assert "Shosho-Timestamp" in second and "Test TSA" in second, output
