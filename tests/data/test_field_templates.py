"""The field template language: filters, blank lines, and no way to run code."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from designer.data.fields import compile_template, fields_used, render_text, validate
from designer.errors import ShoshoError

VALUES = {
    "family_name": "髙橋",
    "given_name": "陽菜",
    "full_name": "髙橋\u3000陽菜",
    "name_en": "Takahashi Hina",
    "student_id": "2510072",
    "completion_date": dt.date(2025, 4, 1),
    "first_day": dt.date(2019, 5, 1),
    "text_date": "R7.3.20",
    "email": "",
    "note": "ﾃｽﾄ ｶﾞｸｾｲ 123",
    "wide": "ＡＢＣ　１２３",
    "通学区間": "新宿〜八王子",
}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ family_name }}{{given_name}}", "髙橋陽菜"),
        ("{{ completion_date | wareki }}", "令和7年4月1日"),
        ("{{ first_day | wareki }}", "令和元年5月1日"),
        ("{{ completion_date | wareki_kanji }}", "令和七年四月一日"),
        ("{{ text_date | wareki_kanji }}", "令和七年三月二十日"),
        ('{{ completion_date | date("%Y年%-m月%-d日") }}', "2025年4月1日"),
        ("{{ completion_date | date('%d.%m.%Y') }}", "01.04.2025"),
        ("{{ completion_date | date_en }}", "1 April 2025"),
        ("{{ completion_date | date_us }}", "April 1, 2025"),
        ("{{ completion_date }}", "2025-04-01"),
        ("{{ name_en | upper }}", "TAKAHASHI HINA"),
        ("{{ note | zenkaku }}", "テスト　ガクセイ　１２３"),
        ("{{ wide | hankaku }}", "ABC 123"),
        ("第{{ student_id | kanji_digits }}号", "第二五一〇〇七二号"),
        ('{{ email | default("（未登録）") }}', "（未登録）"),
        ('{{ missing | default("—") | upper }}', "—"),
        ("{{ name_en | upper | zenkaku }}", "ＴＡＫＡＨＡＳＨＩ　ＨＩＮＡ"),
        ("{{ 通学区間 }}", "新宿〜八王子"),
        ("{{ missing }}", ""),
        ('{{ "{{ literal }}" }}', "{{ literal }}"),
        ("{ single braces } stay", "{ single braces } stay"),
    ],
)
def test_render(template: str, expected: str) -> None:
    assert render_text(template, VALUES) == expected


def test_values_are_never_parsed_as_templates() -> None:
    assert (
        render_text("{{ full_name }}", {"full_name": "{{ ''.__class__ }}"}) == "{{ ''.__class__ }}"
    )


def test_names_are_not_normalised() -> None:
    name = "\ufa10本\u3000\u845b\U000e0100"
    assert render_text("{{ n }}", {"n": name}) == name


def test_blank_line_suppression() -> None:
    template = "{{ full_name }} 殿\nEmail: {{ email }}\n{{ email }}{{ missing }}\n\n学籍番号 {{ student_id }}"
    assert render_text(template, VALUES) == "髙橋\u3000陽菜 殿\n\n学籍番号 2510072"
    # A line with one filled and one empty field stays; a default counts as filled.
    assert render_text("{{ email }}/{{ student_id }}", VALUES) == "/2510072"
    assert render_text('Email: {{ email | default("none") }}', VALUES) == "Email: none"


def test_fields_used() -> None:
    template = (
        '{{ full_name }} {{ completion_date | wareki }}\n{{ email | default("x") }}{{ "lit" }}'
    )
    assert fields_used(template) == {"full_name", "completion_date", "email"}
    assert fields_used("no fields") == set()


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "{{ ''.__class__ }}",
            r"attribute access \('\.'\) is not allowed.* in `\{\{ ''\.__class__ \}\}`",
        ),
        (
            "{{ full_name.__class__.__mro__ }}",
            r"attribute access .* in `\{\{ full_name\.__class__\.__mro__ \}\}`",
        ),
        ("{{ cycler.__init__.__globals__ }}", "attribute access"),
        ("{{ values['x'] }}", r"indexing \('\['\) is not allowed"),
        ("{{ range(10) }}", r"calling \('\('\) is not allowed"),
        ("{{ 7*7 }}", "'7\\*7' is not a field name"),
        ("{{ full_name | attr('__class__') }}", "unknown filter 'attr'"),
        (
            "{% for x in range(3) %}{{ x }}{% endfor %}",
            r"statements \(\{% … %\}\) are not allowed.* in `\{% for x in range\(3\) %\}`",
        ),
        ("{% import os %}", "statements"),
        ("{# note #}", "comments"),
    ],
)
def test_code_is_refused(template: str, message: str) -> None:
    with pytest.raises(ShoshoError, match=message):
        validate(template)
    with pytest.raises(ShoshoError):
        render_text(template, VALUES)


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ completion_date | warekii }}", r"unknown filter 'warekii' \(did you mean wareki\?\)"),
        ("Dear {{ full_name", r"'\{\{' is not closed with '\}\}' in `\{\{ full_name`"),
        ("{{ }}", "the braces are empty"),
        ("{{ full_name | }}", "a filter name is missing"),
        ("{{ d | date }}", r"filter date takes 1 argument \(format\), not 0"),
        ("{{ d | date(5) }}", "must be quoted text"),
        ('{{ d | date("%Q") }}', "'%Q' is not supported"),
        ("{{ n | upper('x') }}", "filter upper takes no arguments"),
        ('{{ n | default("x" }}', r"'\)' is missing"),
        ('{{ n | default("x) }}', "is not closed"),
        ("{{ a b }}", "'b' is not allowed"),
    ],
)
def test_bad_templates_point_at_the_text(template: str, message: str) -> None:
    with pytest.raises(ShoshoError, match=message) as info:
        validate(template)
    assert "field template" in str(info.value)


def test_date_filter_on_text_that_is_not_a_date_names_field_and_value() -> None:
    with pytest.raises(
        ShoshoError, match=r"`\{\{ note \| wareki \}\}`: 'ﾃｽﾄ ｶﾞｸｾｲ 123' is not a date"
    ):
        render_text("{{ note | wareki }}", VALUES)
    with pytest.raises(ShoshoError, match="before 1873-01-01"):
        render_text("{{ d | wareki }}", {"d": dt.date(1868, 1, 1)})
    assert render_text("{{ email | wareki }}", VALUES) == ""  # empty stays empty


def test_compiled_templates_are_cached() -> None:
    template = "{{ full_name }} cache check"
    assert compile_template(template) is compile_template(template)


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_zenkaku_then_hankaku_gives_back_ascii(text: str) -> None:
    assert render_text("{{ t | zenkaku | hankaku }}", {"t": text}) == text
