"""The seal and the credential name the same achievement, from one source."""

import datetime as dt

from designer.credential.build import build_achievement
from designer.model.template import Template
from designer.prepare import achievement_name, seal_claims

VALUES = {"full_name": "髙橋　陽菜", "course_name": "地域データ活用講座"}


def test_without_an_achievement_name_the_seal_names_the_course_not_the_page():
    template = Template(name="Untitled")
    claims = seal_claims(
        template,
        VALUES,
        credential_id="urn:uuid:0b1f6c52-3f0e-4c1a-9d52-8c6e0c1e2a11",
        issued=dt.date(2025, 3, 25),
        credential=None,
    )
    credential = build_achievement(template.achievement, VALUES, "https://mirai.example/issuer")
    assert claims.achievement == credential["name"] == "地域データ活用講座"
    assert "Untitled" not in (claims.achievement or "")


def test_the_templates_achievement_name_wins_with_its_fields_filled():
    template = Template(name="修了証", achievement={"name": "{{ course_name }}（春期）"})
    assert achievement_name(template, VALUES) == "地域データ活用講座（春期）"


def test_neither_gives_no_name_for_the_wizard_to_ask_for():
    assert achievement_name(Template(name="Untitled"), {"full_name": "x"}) == ""
