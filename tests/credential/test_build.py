"""Building OpenBadgeCredentials from issuer, achievement and record."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

import pytest

from designer.credential.build import build_credential, identity_hash
from designer.credential.schema import schema_errors
from designer.errors import ShoshoError

JST = timezone(timedelta(hours=9))
ISSUER = {
    "id": "did:web:example.ac.jp",
    "name": {"ja": "東京未来大学", "en": "Tokyo Mirai University"},
}
ACHIEVEMENT = {"name": "{course_name} 修了", "criteria": "全課程を修了した。"}


def build(record, **options):
    return build_credential(
        options.pop("issuer", ISSUER),
        options.pop("achievement", ACHIEVEMENT),
        record,
        credential_id="urn:uuid:00000000-0000-4000-8000-000000000001",
        issued_at=datetime(2026, 3, 25, 10, tzinfo=JST),
        valid_until=options.pop("valid_until", None),
        status=options.pop("status", None),
    )


def test_credential_shape_and_schema():
    credential = build(
        {
            "email": "Taro@Example.ac.jp",
            "student_id": "S1",
            "family_name": "山田",
            "given_name": "太郎",
            "course_name": "情報基礎",
        }
    )
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["name"] == "東京未来大学 (Tokyo Mirai University)"
    subject = credential["credentialSubject"]
    assert subject["name"] == "山田 太郎"
    assert subject["achievement"]["name"] == "情報基礎 修了"
    email, student = subject["identifier"]
    assert email["identityType"] == "emailAddress" and student["identityType"] == "sisSourcedId"
    expected = hashlib.sha256(("taro@example.ac.jp" + email["salt"]).encode()).hexdigest()
    assert email["identityHash"] == f"sha256${expected}"
    assert "taro@example.ac.jp" not in str(credential).lower()
    assert credential["validFrom"] == "2026-03-25T10:00:00+09:00"
    assert schema_errors(credential) == []


def test_spec_identity_hash_example():
    assert (
        identity_hash("a@example.com", "Kosher")
        == "sha256$" + hashlib.sha256(b"a@example.comKosher").hexdigest()
    )


def test_expiry_status_and_awarded_date():
    credential = build(
        {
            "student_id": "S2",
            "full_name": "佐藤 花子",
            "expiry_date": "2030-03-31",
            "completion_date": "2026/3/20",
            "course_name": "学生証",
        },
        status={"url": "https://example.ac.jp/status/1", "index": 42},
    )
    assert credential["validUntil"] == "2030-03-31T23:59:59+09:00"
    assert credential["awardedDate"] == "2026-03-20T00:00:00+09:00"
    assert credential["credentialStatus"]["statusListIndex"] == "42"
    assert credential["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert schema_errors(credential) == []


def test_same_input_builds_same_bytes():
    record = {"email": "a@example.com", "course_name": "X"}
    assert build(record) == build(record)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"full_name": "名無し", "course_name": "X"}, "email or a student_id"),
        ({"email": "a@b.jp", "course_name": "X", "completion_date": "令和八年"}, "completion_date"),
        ({"email": "a@b.jp", "nickname": "x"}, "nickname"),
    ],
)
def test_bad_records_are_named(record, message):
    with pytest.raises(ShoshoError, match=message):
        build(record)


def test_issuer_without_id_is_refused():
    with pytest.raises(ShoshoError, match="'id'"):
        build({"email": "a@b.jp", "course_name": "X"}, issuer={"name": "x"})
