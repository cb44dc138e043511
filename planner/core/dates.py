"""Dates as nurses and printouts need them: strict ISO input, unambiguous output."""

from __future__ import annotations

import re
from datetime import date

from planner.core.errors import InputError
from planner.core.i18n import translate

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_iso_date(text: object, field: str, label: str | None = None) -> date:
    """`2026-01-05` -> date; anything else (30 February, 05/01/2026) is an InputError naming the field."""
    if isinstance(text, date):
        return text
    shown = label or field
    match = _ISO.match(str(text or ""))
    if match is None:
        raise InputError(field, translate(
            "Dates", "{label}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-05.").format(
            label=shown, text=text or ""))
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(field, translate(
            "Dates", "{label}: {text} does not exist in the calendar.").format(label=shown, text=str(text).strip())) \
            from None


def format_long(value: date) -> str:
    """`5 Jan 2026` / `2026年1月5日` in the current language: month spelled so 05/01 can never be read as 1 May."""
    from planner.core.formatting import format_date  # Babel loads its data only when a date is shown

    return format_date(value)


def format_with_weekday(value: date) -> str:
    """`Mon 5 Jan 2026` / `2026年1月5日 星期一` in the current language."""
    from planner.core.formatting import format_weekday_date

    return format_weekday_date(value)


def format_days(days: tuple[int, ...] | list[int]) -> str:
    """Cycle days as ranges: (1, 2, ..., 14) -> `1-14`; (1, 2, 3, 8) -> `1-3, 8`."""
    parts: list[str] = []
    run: list[int] = []
    for day in sorted(days):
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if run:
            parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [day]
    if run:
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)
