"""`planner user add|list|disable|password|pin|role`: the accounts of the patient database.

With no account the database is in single-user mode; `planner user add NAME --role admin` creates the first
administrator (no sign-in needed for that one), who then signs in (`--user`) to manage the others. New
passwords and PINs come from $PLANNER_NEW_PASSWORD / $PLANNER_NEW_PIN or are asked twice without echo;
they are never printed or logged.
"""

from __future__ import annotations

import argparse
import json
import sys

from planner.commands.store_args import add_database_argument

NEW_PASSWORD_VAR = "PLANNER_NEW_PASSWORD"
NEW_PIN_VAR = "PLANNER_NEW_PIN"
ROLE_CHOICES = "nurse|pharmacist|prescriber|admin"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("user", help="user accounts and roles")
    commands = parser.add_subparsers(dest="user_command", required=True, metavar="ACTION",
                                     parser_class=type(parser))
    add = commands.add_parser("add", help="add an account (the first one must be an administrator)")
    add.add_argument("name")
    add.add_argument("--role", required=True, metavar=ROLE_CHOICES)
    add.add_argument("--display-name", default="")
    add.set_defaults(handler=run_add)

    listing = commands.add_parser("list", help="the accounts (no passwords)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    disable = commands.add_parser("disable", help="disable an account (its name stays on what it recorded)")
    disable.add_argument("name")
    disable.set_defaults(handler=run_disable)

    password = commands.add_parser("password", help="set a new password (yours, or anyone's as administrator)")
    password.add_argument("name")
    password.set_defaults(handler=run_password)

    pin = commands.add_parser("pin", help="set a PIN for confirming someone else's double check (--remove: none)")
    pin.add_argument("name")
    pin.add_argument("--remove", action="store_true")
    pin.set_defaults(handler=run_pin)

    role = commands.add_parser("role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", metavar=ROLE_CHOICES)
    role.set_defaults(handler=run_role)

    for sub in (add, listing, disable, password, pin, role):
        add_database_argument(sub)


def _new_secret(variable: str, label: str, field: str) -> str:
    import getpass
    import os

    from planner.core.errors import InputError

    given = os.environ.get(variable)
    if given is not None:
        return given
    try:
        first = getpass.getpass(f"New {label}: ")
        again = getpass.getpass(f"New {label} again: ")
    except EOFError:
        raise InputError(field, f"{label}: none given (set ${variable} or type it at the prompt).") from None
    if first != again:
        raise InputError(field, f"{label}: the two entries differ; nothing was changed.")
    return first


def _done(text: str) -> None:
    sys.stdout.write(text + "\n")


def run_add(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.commands.store_args import open_store
    from planner.core.roles import Role

    role = Role.parse(args.role)
    with open_store(args, create=True) as store:
        password = _new_secret(NEW_PASSWORD_VAR, "password", "password")
        result = operations.add_user(store.repository, args.name, role=role, password=password,
                                     display_name=args.display_name)
    _done(f"saved: user {result.user.name} ({result.user.role.value})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from planner.commands.store_args import open_store

    with open_store(args) as store:
        found = store.users()
    if args.json:
        json.dump([{"name": u.name, "display_name": u.display_name, "role": u.role.value, "disabled": u.disabled,
                    "pin": u.has_pin, "created_by": u.created_by, "created_at": u.created_at.isoformat()}
                   for u in found], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not found:
        _done("accounts are off: no user account exists (single-user mode; changes are recorded as the system "
              "user). `planner user add NAME --role admin` creates the first administrator.")
        return 0
    for u in found:
        state = "disabled" if u.disabled else "active"
        _done(f"{u.name}\t{u.role.value}\t{state}\t{u.display_name}")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.commands.store_args import open_store

    with open_store(args) as store:
        result = operations.disable_user(store.repository, args.name)
    _done(f"saved: user {result.user.name} disabled")
    return 0


def run_password(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.commands.store_args import open_store

    with open_store(args) as store:
        password = _new_secret(NEW_PASSWORD_VAR, "password", "password")
        result = operations.set_password(store.repository, args.name, password)
    _done(f"saved: new password for {result.user.name}")
    return 0


def run_pin(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.commands.store_args import open_store

    with open_store(args) as store:
        pin = None if args.remove else _new_secret(NEW_PIN_VAR, "PIN", "pin")
        result = operations.set_pin(store.repository, args.name, pin)
    _done(f"saved: {'a PIN' if result.user.has_pin else 'no PIN'} for {result.user.name}")
    return 0


def run_role(args: argparse.Namespace) -> int:
    from planner import operations
    from planner.commands.store_args import open_store
    from planner.core.roles import Role

    role = Role.parse(args.role)
    with open_store(args) as store:
        result = operations.set_role(store.repository, args.name, role)
    _done(f"saved: {result.user.name} is now a {result.user.role.value}")
    return 0
