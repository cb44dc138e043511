"""The one place the application reads and writes its preferences (QSettings, an INI file).

Every key has a default and a type in DEFAULTS; an unknown key is a programming error and raises, so a typo
cannot silently create a setting nobody reads. Reads are typed (Decimal stays Decimal: doses depend on some
of these). The file location is overridable (`set_settings_path`) so tests and benchmarks never touch the
user's real profile ($PLANNER_SETTINGS does the same from outside).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from planner.core.i18n import translate

if TYPE_CHECKING:
    from planner.core.clinic_days import ClinicCalendar
    from planner.core.plan import PlanSettings



@dataclass(frozen=True)
class _Key:
    kind: type | str  # str, int, Decimal, "optional-decimal", QByteArray
    default: object


DEFAULTS: dict[str, _Key] = {
    # Used for every new plan (stored with the plan, so later changes never alter an existing plan).
    "plan/bsa_formula": _Key(str, "mosteller"),
    "plan/rounding_step_mg": _Key(Decimal, Decimal(1)),
    "plan/recalc_threshold_pct": _Key(Decimal, Decimal(10)),
    "plan/bsa_cap_m2": _Key("optional-decimal", None),
    "plan/maintenance_cycles": _Key(int, 6),
    "check/verification_tolerance_pct": _Key(Decimal, Decimal(5)),
    # A recorded weight that moved more than this against the last one is saved only once confirmed.
    "check/weight_confirm_pct": _Key(Decimal, Decimal(20)),
    # Clinic days: when blood tests can be drawn and infusions given. Weekdays 0 = Monday ... 6 = Sunday.
    "clinic/closed_weekdays": _Key(str, "5,6"),
    # "auto": the computer's own country (its regional settings), so a ward PC set up for China gets Chinese
    # public holidays and one in Germany German ones; never one fixed country, whose holidays would move
    # blood tests for days another clinic is open. "" = no public holidays.
    "clinic/holiday_region": _Key(str, "auto"),
    "clinic/extra_closed_days": _Key(str, ""),  # ISO dates, separated by commas or spaces
    # Printouts.
    "institution/name": _Key(str, ""),
    "institution/phone": _Key(str, ""),
    "institution/emergency_phone": _Key(str, ""),
    "institution/emergency_24h": _Key(int, 0),  # 1: the emergency line answers 24 hours a day (marked so)
    "print/paper_size": _Key(str, "A4"),
    "ui/language": _Key(str, "en"),
    # Accounts on: the window locks (asks for a password again) after this many minutes without use.
    "security/lock_minutes": _Key(int, 10),
    # Session state, remembered between runs.
    "window/geometry": _Key(QByteArray, QByteArray()),
    "window/state": _Key(QByteArray, QByteArray()),
    "session/last_patient_mrn": _Key(str, ""),
}

PAPER_SIZES = ("A4", "Letter")
LANGUAGES = {"en": "English", "zh_CN": "中文 (简体)"}

_path_override: Path | None = None


def set_settings_path(path: Path | str | None) -> None:
    """Read and write preferences in this INI file from now on (None: the per-user default location)."""
    global _path_override
    _path_override = Path(path) if path is not None else None


def settings_path() -> Path | None:
    """The file in use when overridden: `set_settings_path`, else $PLANNER_SETTINGS (tests, benchmarks)."""
    if _path_override is not None:
        return _path_override
    env = os.environ.get("PLANNER_SETTINGS", "").strip()
    return Path(env) if env else None


def _create_private(path: Path) -> None:
    """Create the file 0600 before Qt first writes it: Qt keeps an existing file's permissions, and the
    file holds the last patient's MRN."""
    if path.exists():
        return
    from planner.export.atomic import make_private_folders

    try:
        make_private_folders(path.parent)  # 0700 whatever the umask, parents included
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError:
        pass  # unwritable location: QSettings reports nothing either, and the defaults apply


