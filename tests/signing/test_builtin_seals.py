"""Every built-in design prints a QR seal that fits its size target for every person of the
sample rosters, and reads back from the PDF rasterised at 150 dpi."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from designer.prepare import (
    bind_template_roster,
    open_template,
    printed_name,
    seal_claims,
    uses_seal,
)
from designer.render.fonts import FontLibrary
from designer.render.layout import layout_record
from designer.render.pdf import write_pdf
from designer.resources import examples_dir
from designer.signing.seal import MAX_VERSION, seal_fits, seal_qr_text
from designer.verification.paper import verify_paper
from designer.verification.trust_list import trust_list_from_issuers

from .test_seal_support import KeySigner, issuer_entry

SEALED = ["shusho", "shojo", "certificate-en-a4", "certificate-en-letter", "student-id"]
VERIFY_URL = "https://www.tokyo-mirai.ac.jp/v/"


def records(template, roster: str):
    return bind_template_roster(template, examples_dir() / roster).records


@pytest.mark.parametrize("name", SEALED)
def test_seal_fits_its_target_for_every_sample_record(name):
    template, _ = open_template(name)
    assert uses_seal(template)
    roster = "roster-en.xlsx" if name.startswith("certificate-en") else "roster-ja.csv"
    versions = []
    for record in records(template, roster):
        claims = seal_claims(
            template,
            record.values,
            credential_id=str(uuid.uuid4()),
            issued=dt.date(2025, 3, 19),
            credential={"id": "x"},
            status_index=131071,
        )
        fits, version = seal_fits(claims, verify_url_prefix=VERIFY_URL)
        assert fits, (record.row, version)
        versions.append(version)
    limit = MAX_VERSION["student_id" if template.kind == "card" else "certificate"]
    assert max(versions) <= limit
    assert limit == (13 if template.kind == "card" else 15)


@pytest.mark.parametrize("name", SEALED)
def test_printed_seal_reads_back_at_150_dpi(name, tmp_path):
    template, _ = open_template(name)
    roster = "roster-en.xlsx" if name.startswith("certificate-en") else "roster-ja.csv"
    # The record with the longest printed name: the densest code of the roster.
    record = max(records(template, roster), key=lambda r: len(str(r.values.get("full_name", ""))))
    signer = KeySigner("Ed25519")
    claims = seal_claims(
        template,
        record.values,
        credential_id=str(uuid.uuid4()),
        issued=dt.date(2025, 3, 19),
        credential={"id": "urn:x"},
        status_index=77,
    )
    values = {
        **record.values,
        "seal_url": seal_qr_text(claims, signer, VERIFY_URL),
        "verify_host": "www.tokyo-mirai.ac.jp",
    }
    pdf = tmp_path / f"{name}.pdf"
    write_pdf(
        layout_record(template, values, fonts=FontLibrary.default(), assets_base=examples_dir()),
        pdf,
    )
    trust = trust_list_from_issuers([issuer_entry(signer, verify_url=VERIFY_URL)])
    verdict = verify_paper(pdf, trust, today=dt.date(2025, 4, 1))
    assert verdict.seal.status == "genuine", verdict.seal.reason
    assert verdict.seal.claims.name == printed_name(template, record.values)
    assert verdict.seal.claims.name in {
        record.values.get("full_name"),
        record.values.get("name_en"),
    }


@pytest.mark.parametrize("name", [n for n in SEALED if n != "student-id"])
def test_certificate_seals_print_modules_of_at_least_half_a_millimetre(name):
    from designer.render.display import RectsItem

    template, _ = open_template(name)
    roster = "roster-en.xlsx" if name.startswith("certificate-en") else "roster-ja.csv"
    record = max(records(template, roster), key=lambda r: len(str(r.values.get("full_name", ""))))
    claims = seal_claims(
        template, record.values, credential_id=str(uuid.uuid4()), issued=dt.date(2025, 3, 19)
    )
    values = {**record.values, "seal_url": seal_qr_text(claims, KeySigner(), VERIFY_URL)}
    (page, *_) = layout_record(template, values, fonts=FontLibrary.default())
    (code,) = [item for item in page.items if isinstance(item, RectsItem) and item.rects]
    module = min(height for _x, _y, _w, height in code.rects)
    assert module >= 0.5 - 1e-9
    right = max(x + w for x, _y, w, _h in code.rects)
    bottom = max(y + h for _x, y, _w, h in code.rects)
    assert right <= template.page.width and bottom <= template.page.height
