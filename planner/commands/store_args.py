"""`--database URL|PATH`, shared by the commands that read or write patient records, and the rule for
files the commands write (`--out`) so none of them can replace the database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.store import PatientStore


PASSWORD_VAR = "PLANNER_PASSWORD"


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", default=None, metavar="URL|PATH",
                        help="database file or URL (default: $PLANNER_DATABASE, else the per-user data folder)")
    parser.add_argument("--user", default=None, metavar="NAME",
                        help=f"sign in as NAME when the database has user accounts (password from ${PASSWORD_VAR} "
                             "or a prompt); every change then needs it")


def _input_error(field: str, message: str) -> Exception:
    from planner.core.errors import InputError

    return InputError(field, message)


def database_location(location: str | None, *, create: bool) -> str | None:
    """The --database value checked: `""` is an error (not the default), and a command that only reads
    refuses a database file that does not exist instead of creating an empty one (a typo in the path
    would otherwise answer "No patient with MRN ..." from a new, empty database)."""
    from planner.core.rules import clip
    from planner.store.engine import database_file, mask_password

    if location is not None and not location.strip():
        raise _input_error("database", "--database: empty; give a database file or URL, or leave the option out "
                                       "for the default database.")
    path = database_file(location)
    if path is not None and not create and not path.is_file():
        shown = clip(mask_password(str(path)), limit=500)
        raise _input_error("database", f"no database at {shown}; check --database (only `planner patient add`, "
                                       "`planner patient import` and the app create a database).")
    return location


def protected_files(location: str | None) -> tuple[Path, ...]:
    """The database files an `--out` must never replace: the one given and the default one."""
    from planner.store.engine import database_file

    return tuple(p for p in {database_file(location), database_file(None)} if p is not None)


def check_out(path: str, location: str | None) -> Path:
    """Apply the output-path rule (planner.export.atomic.check_output_path) to an `--out`."""
    from planner.export.atomic import check_output_path

    return check_output_path(path, protected_files(location))


def open_store(args: argparse.Namespace, *, create: bool = False) -> PatientStore:
    from planner.store import PatientStore

    store = PatientStore.open(database_location(args.database, create=create))
    try:
        sign_in(store, getattr(args, "user", None) or getattr(args, "global_user", None))
    except BaseException:
        store.close()
        raise
    return store


def sign_in(store: PatientStore, user: str | None) -> None:
    """Sign in as `user` (password from $PLANNER_PASSWORD, else a prompt that does not echo). Without a user
    nobody is signed in: reading works, and the store refuses every write once accounts are on."""
    import getpass
    import os

    if user is None:
        return
    if not store.accounts_enabled():
        raise _input_error("user", "--user: this database has no user accounts (single-user mode: changes are "
                                   "recorded as the system user); leave --user out, or add an administrator first "
                                   "with `planner user add NAME --role admin`.")
    password = os.environ.get(PASSWORD_VAR)
    if password is None:
        try:
            password = getpass.getpass(f"Password for {user}: ")
        except EOFError:
            password = ""
    store.sign_in(user, password)
