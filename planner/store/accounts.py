"""User accounts in the database: reading them, checking a password or PIN, and the one rule every write
obeys (`require_writer`: once an account exists, nothing is written without a signed-in, enabled user).

Passwords and PINs are kept only as argon2id hashes (argon2-cffi). A failed sign-in never says whether the
user exists: an unknown name costs the same hash as a wrong password and gets the same message.
No password, PIN or hash is ever logged or put in the audit log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, Row, func, select

from planner.core import rules
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.roles import Role
from planner.store.schema import users

log = logging.getLogger(__name__)

MIN_PASSWORD = 8
MAX_SECRET = 1024  # a longer "password" is a paste accident; argon2 would hash it, but slowly
PIN_LENGTH = (4, 12)


@dataclass(frozen=True)
class SignedIn:
    """Who is signed in: every write is recorded under `user`, and `role` decides what they may do."""

    user: str
    role: Role


@dataclass(frozen=True)
class UserInfo:
    """An account as `planner user list` and the GUI show it (never its hashes)."""

    name: str
    display_name: str
    role: Role
    disabled: bool
    has_pin: bool
    created_by: str
    created_at: datetime


@cache
def hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current (RFC 9106 low-memory) parameters


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist, so both failures take the same time."""
    return hasher().hash("not a password of anybody")


def name_key(name: str) -> str:
    return name.casefold()


def clean_user_name(name: str | None, field: str = "user") -> str:
    """A user name: the text rules of every recorded person (ordinary characters, 1-MAX_USER)."""
    return rules.clean_person(name, field, translate("Accounts", "User name"))


def check_password(password: str | None, field: str = "password") -> str:
    """A new password: at least MIN_PASSWORD characters, no control characters. Never stripped: spaces count."""
    text = password or ""
    if len(text) < MIN_PASSWORD or len(text) > MAX_SECRET:
        raise InputError(field, translate("Accounts", "Password: use {low} to {high} characters.").format(
            low=MIN_PASSWORD, high=MAX_SECRET))
    if any(ch in text for ch in "\x00\r\n") or any(ord(ch) < 32 for ch in text):
        raise InputError(field, translate("Accounts", "Password: contains a control character; use letters, "
                                                      "digits, spaces and punctuation."))
    return text


def check_pin(pin: str | None, field: str = "pin") -> str:
    text = (pin or "").strip()
    low, high = PIN_LENGTH
    if not (low <= len(text) <= high and text.isascii() and text.isdigit()):
        raise InputError(field, translate("Accounts", "PIN: use {low} to {high} digits.").format(low=low, high=high))
    return text


def user_count(conn: Connection) -> int:
    """How many accounts exist (disabled ones included): 0 means single-user mode."""
    return int(conn.execute(select(func.count()).select_from(users)).scalar() or 0)


def accounts_on(conn: Connection) -> bool:
    return conn.execute(select(users.c.id).limit(1)).first() is not None


def user_row(conn: Connection, name: str, *, for_update: bool = False) -> Row[object] | None:
    query = select(users).where(users.c.name_key == name_key(name))
    if for_update and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return conn.execute(query).first()


def info(row: Row[object]) -> UserInfo:
    r = row._mapping
    return UserInfo(name=str(r["name"]), display_name=str(r["display_name"]), role=Role(r["role"]),
                    disabled=bool(r["disabled"]), has_pin=r["pin_hash"] is not None,
                    created_by=str(r["created_by"]), created_at=r["created_at"])


def list_users(conn: Connection) -> list[UserInfo]:
    return [info(row) for row in conn.execute(select(users).order_by(users.c.name_key))]


def _refused() -> InputError:
    # One message for an unknown user, a disabled one and a wrong secret: nothing says which it was.
    return InputError("password", translate("Accounts", "Sign-in failed: the user name or password is wrong."))


def _verify(stored: str | None, secret: str) -> bool:
    try:
        return hasher().verify(stored or _dummy_hash(), secret) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def authenticate(conn: Connection, name: str | None, secret: str | None, *, allow_pin: bool = False) -> SignedIn:
    """The signed-in user for `name` and its password (or, with `allow_pin`, its PIN); InputError("password")
    with the same message whatever was wrong."""
    text = (name or "").strip()
    row = user_row(conn, text) if text and len(text) <= rules.MAX_USER else None
    if not secret or len(secret) > MAX_SECRET:
        raise _refused()
    mapping = row._mapping if row is not None else None
    ok = _verify(mapping["password_hash"] if mapping is not None else None, secret)
    if not ok and allow_pin and mapping is not None and mapping["pin_hash"] is not None:
        ok = _verify(mapping["pin_hash"], secret)
    if not ok or mapping is None or mapping["disabled"]:
        log.info("sign-in refused")
        raise _refused()
    return SignedIn(user=str(mapping["name"]), role=Role(mapping["role"]))


def require_writer(conn: Connection, signed_in: SignedIn | None) -> SignedIn | None:
    """The rule of every write, checked inside its transaction: with no account, anyone may write (single-user
    mode, None); once an account exists, only a signed-in user whose account is still enabled, returned with
    the role it has now (a role changed or an account disabled since sign-in takes effect at once)."""
    if signed_in is None:
        if accounts_on(conn):
            raise InputError("user", translate(
                "Accounts", "Sign in first: user accounts are on for this database, and every change needs a "
                            "signed-in user (the CLI: --user NAME with PLANNER_PASSWORD or the prompt)."))
        return None
    row = user_row(conn, signed_in.user)
    if row is None or row._mapping["disabled"]:
        raise InputError("user", translate(
            "Accounts", "Sign in again: the account {user} is disabled or no longer exists.").format(
            user=rules.clip(signed_in.user)))
    return SignedIn(user=str(row._mapping["name"]), role=Role(row._mapping["role"]))
