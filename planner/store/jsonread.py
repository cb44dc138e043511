"""Reading untrusted JSON (plan files) value by value, each failure a PlanFileError naming the path.

Numbers come in as exact Decimals with bounded precision, text must be storable, dates are strict
ISO, times carry their zone; json.loads itself is guarded against NaN, huge integers and deep nesting.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from planner.core import rules
from planner.core.i18n import translate
from planner.core.rules import MAX_TEXT
from planner.store.errors import PlanFileError

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ITEMS = 10_000
MAX_DECIMALS = 12
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fail(path: str, reason: str) -> PlanFileError:
    return PlanFileError(path, reason)


def must(what: str) -> str:
    return translate("Store", "must be {what}").format(what=what)


class Reader:
    """Typed access to untrusted JSON, each failure naming the path of the value."""

    @staticmethod
    def obj(value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise fail(path, must(translate("Store", "an object")))
        return value

    @staticmethod
    def items(data: dict[str, Any], key: str, path: str, required: bool = True) -> list[Any]:
        where = f"{path}.{key}" if path else key
        if key not in data:
            if required:
                raise fail(where, translate("Store", "is missing"))
            return []
        value = data[key]
        if not isinstance(value, list):
            raise fail(where, must(translate("Store", "a list")))
        if len(value) > MAX_ITEMS:
            raise fail(where, translate("Store", "has more than {n} entries").format(n=MAX_ITEMS))
        return value

    @staticmethod
    def text(data: dict[str, Any], key: str, path: str, *, required: bool = True, empty: bool = True,
             max_len: int = MAX_TEXT, default: str = "") -> str:
        where = f"{path}.{key}"
        if key not in data or data[key] is None:
            if required:
                raise fail(where, translate("Store", "is missing"))
            return default
        value = data[key]
        if not isinstance(value, str) or not _encodable(value):
            raise fail(where, must(translate("Store", "text")))
        if not empty and not value.strip():
            raise fail(where, translate("Store", "must not be empty"))
        if len(value) > max_len:
            raise fail(where, translate("Store", "is longer than {n} characters").format(n=max_len))
        problem = rules.text_problem(value.strip(" "))
        if problem is not None:  # the same characters the forms and the CLI refuse (planner.core.rules)
            raise fail(where, translate("Store", "contains {problem}").format(problem=problem))
        return value

    @staticmethod
    def boolean(data: dict[str, Any], key: str, path: str, default: bool | None = None) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise fail(f"{path}.{key}", must(translate("Store", "true or false")))
        return value

    @staticmethod
    def integer(data: dict[str, Any], key: str, path: str, low: int, high: int, default: int | None = None) -> int:
        return R.whole(data.get(key, default), f"{path}.{key}", low, high)

    @staticmethod
    def whole(value: Any, where: str, low: int, high: int) -> int:
        if value is None:
            raise fail(where, translate("Store", "is missing"))
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise fail(where, must(translate("Store", "a whole number")))
        if isinstance(value, Decimal):
            if not value.is_finite() or value != value.to_integral_value():
                raise fail(where, must(translate("Store", "a whole number")))
        if not low <= value <= high:
            raise fail(where, must(translate("Store", "from {low} to {high}").format(low=low, high=high)))
        return int(value)

    @staticmethod
    def decimal(data: dict[str, Any], key: str, path: str, *, positive: bool = True, low: Decimal = Decimal(0),
                high: Decimal = Decimal(10**6), required: bool = True) -> Decimal | None:
        where = f"{path}.{key}"
        value = data.get(key)
        if value is None:
            if required:
                raise fail(where, translate("Store", "is missing"))
            return None
        if isinstance(value, bool):
            raise fail(where, must(translate("Store", "a number")))
        try:
            number = Decimal(value) if isinstance(value, int | str | Decimal) else None
        except (InvalidOperation, ValueError):
            number = None
        if number is None or not number.is_finite() or (isinstance(value, str) and len(value) > 40):
            raise fail(where, must(translate("Store", "a number")))
        # Bounded precision: a step of 1E-999999 would be "positive" yet break every later calculation.
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and (exponent < -MAX_DECIMALS or len(number.as_tuple().digits) > 24):
            raise fail(where, must(translate("Store", "a number with at most {n} decimals").format(n=MAX_DECIMALS)))
        if positive and number <= 0:
            raise fail(where, must("> 0"))
        if number < low:
            raise fail(where, must(f">= {low}"))
        if number > high:
            raise fail(where, must(translate("Store", "at most {high}").format(high=high)))
        return number

    @staticmethod
    def day(data: dict[str, Any], key: str, path: str, required: bool = True) -> date | None:
        where = f"{path}.{key}"
        value = data.get(key)
        if value is None:
            if required:
                raise fail(where, translate("Store", "is missing"))
            return None
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            raise fail(where, must(translate("Store", "a date written YYYY-MM-DD")))
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            raise fail(where, translate("Store", "{value} does not exist in the calendar").format(
                value=value)) from None
        if not rules.EARLIEST_DATE <= parsed <= rules.LATEST_DATE:
            raise fail(where, must(translate("Store", "a date from {first} to {last}").format(
                first=rules.EARLIEST_DATE.isoformat(), last=rules.LATEST_DATE.isoformat())))
        return parsed

    @staticmethod
    def stamp(data: dict[str, Any], key: str, path: str, required: bool = True) -> datetime | None:
        where = f"{path}.{key}"
        value = data.get(key)
        if value is None:
            if required:
                raise fail(where, translate("Store", "is missing"))
            return None
        problem = must(translate("Store", "a date and time with its time zone, e.g. 2026-01-05T09:30:00+00:00"))
        if not isinstance(value, str) or len(value) > 40:
            raise fail(where, problem)
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise fail(where, problem) from None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            raise fail(where, problem)
        try:
            return parsed.astimezone(UTC)
        except OverflowError:
            raise fail(where, problem) from None


R = Reader


def _encodable(text: str) -> bool:
    """JSON may carry lone surrogates (\\ud800) that no database can store as text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def load_json(raw: bytes | str) -> Any:
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise fail("", translate("Store", "the file is larger than 10 MB; it is not a plan file"))
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise fail("", translate("Store", "the file is not UTF-8 text; it is not a plan file")) from None

    def refuse_constant(name: str) -> Any:
        raise ValueError(f"{name} is not a number")

    try:
        return json.loads(raw, parse_float=Decimal, parse_int=_parse_int, parse_constant=refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise fail("", translate("Store", "the file is not valid JSON ({reason})").format(
            reason=str(exc)[:200])) from None


def _parse_int(text: str) -> int | Decimal:
    # Huge integers are never meaningful here and int() is slow on them: kept as a Decimal, they reach the
    # field's own check, which refuses them with the field's path (not "the file is not valid JSON").
    if len(text) > 30:
        return Decimal(text)
    return int(text)
