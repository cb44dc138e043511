"""Dates, weekdays and numbers as people read them, per language (Babel's CLDR data).

One module for the screen and every printout: `2026年1月5日 星期一` in Chinese, `Mon 5 Jan 2026` in English.
The month is always spelled (or written with 年/月/日), so 05/01 can never be read as 1 May. Where a machine
reads the date (JSON, CSV, .ics) it stays ISO and never comes here.

`lang=None` means the current language (`planner.core.i18n.current_language`): the printout's inside
`with language(...)`, else the interface language.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal

from planner.core.i18n import current_language, normalize_language

# Explicit patterns for the languages the planner ships, so a CLDR update cannot turn "Sep" into "Sept" or
# drop the weekday on a printout; other languages get their CLDR medium date.
_PATTERNS: dict[str, dict[str, str]] = {
    "en": {"date": "d MMM y", "day_month": "d MMM", "weekday_date": "EEE d MMM y",
           "weekday_date_full": "EEEE d MMM y", "month": "LLLL y",
           "weekday": "EEE", "weekday_long": "EEEE"},
    "zh_CN": {"date": "y年M月d日", "day_month": "M月d日", "weekday_date": "y年M月d日 EEEE",
              "weekday_date_full": "y年M月d日 EEEE", "month": "y年M月",
              "weekday": "EEE", "weekday_long": "EEEE"},
}


@cache
def _locale(code: str) -> Locale:
    try:
        return Locale.parse(code)
    except (ValueError, LookupError):
        return Locale.parse("en")


def _language(lang: str | None) -> str:
    return normalize_language(lang) if lang is not None else current_language()


def _pattern(lang: str, kind: str) -> str | None:
    return _PATTERNS.get(lang, {}).get(kind)


def _format(value: date, kind: str, lang: str | None, fallback: str) -> str:
    code = _language(lang)
    return _babel_format_date(value, _pattern(code, kind) or fallback, locale=_locale(code))


def format_date(value: date, lang: str | None = None) -> str:
    """`5 Jan 2026` / `2026年1月5日`."""
    return _format(value, "date", lang, "medium")


def format_day_month(value: date, lang: str | None = None) -> str:
    """`5 Jan` / `1月5日`: where the year is given next to it."""
    return _format(value, "day_month", lang, "d MMM")


def format_weekday_date(value: date, lang: str | None = None, *, full_weekday: bool = False) -> str:
    """`Mon 5 Jan 2026` / `2026年1月5日 星期一`; with full_weekday `Monday 5 Jan 2026`."""
    return _format(value, "weekday_date_full" if full_weekday else "weekday_date", lang, "full")


def format_month(year: int, month: int, lang: str | None = None) -> str:
    """`January 2026` / `2026年1月`: the title of a month grid."""
    return _format(date(year, month, 1), "month", lang, "LLLL y")


def weekday_name(isoweekday: int, lang: str | None = None, *, short: bool = True) -> str:
    """1 (Monday) .. 7: `Mon` / `周一`, or with short=False `Monday` / `星期一`."""
    day = date(2024, 1, isoweekday)  # 1 January 2024 was a Monday
    return _format(day, "weekday" if short else "weekday_long", lang, "EEE" if short else "EEEE")


def format_number(value: Decimal | int, lang: str | None = None) -> str:
    """A number with the language's decimal sign, every digit kept (doses are rounded before they get here)."""
    code = _language(lang)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(value, format=pattern, locale=_locale(code), decimal_quantization=False,
                              group_separator=False)
    return format_decimal(value, locale=_locale(code), group_separator=False)
