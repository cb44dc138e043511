"""Managing user accounts: add, disable, set a password, PIN or role. One transaction and one audit entry
each (entity "user", no patient); no password, PIN or hash ever reaches the audit log.

Only an administrator manages accounts, with two exceptions that keep a ward from locking itself out or
needing an administrator for a private matter: the first account (when none exists) may be added by
whoever runs the program and must be an administrator, and every user may change their own password and PIN.
The last enabled administrator can be neither disabled nor given another role.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Row, func, insert, select, update

from planner.core import rules
from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.roles import Action, Role, require_role
from planner.store import accounts
from planner.store.accounts import UserInfo
from planner.store.repository import Repository, Transaction
from planner.store.schema import users


@dataclass(frozen=True)
class AccountResult:
    """One saved account action: the account as it is now and the audit entry."""

    user: UserInfo
    audit_id: int


def _require_admin(tx: Transaction) -> None:
    if tx.signed_in is None:  # only reachable with no account at all: require_writer refuses otherwise
        raise InputError("user", translate(
            "Accounts", "Accounts: create the first administrator first (planner user add NAME --role admin)."))
    require_role(tx.signed_in.role, Action.MANAGE_ACCOUNTS)


def _existing(tx: Transaction, name: str) -> Row[object]:
    row = accounts.user_row(tx.conn, name, for_update=True)
    if row is None:
        raise InputError("user", translate("Accounts", "User: there is no account {user}.").format(
            user=rules.clip(name)))
    return row


def _enabled_admins(tx: Transaction) -> int:
    return int(tx.conn.execute(select(func.count()).select_from(users).where(
        users.c.role == Role.ADMINISTRATOR.value, users.c.disabled.is_(False))).scalar() or 0)


def _keeps_an_admin(tx: Transaction, row: Row[object]) -> None:
    r = row._mapping
    if r["role"] == Role.ADMINISTRATOR.value and not r["disabled"] and _enabled_admins(tx) <= 1:
        raise InputError("user", translate(
            "Accounts", "User: {user} is the last administrator; add another administrator first.").format(
            user=rules.clip(str(r["name"]))))


def _save(tx: Transaction, row: Row[object], action: str, old: dict[str, object], new: dict[str, object],
          **values: object) -> AccountResult:
    user_id = int(row._mapping["id"])
    tx.conn.execute(update(users).where(users.c.id == user_id).values(
        updated_by=tx.actor, updated_at=tx.now, **values))
    audit_id = tx.audit(action, "user", user_id, None, old, new)
    fresh = tx.conn.execute(select(users).where(users.c.id == user_id)).one()
    return AccountResult(accounts.info(fresh), audit_id)


def add_user(repo: Repository, name: str, *, role: Role, password: str, display_name: str = "",
             pin: str | None = None) -> AccountResult:
    """A new account. With no account yet, anyone may add the first one, which must be an administrator."""
    name = accounts.clean_user_name(name)
    display = rules.clean_text(display_name, "display_name", translate("Accounts", "Display name"),
                               rules.MAX_NAME) or name
    password = accounts.check_password(password)
    pin = accounts.check_pin(pin) if pin else None
    role = Role(role)
    # Hash before the transaction: argon2 takes a noticeable moment, and SQLite's write lock is held by it.
    password_hash = accounts.hasher().hash(password)
    pin_hash = accounts.hasher().hash(pin) if pin else None
    with repo.writing() as tx:
        if accounts.accounts_on(tx.conn):
            _require_admin(tx)
        elif role is not Role.ADMINISTRATOR:
            raise InputError("role", translate(
                "Accounts", "Role: the first account must be an administrator (--role admin), who then adds "
                            "the others."))
        if accounts.user_row(tx.conn, name) is not None:
            raise InputError("user", translate("Accounts", "User: an account {user} already exists.").format(
                user=rules.clip(name)))
        result = tx.conn.execute(insert(users).values(
            name=name, name_key=accounts.name_key(name), display_name=display, role=role.value,
            password_hash=password_hash, pin_hash=pin_hash, disabled=False, created_by=tx.actor,
            created_at=tx.now, updated_by=tx.actor, updated_at=tx.now))
        key = result.inserted_primary_key
        assert key is not None
        user_id = int(key[0])
        new = {"name": name, "display_name": display, "role": role.value, "pin": pin is not None}
        audit_id = tx.audit("user.add", "user", user_id, None, None, new)
        row = tx.conn.execute(select(users).where(users.c.id == user_id)).one()
        return AccountResult(accounts.info(row), audit_id)


def disable_user(repo: Repository, name: str) -> AccountResult:
    """The account can no longer sign in or check; its name stays on everything it recorded."""
    with repo.writing() as tx:
        _require_admin(tx)
        row = _existing(tx, name)
        if row._mapping["disabled"]:
            raise InputError("user", translate("Accounts", "User: {user} is already disabled.").format(
                user=rules.clip(name)))
        _keeps_an_admin(tx, row)
        return _save(tx, row, "user.disable", {"disabled": False}, {"disabled": True}, disabled=True)


def set_role(repo: Repository, name: str, role: Role) -> AccountResult:
    role = Role(role)
    with repo.writing() as tx:
        _require_admin(tx)
        row = _existing(tx, name)
        old = str(row._mapping["role"])
        if old == role.value:
            raise InputError("role", translate("Accounts", "Role: {user} already is a {role}.").format(
                user=rules.clip(name), role=role.value))
        if role is not Role.ADMINISTRATOR:
            _keeps_an_admin(tx, row)
        return _save(tx, row, "user.role", {"role": old}, {"role": role.value}, role=role.value)


def _self_or_admin(tx: Transaction, name: str) -> None:
    if tx.signed_in is not None and accounts.name_key(tx.signed_in.user) == accounts.name_key(name):
        return
    _require_admin(tx)


def set_password(repo: Repository, name: str, password: str) -> AccountResult:
    """A new password for `name`: their own, or any user's by an administrator."""
    password_hash = accounts.hasher().hash(accounts.check_password(password))
    with repo.writing() as tx:
        _self_or_admin(tx, name)
        row = _existing(tx, name)
        # The audit says that it changed, never what to.
        return _save(tx, row, "user.password", {}, {"password": "changed"}, password_hash=password_hash)


def set_pin(repo: Repository, name: str, pin: str | None) -> AccountResult:
    """A PIN the user may give instead of the password when confirming someone else's double check;
    None removes it."""
    pin_hash = accounts.hasher().hash(accounts.check_pin(pin)) if pin else None
    with repo.writing() as tx:
        _self_or_admin(tx, name)
        row = _existing(tx, name)
        had = row._mapping["pin_hash"] is not None
        return _save(tx, row, "user.pin", {"pin": had}, {"pin": pin_hash is not None}, pin_hash=pin_hash)
