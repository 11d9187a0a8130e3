"""Reading dates as rosters write them, and writing them as certificates print them.

Accepted: 2025-04-01, 2025/4/1, 2025.4.1, 20250401, 2025年4月1日, R7.4.1, R07.04.01, 令和7年4月1日,
令和元年5月1日, 令和七年四月一日, H31.4.30, 1 April 2025, April 1, 2025, Excel serial numbers
(45748), each optionally followed by a time (Excel's CSV export writes "2025/4/1 0:00") or a
weekday in brackets. Full-width digits are accepted. Numeric day/month/year orders such as
04/01/2025 are refused: they mean different days in different countries.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from designer.data.eras import era_named, from_era, to_era
from designer.data.textforms import kanji_number, parse_kanji_number
from designer.errors import ShoshoError

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_BY_NAME = (
    {name.lower(): i for i, name in enumerate(MONTHS_EN, 1)}
    | {name[:3].lower(): i for i, name in enumerate(MONTHS_EN, 1)}
    | {"sept": 9}
)

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, after Excel's 1900-02-29 bug
_EXCEL_SERIAL_RANGE = (61, 2958465)  # 1900-03-01 .. 9999-12-31

_TIME_SUFFIX = re.compile(r"[ T]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*$")
_WEEKDAY_SUFFIX = re.compile(r"\s*[(（][^)）]{1,9}[)）]\s*$")
_YMD = re.compile(r"(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_ERA_DIGITS = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[MTSHRmtshr明大昭平令])\s*(?P<year>\d{1,3}|元)\s*"
    r"(?:[-/.]|年)\s*(?P<month>\d{1,2})\s*(?:[-/.]|月)\s*(?P<day>\d{1,2})\s*日?"
)
_ERA_KANJI = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和)\s*(?P<year>[元〇一二三四五六七八九十百]+)\s*年\s*"
    r"(?P<month>[〇一二三四五六七八九十]+)\s*月\s*(?P<day>[〇一二三四五六七八九十]+)\s*日"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_AMBIGUOUS = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")


class UnreadableDate(ShoshoError):
    """A value in a date column that is not a date in any format Shosho reads."""


def parse_date(value: object) -> dt.date:
    """The date a roster cell means; raises UnreadableDate with the reason."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise UnreadableDate(f"{value!r} is not a date")
    if isinstance(value, int | float):
        return excel_serial_to_date(value)
    text = str(value)
    try:
        return _parse_text(text)
    except UnreadableDate:
        raise
    except ShoshoError as error:  # a real-looking era date that does not exist
        raise UnreadableDate(str(error)) from None


def _parse_text(original: str) -> dt.date:
    # NFKC only for dates: turns full-width digits and separators into ASCII. Never for names.
    text = unicodedata.normalize("NFKC", original).strip()
    if not text:
        raise UnreadableDate("the date is empty")
    text = _WEEKDAY_SUFFIX.sub("", _TIME_SUFFIX.sub("", text)).strip()

    if match := _YMD.fullmatch(text):
        year, sep1, month, sep2, day = match.groups()
        if (sep1 == "年") == (sep2 == "月") and (sep1 == "年" or sep1 == sep2):
            return _make(original, int(year), int(month), int(day))
    if match := _COMPACT.fullmatch(text):
        return _make(original, *(int(part) for part in match.groups()))
    if match := _ERA_DIGITS.fullmatch(text):
        era = era_named(match["era"])
        assert era is not None
        year = 1 if match["year"] == "元" else int(match["year"])
        return from_era(era, year, int(match["month"]), int(match["day"]))
    if match := _ERA_KANJI.fullmatch(text):
        era = era_named(match["era"])
        numbers = [parse_kanji_number(match[key]) for key in ("year", "month", "day")]
        if era is not None and None not in numbers:
            year, month, day = numbers
            return from_era(era, year, month, day)  # type: ignore[arg-type]
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month_name, year = match.groups()
        if (month := _MONTH_BY_NAME.get(month_name.lower())) is not None:
            return _make(original, int(year), month, int(day))
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        month_name, day, year = match.groups()
        if (month := _MONTH_BY_NAME.get(month_name.lower())) is not None:
            return _make(original, int(year), month, int(day))
    if re.fullmatch(r"\d+(\.0+)?", text):
        return excel_serial_to_date(float(text))
    if _AMBIGUOUS.fullmatch(text):
        raise UnreadableDate(
            f"{original!r} could be day/month or month/day; write it as 2025-04-01, "
            "2025/4/1, 令和7年4月1日 or 1 April 2025"
        )
    raise UnreadableDate(
        f"{original!r} is not a date Shosho can read (for example 2025-04-01, 2025/4/1, "
        "2025年4月1日, R7.4.1 or 令和7年4月1日)"
    )


