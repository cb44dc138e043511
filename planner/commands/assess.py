"""`planner assess`: the proposal before a cycle (proceed / modify / hold / stop) for a plan given by its
options, and the measurement options `planner patient assess` shares. Read-only: nothing is changed."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

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


def run_patient_assess(args: argparse.Namespace) -> int:
    """`planner patient assess MRN ...`: the same proposal for the plan recomputed from the record (read-only)."""
    from planner.commands.store_args import open_store

    with open_store(args) as store:
        record = store.get_patient(args.mrn)
    return print_proposal(record.compute_plan(), args)
