"""Who may do what once user accounts are on: the roles and the actions they gate, written once.

The store, the operations, the CLI and the GUI all ask `require_role`, so a role cannot be allowed an action
in one layer and refused it in another. In single-user mode (no account exists) nothing is gated: there is
nobody to tell apart.
"""

from __future__ import annotations

from enum import StrEnum

from planner.core.errors import InputError
from planner.core.i18n import translate


class Role(StrEnum):
    """A user's role; the value is what the database and the CLI write."""

    NURSE = "nurse"
    PHARMACIST = "pharmacist"
    PRESCRIBER = "prescriber"
    ADMINISTRATOR = "administrator"

    @classmethod
    def parse(cls, text: str, field: str = "role") -> Role:
        """A role from what was typed; `admin` is short for administrator."""
        key = (text or "").strip().casefold()
        if key == "admin":
            return cls.ADMINISTRATOR
        for member in cls:
            if member.value == key:
                return member
        raise InputError(field, translate("Roles", "Role: '{text}' is not a role; use nurse, pharmacist, prescriber "
                                                   "or admin.").format(text=key[:40]))


class Action(StrEnum):
    """The actions a role gates."""

    DOUBLE_CHECK = "double-check"  # be either checker of a dose's double check
    PRESCRIBER_CONFIRMATION = "prescriber-confirmation"  # confirm what a rule marks "prescriber confirmation"
    MANAGE_ACCOUNTS = "manage-accounts"  # add, disable, change the role or password of another user


# A double check is done at the chair or in the pharmacy by people who prepare or prescribe the dose; an
# administrator account is for running the system and proves no clinical competence.
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.DOUBLE_CHECK: frozenset({Role.NURSE, Role.PHARMACIST, Role.PRESCRIBER}),
    Action.PRESCRIBER_CONFIRMATION: frozenset({Role.PRESCRIBER}),
    Action.MANAGE_ACCOUNTS: frozenset({Role.ADMINISTRATOR}),
}


def allowed(role: Role, action: Action) -> bool:
    return role in ALLOWED[action]


def require_role(role: Role, action: Action, field: str = "role") -> Role:
    """The role, or InputError(field) naming the action and the roles that may do it."""
    if not allowed(role, action):
        names = ", ".join(sorted(r.value for r in ALLOWED[action]))
        raise InputError(field, translate(
            "Roles", "Role: a {role} may not do this ({action}); only {roles}.").format(
            role=role.value, action=action.value, roles=names))
    return role
