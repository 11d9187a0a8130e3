"""Building an Open Badges 3.0 ``OpenBadgeCredential`` for one roster record.

The issuer profile and the achievement come from the office's settings and the template; the
record gives the recipient. The recipient is identified by salted SHA-256 IdentityObjects of
the email address and/or the student number, never by the plain values. Date of birth and
photo are printed on cards but are not put into the credential.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from datetime import UTC, date, datetime, time
from typing import Any

from designer.credential.jsonld import OB_CONTEXT, VC_V2_CONTEXT
from designer.credential.schema import check_credential
from designer.errors import ShoshoError
from designer.ob2.upgrade import identity_object as ob2_identity
from designer.ob2.upgrade import upgrade_evidence as ob2_evidence

CREDENTIAL_CONTEXT = [VC_V2_CONTEXT, OB_CONTEXT]

# Carried over from an Open Badges 2.0 award (see designer.ob2.upgrade): the recipient's
# IdentityObject as it was, the original Assertion, its narrative and evidence.
OB2_RECORD_FIELDS = (
    "identity_hash", "identity_salt", "identity_type", "ob2_assertion", "narrative",
    "evidence_json",
)  # fmt: skip

RECORD_FIELDS = (
    "student_id", "family_name", "given_name", "full_name", "full_name_kana", "name_en", "email",
    "department", "course_name", "completion_date", "issue_date", "expiry_date", "date_of_birth",
    "photo",
) + OB2_RECORD_FIELDS  # fmt: skip

ACHIEVEMENT_KEYS = (
    "id", "name", "description", "criteria", "image", "achievementType", "creditsAvailable",
    "fieldOfStudy", "alignment", "humanCode", "specialization", "tag", "version", "inLanguage",
    "related",
)  # fmt: skip
_PLACEHOLDER = re.compile(r"\{(" + "|".join(RECORD_FIELDS) + r")\}")
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def identity_hash(value: str, salt: str) -> str:
    """``sha256$<hex>`` of the identifier followed by the salt (OB 3.0 IdentityHash)."""
    return "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def identity_object(value: str, identity_type: str, salt: str) -> dict[str, Any]:
    return {
        "type": "IdentityObject",
        "identityHash": identity_hash(value, salt),
        "identityType": identity_type,
        "hashed": True,
        "salt": salt,
    }


def salt_for(credential_id: str, identity_type: str) -> str:
    """A salt unique to the credential, so the same person hashes differently in each one.

    It is derived from the credential id so that building the same credential twice (a batch
    resumed after a crash) gives the same bytes.
    """
    return hashlib.sha256(f"{credential_id}|{identity_type}".encode()).hexdigest()[:32]


def issuer_profile(issuer: dict[str, Any]) -> dict[str, Any]:
    """The OB 3.0 ``Profile`` for an issuer-profile settings object (see docs/credentials.md)."""
    issuer_id = issuer.get("id")
    if not isinstance(issuer_id, str) or ":" not in issuer_id:
        raise ShoshoError("the issuer profile needs an 'id' (a did:web, did:key or https URL)")
    profile: dict[str, Any] = {
        "id": issuer_id,
        "type": ["Profile"],
        "name": issuer_display_name(issuer),
    }
    for key in ("url", "email", "phone", "description"):
        if issuer.get(key):
            profile[key] = issuer[key]
    if issuer.get("image"):
        profile["image"] = _image(issuer["image"], "issuer image")
    others = issuer.get("other_identifier") or []
    if others:
        profile["otherIdentifier"] = [
            {"type": "IdentifierEntry", "identifier": value, "identifierType": "identifier"}
            for value in others
        ]
    return profile


def issuer_display_name(issuer: dict[str, Any]) -> str:
    """``"東京未来大学 (Tokyo Mirai University)"`` from ``{"ja": …, "en": …}``, or the plain string."""
    name = issuer.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    if isinstance(name, dict):
        ja, en = (name.get("ja") or "").strip(), (name.get("en") or "").strip()
        if ja and en:
            return f"{ja} ({en})"
        if ja or en:
            return ja or en
    raise ShoshoError("the issuer profile needs a 'name' (a string, or {'ja': …, 'en': …})")


def _image(value: Any, what: str) -> dict[str, Any]:
    if isinstance(value, str):
        return {"id": value, "type": "Image"}
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return {"type": "Image", **value}
    raise ShoshoError(f"{what} must be a URL or {{'id': URL}}")


def _fill(text: str, record: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: record.get(match.group(1), "") or "", text)


def build_achievement(
    achievement: dict[str, Any], record: dict[str, str], issuer_id: str
) -> dict[str, Any]:
    """The OB 3.0 ``Achievement``; ``{course_name}``-style placeholders take record values."""
    unknown = sorted(set(achievement) - set(ACHIEVEMENT_KEYS) - {"type"})
    if unknown:
        raise ShoshoError(f"unknown achievement setting(s): {', '.join(unknown)}")
    name = _fill(str(achievement.get("name") or "{course_name}"), record).strip()
    if not name:
        raise ShoshoError("the achievement needs a name (or the record a course_name)")
    description = _fill(str(achievement.get("description") or name), record).strip()
    criteria = achievement.get("criteria") or {"narrative": description}
    if isinstance(criteria, str):
        criteria = {"narrative": criteria}
    criteria = {
        key: _fill(value, record) if isinstance(value, str) else value
        for key, value in criteria.items()
    }
    achievement_id = (
        achievement.get("id")
        or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, issuer_id + '|' + name)}"
    )
    result: dict[str, Any] = {
        "id": achievement_id,
        "type": ["Achievement"],
        "name": name,
        "description": description,
        "criteria": criteria,
    }
    if achievement.get("image"):
        result["image"] = _image(achievement["image"], "achievement image")
    if achievement.get("achievementType"):
        result["achievementType"] = achievement["achievementType"]
    if achievement.get("creditsAvailable") not in (None, ""):
        try:
            result["creditsAvailable"] = float(achievement["creditsAvailable"])
        except (TypeError, ValueError):
            raise ShoshoError(
                f"creditsAvailable must be a number, not {achievement['creditsAvailable']!r}"
            ) from None
    for key in ("fieldOfStudy", "humanCode", "specialization", "version", "inLanguage"):
        if achievement.get(key):
            result[key] = _fill(str(achievement[key]), record)
    if achievement.get("tag"):
        result["tag"] = list(achievement["tag"])
    if achievement.get("related"):
        result["related"] = [dict(entry) for entry in achievement["related"]]
    if achievement.get("alignment"):
        result["alignment"] = [
            {"type": ["Alignment"], **entry} for entry in achievement["alignment"]
        ]
    return result


def recipient_name(record: dict[str, str]) -> str | None:
    full = (record.get("full_name") or "").strip()
    if full:
        return full
    parts = [(record.get("family_name") or "").strip(), (record.get("given_name") or "").strip()]
    joined = " ".join(part for part in parts if part)
    return joined or (record.get("name_en") or "").strip() or None


def _record_datetime(
    record: dict[str, str], field: str, zone: Any, end_of_day: bool = False
) -> str | None:
    value = (record.get(field) or "").strip()
    if not value:
        return None
    match = _DATE.match(value)
    try:
        if match:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            moment = datetime.combine(
                day, time(23, 59, 59) if end_of_day else time(0, 0), tzinfo=zone
            )
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=zone)
    except ValueError:
        raise ShoshoError(f"field {field}: {value!r} is not a date (expected YYYY-MM-DD)") from None
    return _format(moment)


def _format(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ShoshoError("dates given to the credential builder must carry a time zone")
    text = moment.replace(microsecond=0).isoformat()
    return text.replace("+00:00", "Z")


def status_entry(status: dict[str, Any]) -> dict[str, Any]:
    """A ``BitstringStatusListEntry``, from a full entry or ``{"url", "index", "purpose"}``."""
    if status.get("type") == "BitstringStatusListEntry":
        return dict(status)
    url, index = status.get("url") or status.get("statusListCredential"), status.get("index")
    if index is None:
        index = status.get("statusListIndex")
    if not isinstance(url, str) or index is None or int(index) < 0:
        raise ShoshoError("a credential status needs the status-list URL and a non-negative index")
    return {
        "id": f"{url}#{int(index)}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": status.get("purpose") or status.get("statusPurpose") or "revocation",
        "statusListIndex": str(int(index)),
        "statusListCredential": url,
    }


def build_credential(
    issuer: dict[str, Any],
    achievement: dict[str, Any],
    record: dict[str, str],
    *,
    credential_id: str,
    issued_at: datetime,
    valid_until: datetime | None = None,
    status: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An unsigned OpenBadgeCredential for one record; it is checked against the OB 3.0 schema.

    No ``credentialSchema`` is emitted: its type ``1EdTechJsonSchemaValidator2019`` is defined in
    no context, so JSON-LD safe-mode verifiers reject credentials that carry it.
    """
    unknown = sorted(set(record) - set(RECORD_FIELDS))
    if unknown:
        raise ShoshoError(f"unknown record field(s): {', '.join(unknown)}")
    if issued_at.tzinfo is None:
        raise ShoshoError("issued_at must carry a time zone")
    profile = issuer_profile(issuer)
    zone = issued_at.tzinfo
    identifiers = []
    email = (record.get("email") or "").strip()
    if email:
        identifiers.append(
            identity_object(email.lower(), "emailAddress", salt_for(credential_id, "emailAddress"))
        )
    student_id = (record.get("student_id") or "").strip()
    if student_id:
        identifiers.append(
            identity_object(student_id, "sisSourcedId", salt_for(credential_id, "sisSourcedId"))
        )
    carried = ob2_identity(record)
    if carried is not None:
        identifiers.insert(0, carried)
    if not identifiers:
        raise ShoshoError("the record needs an email or a student_id to identify the recipient")
    subject: dict[str, Any] = {"type": ["AchievementSubject"], "identifier": identifiers}
    name = recipient_name(record)
    if name:
        subject["name"] = name
    if (record.get("narrative") or "").strip():
        subject["narrative"] = record["narrative"].strip()
    subject["achievement"] = build_achievement(achievement, record, profile["id"])
    credential: dict[str, Any] = {
        "@context": list(CREDENTIAL_CONTEXT),
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": profile,
        "name": subject["achievement"]["name"],
        "validFrom": _format(issued_at),
    }
    until = (
        _format(valid_until) if valid_until else _record_datetime(record, "expiry_date", zone, True)
    )
    if until:
        credential["validUntil"] = until
    credential["awardedDate"] = _record_datetime(record, "completion_date", zone) or _format(
        issued_at
    )
    credential["credentialSubject"] = subject
    evidence = ob2_evidence(record)
    if evidence:
        credential["evidence"] = evidence
    if status:
        credential["credentialStatus"] = status_entry(status)
    check_credential(credential)
    return credential


def utc_now() -> datetime:
    return datetime.now(UTC)
