"""The print sheet of an issued batch carries each active card's real seal; specimens are
marked 見本 / SPECIMEN on the page."""

from __future__ import annotations

import pypdfium2
import zxingcpp
from sqlalchemy import select

from designer.issue.lifecycle import revoke
from designer.issue.pipeline import issue_batch
from designer.issue.plan import PlanRequest
from designer.issue.sheet import batch_sheet, write_batch_sheet
from designer.model import QRElement, Side, Template, TextElement, save_template
from designer.model.template import PageSpec
from designer.render.display import GlyphRun
from designer.render.fonts import installed_fonts
from designer.render.imposition import SPECIMEN_TEXT, mark_specimens
from designer.render.job import specimen_values
from designer.render.layout import layout_record
from designer.store import open_store
from designer.store.models import Credential

from .conftest import db_url, write_roster


def _card(path):
    template = Template(name="学生証", kind="card", page=PageSpec.from_preset("CR80", "landscape"))
    template.credential = {"valid_until_field": "expiry_date"}
    template.achievement = {"name": "学生証"}
    template.sides = [
        Side(
            elements=[
                TextElement(x=4, y=4, width=50, height=8, text="{{ full_name }}"),
                QRElement(x=58, y=24, width=24, height=24),
            ]
        )
    ]
    save_template(template, path)
    return template


def _issue(ws, signer, count=3):
    _card(ws / "card.shosho")
    write_roster(ws / "roster.csv", count)
    store = open_store(db_url(ws))
    request = PlanRequest(
        template=_card(ws / "card.shosho"),
        template_path=ws / "card.shosho",
        roster_path=ws / "roster.csv",
        issuer_ref=str(ws / "issuer.json"),
        key_ref=f"file:{ws / 'key.pem'}",
        out_dir=ws / "out",
        outputs=("pdf", "json"),
    )
    result = issue_batch(store, request, signer, workers=1)
    assert result.finished
    with store.read() as session:
        rows = session.execute(select(Credential).order_by(Credential.seq)).scalars().all()
        return store, result.batch_id, {r.id: r.qr_text for r in rows}


def _qr_texts(pdf) -> list[str]:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=400 / 72).to_pil()
    finally:
        document.close()
    return sorted(r.text for r in zxingcpp.read_barcodes(image))


def test_the_batch_sheet_carries_the_signed_seals_and_leaves_out_revoked_cards(workspace, signer):
    store, batch_id, qr_texts = _issue(workspace, signer)
    out = workspace / "sheet.pdf"
    pages, sheet = write_batch_sheet(store, batch_id, out, installed_fonts())
    assert pages == 1 and len(sheet.records) == 3 and sheet.left_out == 0
    assert _qr_texts(out) == sorted(qr_texts.values())  # the very seals that were signed
    revoked = next(iter(qr_texts))
    revoke(store, revoked, "card returned")
    sheet = batch_sheet(store, batch_id, installed_fonts())
    assert len(sheet.records) == 2 and sheet.left_out == 1
    write_batch_sheet(store, batch_id, out, installed_fonts())
    assert qr_texts[revoked] not in _qr_texts(out)


def test_shosho_sheet_writes_the_batch_sheet(workspace, signer, capsys):
    from designer.cli import main

    store, batch_id, qr_texts = _issue(workspace, signer, count=2)
    out = workspace / "cards.pdf"
    code = main(["sheet", str(batch_id), "--out", str(out), "--db", db_url(workspace)])
    assert code == 0 and out.is_file()
    assert "2 printed on 1 page" in capsys.readouterr().out
    assert _qr_texts(out) == sorted(qr_texts.values())
    assert main(["sheet", "999", "--db", db_url(workspace)]) != 0


def test_specimen_pages_are_marked_on_the_page(tmp_path):
    template = _card(tmp_path / "card.shosho")
    fonts = installed_fonts()
    values = {"full_name": "山田 太郎", "student_id": "S1", "expiry_date": "2030-03-31"}
    pages = mark_specimens(layout_record(template, specimen_values(values), fonts=fonts), fonts)
    marks = [i for i in pages[0].items if isinstance(i, GlyphRun) and i.text == SPECIMEN_TEXT]
    assert len(marks) == 1 and marks[0].transform is not None  # across the card, on top
    assert pages[0].items[-1] is marks[0]
