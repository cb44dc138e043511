"""The `planner` command line: headless use of the same core the GUI uses.

Bad input exits with status 2 and one line `error: ...` on stderr, never a traceback. Commands are
registered from small modules under planner.commands; each imports its heavy dependencies only when
it runs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import cast

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE (sysexits.h): a bug, not the user's input
LANG_VAR = "PLANNER_LANG"
DEBUG_VAR = "PLANNER_DEBUG"

# `--height -1.7m`: argparse takes a value that starts with "-" for an option unless it is a plain
# negative number. Such a value is joined to its option (`--height=-1.7m`), so the person gets the
# option's own message ("must be more than 0") instead of "expected one argument". No option of the
# planner starts with "-" and a digit or a dot.
_NEGATIVE_VALUE = re.compile(r"^-[\d.,]")


class _Parser(argparse.ArgumentParser):
    """argparse prints usage plus a message; the contract is one line `error: ...` and status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"error: {_one_line(message)}\n")
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with `only="bsa"` just that command: `planner bsa` is called from scripts
    in loops and must start about as fast as Python itself, so it skips loading the other commands."""
    from planner import __version__
    from planner.commands import bsa

    parser = _Parser(prog="planner", description="Cycle Planner: treatment plans, BSA and doses.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # Also accepted after the command (`planner patient add ... --user NAME`): see store_args.
    parser.add_argument("--user", dest="global_user", default=None, metavar="NAME",
                        help="sign in as NAME when the database has user accounts (password from "
                             "$PLANNER_PASSWORD or a prompt)")
    # Every sub-parser is a _Parser (one-line errors); the commands only need the ArgumentParser interface.
    subparsers = cast("argparse._SubParsersAction[argparse.ArgumentParser]", parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser))
    if only == "bsa":
        bsa.register(subparsers)
        return parser
    from planner.commands import plan

    for module in (bsa, plan, *_optional_commands()):
        module.register(subparsers)
    return parser


def _optional_commands() -> list[ModuleType]:
    """Commands of the later layers (records, exports); each module registers itself if present."""
    import importlib

    modules = []
    for name in ("assess", "patient", "db", "export", "user"):
        try:
            modules.append(importlib.import_module(f"planner.commands.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"planner.commands.{name}":
                raise
    return modules


def join_negative_values(argv: list[str]) -> list[str]:
    """`--height -1.7m` -> `--height=-1.7m` (see _NEGATIVE_VALUE)."""
    out: list[str] = []
    for token in argv:
        if (out and _NEGATIVE_VALUE.match(token) and out[-1].startswith("--") and "=" not in out[-1]
                and out[-1] != "--"):
            out[-1] = f"{out[-1]}={token}"
        else:
            out.append(token)
    return out


def _one_line(message: str) -> str:
    """A message on one line with no control or invisible characters (it may quote what was typed)."""
    from planner.core.rules import clip

    return clip(message, limit=2000)


def main(argv: Sequence[str] | None = None) -> int:
    argv = join_negative_values(list(sys.argv[1:] if argv is None else argv))
    try:
        return _run(argv)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except Exception as exc:
        # Last resort: a bug must not show a traceback (it may carry patient data) nor exit 1 like a
        # finding. PLANNER_DEBUG=1 re-raises, so developers and the test suite see the traceback.
        if os.environ.get(DEBUG_VAR) == "1":
            raise
        sys.stderr.write(f"error: internal error ({type(exc).__name__})\n")
        return EXIT_INTERNAL


def _use_cli_language() -> None:
    """Messages and reports in PLANNER_LANG (`zh_CN` or `en`, the default): chosen explicitly, not taken
    from the system locale, so a script's output never changes language under it. Printouts keep their
    own `--lang` (a patient's calendar in the patient's language)."""
    chosen = os.environ.get(LANG_VAR, "").strip()
    if not chosen:
        return
    from planner.core.i18n import DEFAULT_LANGUAGE, catalog, normalize_language, set_interface_language, set_translator

    code = normalize_language(chosen)
    set_interface_language(code)
    if code == DEFAULT_LANGUAGE:
        set_translator(None)
    else:
        texts = catalog(code)
        set_translator(lambda context, text: texts.get((context, text), text))


def _run(argv: list[str]) -> int:
    from planner.core.errors import PlannerError

    _use_cli_language()
    parser = build_parser(only="bsa" if argv[:1] == ["bsa"] else None)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except PlannerError as exc:
        sys.stderr.write(f"error: {_one_line(exc.message)}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `planner plan | head`: not an error for the user
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
