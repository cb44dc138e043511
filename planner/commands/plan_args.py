"""The plan arguments shared by `planner plan`, `pdf`, `ics` and `table`, and their parsing.

Every value goes through the core's parsers, so a bad value produces the same message, naming the
option, as it would in the GUI.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.core.modifications import Modification
    from planner.core.plan import Plan, PlanSettings, PriorExposure


def add_plan_arguments(parser: argparse.ArgumentParser, *, require_patient: bool = True) -> None:
    parser.add_argument("--start", required=require_patient, help="cycle 1 day 1, YYYY-MM-DD")
    parser.add_argument("--height", required=require_patient, help="e.g. 170, 170cm, 1.7m, 67in")
    parser.add_argument("--weight", required=require_patient, help="e.g. 70, 70kg, 154lb")
    add_settings_arguments(parser)
    add_modification_arguments(parser)


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--regimen", default=None, help="regimen id (default anlotinib-epirubicin)")
    parser.add_argument("--formula", default=None, help="mosteller|dubois|haycock|gehan-george|boyd")
    parser.add_argument("--maintenance-cycles", default=None,
                        help="cycles to plan for an open-ended phase (default 6)")
    parser.add_argument("--recalc-threshold", default=None, metavar="PCT",
                        help="recalculate doses when weight changes by this %% or more (default 10; 0 = always)")
    parser.add_argument("--round-to", default=None, metavar="MG", help="rounding step in mg (default 1)")
    parser.add_argument("--bsa-cap", default=None, metavar="M2", help="cap the BSA at this value (off by default)")


def add_modification_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--delay", action="append", default=[], metavar="C:D",
                        help="delay cycle C by D days (later cycles move with it)")
    parser.add_argument("--reduce", action="append", default=[], metavar="DRUG:C:LEVEL",
                        help="dose level of DRUG from cycle C on: an amount (10, 75) or dose level -1/-2 "
                             "(one or two levels below the starting dose)")
    parser.add_argument("--omit", action="append", default=[], metavar="DRUG:C:DAYS",
                        help="hold DRUG on DAYS of cycle C, e.g. anlotinib:3:8-14")
    parser.add_argument("--stop", action="append", default=[], metavar="DRUG:C[:DAY]",
                        help="stop DRUG for good from day DAY (default 1) of cycle C")
    parser.add_argument("--weight-at", action="append", default=[], metavar="C:W",
                        help="new weight W measured before cycle C")
    parser.add_argument("--prior", action="append", default=[], metavar="DRUG:MG_PER_M2",
                        help="prior anthracycline exposure, e.g. doxorubicin:300")


def _input_error(field: str, message: str) -> Exception:
    from planner.core.errors import InputError

    return InputError(field, message)


def parse_int(text: str, option: str, what: str) -> int:
    from planner.core.rules import parse_whole

    return parse_whole(text, option.lstrip("-"), f"{option}: {what}")


def parse_decimal(text: str, option: str, what: str) -> Decimal:
    from planner.core.rules import parse_number

    return parse_number(text, option.lstrip("-"), f"{option}: {what}")


def _split(text: str, option: str, shape: str, counts: tuple[int, ...]) -> list[str]:
    from planner.core.rules import clip

    parts = text.split(":")
    if len(parts) not in counts or any(not p.strip() for p in parts):
        raise _input_error(option.lstrip("-"), f"{option}: '{clip(text)}' should look like {shape}.")
    return [p.strip() for p in parts]


def settings_from_args(args: argparse.Namespace, base: PlanSettings | None = None) -> PlanSettings:
    from dataclasses import replace

    from planner.core.bsa import get_formula
    from planner.core.plan import PlanSettings

    settings = base or PlanSettings()
    if args.formula is not None:
        settings = replace(settings, formula=get_formula(args.formula).key)
    if args.maintenance_cycles is not None:
        settings = replace(settings, open_ended_cycles=parse_int(
            args.maintenance_cycles, "--maintenance-cycles", "the number of cycles"))
    if args.recalc_threshold is not None:
        settings = replace(settings, recalc_threshold_pct=parse_decimal(
            args.recalc_threshold, "--recalc-threshold", "the threshold in %"))
    if args.round_to is not None:
        settings = replace(settings, rounding_step_mg=parse_decimal(args.round_to, "--round-to", "the step in mg"))
    if args.bsa_cap is not None:
        settings = replace(settings, bsa_cap_m2=parse_decimal(args.bsa_cap, "--bsa-cap", "the cap in m²"))
    return settings


def prior_from_args(args: argparse.Namespace) -> tuple[PriorExposure, ...]:
    from planner.core.plan import PriorExposure

    prior = []
    for text in args.prior:
        drug, amount = _split(text, "--prior", "DRUG:MG_PER_M2, e.g. doxorubicin:300", (2,))
        prior.append(PriorExposure(drug.lower(), parse_decimal(amount, "--prior", "the amount in mg/m²")))
    return tuple(prior)


def modifications_from_args(args: argparse.Namespace, regimen_id: str) -> list[Modification]:
    from planner.core.modifications import Delay, DoseLevelChange, OmitDays, StopDrug, WeightChange
    from planner.core.regimen import load_regimen, parse_days
    from planner.core.rules import clip
    from planner.core.units import parse_weight

    regimen = load_regimen(regimen_id)
    mods: list[Modification] = []
    for text in args.delay:
        cycle, days = _split(text, "--delay", "C:D, e.g. 3:7", (2,))
        mods.append(Delay(parse_int(cycle, "--delay", "the cycle"), parse_int(days, "--delay", "the days")))
    for text in args.reduce:
        drug, cycle, level = _split(text, "--reduce", "DRUG:C:LEVEL, e.g. anlotinib:3:10", (3,))
        spec = regimen.drug(drug)
        mods.append(DoseLevelChange(spec.id, parse_int(cycle, "--reduce", "the cycle"), spec.resolve_level(level)))
    for text in args.omit:
        drug, cycle, days = _split(text, "--omit", "DRUG:C:DAYS, e.g. anlotinib:3:8-14", (3,))
        spec = regimen.drug(drug)
        number = parse_int(cycle, "--omit", "the cycle")
        # The cycle's own length where the cycle exists (the plan checks it again with its message);
        # the longest cycle of the regimen otherwise.
        length = max(phase.cycle_days for phase in regimen.phases)
        try:
            day_list = parse_days(days, length)
        except ValueError as exc:
            raise _input_error("omit", f"--omit: '{clip(days)}' is not a list of days ({exc}).") from None
        mods.append(OmitDays(spec.id, number, day_list))
    for text in args.stop:
        parts = _split(text, "--stop", "DRUG:C or DRUG:C:DAY, e.g. epirubicin:5", (2, 3))
        spec = regimen.drug(parts[0])
        day = parse_int(parts[2], "--stop", "the day") if len(parts) == 3 else 1
        mods.append(StopDrug(spec.id, parse_int(parts[1], "--stop", "the cycle"), day))
    for text in args.weight_at:
        cycle, weight = _split(text, "--weight-at", "C:W, e.g. 4:63kg", (2,))
        mods.append(WeightChange(parse_int(cycle, "--weight-at", "the cycle"), parse_weight(weight)))
    return mods


def plan_from_args(args: argparse.Namespace) -> Plan:
    from planner.core.dates import parse_iso_date
    from planner.core.plan import PatientInputs, compute_plan
    from planner.core.regimen import DEFAULT_REGIMEN, load_regimen
    from planner.core.units import parse_height, parse_weight

    regimen = load_regimen(args.regimen or DEFAULT_REGIMEN)
    inputs = PatientInputs(
        start=parse_iso_date(args.start, "start", "--start"),
        height_cm=parse_height(args.height),
        weight_kg=parse_weight(args.weight),
        prior=prior_from_args(args),
    )
    from planner.core.modifications import DoseLevelChange
    from planner.core.plan import check_level_change

    settings = settings_from_args(args)
    mods = modifications_from_args(args, regimen.id)
    # Each dose level change must change something at the moment it is given (in the order given).
    for index, mod in enumerate(mods):
        if isinstance(mod, DoseLevelChange):
            check_level_change(compute_plan(regimen, inputs, settings, mods[:index]), mod)
    return compute_plan(regimen, inputs, settings, mods)
