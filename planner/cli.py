"""The `planner` command line: headless use of the same core the GUI uses.

Bad input exits with status 2 and one line `error: ...` on stderr, never a traceback. Commands are
registered from small modules under planner.commands; each imports its heavy dependencies only when
it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse prints usage plus a message; the contract is one line `error: ...` and status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with `only="bsa"` just that command: `planner bsa` is called from scripts
    in loops and must start about as fast as Python itself, so it skips loading the other commands."""
    from planner import __version__
    from planner.commands import bsa

    parser = _Parser(prog="planner", description="Cycle Planner: treatment plans, BSA and doses.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                       parser_class=_Parser)
    if only == "bsa":
        bsa.register(subparsers)
        return parser
    from planner.commands import plan

    for module in (bsa, plan, *_optional_commands()):
        module.register(subparsers)
    return parser


def _optional_commands() -> list:
    """Commands of the later layers (records, exports); each module registers itself if present."""
    import importlib

    modules = []
    for name in ("patient", "db", "export"):
        try:
            modules.append(importlib.import_module(f"planner.commands.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"planner.commands.{name}":
                raise
    return modules


def main(argv: Sequence[str] | None = None) -> int:
    from planner.core.errors import PlannerError

    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only="bsa" if argv[:1] == ["bsa"] else None)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except PlannerError as exc:
        sys.stderr.write(f"error: {exc.message}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `planner plan | head`: not an error for the user
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
