"""`planner assess`: the proposal before a cycle (proceed / modify / hold / stop) for a plan given by its
options, and the measurement options `planner patient assess` shares. Read-only: nothing is changed."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from planner.commands.plan_args import add_plan_arguments

if TYPE_CHECKING:
    from planner.core.assessment import Assessment
    from planner.core.plan import Plan

# option dest -> assessment field name (also the field an error names)
_NUMBERS = {
    "anc": "anc", "platelets": "platelets", "hb": "hb", "ast": "ast", "alt": "alt", "uln_ast": "uln-ast",
    "uln_alt": "uln-alt", "creatinine": "creatinine", "lvef": "lvef", "nadir_anc": "nadir-anc",
    "nadir_platelets": "nadir-platelets",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("assess", help="before a cycle: proceed, modify, hold or stop, with the rules")
    add_plan_arguments(parser)
    add_assessment_arguments(parser)
    parser.set_defaults(handler=run)


def add_assessment_arguments(parser: argparse.ArgumentParser) -> None:
    """The measurement options shared by `planner assess` and `planner patient assess`."""
    parser.add_argument("--cycle", required=True, help="the cycle about to start")
    parser.add_argument("--date", default=None, help="assessment date, YYYY-MM-DD")
    parser.add_argument("--anc", default=None, metavar="X", help="ANC, x 10^9/L (0-100)")
    parser.add_argument("--platelets", default=None, metavar="X", help="platelets, x 10^9/L (0-2000)")
    parser.add_argument("--hb", default=None, metavar="X", help="haemoglobin, g/L (20-250)")
    parser.add_argument("--bilirubin", default=None, metavar="X|Xumol/L|Xmg/dL",
                        help="total bilirubin; a bare number is µmol/L (0-1000 µmol/L)")
    parser.add_argument("--ast", default=None, metavar="X", help="AST, U/L (0-10000); needs --uln-ast")
    parser.add_argument("--alt", default=None, metavar="X", help="ALT, U/L (0-10000); needs --uln-alt")
    parser.add_argument("--uln-ast", default=None, metavar="X", help="the lab's AST upper limit of normal, U/L (5-500)")
    parser.add_argument("--uln-alt", default=None, metavar="X", help="the lab's ALT upper limit of normal, U/L (5-500)")
    parser.add_argument("--creatinine", default=None, metavar="X", help="creatinine, µmol/L (0-3000)")
    parser.add_argument("--lvef", default=None, metavar="PCT", help="LVEF, %% (5-90)")
    parser.add_argument("--lvef-date", default=None, help="date of the LVEF measurement, YYYY-MM-DD")
    parser.add_argument("--nadir-anc", default=None, metavar="X", help="last cycle's nadir ANC, x 10^9/L")
    parser.add_argument("--nadir-platelets", default=None, metavar="X", help="last cycle's nadir platelets, x 10^9/L")
    parser.add_argument("--febrile-neutropenia", action="store_true", help="febrile neutropenia in the last cycle")
    parser.add_argument("--toxicity", action="append", default=[], metavar="TERM:GRADE",
                        help="worst CTCAE grade since the previous cycle began, e.g. bleeding:2 (repeatable)")
    parser.add_argument("--ongoing", action="append", default=[], metavar="TERM:GRADE",
                        help="CTCAE grade on the assessment day, e.g. diarrhoea:2 (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the proposal as JSON")


def assessment_from_args(args: argparse.Namespace, plan: Plan) -> Assessment:
    from planner.commands.plan_args import parse_int
    from planner.core.assessment import Assessment, parse_bilirubin, parse_number, parse_toxicity
    from planner.core.dates import parse_iso_date

    cycle = parse_int(args.cycle, "--cycle", "the cycle")
    plan.cycle(cycle)  # refuses a cycle the plan does not have, naming the field
    terms = plan.regimen.toxicities
    numbers = {dest: None if getattr(args, dest) is None else parse_number(getattr(args, dest), name)
               for dest, name in _NUMBERS.items()}
    return Assessment(
        cycle=cycle,
        on=parse_iso_date(args.date, "date", "--date") if args.date else None,
        bilirubin=parse_bilirubin(args.bilirubin) if args.bilirubin is not None else None,
        lvef_on=parse_iso_date(args.lvef_date, "lvef_date", "--lvef-date") if args.lvef_date else None,
        febrile_neutropenia=bool(args.febrile_neutropenia),
        toxicities=tuple(parse_toxicity(text, terms, "toxicity") for text in args.toxicity),
        ongoing=tuple(parse_toxicity(text, terms, "ongoing") for text in args.ongoing),
        **numbers,
    )


def print_proposal(plan: Plan, args: argparse.Namespace) -> int:
    from planner.core.decision import proposal_as_text, proposal_to_dict, propose

    proposal = propose(plan, assessment_from_args(args, plan))
    if args.json:
        json.dump(proposal_to_dict(proposal), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(proposal_as_text(proposal))
    return 0


def run(args: argparse.Namespace) -> int:
    from planner.commands.plan_args import plan_from_args

    return print_proposal(plan_from_args(args), args)


def add_acceptance_arguments(parser: argparse.ArgumentParser) -> None:
    """`planner patient assess` only: accepting the proposal changes the stored plan."""
    parser.add_argument("--accept", action="store_true",
                        help="accept the proposal: create the delay / dose change / hold / stop it implies")
    parser.add_argument("--reason", default=None, help="why it is accepted (required with --accept)")
    parser.add_argument("--delay-days", default=None, metavar="N",
                        help="with --accept: days a held cycle is delayed (default 7)")
    parser.add_argument("--prescriber", default=None, metavar="NAME",
                        help="with --accept: the prescriber who confirmed it (required when a rule says so)")


def run_patient_assess(args: argparse.Namespace) -> int:
    """`planner patient assess MRN ...`: the proposal for the plan recomputed from the record; with --accept,
    the proposal (recomputed by the operation) is applied in one transaction."""
    from planner.commands.store_args import open_store
    from planner.core.errors import InputError
    from planner.core.i18n import translate

    if not getattr(args, "accept", False):
        for option in ("reason", "delay_days", "prescriber"):
            if getattr(args, option, None) is not None:
                raise InputError(option, translate(
                    "Assessment", "--{option} belongs to --accept; without --accept nothing is changed.").format(
                    option=option.replace("_", "-")))
        with open_store(args) as store:
            record = store.get_patient(args.mrn)
        return print_proposal(record.compute_plan(), args)
    return _accept(args, open_store)


def _accept(args: argparse.Namespace, open_store: Any) -> int:
    from planner import operations
    from planner.commands.plan_args import parse_int
    from planner.core.decision import proposal_as_text, proposal_to_dict, propose
    from planner.core.errors import InputError
    from planner.core.i18n import translate
    from planner.operations.assessments import DEFAULT_DELAY_DAYS
    from planner.store import codec

    if not (args.reason or "").strip():
        raise InputError("reason", translate("Assessment", "--accept needs --reason: say why the proposal is "
                                                           "accepted (it goes into the record)."))
    delay_days = DEFAULT_DELAY_DAYS if args.delay_days is None else parse_int(args.delay_days, "--delay-days",
                                                                              "the days")
    with open_store(args) as store:
        current = store.get_patient(args.mrn)
        assessment = assessment_from_args(args, current.compute_plan())
        result = operations.accept_assessment(store.repository, args.mrn, assessment, reason=args.reason,
                                              expected_version=current.version, prescriber=args.prescriber,
                                              delay_days=delay_days)
    stored = next(a for a in result.record.assessments if a.id == result.entity_id)
    created = [m for m in result.record.modifications if m.id in stored.modification_ids]
    proposal = propose(current.compute_plan(), assessment)
    if args.json:
        out = proposal_to_dict(proposal)
        out.update({
            "accepted": True, "assessment_id": stored.id, "version": result.version,
            "prescriber": stored.prescriber or None,
            "modifications": [{"id": m.id, **codec.modification_to_dict(m.modification), "reason": m.reason}
                              for m in created]})
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(proposal_as_text(proposal))
    sys.stdout.write(translate("Assessment", "saved: assessment #{id} of cycle {cycle} accepted (patient {mrn}, "
                                             "record version {version})").format(
        id=stored.id, cycle=proposal.cycle, mrn=result.mrn, version=result.version) + "\n")
    if not created:
        sys.stdout.write(translate("Assessment", "  no change to the plan: the cycle proceeds as planned") + "\n")
    for m in created:
        sys.stdout.write(f"  #{m.id} {describe_change(m.modification)}\n")
    return 0


def describe_change(mod: Any) -> str:
    """One modification in words, for the CLI's list of what an acceptance changed."""
    from planner.core.decimal_math import plain
    from planner.core.i18n import translate
    from planner.core.modifications import Delay, DoseLevelChange, DosePercentChange, OmitDays, StopDrug

    if isinstance(mod, Delay):
        return translate("Assessment", "delay cycle {cycle} by {days} days").format(cycle=mod.cycle, days=mod.days)
    if isinstance(mod, DoseLevelChange):
        return translate("Assessment", "{drug}: dose level {level} from cycle {cycle}").format(
            drug=mod.drug, level=plain(mod.level), cycle=mod.cycle)
    if isinstance(mod, DosePercentChange):
        return translate("Assessment", "{drug}: {percent}% of the {of} dose from cycle {cycle}").format(
            drug=mod.drug, percent=plain(mod.percent), of=mod.of, cycle=mod.cycle)
    if isinstance(mod, OmitDays):
        return translate("Assessment", "{drug}: hold days {days} of cycle {cycle}").format(
            drug=mod.drug, days=", ".join(str(d) for d in mod.days), cycle=mod.cycle)
    if isinstance(mod, StopDrug):
        return translate("Assessment", "{drug}: stop for good from cycle {cycle}").format(drug=mod.drug,
                                                                                        cycle=mod.cycle)
    return str(mod)
