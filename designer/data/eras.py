"""Japanese eras (元号) from 明治 on, by our own table.

Libraries disagree about when 明治 began and about the days on which one era ended and the
next began (see docs/fields.md). The Gregorian calendar was adopted on 明治6年1月1日
(1873-01-01); earlier dates were lunisolar, so a 和暦 date before that day is refused rather
than converted wrongly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from designer.errors import ShoshoError

GREGORIAN_ADOPTED = dt.date(1873, 1, 1)


@dataclass(frozen=True)
class Era:
    name: str  # 令和
    letter: str  # R
    start: dt.date  # first day of 元年
    end: dt.date | None  # last day, or None for the current era


ERAS: tuple[Era, ...] = (
    Era("明治", "M", dt.date(1868, 10, 23), dt.date(1912, 7, 30)),
    # 1912-07-30 is both 明治45年 and 大正元年; 1926-12-25 both 大正15年 and 昭和元年.
    Era("大正", "T", dt.date(1912, 7, 30), dt.date(1926, 12, 25)),
    Era("昭和", "S", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    Era("平成", "H", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    Era("令和", "R", dt.date(2019, 5, 1), None),
)

_BY_NAME = {era.name: era for era in ERAS}
_BY_LETTER = {era.letter: era for era in ERAS}
_BY_FIRST_KANJI = {era.name[0]: era for era in ERAS}


@dataclass(frozen=True)
class EraDate:
    era: Era
    year: int  # 1 for 元年
    month: int
    day: int


def era_named(name: str) -> Era | None:
    """The era for 令和, 令, R or r (and so on); None if the name is not an era."""
    if name in _BY_NAME:
        return _BY_NAME[name]
    if len(name) == 1:
        return _BY_LETTER.get(name.upper()) or _BY_FIRST_KANJI.get(name)
    return None


def to_era(date: dt.date) -> EraDate:
    """The 和暦 form of a date. On a day two eras share, the new era is used."""
    if date < GREGORIAN_ADOPTED:
        raise ShoshoError(
            f"{date.isoformat()} is before 1873-01-01, when Japan adopted the Gregorian "
            "calendar; a 和暦 date cannot be given for it (use a 西暦 format)"
        )
    for era in reversed(ERAS):
        if date >= era.start:
            return EraDate(era, date.year - era.start.year + 1, date.month, date.day)
    raise AssertionError("unreachable: 明治 starts before 1873")  # pragma: no cover


def from_era(era: Era, year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of an era date; raises ShoshoError when that day is not in the era."""
    label = f"{era.name}{'元' if year == 1 else year}年{month}月{day}日"
    if year < 1:
        raise ShoshoError(f"{label}: an era year starts at 元年 (1)")
    try:
        date = dt.date(era.start.year + year - 1, month, day)
    except ValueError:
        raise ShoshoError(f"{label} is not a real date") from None
    if date < era.start:
        raise ShoshoError(f"{label} is before {era.name} began on {era.start.isoformat()}")
    if era.end is not None and date > era.end:
        raise ShoshoError(f"{label} is after {era.name} ended on {era.end.isoformat()}")
    if date < GREGORIAN_ADOPTED:
        raise ShoshoError(
            f"{label} is before 明治6年1月1日 (1873-01-01), when Japan adopted the Gregorian "
            "calendar; it cannot be converted"
        )
    return date
