"""Plan files: one patient (identity, measurements, plan, history) as JSON, for moving between sites.

    {"format": "cycle-planner/plan", "version": 1, "patient": {...}, "measurements": [...],
     "plan": {...}, "modifications": [...], "dose_checks": [...], "administrations": [...],
     "assessments": [...]}

("assessments" is optional, still version 1: files without it are read as before.)

Reading validates everything and stops at the first problem with its path
(`measurements[2].weight_kg: must be > 0`); whatever the bytes, the reader ends in a PatientRecord
or a PlanFileError. Numbers are read as exact Decimals (never through binary floats); a number that
a JSON float cannot carry exactly is written as a string, and both forms are accepted.
The computed plan is not part of the file: the importing site recomputes it with its own core.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.core import rules
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.modifications import (
    PERCENT_BASES,
    Delay,
    DoseLevelChange,
    DosePercentChange,
    EndReason,
    EndTreatment,
    Modification,
    OmitDays,
    StopDrug,
    WeightChange,
)
from planner.core.plan import Plan, PlanSettings, PriorExposure
from planner.core.safety import AnthracyclineFactor
from planner.store import codec
from planner.store.errors import PlanFileError
from planner.store.jsonread import MAX_FILE_BYTES, MAX_ITEMS, R, fail, load_json, must
from planner.store.record_rules import require_checked_dose, require_planned_administration, require_record_date
from planner.store.records import (
    AdministrationRecord,
    AssessmentRecord,
    DoseCheckRecord,
    FiredRuleRecord,
    MeasurementRecord,
    ModificationRecord,
    PatientIdentity,
    PatientRecord,
    PlanRecord,
)
from planner.store.validate import MAX_USER, clean_identity, require_plan_start

FORMAT = "cycle-planner/plan"
VERSION = 1


# ------------------------------------------------------------------------------------- writing


def _number(value: Decimal) -> int | float | str:
    if value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else codec.dec(value)


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def record_to_plan_file(record: PatientRecord, *, exported_by: str, exported_at: datetime | None = None
                        ) -> dict[str, Any]:
    ident = record.identity
    settings = record.plan.settings
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _stamp(exported_at or datetime.now(UTC)),
        "exported_by": exported_by,
        "patient": {"name": ident.name, "mrn": ident.mrn, "dob": codec.iso(ident.dob), "sex": ident.sex,
                    "diagnosis": ident.diagnosis, "allergies": ident.allergies, "notes": ident.notes,
                    "language": ident.language, "withdrawn": record.withdrawn,
                    "withdrawn_reason": record.withdrawn_reason},
        "measurements": [_measurement(m, record) for m in record.measurements],
        "plan": {
            "regimen": record.plan.regimen_id,
            "start": record.plan.start.isoformat(),
            "settings": {
                "formula": settings.formula,
                "rounding_step_mg": _number(settings.rounding_step_mg),
                "recalc_threshold_pct": _number(settings.recalc_threshold_pct),
                "bsa_cap_m2": None if settings.bsa_cap_m2 is None else _number(settings.bsa_cap_m2),
                "open_ended_cycles": settings.open_ended_cycles,
                "anthracycline_factors": [{"drug": f.drug, "factor": _number(f.factor), "source": f.source}
                                          for f in settings.anthracycline_factors],
            },
            "prior": [{"drug": p.drug, "mg_per_m2": _number(p.mg_per_m2)} for p in record.plan.prior],
        },
        "modifications": [
            {**{k: (_number(Decimal(v)) if k in ("level", "weight_kg", "percent") else v)
                for k, v in codec.modification_to_dict(m.modification).items()},
             "reason": m.reason, "created_by": m.created_by, "created_at": _stamp(m.created_at),
             "withdrawn": m.withdrawn, "withdrawn_reason": m.withdrawn_reason, "withdrawn_by": m.withdrawn_by,
             "withdrawn_at": _stamp(m.withdrawn_at)}
            for m in record.modifications],
        "dose_checks": [
            {"cycle": c.cycle, "drug": c.drug, "calculated_mg": _number(c.calculated_mg),
             "checked_mg": _number(c.checked_mg), "deviation_pct": _number(c.deviation_pct),
             "tolerance_pct": _number(c.tolerance_pct), "passed": c.passed, "first_checker": c.first_checker,
             "second_checker": c.second_checker, "checked_at": _stamp(c.checked_at)}
            for c in record.dose_checks],
        "administrations": [
            {"cycle": a.cycle, "day": a.day, "drug": a.drug, "dose_mg": _number(a.dose_mg),
             "given_on": a.given_on.isoformat(), "given_by": a.given_by, "recorded_at": _stamp(a.recorded_at),
             "note": a.note, "withdrawn": a.withdrawn, "withdrawn_reason": a.withdrawn_reason,
             "withdrawn_by": a.withdrawn_by, "withdrawn_at": _stamp(a.withdrawn_at)}
            for a in record.administrations],
        "assessments": [_assessment_out(a, record) for a in record.assessments],
    }


def _assessment_out(a: AssessmentRecord, record: PatientRecord) -> dict[str, Any]:
    positions = {mod.id: i for i, mod in enumerate(record.modifications)}
    return {**codec.assessment_to_dict(a.assessment), "decision": a.decision,
            "rules": [{"drug": f.drug, "code": f.code} for f in a.rules], "accepted": a.accepted,
            "reason": a.reason, "recorded_by": a.recorded_by, "recorded_at": _stamp(a.recorded_at),
            "prescriber": a.prescriber, "prescriber_at": _stamp(a.prescriber_at),
            # indices in "modifications" of what the acceptance created
            "modifications": [positions[i] for i in a.modification_ids if i in positions],
            "withdrawn": a.withdrawn, "withdrawn_reason": a.withdrawn_reason, "withdrawn_by": a.withdrawn_by,
            "withdrawn_at": _stamp(a.withdrawn_at)}


def _measurement(m: MeasurementRecord, record: PatientRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"measured_on": m.measured_on.isoformat(), "height_cm": _number(m.height_cm),
                           "weight_kg": _number(m.weight_kg), "entered_by": m.entered_by,
                           "entered_at": _stamp(m.entered_at)}
    positions = [i for i, mod in enumerate(record.modifications) if mod.id == m.modification_id]
    if positions:
        out["modification"] = positions[0]  # index in "modifications" of the weight change that recorded it
    return out


def write_private_file(path: Path, data: bytes) -> None:
    """Write atomically (temp file, fsync, rename) with mode 0600: never a half-written or readable file."""
    path = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def write_plan_file(record: PatientRecord, path: Path, *, exported_by: str) -> None:
    text = json.dumps(record_to_plan_file(record, exported_by=exported_by), ensure_ascii=False, indent=1)
    try:
        write_private_file(path, (text + "\n").encode("utf-8"))
    except OSError as exc:
        raise PlanFileError("", translate("Store", "cannot write {path} ({reason}).").format(
            path=path, reason=exc.strerror or exc)) from None


# ------------------------------------------------------------------------------------- reading


def _identity(data: dict[str, Any]) -> tuple[PatientIdentity, bool, str]:
    p = R.obj(data.get("patient"), "patient")
    sex = R.text(p, "sex", "patient", required=False, max_len=1) or None
    identity = PatientIdentity(
        name=R.text(p, "name", "patient", empty=False, max_len=200),
        mrn=R.text(p, "mrn", "patient", empty=False, max_len=64),
        dob=R.day(p, "dob", "patient", required=False), sex=sex,
        diagnosis=R.text(p, "diagnosis", "patient", required=False),
        allergies=R.text(p, "allergies", "patient", required=False),
        notes=R.text(p, "notes", "patient", required=False),
        # Optional: files written before the field existed are still version 1 and mean English.
        language=R.text(p, "language", "patient", required=False, max_len=16) or "en")
    try:
        identity = clean_identity(identity)
    except InputError as exc:
        raise fail(f"patient.{exc.field}", exc.message) from None
    withdrawn = R.boolean(p, "withdrawn", "patient", default=False)
    reason = R.text(p, "withdrawn_reason", "patient", required=False)
    if withdrawn and not reason.strip():
        raise fail("patient.withdrawn_reason", translate("Store", "a withdrawn patient needs the reason"))
    return identity, withdrawn, reason


def _dated(value: date, path: str, label: str, dob: date | None) -> date:
    """`value` when it lies in 1900-2100 and not before the date of birth (the store's rule), else the
    file error at `path`."""
    try:
        return require_record_date(value, path, label, dob)
    except InputError as exc:
        raise fail(path, exc.message) from None


def _measurements(data: dict[str, Any], dob: date | None) -> tuple[MeasurementRecord, ...]:
    from planner.core.units import parse_height, parse_weight

    items = R.items(data, "measurements", "")
    if not items:
        raise fail("measurements", translate("Store", "needs at least the baseline measurement"))
    out = []
    for i, item in enumerate(items):
        path = f"measurements[{i}]"
        m = R.obj(item, path)
        height = R.decimal(m, "height_cm", path)
        weight = R.decimal(m, "weight_kg", path)
        try:
            height = parse_height(height)
        except InputError as exc:
            raise fail(f"{path}.height_cm", exc.message) from None
        try:
            weight = parse_weight(weight)
        except InputError as exc:
            raise fail(f"{path}.weight_kg", exc.message) from None
        link = None if m.get("modification") is None else R.integer(m, "modification", path, 0, MAX_ITEMS) + 1
        if i == 0 and link is not None:
            raise fail(f"{path}.modification", translate("Store", "the baseline measurement cannot come from "
                                                                   "a weight change"))
        measured_on = _dated(R.day(m, "measured_on", path), f"{path}.measured_on",  # type: ignore[arg-type]
                             translate("Store", "Measured on"), dob)
        out.append(MeasurementRecord(i + 1, measured_on, height, weight,
                                     R.text(m, "entered_by", path, empty=False, max_len=MAX_USER),
                                     R.stamp(m, "entered_at", path), link))  # type: ignore[arg-type]
    return tuple(out)


def _settings(plan: dict[str, Any]) -> PlanSettings:
    from planner.core.bsa import get_formula

    path = "plan.settings"
    s = R.obj(plan.get("settings", {}), path)
    defaults = PlanSettings()
    formula = R.text(s, "formula", path, required=False, default=defaults.formula)
    try:
        formula = get_formula(formula).key
    except InputError as exc:
        raise fail(f"{path}.formula", exc.message) from None
    step = R.decimal(s, "rounding_step_mg", path, high=Decimal(50), required=False) or defaults.rounding_step_mg
    threshold = R.decimal(s, "recalc_threshold_pct", path, positive=False, high=Decimal(100), required=False)
    cap = R.decimal(s, "bsa_cap_m2", path, high=Decimal(5), required=False)
    cycles = R.integer(s, "open_ended_cycles", path, 0, 100, default=defaults.open_ended_cycles)
    factors = defaults.anthracycline_factors
    if "anthracycline_factors" in s:
        factors = tuple(
            AnthracyclineFactor(
                R.text(R.obj(f, f"{path}.anthracycline_factors[{i}]"), "drug", f"{path}.anthracycline_factors[{i}]",
                       empty=False, max_len=50).strip().lower(),
                R.decimal(f, "factor", f"{path}.anthracycline_factors[{i}]", high=Decimal(100)),  # type: ignore[arg-type]
                R.text(f, "source", f"{path}.anthracycline_factors[{i}]", required=False))
            for i, f in enumerate(R.items(s, "anthracycline_factors", path)))
    return PlanSettings(formula=formula, rounding_step_mg=step,
                        recalc_threshold_pct=defaults.recalc_threshold_pct if threshold is None else threshold,
                        bsa_cap_m2=cap, open_ended_cycles=cycles, anthracycline_factors=factors)


def _plan(data: dict[str, Any]) -> PlanRecord:
    from planner.core.regimen import load_regimen

    p = R.obj(data.get("plan"), "plan")
    regimen_id = R.text(p, "regimen", "plan", empty=False, max_len=100)
    try:
        load_regimen(regimen_id)
    except InputError as exc:
        raise fail("plan.regimen", exc.message) from None
    settings = _settings(p)
    prior = []
    for i, item in enumerate(R.items(p, "prior", "plan", required=False)):
        path = f"plan.prior[{i}]"
        e = R.obj(item, path)
        drug = R.text(e, "drug", path, empty=False, max_len=50).strip().lower()
        if drug not in {f.drug for f in settings.anthracycline_factors}:
            raise fail(f"{path}.drug", translate("Store", "'{drug}' is not a known anthracycline").format(drug=drug))
        prior.append(PriorExposure(drug, R.decimal(e, "mg_per_m2", path, positive=False,  # type: ignore[arg-type]
                                                   high=Decimal(10_000))))
    start = R.day(p, "start", "plan")
    try:
        require_plan_start(start)  # type: ignore[arg-type]
    except InputError as exc:
        raise fail("plan.start", exc.message) from None
    return PlanRecord(1, regimen_id, start, settings, tuple(prior))  # type: ignore[arg-type]


def _modification(m: dict[str, Any], path: str) -> Modification:
    kind = R.text(m, "kind", path, empty=False, max_len=20)
    cycle = R.integer(m, "cycle", path, 1, 1000)
    if kind == "delay":
        return Delay(cycle, R.integer(m, "days", path, 1, 1000))
    if kind == "dose_level":
        return DoseLevelChange(R.text(m, "drug", path, empty=False, max_len=50), cycle,
                               R.decimal(m, "level", path, high=Decimal(100_000)))  # type: ignore[arg-type]
    if kind == "omit_days":
        days = R.items(m, "days", path)
        return OmitDays(R.text(m, "drug", path, empty=False, max_len=50), cycle,
                        tuple(R.whole(d, f"{path}.days[{j}]", 1, 1000) for j, d in enumerate(days)))
    if kind == "stop":
        return StopDrug(R.text(m, "drug", path, empty=False, max_len=50), cycle, R.integer(m, "day", path, 1, 1000,
                                                                                          default=1))
    if kind == "dose_percent":
        of = R.text(m, "of", path, required=False, default="current")
        if of not in PERCENT_BASES:
            raise fail(f"{path}.of", must(translate("Store", "one of {kinds}").format(kinds=", ".join(PERCENT_BASES))))
        return DosePercentChange(R.text(m, "drug", path, empty=False, max_len=50), cycle,
                                 R.decimal(m, "percent", path, high=Decimal(100)), of)  # type: ignore[arg-type]
    if kind == "weight":
        return WeightChange(cycle, R.decimal(m, "weight_kg", path, high=Decimal(1000)),  # type: ignore[arg-type]
                            R.day(m, "measured_on", path, required=False))
    if kind == "end_treatment":
        code = R.text(m, "reason_code", path, empty=False, max_len=20)
        if code not in {r.value for r in EndReason}:
            raise fail(f"{path}.reason_code", must(translate("Store", "one of {kinds}").format(
                kinds=", ".join(r.value for r in EndReason))))
        return EndTreatment(cycle, R.day(m, "effective_on", path), EndReason(code),  # type: ignore[arg-type]
                            R.text(m, "note", path, required=False, max_len=2000))
    raise fail(f"{path}.kind", must(translate("Store", "one of {kinds}").format(kinds=", ".join(codec.KINDS))))


def _modifications(data: dict[str, Any], plan: PlanRecord, baseline: MeasurementRecord, dob: date | None
                   ) -> tuple[ModificationRecord, ...]:
    from planner.core.plan import PatientInputs, compute_plan
    from planner.core.regimen import load_regimen

    regimen = load_regimen(plan.regimen_id)
    inputs = PatientInputs(plan.start, baseline.height_cm, baseline.weight_kg, plan.prior)
    active: list[Modification] = []
    out = []
    for i, item in enumerate(R.items(data, "modifications", "", required=False)):
        path = f"modifications[{i}]"
        m = R.obj(item, path)
        mod = _modification(m, path)
        reason = R.text(m, "reason", path, empty=False)
        if isinstance(mod, (DoseLevelChange, DosePercentChange, OmitDays, StopDrug)):
            try:
                mod = _with_drug(mod, regimen.drug(mod.drug).id)
            except InputError as exc:
                raise fail(f"{path}.drug", exc.message) from None
        if isinstance(mod, WeightChange):
            from planner.core.units import parse_weight

            try:
                mod = WeightChange(mod.cycle, parse_weight(mod.weight_kg), mod.measured_on)
            except InputError as exc:
                raise fail(f"{path}.weight_kg", exc.message) from None
            if mod.measured_on is not None:
                _dated(mod.measured_on, f"{path}.measured_on", translate("Store", "Measured on"), dob)
        withdrawn = R.boolean(m, "withdrawn", path, default=False)
        record = ModificationRecord(
            id=i + 1, modification=_with_reason(mod, reason), reason=reason,
            created_by=R.text(m, "created_by", path, empty=False, max_len=MAX_USER),
            created_at=R.stamp(m, "created_at", path),  # type: ignore[arg-type]
            withdrawn=withdrawn,
            withdrawn_reason=R.text(m, "withdrawn_reason", path, required=withdrawn, empty=not withdrawn),
            withdrawn_by=R.text(m, "withdrawn_by", path, required=withdrawn, empty=not withdrawn, max_len=MAX_USER),
            withdrawn_at=R.stamp(m, "withdrawn_at", path, required=withdrawn))
        if not withdrawn:
            # The core checks every active modification against the plan; the first it rejects is reported.
            try:
                compute_plan(regimen, inputs, plan.settings, (*active, mod), today=date.today())
            except InputError as exc:
                raise fail(path, exc.message) from None
            active.append(mod)
        out.append(record)
    return tuple(out)


def _with_drug(mod: DoseLevelChange | DosePercentChange | OmitDays | StopDrug, drug: str) -> Modification:
    from dataclasses import replace

    return replace(mod, drug=drug)


def _with_reason(mod: Modification, reason: str) -> Modification:
    from dataclasses import replace

    return replace(mod, reason=reason)


class _PlanAt:
    """The plan as it stood at a moment of the file's history: computed from the file's baseline and settings
    with the modifications made by then and not yet withdrawn. A double check or an administration is checked
    against the plan in force when it was recorded, as the store checked it then: a check of a dose a later
    weight change replaced stays on record (shown "outdated"), it is not refused."""

    def __init__(self, plan: PlanRecord, baseline: MeasurementRecord, mods: tuple[ModificationRecord, ...]) -> None:
        from planner.core.plan import PatientInputs
        from planner.core.regimen import load_regimen

        self._regimen = load_regimen(plan.regimen_id)
        self._inputs = PatientInputs(plan.start, baseline.height_cm, baseline.weight_kg, plan.prior)
        self._settings = plan.settings
        self._mods = mods
        self._plans: dict[tuple[int, ...], Plan] = {}

    def __call__(self, when: datetime) -> Plan:
        from planner.core.plan import compute_plan

        active = tuple(m for m in self._mods if m.created_at <= when
                       and not (m.withdrawn and m.withdrawn_at is not None and m.withdrawn_at <= when))
        key = tuple(m.id for m in active)
        if key not in self._plans:
            self._plans[key] = compute_plan(self._regimen, self._inputs, self._settings,
                                            tuple(m.modification for m in active), today=date.today())
        return self._plans[key]


# The rules name the nurse's fields; a plan file names its own keys.
_FILE_KEY = {"dose": "dose_mg", "calculated_dose": "calculated_mg"}


def _rule_failure(path: str, exc: InputError) -> PlanFileError:
    return fail(f"{path}.{_FILE_KEY.get(exc.field, exc.field)}", exc.message)


def _dose_checks(data: dict[str, Any], drugs: set[str], cycles: int, plan_at: _PlanAt
                 ) -> tuple[DoseCheckRecord, ...]:
    from planner.core.safety import verify_dose

    out = []
    for i, item in enumerate(R.items(data, "dose_checks", "", required=False)):
        path = f"dose_checks[{i}]"
        c = R.obj(item, path)
        cycle = R.integer(c, "cycle", path, 1, cycles)
        drug = R.text(c, "drug", path, empty=False, max_len=50)
        if drug not in drugs:
            raise fail(f"{path}.drug", translate("Store", "'{drug}' is not a drug of this regimen").format(drug=drug))
        calculated = R.decimal(c, "calculated_mg", path, high=Decimal(100_000))
        checked = R.decimal(c, "checked_mg", path, high=Decimal(100_000))
        tolerance = R.decimal(c, "tolerance_pct", path, positive=False, high=Decimal(20))
        verification = verify_dose(calculated, checked, tolerance)  # type: ignore[arg-type]
        deviation = R.decimal(c, "deviation_pct", path, positive=False, low=Decimal(-100), high=Decimal(10**9))
        if deviation != verification.deviation_pct:
            raise fail(f"{path}.deviation_pct", translate(
                "Store", "{value} does not match the calculated and checked doses ({expected})").format(
                value=deviation, expected=verification.deviation_pct))
        passed = R.boolean(c, "passed", path)
        if passed != verification.passed:
            raise fail(f"{path}.passed", translate("Store", "does not match the deviation and tolerance"))
        first = R.text(c, "first_checker", path, empty=False, max_len=MAX_USER).strip()
        second = R.text(c, "second_checker", path, empty=False, max_len=MAX_USER).strip()
        if rules.same_person(first, second):  # the core's two-checker rule, as the store applies it
            raise fail(f"{path}.second_checker", translate("Store", "must be a different person from the first"))
        checked_at = R.stamp(c, "checked_at", path)
        assert checked_at is not None  # required=True
        try:
            require_checked_dose(plan_at(checked_at), cycle=cycle, drug_id=drug,
                                 calculated_mg=calculated)  # type: ignore[arg-type]
        except InputError as exc:
            raise _rule_failure(path, exc) from None
        out.append(DoseCheckRecord(i + 1, cycle, drug, calculated, checked, verification.deviation_pct,  # type: ignore[arg-type]
                                   tolerance, passed, first, second, checked_at))  # type: ignore[arg-type]
    return tuple(out)


def _administrations(data: dict[str, Any], drugs: set[str], cycles: int, plan_at: _PlanAt, dob: date | None
                     ) -> tuple[AdministrationRecord, ...]:
    out = []
    for i, item in enumerate(R.items(data, "administrations", "", required=False)):
        path = f"administrations[{i}]"
        a = R.obj(item, path)
        drug = R.text(a, "drug", path, empty=False, max_len=50)
        if drug not in drugs:
            raise fail(f"{path}.drug", translate("Store", "'{drug}' is not a drug of this regimen").format(drug=drug))
        # note and withdrawal are optional: files written before they existed stay readable.
        withdrawn = R.boolean(a, "withdrawn", path, default=False)
        given = AdministrationRecord(
            i + 1, R.integer(a, "cycle", path, 1, cycles), R.integer(a, "day", path, 1, 1000), drug,
            R.decimal(a, "dose_mg", path, high=Decimal(100_000)), R.day(a, "given_on", path),  # type: ignore[arg-type]
            R.text(a, "given_by", path, empty=False, max_len=MAX_USER),
            R.stamp(a, "recorded_at", path),  # type: ignore[arg-type]
            note=R.text(a, "note", path, required=False),
            withdrawn=withdrawn,
            withdrawn_reason=R.text(a, "withdrawn_reason", path, required=withdrawn, empty=not withdrawn),
            withdrawn_by=R.text(a, "withdrawn_by", path, required=withdrawn, empty=not withdrawn, max_len=MAX_USER),
            withdrawn_at=R.stamp(a, "withdrawn_at", path, required=withdrawn))
        _dated(given.given_on, f"{path}.given_on", translate("Store", "Given on"), dob)
        if not withdrawn:  # a withdrawn record (undone, or recorded in error) does not count as given
            try:
                require_planned_administration(plan_at(given.recorded_at), cycle=given.cycle, day=given.day,
                                               drug_id=drug, dose_mg=given.dose_mg, given_on=given.given_on,
                                               dob=dob)
            except InputError as exc:
                raise _rule_failure(path, exc) from None
        out.append(given)
    return tuple(out)


def _assessments(data: dict[str, Any], regimen_id: str, cycles: int, mods: tuple[ModificationRecord, ...]
                 ) -> tuple[AssessmentRecord, ...]:
    """Assessments, each through the same parsing as the command line and the form (a bad value names its path,
    `assessments[0].anc`); "modifications" are indices in the file's "modifications"."""
    from planner.core.decision import DECISIONS
    from planner.core.regimen import load_regimen

    terms = load_regimen(regimen_id).toxicities
    out = []
    for i, item in enumerate(R.items(data, "assessments", "", required=False)):
        path = f"assessments[{i}]"
        a = R.obj(item, path)
        try:
            assessment = codec.assessment_from_dict(a, terms)
        except InputError as exc:
            raise fail(f"{path}.{exc.field}", exc.message) from None
        if assessment.cycle > cycles:
            raise fail(f"{path}.cycle", translate("Store", "the plan has {n} cycles").format(n=cycles))
        decision = R.text(a, "decision", path, empty=False, max_len=16)
        if decision not in DECISIONS:
            raise fail(f"{path}.decision", must(translate("Store", "one of {kinds}").format(
                kinds=", ".join(DECISIONS))))
        fired = []
        for j, entry in enumerate(R.items(a, "rules", path, required=False)):
            rule = R.obj(entry, f"{path}.rules[{j}]")
            fired.append(FiredRuleRecord(R.text(rule, "drug", f"{path}.rules[{j}]", empty=False, max_len=50),
                                         R.text(rule, "code", f"{path}.rules[{j}]", empty=False, max_len=100)))
        accepted = R.boolean(a, "accepted", path)
        created = tuple(R.whole(x, f"{path}.modifications[{j}]", 0, len(mods) - 1) + 1
                        for j, x in enumerate(R.items(a, "modifications", path, required=False)))
        if created and not accepted:
            raise fail(f"{path}.modifications", translate("Store", "only an accepted assessment creates modifications"))
        prescriber = R.text(a, "prescriber", path, required=False, max_len=MAX_USER)
        withdrawn = R.boolean(a, "withdrawn", path, default=False)
        out.append(AssessmentRecord(
            id=i + 1, assessment=assessment, decision=decision, rules=tuple(fired), accepted=accepted,
            reason=R.text(a, "reason", path, required=accepted, empty=not accepted),
            recorded_by=R.text(a, "recorded_by", path, empty=False, max_len=MAX_USER),
            recorded_at=R.stamp(a, "recorded_at", path),  # type: ignore[arg-type]
            prescriber=prescriber, prescriber_at=R.stamp(a, "prescriber_at", path, required=bool(prescriber.strip())),
            modification_ids=created, withdrawn=withdrawn,
            withdrawn_reason=R.text(a, "withdrawn_reason", path, required=withdrawn, empty=not withdrawn),
            withdrawn_by=R.text(a, "withdrawn_by", path, required=withdrawn, empty=not withdrawn, max_len=MAX_USER),
            withdrawn_at=R.stamp(a, "withdrawn_at", path, required=withdrawn)))
    return tuple(out)


def parse_plan_file(raw: bytes | str) -> PatientRecord:
    """The record a plan file describes (ids 0-based placeholders, version 1), or PlanFileError."""
    from planner.core.regimen import load_regimen

    data = R.obj(load_json(raw), "")
    if data.get("format") != FORMAT:
        raise fail("format", translate("Store", "must be \"{format}\"; this is not a Cycle Planner plan file").format(
            format=FORMAT))
    if data.get("version") != VERSION or isinstance(data.get("version"), bool):
        raise fail("version", translate(
            "Store", "version {version} is not supported; this program reads version {supported}").format(
            version=str(data.get("version"))[:20], supported=VERSION))
    identity, withdrawn, withdrawn_reason = _identity(data)
    measurements = _measurements(data, identity.dob)
    plan = _plan(data)
    try:
        mods = _modifications(data, plan, measurements[0], identity.dob)
        computed = PatientRecord(0, 1, identity, withdrawn, withdrawn_reason, measurements, plan, mods, (), (),
                                 "", datetime.now(UTC)).compute_plan()
    except InputError as exc:
        raise fail("plan", exc.message) from None
    weight_changes = {m.id for m in mods if isinstance(m.modification, WeightChange)}
    for i, m in enumerate(measurements):
        if m.modification_id is not None and m.modification_id not in weight_changes:
            raise fail(f"measurements[{i}].modification", translate(
                "Store", "must be the index of a weight change in \"modifications\""))
    withdrawn_changes = {m.id for m in mods if m.withdrawn}
    measurements = tuple(m for m in measurements if m.modification_id not in withdrawn_changes)
    drugs = set(load_regimen(plan.regimen_id).drugs)
    cycles = len(computed.cycles)
    plan_at = _PlanAt(plan, measurements[0], mods)
    checks = _dose_checks(data, drugs, cycles, plan_at)
    given = _administrations(data, drugs, cycles, plan_at, identity.dob)
    assessed = _assessments(data, plan.regimen_id, cycles, mods)
    return PatientRecord(id=0, version=1, identity=identity, withdrawn=withdrawn, withdrawn_reason=withdrawn_reason,
                         measurements=measurements, plan=plan, modifications=mods, dose_checks=checks,
                         administrations=given, updated_by="", updated_at=datetime.now(UTC), assessments=assessed)


def read_plan_file(path: Path) -> PatientRecord:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise fail("", translate("Store", "cannot read {path} ({reason})").format(
            path=path, reason=exc.strerror or exc)) from None
    return parse_plan_file(raw)
