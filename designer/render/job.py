"""Rendering a roster: one PDF per record, or one print sheet for the whole roster.

No signing and no store: ``shosho render`` prints what the design looks like for each person.
Issuing (with credentials and the QR seal) is ``designer.issue``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from designer.data import render_text
from designer.errors import ShoshoError
from designer.model import Template
from designer.render.display import PageDisplay
from designer.render.filenames import UniqueNames, safe_filename
from designer.render.fonts import installed_fonts
from designer.render.imposition import concatenate, impose_cards, mark_specimens
from designer.render.layout import layout_record
from designer.render.pdf import write_pdf

NOT_ISSUED_QR = "SHOSHO SPECIMEN - NOT ISSUED - {student_id}"


def specimen_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values for printing without issuing: the QR says plainly that nothing was signed."""
    out = dict(values)
    out.setdefault("seal_url", NOT_ISSUED_QR.format(student_id=values.get("student_id") or "-"))
    out.setdefault("verify_host", "")
    return out


@dataclass
class RenderOptions:
    sheet: bool = False
    bleed: bool = False
    crop_marks: bool = False
    offset: tuple[float, float] = (0.0, 0.0)  # printer calibration, mm
    workers: int = 1


@dataclass
class RenderResult:
    files: list[Path] = field(default_factory=list)
    pages: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)  # (row, why) not rendered


def record_filename(
    template: Template, values: Mapping[str, Any], names: UniqueNames, row: int
) -> str:
    pattern = template.output.filename or "{{ student_id }}.pdf"
    stem = safe_filename(render_text(pattern, values)).removesuffix(".pdf").strip()
    return names.claim((stem or f"row-{row}") + ".pdf")


def _pages_for(
    template: Template, values: Mapping[str, Any], assets_base: Path
) -> list[PageDisplay]:
    fonts = installed_fonts()
    pages = layout_record(template, specimen_values(values), fonts=fonts, assets_base=assets_base)
    return mark_specimens(pages, fonts)


# What every record of a job shares, set once per worker process (not sent with each record).
_WORKER: dict[str, Any] = {}


def _init_worker(template: Template, assets_base: Path, bleed: bool, crop_marks: bool) -> None:
    _WORKER.update(template=template, assets_base=assets_base, bleed=bleed, crop_marks=crop_marks)


def _render_one(job: tuple[dict[str, Any], Path]) -> tuple[int, str | None]:
    """(pages written, None), or (0, why) when this record cannot be made: then no file is
    left behind, and the other records go on."""
    values, path = job
    template = _WORKER["template"]
    try:
        pages = write_pdf(
            _pages_for(template, values, _WORKER["assets_base"]),
            path,
            bleed=_WORKER["bleed"],
            crop_marks=_WORKER["crop_marks"],
            metadata=_metadata(template, values),
        )
    except ShoshoError as error:
        path.unlink(missing_ok=True)
        return 0, str(error)
    return pages, None


def _metadata(template: Template, values: Mapping[str, Any]) -> dict[str, str]:
    who = str(values.get("full_name") or values.get("name_en") or "")
    return {"title": f"{template.name} — {who}" if who else template.name, "creator": "Shosho"}


def render_records(
    template: Template,
    records: Iterable[tuple[int, Mapping[str, Any]]],
    out_dir: Path,
    *,
    assets_base: Path,
    options: RenderOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> RenderResult:
    """Render ``records`` (row number, values) into ``out_dir``.

    One PDF per record: a record that cannot be made is listed in ``result.failed`` and the
    others are still written. A sheet is all or nothing (``ShoshoError``)."""
    options = options or RenderOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    result = RenderResult()
    records = list(records)
    if options.sheet:
        path = out_dir / (safe_filename(template.name) + "-sheet.pdf")
        pages = (_pages_for(template, values, assets_base) for _row, values in records)
        if template.kind == "card":
            sheets = impose_cards(pages, bleed=True, crop_marks=True, offset=options.offset)
        else:
            sheets = concatenate(pages)
        result.pages = write_pdf(
            sheets,
            path,
            bleed=options.bleed and template.kind != "card",
            crop_marks=options.crop_marks and template.kind != "card",
            metadata={"title": template.name, "creator": "Shosho"},
        )
        result.files.append(path)
        if progress:
            progress(len(records))
        return result
    names = UniqueNames()
    jobs = []
    rows = []
    for row, values in records:
        path = out_dir / record_filename(template, values, names, row)
        jobs.append((dict(values), path))
        rows.append(row)
    outcomes: list[tuple[int, str | None]] = []
    workers = max(1, min(options.workers, os.cpu_count() or 1, len(jobs) // 20 or 1))
    done = 0
    shared = (template, assets_base, options.bleed, options.crop_marks)
    if workers == 1:
        _init_worker(*shared)
        for job in jobs:
            outcomes.append(_render_one(job))
            done += 1
            if progress:
                progress(done)
    else:
        installed_fonts()  # loaded once here, inherited by forked workers
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=shared
        ) as pool:
            for outcome in pool.map(_render_one, jobs, chunksize=16):
                outcomes.append(outcome)
                done += 1
                if progress:
                    progress(done)
    for row, (_values, path), (pages, error) in zip(rows, jobs, outcomes, strict=True):
        if error is None:
            result.files.append(path)
            result.pages += pages
        else:
            result.failed.append((row, error))
    return result
