"""Open Badges 2.0 → 3.0, as 1EdTech's migration guide describes it.

BadgeClass → Achievement (with ``related`` pointing back at the BadgeClass), Issuer → the
office's issuer profile (with ``other_identifier`` naming the 2.0 Profile URL), Assertion → a
roster row that ``shosho issue`` turns into a new OpenBadgeCredential: a new ``urn:uuid`` id,
the same recipient IdentityObject, ``awardedDate`` from ``issuedOn``, ``validUntil`` from
``expires``, the narrative kept, and ``evidence`` typed as the original Assertion.
"""

from __future__ import annotations

import json
import uuid
from typing import Any
from urllib.parse import urlsplit

from designer.ob2.reader import Collection, Found
from designer.ob2.verify import Ob2Verdict, parse_time

OB2_ASSERTION_TYPE = "https://w3id.org/openbadges#Assertion"
OB2_BADGECLASS_TYPE = "https://w3id.org/openbadges#BadgeClass"
IDENTITY_TYPES = {"email": "emailAddress", "url": "identifier", "telephone": "ext:telephone"}

ROSTER_COLUMNS = (
    "full_name", "email", "student_id", "identity_hash", "identity_salt", "identity_type",
    "completion_date", "expiry_date", "ob2_assertion", "narrative", "evidence_json",
)  # fmt: skip


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or ""
    return value.strip() if isinstance(value, str) else ""


