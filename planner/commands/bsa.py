"""`planner bsa`: one BSA with its formula and inputs. Kept light: it must start as fast as Python."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("bsa", help="body surface area from height and weight")
    parser.add_argument("--height", required=True, help="e.g. 170, 170cm, 1.7m, 67in")
    parser.add_argument("--weight", required=True, help="e.g. 70, 70kg, 154lb")
    parser.add_argument("--formula", default="mosteller", help="mosteller|dubois|haycock|gehan-george|boyd")
    parser.add_argument("--bsa-cap", default=None, metavar="M2", help="cap the BSA at this value")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planner.core.bsa import bsa_to_dict, calculate_bsa, get_formula
    from planner.core.decimal_math import format_m2
    from planner.core.rules import parse_number
    from planner.core.units import parse_height, parse_weight

    formula = get_formula(args.formula).key
    cap = None if args.bsa_cap is None else parse_number(args.bsa_cap, "bsa_cap", "--bsa-cap: the cap in m²")
    result = calculate_bsa(parse_height(args.height), parse_weight(args.weight), formula, cap)
    if args.json:
        print(json.dumps(bsa_to_dict(result)))
    else:
        print(result.explain())
        print(f"BSA {format_m2(result.m2)} m²")
    return 0
