"""`planner plan`: every cycle and day of a plan, as a readable table, JSON or CSV."""

from __future__ import annotations

import argparse
import json
import sys

from planner.commands.plan_args import add_plan_arguments


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("plan", help="compute a treatment plan")
    add_plan_arguments(parser)
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the plan as JSON")
    output.add_argument("--csv", action="store_true", help="print one CSV row per calendar day")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planner.commands.plan_args import plan_from_args

    plan = plan_from_args(args)
    if args.json:
        from planner.core.serialize import plan_to_dict

        json.dump(plan_to_dict(plan), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.csv:
        import csv

        from planner.core.table import plan_day_columns, plan_day_rows

        writer = csv.DictWriter(sys.stdout, fieldnames=plan_day_columns(plan), lineterminator="\n")
        writer.writeheader()
        writer.writerows(plan_day_rows(plan))
    else:
        from planner.core.text_report import plan_as_text

        sys.stdout.write(plan_as_text(plan))
    return 0
