"""What staff call each field, in the interface language (氏名, not full_name)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _labels() -> dict[str, str]:
    return {
        "student_id": tr("Student ID"),
        "family_name": tr("Family name"),
        "given_name": tr("Given name"),
        "full_name": tr("Full name"),
        "full_name_kana": tr("Name (kana)"),
        "name_en": tr("Name in English"),
        "email": tr("E-mail"),
        "department": tr("Department"),
        "course_name": tr("Course name"),
        "completion_date": tr("Completion date"),
        "issue_date": tr("Issue date"),
        "expiry_date": tr("Expiry date"),
        "date_of_birth": tr("Date of birth"),
        "photo": tr("Photo"),
        "family_name_kana": tr("Family name (kana)"),
        "given_name_kana": tr("Given name (kana)"),
        "faculty": tr("Faculty"),
        "major": tr("Major"),
        "seal_url": tr("Verification link (QR seal)"),
        "credential_id": tr("Credential number"),
        "verify_host": tr("Verification site"),
        "issuer_name": tr("Issuer name"),
        "achievement_name": tr("Achievement name"),
    }


def field_label(name: str) -> str:
    """The label of a known field; a roster's own column names are shown as they are."""
    return _labels().get(name, name)


def known_fields() -> list[str]:
    """Every field a design can use, in the order staff expect them."""
    return list(_labels())


def is_date_field(name: str) -> bool:
    from designer.data.binding import is_date_field as binding_is_date_field

    return binding_is_date_field(name)


def formats_for(name: str) -> list[tuple[str, str]]:
    """The ways a field can be printed, as (label with an example, filter to write)."""
    if is_date_field(name):
        return [
            (tr("Japanese era (令和7年4月1日)"), "wareki"),
            (tr("Japanese era, kanji numerals (令和七年四月一日)"), "wareki_kanji"),
            (tr("Western year (2025年4月1日)"), 'date("%Y年%-m月%-d日")'),
            (tr("English (1 April 2025)"), "date_en"),
            (tr("American English (April 1, 2025)"), "date_us"),
            (tr("Numbers only (2025-04-01)"), ""),
        ]
    return [
        (tr("As in the roster"), ""),
        (tr("Full-width (ＡＢＣ１２３)"), "zenkaku"),
        (tr("Half-width (ABC123)"), "hankaku"),
        (tr("Capital letters (TAKAHASHI)"), "upper"),
        (tr("Kanji digits (一〇七二)"), "kanji_digits"),
    ]


def placeholder_text(name: str, filter_expression: str = "") -> str:
    """The field as a template writes it: ``{{ name }}`` or ``{{ name | filter }}``."""
    if filter_expression:
        return f"{{{{ {name} | {filter_expression} }}}}"
    return f"{{{{ {name} }}}}"
