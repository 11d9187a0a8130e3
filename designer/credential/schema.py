"""Validation against the bundled 1EdTech Open Badges 3.0 JSON Schemas (draft 2019-09)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft201909Validator

from designer.errors import ShoshoError

SCHEMAS_DIR = Path(__file__).with_name("schemas")

ACHIEVEMENT_CREDENTIAL_SCHEMA = "ob_v3p0_achievementcredential_schema.json"
ENDORSEMENT_CREDENTIAL_SCHEMA = "ob_v3p0_endorsementcredential_schema.json"
PROFILE_SCHEMA = "ob_v3p0_profile_schema.json"

ACHIEVEMENT_CREDENTIAL_SCHEMA_ID = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)


@cache
def _validator(name: str) -> Draft201909Validator:
    schema = json.loads((SCHEMAS_DIR / name).read_text(encoding="utf-8"))
    return Draft201909Validator(schema)


def schema_for(credential: dict[str, Any]) -> str | None:
    """The schema file that applies to ``credential`` by its types, or None for other VCs."""
    types = credential.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    if "OpenBadgeCredential" in types or "AchievementCredential" in types:
        return ACHIEVEMENT_CREDENTIAL_SCHEMA
    if "EndorsementCredential" in types:
        return ENDORSEMENT_CREDENTIAL_SCHEMA
    return None


def schema_errors(
    document: dict[str, Any], schema: str = ACHIEVEMENT_CREDENTIAL_SCHEMA
) -> list[str]:
    """Readable schema violations of ``document``, each naming the JSON path; empty when valid."""
    errors = sorted(_validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"{_path(error.absolute_path)}: {error.message[:300]}" for error in errors]


def check_credential(credential: dict[str, Any]) -> None:
    """Raise ``ShoshoError`` listing every schema violation of an OB 3.0 credential."""
    schema = schema_for(credential) or ACHIEVEMENT_CREDENTIAL_SCHEMA
    errors = schema_errors(credential, schema)
    if errors:
        raise ShoshoError("credential does not match the OB 3.0 JSON Schema: " + "; ".join(errors))


def _path(parts: Any) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text