def _ref(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else ""


def achievement_id(badge_id: str) -> str:
    """A stable ``urn:uuid`` for the Achievement of a BadgeClass (the same on every import)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'ob2-badgeclass|' + badge_id)}"


def achievement_from_badgeclass(badge: dict[str, Any]) -> dict[str, Any]:
    """The template's ``achievement`` settings for a BadgeClass."""
    name = _text(badge.get("name"))
    description = _text(badge.get("description")) or name
    achievement: dict[str, Any] = {
        "id": achievement_id(str(badge.get("id") or name)),
        "name": name,
        "description": description,
    }
    criteria = _first(badge.get("criteria"))
    if isinstance(criteria, str):
        achievement["criteria"] = {"id": criteria}
    elif isinstance(criteria, dict):
        kept = {k: criteria[k] for k in ("id", "narrative") if isinstance(criteria.get(k), str)}
        achievement["criteria"] = kept or {"narrative": description}
    else:
        achievement["criteria"] = {"narrative": description}
    image = _first(badge.get("image"))
    image_id = _ref(image) if isinstance(image, dict) else image
    if isinstance(image_id, str) and image_id:
        entry: dict[str, Any] = {"id": image_id}
        if isinstance(image, dict) and _text(image.get("caption")):
            entry["caption"] = _text(image.get("caption"))
        achievement["image"] = entry
    tags = [t for t in (badge.get("tags") or []) if isinstance(t, str) and t.strip()]
    if tags:
        achievement["tag"] = tags
    alignments = []
    for entry in badge.get("alignment") or []:
        if not isinstance(entry, dict) or not entry.get("targetName") or not entry.get("targetUrl"):
            continue
        alignments.append(
            {
                key: entry[key]
                for key in (
                    "targetName",
                    "targetUrl",
                    "targetDescription",
                    "targetFramework",
                    "targetCode",
                )  # fmt: skip
                if isinstance(entry.get(key), str)
            }
        )
    if alignments:
        achievement["alignment"] = alignments
    language = badge.get("@language")
    if isinstance(language, str) and language:
        achievement["inLanguage"] = language
    if isinstance(badge.get("id"), str):
        achievement["related"] = [
            {
                "id": badge["id"],
                "type": ["Related", OB2_BADGECLASS_TYPE],
                "version": "Open Badges v2p0",
            }
        ]
    achievement["achievementType"] = "Badge"
    return achievement


def profile_from_issuer(
    issuer: dict[str, Any], base: dict[str, Any] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The office's issuer profile carrying the 2.0 issuer over, and notes for staff.

    With ``base`` (the office's existing profile) its id, key and lists are kept and only the
    link to the 2.0 Profile is added; without it, a draft for the 2.0 issuer's own host.
    """
    notes: list[str] = []
    ob2_id = _ref(issuer)
    profile: dict[str, Any] = dict(base or {})
    if not base:
        host = urlsplit(_ref(issuer.get("url")) or ob2_id).hostname or "example.invalid"
        profile["id"] = f"did:web:{host}"
        profile["status_list_url"] = f"https://{host}/credentials/status/"
        profile["verify_url"] = f"https://{host}/verify/"
        notes.append(
            f"issuer profile draft: id did:web:{host}, status lists and verify page on "
            f"https://{host}/ — check these before issuing"
        )
    name = _text(issuer.get("name"))
    if name and not profile.get("name"):
        profile["name"] = name
    for source, target in (
        ("url", "url"), ("email", "email"), ("description", "description"),
        ("telephone", "phone"),
    ):  # fmt: skip
        value = _ref(issuer.get(source)) if source == "url" else _text(issuer.get(source))
        if value and not profile.get(target):
            profile[target] = value
    image = _ref(issuer.get("image"))
    if image and not profile.get("image") and not image.startswith("data:"):
        profile["image"] = image
    others = [o for o in profile.get("other_identifier") or [] if o != ob2_id]
    if ob2_id:
        profile["other_identifier"] = [*others, ob2_id]
    return profile, notes


def _evidence(found: Found) -> list[dict[str, Any]]:
    items = []
    for entry in found.assertion.get("evidence") or []:
        if isinstance(entry, str):
            items.append({"id": entry, "type": ["Evidence"]})
        elif isinstance(entry, dict):
            kept = {
                key: entry[key]
                for key in ("id", "name", "description", "narrative", "genre", "audience")
                if isinstance(entry.get(key), str)
            }
            if kept:
                items.append({**kept, "type": ["Evidence"]})
    if isinstance(found.assertion.get("evidence"), str):
        items = [{"id": found.assertion["evidence"], "type": ["Evidence"]}]
    return items


def recipient_name(found: Found) -> str:
    """The name an exporter put in the RecipientProfile extension, if any."""
    for key, value in found.assertion.items():
        if key.endswith("recipientProfile") and isinstance(value, dict):
            return _text(value.get("name"))
    return ""


def roster_row(
    found: Found, verdict: Ob2Verdict, known: dict[str, str] | None = None
) -> dict[str, str]:
    """The roster row that issues this award again under 3.0.

    ``known`` holds what the office's roster says of the person (name, e-mail, student id)
    when the hashed identity matched one of its e-mail addresses.
    """
    assertion = found.assertion
    recipient = assertion.get("recipient") or {}
    known = known or {}
    identity = str(recipient.get("identity") or "")
    kind = str(recipient.get("type") or "email")
    row = {column: "" for column in ROSTER_COLUMNS}
    row["full_name"] = known.get("full_name") or recipient_name(found)
    row["student_id"] = known.get("student_id", "")
    if recipient.get("hashed"):
        row["identity_hash"] = identity
        row["identity_salt"] = str(recipient.get("salt") or "")
        row["email"] = known.get("email", "")
    elif kind == "email":
        row["email"] = identity
    else:
        row["identity_hash"] = identity  # a plain URL or telephone number, kept as given
    row["identity_type"] = IDENTITY_TYPES.get(kind, "identifier")
    issued = parse_time(assertion.get("issuedOn"))
    if issued is not None:
        row["completion_date"] = issued.date().isoformat()
    expires = parse_time(assertion.get("expires"))
    if expires is not None:
        row["expiry_date"] = expires.date().isoformat()
    row["ob2_assertion"] = found.id
    row["narrative"] = _text(assertion.get("narrative"))
    evidence = _evidence(found)
    row["evidence_json"] = json.dumps(evidence, ensure_ascii=False) if evidence else ""
    return row


def upgrade_evidence(record: dict[str, str]) -> list[dict[str, Any]]:
    """``evidence`` of the 3.0 credential: the original Assertion first, then its evidence."""
    original = (record.get("ob2_assertion") or "").strip()
    items: list[dict[str, Any]] = []
    if original:
        items.append(
            {
                "id": original,
                "type": ["Evidence", OB2_ASSERTION_TYPE],
                "name": "Open Badges 2.0 award",
                "description": "This credential was upgraded from the Open Badges 2.0 "
                "assertion it names; the original award is unchanged.",
            }
        )
    extra = (record.get("evidence_json") or "").strip()
    if extra:
        try:
            parsed = json.loads(extra)
        except ValueError:
            parsed = []
        items += [e for e in parsed if isinstance(e, dict) and e.get("type") == ["Evidence"]]
    return items


def identity_object(record: dict[str, str]) -> dict[str, Any] | None:
    """The recipient's IdentityObject exactly as the 2.0 award had it (hash and salt)."""
    identity = (record.get("identity_hash") or "").strip()
    if not identity:
        return None
    hashed = "$" in identity
    result: dict[str, Any] = {
        "type": "IdentityObject",
        "identityHash": identity,
        "identityType": (record.get("identity_type") or "emailAddress").strip(),
        "hashed": hashed,
    }
    salt = (record.get("identity_salt") or "").strip()
    if hashed and salt:
        result["salt"] = salt
    return result


def badge_image(badge: dict[str, Any], collection: Collection) -> tuple[str, bytes] | None:
    """The badge's image bytes when the export holds them (a data: URI or a file beside it)."""
    import base64

    ref = _ref(badge.get("image")) if isinstance(badge.get("image"), dict) else badge.get("image")
    ref = _first(ref)
    if not isinstance(ref, str) or not ref:
        return None
    if ref.startswith("data:image/"):
        header, _, data = ref.partition(",")
        suffix = ".svg" if "svg" in header else ".png" if "png" in header else ".jpg"
        try:
            raw = base64.b64decode(data) if ";base64" in header else data.encode("utf-8")
        except ValueError:
            return None
        return f"badge{suffix}", raw
    tail = urlsplit(ref).path.rsplit("/", 1)[-1]
    if not tail:
        return None
    for name, data in collection.images.items():
        if name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] == tail:
            return tail, data
    return None
