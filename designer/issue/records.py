"""Record values as journaled in the store, and the template archive stored by hash."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from typing import Any

from designer.model.io import ASSETS_PREFIX, TEMPLATE_ENTRY, template_bytes, template_from_json
from designer.model.template import Template

CREDENTIAL_FIELDS = (
    "student_id", "family_name", "given_name", "full_name", "full_name_kana", "name_en", "email",
    "department", "course_name", "completion_date", "issue_date", "expiry_date", "date_of_birth",
    "photo", "identity_hash", "identity_salt", "identity_type", "ob2_assertion", "narrative",
    "evidence_json",
)  # fmt: skip
"""The record fields the credential builder reads (designer.credential.build.RECORD_FIELDS)."""


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    return value


def values_to_json(values: dict[str, Any]) -> str:
    return json.dumps({k: _encode(v) for k, v in values.items()}, ensure_ascii=False)


def values_from_json(text: str) -> dict[str, Any]:
    return {k: _decode(v) for k, v in json.loads(text).items()}


def credential_record(values: dict[str, Any]) -> dict[str, str]:
    """The text fields the credential is built from (dates as YYYY-MM-DD)."""
    record = {}
    for name in CREDENTIAL_FIELDS:
        value = values.get(name)
        if value is None or value == "":
            continue
        record[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
    record.pop("photo", None)
    return record


def template_archive(template: Template) -> bytes:
    """The template as ``.shosho`` zip bytes (what the store keeps, by content hash)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(TEMPLATE_ENTRY, template_bytes(template))
        for name in sorted(template.assets):
            archive.writestr(ASSETS_PREFIX + name, template.assets[name], zipfile.ZIP_STORED)
    return buffer.getvalue()


def template_from_archive(content: bytes, source: str = "stored template") -> Template:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        template = template_from_json(json.loads(archive.read(TEMPLATE_ENTRY)), source)
        template.assets = {
            info.filename[len(ASSETS_PREFIX) :]: archive.read(info)
            for info in archive.infolist()
            if info.filename.startswith(ASSETS_PREFIX) and not info.is_dir()
        }
    return template
