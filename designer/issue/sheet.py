"""The print sheet of an issued batch: every active credential's pages, with the seal that was
signed for it (the same QR as its own PDF), imposed ten cards to an A4 sheet with crop marks,
or one certificate per page. Nothing is signed again; nothing in the store changes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from designer.errors import ShoshoError
from designer.issue.profile import profile_of
from designer.issue.records import template_from_archive, values_from_json
from designer.issue.work import printed_values
from designer.model.template import Template
from designer.render.display import PageDisplay
from designer.render.imposition import concatenate, impose_cards
from designer.render.layout import layout_record
from designer.render.pdf import write_pdf
from designer.store import Store
from designer.store.models import ACTIVE, DONE, Batch, Credential, StoredTemplate


@dataclass
class BatchSheet:
    """What a batch's print sheet holds: the design, each printed person's pages, and how many
    of the batch were left out (revoked, suspended, superseded or not finished)."""

    batch_id: int
    template: Template
    records: list[list[PageDisplay]]
    left_out: int

    def sheets(self, offset: tuple[float, float] = (0.0, 0.0)):
        if self.template.kind == "card":
            return impose_cards(iter(self.records), bleed=True, crop_marks=True, offset=offset)
        return concatenate(self.records)


def batch_sheet(store: Store, batch_id: int, fonts: Any) -> BatchSheet:
    """Lay out the active credentials of ``batch_id`` with their real seals."""
    with store.read() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            raise ShoshoError(f"batch {batch_id}: no such batch")
        profile = profile_of(batch.issuer)
        content = session.get(StoredTemplate, batch.template_hash).content
        options = json.loads(batch.options_json)
        rows = session.execute(
            select(
                Credential.id,
                Credential.values_json,
                Credential.qr_text,
                Credential.state,
                Credential.status,
            )
            .where(Credential.batch_id == batch_id)
            .order_by(Credential.seq)
        ).all()
    template = template_from_archive(content, f"batch {batch_id}")
    host = urlsplit(profile.get("verify_url") or profile.get("url") or "").hostname or ""
    printed = [r for r in rows if r.state == DONE and r.status == ACTIVE and r.qr_text]
    if not printed:
        raise ShoshoError(
            f"batch {batch_id}: no issued, active credentials to print "
            f"({len(rows)} in the batch, none both finished and active)"
        )
    records = []
    for row in printed:
        values = printed_values(values_from_json(row.values_json), row.id, host)
        values["seal_url"] = row.qr_text
        records.append(
            layout_record(template, values, fonts=fonts, assets_base=options.get("assets_base"))
        )
    return BatchSheet(batch_id, template, records, left_out=len(rows) - len(printed))


def write_batch_sheet(
    store: Store, batch_id: int, path: Path, fonts: Any, offset: tuple[float, float] = (0, 0)
) -> tuple[int, BatchSheet]:
    """Write the batch's print sheet PDF; returns (pages, the sheet)."""
    sheet = batch_sheet(store, batch_id, fonts)
    pages = write_pdf(
        sheet.sheets(offset),
        path,
        metadata={"title": f"{sheet.template.name} — batch {batch_id}", "creator": "Shosho"},
    )
    return pages, sheet
