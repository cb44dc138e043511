"""The patient list: what it needs is kept in small summary tables, rewritten on every write.

A list of 10,000 patients cannot compute 10,000 plans; instead every write stores the cycle spans and
the runs of consecutive dose days of the plan the core computed, and the list asks the database, for
any `today`, which cycle is current and when the next dose is. The plan itself is never read from here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from datetime import date
from functools import cache

from sqlalchemy import Connection, Date, case, delete, func, insert, literal, select, type_coerce

from planner.core.clinic_events import ClinicEventKind, plan_events
from planner.core.plan import Plan
from planner.core.rules import treatment_status
from planner.store.records import ClinicEventRow, PatientSummary
from planner.store.schema import (
    modifications,
    patients,
    plans,
    summary_cycles,
    summary_dose_runs,
    summary_events,
    summary_patients,
)

# Bump when the core changes how cycle or dose dates are computed: every summary is then recomputed
# once on the next open. (Not the program version: recomputing 10,000 summaries takes ~15 s, too long
# to pay at every release for nothing.)
SUMMARY_ALGORITHM = 2  # 2: clinic events (summary_events) added


@cache
def summary_basis(regimen_id: str) -> str:
    """What a summary depends on besides the record: the date rules and the regimen definition. When
    either changes, the store recomputes the summaries made from the old one."""
    from planner.core.regimen import load_regimen

    text = f"{SUMMARY_ALGORITHM}|{load_regimen(regimen_id)!r}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def dose_runs(plan: Plan) -> list[tuple[date, date]]:
    """Consecutive calendar days with at least one administration, as (first, last) pairs."""
    runs: list[tuple[date, date]] = []
    for day in plan.days():
        if day.is_rest:
            continue
        if runs and (day.date - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day.date)
        else:
            runs.append((day.date, day.date))
    return runs


def write_summary(conn: Connection, patient_id: int, version: int, plan: Plan) -> None:
    for table in (summary_events, summary_dose_runs, summary_cycles, summary_patients):
        conn.execute(delete(table).where(table.c.patient_id == patient_id))
    conn.execute(insert(summary_patients).values(
        patient_id=patient_id, starts_on=plan.start, ends_on=plan.end, patient_version=version,
        basis=summary_basis(plan.regimen.id)))
    if plan.cycles:
        conn.execute(insert(summary_cycles), [
            {"patient_id": patient_id, "cycle": c.number, "starts_on": c.start, "ends_on": c.end}
            for c in plan.cycles])
    runs = dose_runs(plan)
    if runs:
        conn.execute(insert(summary_dose_runs), [
            {"patient_id": patient_id, "first_on": first, "last_on": last} for first, last in runs])
    events = plan_events(plan)
    if events:
        conn.execute(insert(summary_events), [
            {"patient_id": patient_id, "on_date": e.on, "kind": e.kind.value, "cycle": e.cycle,
             "chair_minutes": e.chair_minutes} for e in events])


def patients_without_summary(conn: Connection, today: date | None = None) -> list[str]:
    """MRNs whose summary is missing, older than the record, or computed with other date rules or another
    regimen definition (after an upgrade, an older writer, or a corrected regimen file), and those on an
    open-ended maintenance whose rolling plan no longer reaches the planning window past `today`."""
    query = (select(patients.c.mrn, plans.c.regimen_id, summary_patients.c.patient_id,
                    summary_patients.c.patient_version, patients.c.version, summary_patients.c.basis,
                    summary_patients.c.ends_on, patients.c.id)
             .select_from(patients.join(plans, plans.c.patient_id == patients.c.id)
                          .outerjoin(summary_patients, summary_patients.c.patient_id == patients.c.id)))
    ended = ended_patients(conn)
    stale = []
    for mrn, regimen_id, summary_of, summary_version, version, basis, ends_on, patient_id in conn.execute(query):
        if summary_of is None or summary_version != version or basis != _basis_or_none(regimen_id):
            stale.append(mrn)
        elif (today is not None and patient_id not in ended and rolls_forward(regimen_id)
              and ends_on is not None and ends_on < rolling_horizon(regimen_id, today)):
            stale.append(mrn)
    return stale


def ended_patients(conn: Connection) -> dict[int, date]:
    """Patient id -> the day the treatment was ended, for every patient with an end not withdrawn."""
    query = select(modifications.c.patient_id, modifications.c.data).where(
        modifications.c.kind == "end_treatment", modifications.c.withdrawn.is_(False))
    ended: dict[int, date] = {}
    for patient_id, data in conn.execute(query):
        on = date.fromisoformat(str(data["effective_on"]))
        ended[patient_id] = min(on, ended.get(patient_id, on))
    return ended


@cache
def rolls_forward(regimen_id: str) -> bool:
    """Whether the regimen ends in an open-ended phase (maintenance until ended)."""
    from planner.core.errors import InputError
    from planner.core.regimen import load_regimen

    try:
        return load_regimen(regimen_id).phases[-1].open_ended
    except InputError:
        return False


def rolling_horizon(regimen_id: str, today: date) -> date:
    """The last day a rolling plan must reach: today plus the planning window (ROLLING_CYCLES_AHEAD cycles)."""
    from planner.core.plan import ROLLING_CYCLES_AHEAD
    from planner.core.regimen import load_regimen

    return date.fromordinal(today.toordinal()
                            + ROLLING_CYCLES_AHEAD * load_regimen(regimen_id).phases[-1].cycle_days)


def _basis_or_none(regimen_id: str) -> str | None:
    from planner.core.errors import InputError

    try:
        return summary_basis(regimen_id)
    except InputError:  # a regimen this installation does not have: nothing to recompute it with
        return None


def list_summaries(conn: Connection, today: date, include_withdrawn: bool,
                   mrns: Collection[str] | None = None) -> list[PatientSummary]:
    """The list rows of every patient, or (`mrns`) of those patients only: live refresh re-reads the rows a
    change touched, not the whole ward."""
    today_value = literal(today, Date)
    current = (select(summary_cycles.c.cycle)
               .where(summary_cycles.c.patient_id == patients.c.id,
                      summary_cycles.c.starts_on <= today_value, summary_cycles.c.ends_on >= today_value)
               .order_by(summary_cycles.c.cycle).limit(1).scalar_subquery())
    next_dose = type_coerce(
        select(func.min(case((summary_dose_runs.c.first_on > today_value, summary_dose_runs.c.first_on),
                         else_=today_value)))
        .where(summary_dose_runs.c.patient_id == patients.c.id, summary_dose_runs.c.last_on >= today_value)
        .scalar_subquery(), Date)
    query = (select(patients.c.mrn, patients.c.name, plans.c.regimen_id, patients.c.dob, patients.c.version,
                    patients.c.withdrawn, summary_patients.c.starts_on, summary_patients.c.ends_on,
                    current.label("current_cycle"), next_dose.label("next_dose"))
             .select_from(patients.join(plans, plans.c.patient_id == patients.c.id)
                          .outerjoin(summary_patients, summary_patients.c.patient_id == patients.c.id))
             .order_by(patients.c.name, patients.c.mrn))
    if not include_withdrawn:
        query = query.where(patients.c.withdrawn.is_(False))
    if mrns is not None:
        query = query.where(patients.c.mrn.in_(sorted(mrns)))
    rows: list[PatientSummary] = []
    found = list(conn.execute(query.add_columns(patients.c.id)))
    ended = ended_patients(conn)
    for (mrn, name, regimen_id, dob, version, withdrawn, starts_on, ends_on, cycle, next_on, patient_id) in found:
        status, shows_cycle, shows_next = treatment_status(
            today, withdrawn=withdrawn, starts_on=starts_on, ends_on=ends_on, ended_on=ended.get(patient_id),
            open_ended=rolls_forward(regimen_id))
        cycle = cycle if shows_cycle else None
        next_on = next_on if shows_next else None
        rows.append(PatientSummary(mrn=mrn, name=name, regimen_id=regimen_id, current_cycle=cycle,
                                   next_dose_date=next_on, status=status, dob=dob, version=version))
    return rows


def clinic_events_between(conn: Connection, first: date, last: date,
                          kinds: tuple[ClinicEventKind, ...] = tuple(ClinicEventKind)) -> list[ClinicEventRow]:
    """Every clinic event from `first` to `last` (inclusive) of the patients not withdrawn, by date and name.

    Answered from the summary tables alone (indexed by date): the ward forecast needs no plan, and the day
    list computes plans only for the patients this returns.
    """
    query = (select(summary_events.c.on_date, summary_events.c.kind, summary_events.c.cycle,
                    summary_events.c.chair_minutes, patients.c.mrn, patients.c.name, patients.c.dob)
             .select_from(summary_events.join(patients, patients.c.id == summary_events.c.patient_id))
             .where(summary_events.c.on_date >= literal(first, Date), summary_events.c.on_date <= literal(last, Date),
                    summary_events.c.kind.in_([k.value for k in kinds]), patients.c.withdrawn.is_(False))
             .order_by(summary_events.c.on_date, patients.c.name, patients.c.mrn))
    return [ClinicEventRow(on=on, kind=ClinicEventKind(kind), cycle=cycle, chair_minutes=minutes, mrn=mrn,
                           name=name, dob=dob)
            for on, kind, cycle, minutes, mrn, name, dob in conn.execute(query)]