def _make(original: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise UnreadableDate(f"{original!r} is not a real date") from None


def excel_serial_to_date(serial: float) -> dt.date:
    """An Excel serial day number (1900 date system) as a date; the time of day is dropped."""
    low, high = _EXCEL_SERIAL_RANGE
    if not low <= serial <= high:
        raise UnreadableDate(
            f"{serial:g} is not a date (as an Excel day number it is out of range)"
        )
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _year_text(year: int, kanji: bool) -> str:
    if year == 1:
        return "元"
    return kanji_number(year) if kanji else str(year)


def format_wareki(date: dt.date) -> str:
    """令和7年4月1日; the first year of an era is 元年 (令和元年5月1日)."""
    era_date = to_era(date)
    return f"{era_date.era.name}{_year_text(era_date.year, False)}年{date.month}月{date.day}日"


def format_wareki_kanji(date: dt.date) -> str:
    """令和七年四月一日, numbers read out with 十 (二十日), for vertical certificates."""
    era_date = to_era(date)
    return (
        f"{era_date.era.name}{_year_text(era_date.year, True)}年"
        f"{kanji_number(date.month)}月{kanji_number(date.day)}日"
    )


def format_date_en(date: dt.date) -> str:
    """1 April 2025 (international style: no ordinal, no comma)."""
    return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"


def format_date_us(date: dt.date) -> str:
    """April 1, 2025."""
    return f"{MONTHS_EN[date.month - 1]} {date.day}, {date.year}"


_DIRECTIVES = {
    "Y": lambda d: f"{d.year:04d}",
    "y": lambda d: f"{d.year % 100:02d}",
    "m": lambda d: f"{d.month:02d}",
    "-m": lambda d: str(d.month),
    "d": lambda d: f"{d.day:02d}",
    "-d": lambda d: str(d.day),
    "e": lambda d: f"{d.day:2d}",
    "B": lambda d: MONTHS_EN[d.month - 1],
    "b": lambda d: MONTHS_EN[d.month - 1][:3],
    "A": lambda d: WEEKDAYS_EN[d.weekday()],
    "a": lambda d: WEEKDAYS_EN[d.weekday()][:3],
    "J": lambda d: "月火水木金土日"[d.weekday()],
    "%": lambda d: "%",
}
_DIRECTIVE = re.compile(r"%(-?[A-Za-z%])")


def check_date_format(pattern: str) -> None:
    """Raise ShoshoError naming the first directive of ``pattern`` that is not supported."""
    for match in _DIRECTIVE.finditer(pattern):
        if match.group(1) not in _DIRECTIVES:
            supported = " ".join("%" + key for key in _DIRECTIVES)
            raise ShoshoError(
                f"date format {pattern!r}: '%{match.group(1)}' is not supported "
                f"(supported: {supported})"
            )
    if re.search(r"%(?![-A-Za-z%])|%-(?![A-Za-z])", pattern):
        raise ShoshoError(f"date format {pattern!r}: a '%' must be followed by a directive")


def format_date(date: dt.date, pattern: str) -> str:
    """strftime-like formatting that behaves the same on every OS: %Y %y %m %-m %d %-d %e
    %B %b %A %a (English names), %J (Japanese weekday 月…日) and %%."""
    return _DIRECTIVE.sub(lambda match: _DIRECTIVES[match.group(1)](date), pattern)
