"""The monitoring schedule: which tests are due before which cycle, from the regimen's `[[monitoring]]` tables.

Each item names what is measured (blood count, liver function, ...), when (before every cycle that gives a
drug, every N cycles, at baseline, before the dose that takes a cumulative anthracycline past a tier) and its
source. A test is due on the last open clinic day before the cycle's day 1 (planner.core.clinic_days), and it
is done when a measurement of it is on record within `valid_days` before that day 1 (the assessment before a
cycle records the dates: `monitoring_due(..., done={item: [dates]})`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from planner.core.clinic_days import ALWAYS_OPEN, ClinicCalendar
from planner.core.errors import RegimenError
from planner.core.i18n import translate

if TYPE_CHECKING:
    from planner.core.assessment import Assessment
    from planner.core.plan import Cycle, Plan

DEFAULT_VALID_DAYS = 14


class MonitoringTest(StrEnum):
    BLOOD_COUNT = "blood-count"
    LIVER_FUNCTION = "liver-function"
    BLOOD_PRESSURE = "blood-pressure"
    URINE_PROTEIN = "urine-protein"
    THYROID_FUNCTION = "thyroid-function"
    LVEF = "lvef"


class DueStatus(StrEnum):
    DUE = "due"  # not on record yet, the due day is today or later
    OVERDUE = "overdue"  # not on record, the due day has passed
    DONE = "done"  # measured within the valid days before the cycle


def test_label(test: MonitoringTest) -> str:
    return {
        MonitoringTest.BLOOD_COUNT: translate("Monitoring", "Blood count"),
        MonitoringTest.LIVER_FUNCTION: translate("Monitoring", "Liver function"),
        MonitoringTest.BLOOD_PRESSURE: translate("Monitoring", "Blood pressure"),
        MonitoringTest.URINE_PROTEIN: translate("Monitoring", "Urine protein"),
        MonitoringTest.THYROID_FUNCTION: translate("Monitoring", "Thyroid function"),
        MonitoringTest.LVEF: translate("Monitoring", "LVEF"),
    }[test]


@dataclass(frozen=True)
class MonitoringItem:
    """One `[[monitoring]]` table of a regimen file. The `when` parts combine (union of the cycles)."""

    code: str
    test: MonitoringTest
    source: str
    before_drug: str | None = None  # before every cycle that gives this drug
    every_cycles: int | None = None  # cycles 1, 1 + N, 1 + 2N, ...
    baseline: bool = False  # before cycle 1
    cumulative_drug: str | None = None  # before the dose that takes this drug's cumulative mg/m² past a tier
    tiers: tuple[Decimal, ...] = ()
    valid_days: int = DEFAULT_VALID_DAYS

    @property
    def label(self) -> str:
        return test_label(self.test)


@dataclass(frozen=True)
class Due:
    item: str  # the item's code
    test: MonitoringTest
    cycle: int
    due_on: date
    status: DueStatus
    why: str  # "before epirubicin", "baseline", "cumulative epirubicin past 550 mg/m²", "every 2 cycles"
    done_on: date | None = None

    @property
    def label(self) -> str:
        return test_label(self.test)

    @property
    def open(self) -> bool:
        return self.status is not DueStatus.DONE


# ---------------------------------------------------------------- parsing


def parse_monitoring(source: str, tables: Any, drugs: Mapping[str, Any]) -> tuple[MonitoringItem, ...]:
    """The `[[monitoring]]` tables of a regimen file; RegimenError(file, key, reason) on the first problem."""
    if tables is None:
        return ()
    if not isinstance(tables, list):
        raise RegimenError(source, "monitoring", "must be a list of [[monitoring]] tables")
    items: list[MonitoringItem] = []
    seen: set[str] = set()
    for i, table in enumerate(tables):
        key = f"monitoring[{i}]"
        if not isinstance(table, dict):
            raise RegimenError(source, key, "must be a table")
        unknown = sorted(set(table) - {"code", "test", "when", "source", "valid_days"})
        if unknown:
            raise RegimenError(source, f"{key}.{unknown[0]}", "is not a monitoring key (code, test, when, source, "
                               "valid_days)")
        code = table.get("code")
        if not isinstance(code, str) or not code.strip():
            raise RegimenError(source, f"{key}.code", "missing (a text is required)")
        if code in seen:
            raise RegimenError(source, f"{key}.code", f"{code!r} appears twice")
        seen.add(code)
        test = table.get("test")
        if test not in {t.value for t in MonitoringTest}:
            raise RegimenError(source, f"{key}.test", f"must be one of {', '.join(MonitoringTest)}, not {test!r}")
        text = table.get("source")
        if not isinstance(text, str) or not text.strip():
            raise RegimenError(source, f"{key}.source", "missing: every monitoring item cites its source")
        valid = table.get("valid_days", DEFAULT_VALID_DAYS)
        if isinstance(valid, bool) or not isinstance(valid, int) or not 0 <= valid <= 366:
            raise RegimenError(source, f"{key}.valid_days", f"must be a whole number from 0 to 366, not {valid!r}")
        items.append(MonitoringItem(code=code.strip(), test=MonitoringTest(test), source=text.strip(),
                                    valid_days=valid, **_when(source, f"{key}.when", table.get("when"), drugs)))
    return tuple(items)


def _when(source: str, key: str, when: Any, drugs: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(when, dict) or not when:
        raise RegimenError(source, key, "missing: a table such as { before_drug = \"epirubicin\" }, "
                           "{ every_cycles = 2 }, { baseline = true } or { cumulative_drug = ..., tiers = [...] }")
    unknown = sorted(set(when) - {"before_drug", "every_cycles", "baseline", "cumulative_drug", "tiers"})
    if unknown:
        raise RegimenError(source, f"{key}.{unknown[0]}", "is not known (before_drug, every_cycles, baseline, "
                           "cumulative_drug, tiers)")
    out: dict[str, Any] = {}
    for name in ("before_drug", "cumulative_drug"):
        if name in when:
            if when[name] not in drugs:
                raise RegimenError(source, f"{key}.{name}", f"{when[name]!r} is not defined under [drugs]")
            out[name] = when[name]
    if "every_cycles" in when:
        every = when["every_cycles"]
        if isinstance(every, bool) or not isinstance(every, int) or not 1 <= every <= 100:
            raise RegimenError(source, f"{key}.every_cycles", f"must be a whole number from 1 to 100, not {every!r}")
        out["every_cycles"] = every
    if "baseline" in when:
        if not isinstance(when["baseline"], bool):
            raise RegimenError(source, f"{key}.baseline", f"must be true or false, not {when['baseline']!r}")
        out["baseline"] = when["baseline"]
    if ("tiers" in when) != ("cumulative_drug" in when):
        raise RegimenError(source, f"{key}.tiers", "cumulative_drug and tiers go together")
    if "tiers" in when:
        tiers = when["tiers"]
        if (not isinstance(tiers, list) or not tiers
                or any(isinstance(t, bool) or not isinstance(t, int | float) or not 0 < t < 100_000 for t in tiers)):
            raise RegimenError(source, f"{key}.tiers", f"must be a list of mg/m² amounts above 0, not {tiers!r}")
        values = tuple(Decimal(str(t)) for t in tiers)
        if list(values) != sorted(set(values)):
            raise RegimenError(source, f"{key}.tiers", "must go strictly up, e.g. [550, 700]")
        out["tiers"] = values
        if not drugs[when["cumulative_drug"]].anthracycline:
            raise RegimenError(source, f"{key}.cumulative_drug", "must be an anthracycline (anthracycline = true)")
    return out


# ---------------------------------------------------------------- the schedule


def _reasons(item: MonitoringItem, plan: Plan) -> dict[int, str]:
    """Cycle number -> why the item is due before it (the first reason found)."""
    found: dict[int, str] = {}

    def add(cycle: int, why: str) -> None:
        found.setdefault(cycle, why)

    previous: Cycle | None = None
    for cycle in plan.cycles:
        if item.baseline and cycle.number == 1:
            add(1, translate("Monitoring", "baseline"))
        if item.before_drug is not None:
            dose = cycle.dose_for(item.before_drug)
            if dose is not None and dose.given:
                add(cycle.number, translate("Monitoring", "before {drug}").format(drug=dose.drug.short_label))
        if item.every_cycles is not None and (cycle.number - 1) % item.every_cycles == 0:
            add(cycle.number, translate("Monitoring", "every {n} cycles").format(n=item.every_cycles)
                if item.every_cycles > 1 else translate("Monitoring", "every cycle"))
        if item.cumulative_drug is not None:
            after = cycle.cumulative(item.cumulative_drug)
            before = (previous.cumulative(item.cumulative_drug) if previous is not None
                      else _prior_total(plan, item.cumulative_drug))
            if after is not None and before is not None:
                for tier in item.tiers:
                    if before <= tier < after:
                        drug = plan.regimen.drugs[item.cumulative_drug]
                        add(cycle.number, translate(
                            "Monitoring", "cumulative {drug} past {tier} mg/m² with this cycle").format(
                            drug=drug.short_label, tier=tier))
                        break
        previous = cycle
    return found


def _prior_total(plan: Plan, drug_id: str) -> Decimal | None:
    """The cumulative mg/m² before cycle 1 (prior exposure, converted to this drug by the plan's factors)."""
    first = plan.cycles[0] if plan.cycles else None
    if first is None:
        return None
    after = first.cumulative(drug_id)
    dose = first.dose_for(drug_id)
    if after is None:
        return None
    return after - (dose.level * len(dose.days) if dose is not None and dose.given else 0)


def monitoring_due(plan: Plan, done: Mapping[str, Sequence[date]], today: date,
                   clinic: ClinicCalendar | None = None,
                   items: Sequence[MonitoringItem] | None = None) -> list[Due]:
    """Every monitoring test of the plan (the regimen's items, or `items`), by due day: due on the last open
    clinic day before the cycle's day 1; done when `done[item]` holds a day within the item's valid days up to
    that day 1; else overdue once the due day has passed."""
    calendar = clinic or ALWAYS_OPEN
    out: list[tuple[int, Due]] = []
    for order, item in enumerate(plan.regimen.monitoring if items is None else items):
        measured = sorted(done.get(item.code, ()))
        for number, why in sorted(_reasons(item, plan).items()):
            cycle = plan.cycle(number)
            due_on = calendar.last_open_before(cycle.start)
            earliest = cycle.start - timedelta(days=item.valid_days)
            within = [d for d in measured if earliest <= d <= cycle.start]
            if within:
                status, done_on = DueStatus.DONE, within[-1]
            else:
                status, done_on = (DueStatus.OVERDUE if today > due_on else DueStatus.DUE), None
            out.append((order, Due(item.code, item.test, number, due_on, status, why, done_on)))
    # By day, then in the regimen file's order (blood count first, as the file lists it).
    return [d for _, d in sorted(out, key=lambda p: (p[1].due_on, p[1].cycle, p[0]))]


def pending(dues: Sequence[Due], plan: Plan, today: date) -> list[Due]:
    """What needs doing now: open items of cycles that have not started yet or start today (a test missed
    before a cycle long past is history, not a task)."""
    starts = {c.number: c.start for c in plan.cycles}
    return [d for d in dues if d.open and starts[d.cycle] >= today]


def dues_on(dues: Sequence[Due], when: date) -> list[Due]:
    return [d for d in dues if d.due_on == when]


def for_cycle(dues: Sequence[Due], cycle: int) -> list[Due]:
    """The open items due before `cycle`."""
    return [d for d in dues if d.cycle == cycle and d.open]


def due_text(dues: Sequence[Due]) -> str:
    """One line for a printout or a tooltip: "Monitoring due: Blood count, LVEF (baseline)"; "" for none.
    LVEF says why (baseline or the cumulative tier): it is the one a nurse must arrange days ahead."""
    if not dues:
        return ""
    seen: list[str] = []
    for d in dues:
        text = f"{d.label} ({d.why})" if d.test is MonitoringTest.LVEF else d.label
        if text not in seen:
            seen.append(text)
    return translate("Monitoring", "Monitoring due: {tests}").format(tests=", ".join(seen))


# ---------------------------------------------------------------- what an assessment marks done


def measured_tests(assessment: Assessment) -> dict[MonitoringTest, date]:
    """The monitoring tests an assessment before a cycle holds, with the day each was measured (LVEF on its
    own date when given). An assessment without a date marks nothing: done needs a day."""
    if assessment.on is None:
        return {}
    found: dict[MonitoringTest, date] = {}
    if assessment.anc is not None and assessment.platelets is not None:
        found[MonitoringTest.BLOOD_COUNT] = assessment.on
    if assessment.bilirubin is not None or assessment.ast is not None or assessment.alt is not None:
        found[MonitoringTest.LIVER_FUNCTION] = assessment.on
    if assessment.systolic_bp is not None:
        found[MonitoringTest.BLOOD_PRESSURE] = assessment.on
    if assessment.urine_protein is not None:
        found[MonitoringTest.URINE_PROTEIN] = assessment.on
    if assessment.lvef is not None:
        found[MonitoringTest.LVEF] = assessment.lvef_on or assessment.on
    return found


def done_from_assessments(items: Sequence[MonitoringItem], assessments: Iterable[Assessment]
                          ) -> dict[str, list[date]]:
    """The `done` argument of `monitoring_due` (item code -> days measured) from stored assessments."""
    by_test: dict[MonitoringTest, list[date]] = {}
    for assessment in assessments:
        for test, on in measured_tests(assessment).items():
            by_test.setdefault(test, []).append(on)
    return {item.code: sorted(by_test.get(item.test, [])) for item in items}