class Settings:
    """Typed access to the preferences. Cheap to create; each instance opens the same file."""

    def __init__(self) -> None:
        path = settings_path()
        if path is not None:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Cycle Planner",
                                 "Cycle Planner")
        _create_private(Path(self._qs.fileName()))

    @staticmethod
    def _key(key: str) -> _Key:
        try:
            return DEFAULTS[key]
        except KeyError:
            raise KeyError(f"unknown setting {key!r}") from None

    def get(self, key: str) -> object:
        spec = self._key(key)
        raw = self._qs.value(key)
        if raw is None:
            return spec.default
        try:
            if spec.kind is QByteArray:
                return raw if isinstance(raw, QByteArray) else QByteArray(raw)
            if spec.kind is str:
                return str(raw)
            if spec.kind is int:
                return int(raw)
            text = str(raw).strip()
            if spec.kind == "optional-decimal" and not text:
                return None
            value = Decimal(text)
            return value if value.is_finite() else spec.default
        except (ValueError, TypeError, InvalidOperation):
            # A hand-edited or corrupt file must not stop the app: fall back to the default.
            return spec.default

    def set(self, key: str, value: object) -> None:
        spec = self._key(key)
        if spec.kind is QByteArray:
            self._qs.setValue(key, value)
        elif spec.kind == "optional-decimal":
            if value is not None and not isinstance(value, Decimal):
                raise TypeError(f"setting {key!r} takes a Decimal or None")
            self._qs.setValue(key, "" if value is None else format(value, "f"))
        elif spec.kind is Decimal:
            if not isinstance(value, Decimal):
                raise TypeError(f"setting {key!r} takes a Decimal")
            self._qs.setValue(key, format(value, "f"))
        elif spec.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"setting {key!r} takes an int")
            self._qs.setValue(key, value)
        else:
            if not isinstance(value, str):
                raise TypeError(f"setting {key!r} takes a str")
            self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()
        # The file holds the last patient's MRN: keep it private to the user like the database.
        path = Path(self._qs.fileName())
        if path.is_file():
            path.chmod(0o600)

    # Typed shortcuts for the values the rest of the GUI needs.
    def text(self, key: str) -> str:
        value = self.get(key)
        assert isinstance(value, str)
        return value

    def decimal(self, key: str) -> Decimal:
        value = self.get(key)
        assert isinstance(value, Decimal)
        return value

    def plan_settings(self) -> PlanSettings:
        """The settings a new plan is made with."""
        from planner.core.plan import PlanSettings  # the core's plan module is not needed to start up

        cap = self.get("plan/bsa_cap_m2")
        cycles = self.get("plan/maintenance_cycles")
        return PlanSettings(
            formula=self.text("plan/bsa_formula"),
            rounding_step_mg=self.decimal("plan/rounding_step_mg"),
            recalc_threshold_pct=self.decimal("plan/recalc_threshold_pct"),
            bsa_cap_m2=cap if isinstance(cap, Decimal) else None,
            open_ended_cycles=cycles if isinstance(cycles, int) else 6,
        )

    def verification_tolerance(self) -> Decimal:
        return self.decimal("check/verification_tolerance_pct")

    def holiday_region(self) -> str:
        """The public-holiday region in force ("auto" resolved to the computer's country, "" if it has none)."""
        region = self.text("clinic/holiday_region").strip()
        return system_region() if region.lower() == "auto" else region

    def clinic_calendar(self, years: Iterable[int]) -> ClinicCalendar:
        """The clinic's closed days over `years`; a region or date the holidays package cannot read is left
        out here (Preferences refuses it when it is entered, so only a hand-edited file can hold one)."""
        from planner.core.clinic_days import ClinicCalendar, public_holidays
        from planner.core.errors import InputError

        try:
            holidays = public_holidays(self.holiday_region(), years)
        except InputError:
            holidays = {}
        try:
            extra = parse_closure_days(self.text("clinic/extra_closed_days"))
        except InputError:
            extra = frozenset()
        return ClinicCalendar(parse_weekdays(self.text("clinic/closed_weekdays")), holidays, extra)


def system_region() -> str:
    """The two-letter country of the computer's regional settings ("" for none, e.g. the C locale)."""
    from PySide6.QtCore import QLocale

    territory = QLocale.system().territory()
    if territory == QLocale.Country.AnyTerritory:
        return ""
    return QLocale.territoryToCode(territory)


def parse_weekdays(text: str) -> frozenset[int]:
    return frozenset(int(part) for part in text.replace(",", " ").split() if part.isdigit() and int(part) < 7)


def parse_closure_days(text: str) -> frozenset[date]:
    """ISO dates separated by commas or spaces (InputError naming the first bad one)."""
    from planner.core.dates import parse_iso_date

    return frozenset(parse_iso_date(part, "extra_closed_days", translate("Settings", "Extra closure days"))
                     for part in text.replace(",", " ").split())
