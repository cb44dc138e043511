"""The days the clinic is open, and what the plan does about the days it is not.

A blood count is drawn at the clinic on the last open day before each infusion (not "the day before",
which for a Monday infusion is a Sunday), and one before cycle 1 too. An infusion that falls on a closed
day (a closed weekday, a public holiday, an extra closure day) cannot happen as planned: it is flagged with
the warning code `infusion-on-closed-day`, and the nurse can move it to the next open day (a Delay).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.core import rules
from planner.core.dates import format_long
from planner.core.i18n import translate

if TYPE_CHECKING:
    from planner.core.plan import Plan

CLOSED_DAY_WARNING = "infusion-on-closed-day"
# How far to look for an open day: a clinic closed for longer than this is a data entry slip.
_SEARCH_DAYS = 60


@dataclass(frozen=True)
class ClinicCalendar:
    """Closed weekdays (0 = Monday ... 6 = Sunday), public holidays (date -> name) and extra closure days."""

    closed_weekdays: frozenset[int] = frozenset()
    holidays: Mapping[date, str] = field(default_factory=dict)
    extra_closed: frozenset[date] = frozenset()

    def is_open(self, day: date) -> bool:
        return not self.why_closed(day)

    def why_closed(self, day: date) -> str:
        """"" on an open day; otherwise a few words (the holiday's name, "Sunday", "closure day")."""
        if day in self.extra_closed:
            return translate("ClinicDays", "clinic closure day")
        name = self.holidays.get(day)
        if name:
            return name
        if day.weekday() in self.closed_weekdays:
            return _weekday_name(day.weekday())
        return ""

    def last_open_before(self, day: date) -> date:
        """The last open day strictly before `day` (the day before when nothing is known to be closed)."""
        candidate = day - timedelta(days=1)
        for _ in range(_SEARCH_DAYS):
            if self.is_open(candidate):
                return candidate
            candidate -= timedelta(days=1)
        return day - timedelta(days=1)

    def next_open_from(self, day: date) -> date:
        """`day` when open, else the next open day."""
        candidate = day
        for _ in range(_SEARCH_DAYS):
            if self.is_open(candidate):
                return candidate
            candidate += timedelta(days=1)
        return day


ALWAYS_OPEN = ClinicCalendar()


def _weekday_name(weekday: int) -> str:
    return (translate("ClinicDays", "Monday"), translate("ClinicDays", "Tuesday"),
            translate("ClinicDays", "Wednesday"), translate("ClinicDays", "Thursday"),
            translate("ClinicDays", "Friday"), translate("ClinicDays", "Saturday"),
            translate("ClinicDays", "Sunday"))[weekday]


def blood_test_dates(infusion_dates: Iterable[date], clinic: ClinicCalendar = ALWAYS_OPEN) -> frozenset[date]:
    """The blood count before each infusion: on the last open day before it."""
    return frozenset(clinic.last_open_before(d) for d in infusion_dates)


@dataclass(frozen=True)
class ClosedInfusion:
    """An infusion planned on a day the clinic is closed, and the delay that moves it to the next open day."""

    cycle: int
    day: int
    on: date
    why: str
    move_to: date

    @property
    def delay_days(self) -> int:
        return (self.move_to - self.on).days

    @property
    def code(self) -> str:
        return CLOSED_DAY_WARNING

    @property
    def message(self) -> str:
        return translate(
            "ClinicDays", "Cycle {n}: the infusion on day {day} falls on {date}, when the clinic is closed ({why}); "
            "the next open day is {next}.").format(n=self.cycle, day=self.day, date=format_long(self.on),
                                                  why=self.why, next=format_long(self.move_to))


def closed_infusions(plan: Plan, clinic: ClinicCalendar) -> list[ClosedInfusion]:
    """Every infusion of the plan that falls on a closed day, in date order."""
    found: list[ClosedInfusion] = []
    for cycle in plan.cycles:
        for dose in cycle.doses:
            if not rules.is_infusion(dose.drug.route):
                continue
            for day in dose.days:
                when = cycle.date_of(day)
                why = clinic.why_closed(when)
                if why:
                    found.append(ClosedInfusion(cycle.number, day, when, why, clinic.next_open_from(when)))
    return sorted(found, key=lambda c: (c.on, c.cycle))


def public_holidays(region: str, years: Iterable[int]) -> dict[date, str]:
    """Public holidays of `region` ("CN", "US", "GB", "DE-BY": country, optionally "-subdivision") from the
    `holidays` package; {} for no region. Unknown regions raise InputError naming the preference."""
    region = region.strip()
    if not region:
        return {}
    import holidays  # imported on use: only a clinic calendar needs it

    from planner.core.errors import InputError

    country, _, subdivision = region.partition("-")
    try:
        table = holidays.country_holidays(country.upper(), subdiv=subdivision or None, years=sorted(set(years)))
    except (NotImplementedError, KeyError, ValueError):
        raise InputError("holiday_region", translate(
            "ClinicDays", "Public holidays: '{region}' is not a known country or region code (for example CN, "
            "US, GB or DE-BY).").format(region=region)) from None
    return {day: str(name) for day, name in table.items()}
