"""Dates as rosters write them, and Japanese era dates as certificates print them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from designer.data.dates import (
    UnreadableDate,
    format_date,
    format_date_en,
    format_date_us,
    format_wareki,
    format_wareki_kanji,
    parse_date,
)
from designer.errors import ShoshoError

D = dt.date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025-04-01", D(2025, 4, 1)), ("2025/4/1", D(2025, 4, 1)), ("2025.4.1", D(2025, 4, 1)),
        ("2025年4月1日", D(2025, 4, 1)), ("R7.4.1", D(2025, 4, 1)), ("R07.04.01", D(2025, 4, 1)),
        ("r7/4/1", D(2025, 4, 1)), ("令和7年4月1日", D(2025, 4, 1)), ("令和元年5月1日", D(2019, 5, 1)),
        ("令和七年四月一日", D(2025, 4, 1)), ("令和元年十二月二十五日", D(2019, 12, 25)),
        ("H31.4.30", D(2019, 4, 30)), ("平成元年1月8日", D(1989, 1, 8)), ("S64.1.7", D(1989, 1, 7)),
        ("明治45年7月30日", D(1912, 7, 30)), ("大正元年7月30日", D(1912, 7, 30)),
        ("大正15年12月25日", D(1926, 12, 25)), ("昭和元年12月25日", D(1926, 12, 25)),
        ("２０２５年４月１日", D(2025, 4, 1)), ("2025/4/1 0:00", D(2025, 4, 1)),
        ("2025-04-01T00:00:00", D(2025, 4, 1)), ("2025年4月1日（火）", D(2025, 4, 1)),
        ("20250401", D(2025, 4, 1)), ("45748", D(2025, 4, 1)), ("1 April 2025", D(2025, 4, 1)),
        ("April 1, 2025", D(2025, 4, 1)), ("1 Apr 2025", D(2025, 4, 1)),
    ],
)  # fmt: skip
def test_parse(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


def test_parse_excel_values() -> None:
    assert parse_date(dt.datetime(2025, 4, 1, 9, 30)) == D(2025, 4, 1)
    assert parse_date(45748) == D(2025, 4, 1)
    assert parse_date(45748.75) == D(2025, 4, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("04/01/2025", "could be day/month or month/day"),
        ("平成31年5月1日", "after 平成 ended on 2019-04-30"),
        ("昭和64年1月8日", "after 昭和 ended on 1989-01-07"),
        ("令和元年4月30日", "before 令和 began on 2019-05-01"),
        ("明治5年12月2日", r"before 明治6年1月1日 \(1873-01-01\)"),
        ("2025-02-29", "not a real date"),
        ("令和0年1月1日", "starts at 元年"),
        ("来週", "is not a date Shosho can read"),
        ("", "empty"),
        ("3", "out of range"),
    ],
)
def test_unreadable(text: str, message: str) -> None:
    with pytest.raises(UnreadableDate, match=message):
        parse_date(text)


@pytest.mark.parametrize(
    ("date", "wareki", "kanji"),
    [
        (D(1912, 7, 29), "明治45年7月29日", "明治四十五年七月二十九日"),
        (D(1912, 7, 30), "大正元年7月30日", "大正元年七月三十日"),
        (D(1926, 12, 24), "大正15年12月24日", "大正十五年十二月二十四日"),
        (D(1926, 12, 25), "昭和元年12月25日", "昭和元年十二月二十五日"),
        (D(1989, 1, 7), "昭和64年1月7日", "昭和六十四年一月七日"),
        (D(1989, 1, 8), "平成元年1月8日", "平成元年一月八日"),
        (D(2019, 4, 30), "平成31年4月30日", "平成三十一年四月三十日"),
        (D(2019, 5, 1), "令和元年5月1日", "令和元年五月一日"),
        (D(2025, 3, 20), "令和7年3月20日", "令和七年三月二十日"),
        (D(2030, 10, 10), "令和12年10月10日", "令和十二年十月十日"),
        (D(1873, 1, 1), "明治6年1月1日", "明治六年一月一日"),
    ],
)
def test_wareki(date: dt.date, wareki: str, kanji: str) -> None:
    assert format_wareki(date) == wareki
    assert format_wareki_kanji(date) == kanji
    assert parse_date(wareki) == date
    assert parse_date(kanji) == date


def test_wareki_refused_before_the_gregorian_calendar() -> None:
    with pytest.raises(ShoshoError, match="before 1873-01-01"):
        format_wareki(D(1872, 12, 31))


def test_english_and_pattern_formats() -> None:
    date = D(2025, 4, 1)
    assert format_date_en(date) == "1 April 2025"
    assert format_date_us(date) == "April 1, 2025"
    assert format_date(date, "%Y年%-m月%-d日") == "2025年4月1日"
    assert format_date(date, "%Y/%m/%d (%a) %J %%") == "2025/04/01 (Tue) 火 %"
    assert format_date(D(2025, 11, 23), "%-d %b %y") == "23 Nov 25"


@given(st.dates(min_value=D(1873, 1, 1), max_value=D(2200, 12, 31)))
def test_every_wareki_date_reads_back(date: dt.date) -> None:
    assert parse_date(format_wareki(date)) == date
    assert parse_date(format_wareki_kanji(date)) == date
    assert parse_date(format_date_en(date)) == date
    assert parse_date(format_date_us(date)) == date
