"""User accounts in the store: single-user mode until the first administrator, then every write needs a
signed-in user; roles gate managing accounts and the double check; the double check by two signed-in people."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner import operations
from planner.core.errors import InputError
from planner.core.roles import Action, Role, allowed, require_role
from planner.store import PatientStore
from planner.store.accounts import SignedIn
from tests.store.conftest import add_wang

MRN = "12345"
ADMIN_PW = "admin-secret-1"
PW = "correct horse"


def _add(store: PatientStore, name: str, role: Role, *, pin: str | None = None) -> None:
    operations.add_user(store.repository, name, role=role, password=PW, pin=pin)


@pytest.fixture
def accounts_on(store):
    """A database with an administrator (signed in), two nurses, a pharmacist and a prescriber."""
    operations.add_user(store.repository, "admin", role=Role.ADMINISTRATOR, password=ADMIN_PW)
    store.sign_in("admin", ADMIN_PW)
    for name, role in (("nurse.a", Role.NURSE), ("nurse.b", Role.NURSE), ("pharm", Role.PHARMACIST),
                       ("doc", Role.PRESCRIBER)):
        _add(store, name, role, pin="4321" if name == "nurse.b" else None)
    return store


def _check(store: PatientStore, second: str, secret: str | None, version: int, first: str = "XX"):
    return operations.record_double_check(
        store.repository, MRN, cycle=1, drug="epirubicin", calculated_mg=Decimal(164), checked_mg=Decimal(164),
        tolerance_pct=Decimal(5), first_checker=first, second_checker=second, expected_version=version,
        second_secret=secret)


def test_single_user_mode_records_the_os_user_and_keeps_the_initials_path(store):
    assert not store.accounts_enabled() and store.signed_in is None
    add_wang(store)
    assert store.audit_log()[-1].actor == "nurse.a"
    record = _check(store, "Chen", None, 1, first="Li").record
    assert (record.dose_checks[0].first_checker, record.dose_checks[0].second_checker) == ("Li", "Chen")


def test_the_first_account_must_be_an_administrator(store):
    with pytest.raises(InputError) as caught:
        _add(store, "nurse.a", Role.NURSE)
    assert caught.value.field == "role"
    assert store.user_count() == 0


def test_once_an_admin_exists_every_write_needs_a_signed_in_user(store):
    operations.add_user(store.repository, "admin", role=Role.ADMINISTRATOR, password=ADMIN_PW)
    assert store.accounts_enabled() and store.user_count() == 1
    audit_before = store.audit_log()
    with pytest.raises(InputError) as caught:
        add_wang(store)
    assert caught.value.field == "user"
    with pytest.raises(InputError):
        _add(store, "nurse.a", Role.NURSE)
    assert store.audit_log() == audit_before and store.list_patients() == []
    store.sign_in("admin", ADMIN_PW)
    add_wang(store)
    assert store.audit_log()[-1].actor == "admin"
    store.sign_out()
    assert store.signed_in is None
    with pytest.raises(InputError):
        store.withdraw_patient(MRN, "test", expected_version=1)


def test_reading_needs_no_sign_in(accounts_on):
    add_wang(accounts_on)
    accounts_on.sign_out()
    assert [s.mrn for s in accounts_on.list_patients()] == [MRN]


def test_sign_in_failure_never_says_whether_the_user_exists(accounts_on):
    messages = set()
    for name, password in (("nurse.a", "wrong password"), ("nobody", PW), ("", PW), ("nurse.a", "")):
        with pytest.raises(InputError) as caught:
            accounts_on.sign_in(name, password)
        assert caught.value.field == "password"
        messages.add(caught.value.message)
    assert len(messages) == 1
    assert accounts_on.signed_in == SignedIn("admin", Role.ADMINISTRATOR)  # a failure signs nobody out


def test_user_names_are_case_insensitive_and_passwords_are_hashed(accounts_on):
    from sqlalchemy import select

    from planner.store.schema import users

    assert accounts_on.sign_in("NURSE.A", PW) == SignedIn("nurse.a", Role.NURSE)
    accounts_on.sign_in("admin", ADMIN_PW)
    with pytest.raises(InputError):
        _add(accounts_on, "Nurse.A", Role.NURSE)
    with accounts_on.repository.reading() as conn:
        hashes = [r.password_hash for r in conn.execute(select(users))]
    assert all(h.startswith("$argon2id$") and PW not in h for h in hashes)
    assert all(PW not in str(e.new) and "argon2" not in str(e.new) for e in accounts_on.audit_log())


def test_disabled_user_cannot_sign_in_and_is_signed_out_of_writes(accounts_on):
    accounts_on.sign_in("nurse.a", PW)
    add_wang(accounts_on)
    accounts_on.sign_in("admin", ADMIN_PW)
    result = operations.disable_user(accounts_on.repository, "nurse.a")
    assert result.user.disabled
    with pytest.raises(InputError) as caught:
        accounts_on.sign_in("nurse.a", PW)
    assert caught.value.field == "password"
    # A session that signed in before the account was disabled can write no more.
    accounts_on.repository.signed_in = SignedIn("nurse.a", Role.NURSE)
    with pytest.raises(InputError) as caught:
        accounts_on.withdraw_patient(MRN, "test", expected_version=1)
    assert caught.value.field == "user"


@pytest.mark.parametrize("role", [Role.NURSE, Role.PHARMACIST, Role.PRESCRIBER])
def test_only_an_administrator_manages_accounts(accounts_on, role):
    name = {Role.NURSE: "nurse.a", Role.PHARMACIST: "pharm", Role.PRESCRIBER: "doc"}[role]
    accounts_on.sign_in(name, PW)
    repo = accounts_on.repository
    for action in (lambda: _add(accounts_on, "new.one", Role.NURSE),
                   lambda: operations.disable_user(repo, "nurse.b"),
                   lambda: operations.set_role(repo, "nurse.b", Role.PRESCRIBER),
                   lambda: operations.set_password(repo, "nurse.b", "another password")):
        with pytest.raises(InputError) as caught:
            action()
        assert caught.value.field == "role"
    # Their own password and PIN are theirs to change.
    operations.set_password(repo, name, "my new password")
    operations.set_pin(repo, name, "9876")
    assert accounts_on.sign_in(name, "my new password").role is role


def test_the_last_administrator_stays(accounts_on):
    repo = accounts_on.repository
    for action in (lambda: operations.disable_user(repo, "admin"),
                   lambda: operations.set_role(repo, "admin", Role.NURSE)):
        with pytest.raises(InputError):
            action()
    operations.set_role(repo, "doc", Role.ADMINISTRATOR)
    operations.set_role(repo, "admin", Role.NURSE)
    assert {u.name: u.role for u in accounts_on.users()}["admin"] is Role.NURSE
    assert [e.action for e in accounts_on.audit_log()][-2:] == ["user.role", "user.role"]


def test_role_rules():
    assert {r for r in Role if allowed(r, Action.DOUBLE_CHECK)} == {Role.NURSE, Role.PHARMACIST, Role.PRESCRIBER}
    assert {r for r in Role if allowed(r, Action.PRESCRIBER_CONFIRMATION)} == {Role.PRESCRIBER}
    assert {r for r in Role if allowed(r, Action.MANAGE_ACCOUNTS)} == {Role.ADMINISTRATOR}
    for role in (Role.NURSE, Role.PHARMACIST, Role.ADMINISTRATOR):
        with pytest.raises(InputError):
            require_role(role, Action.PRESCRIBER_CONFIRMATION)
    assert Role.parse("admin") is Role.ADMINISTRATOR and Role.parse(" Nurse ") is Role.NURSE
    with pytest.raises(InputError):
        Role.parse("surgeon")


# --- the double check by two signed-in people


@pytest.fixture
def wang_signed_in(accounts_on):
    accounts_on.sign_in("nurse.a", PW)
    add_wang(accounts_on)
    return accounts_on


def test_double_check_by_two_signed_in_people(wang_signed_in):
    store = wang_signed_in
    record = _check(store, "pharm", PW, 1).record
    check = record.dose_checks[0]
    assert (check.first_checker, check.second_checker) == ("nurse.a", "pharm")
    assert store.audit_log()[-1].actor == "nurse.a"
    record = _check(store, "NURSE.B", "4321", 2).record  # a PIN instead of the password
    assert record.dose_checks[1].second_checker == "nurse.b"


@pytest.mark.parametrize(("second", "secret", "field"), [
    ("nurse.a", PW, "second_checker"),  # the same person twice
    ("Nurse.A", PW, "second_checker"),
    ("pharm", "wrong password", "second_password"),
    ("nobody", PW, "second_password"),
    ("pharm", None, "second_password"),
    ("admin", ADMIN_PW, "second_checker"),  # an administrator may not check
])
def test_double_check_refusals(wang_signed_in, second, secret, field):
    store = wang_signed_in
    before = store.audit_log(), store.get_patient(MRN)
    with pytest.raises(InputError) as caught:
        _check(store, second, secret, 1)
    assert caught.value.field == field
    assert (store.audit_log(), store.get_patient(MRN)) == before


def test_double_check_refused_for_a_first_checker_who_may_not_check(wang_signed_in):
    store = wang_signed_in
    store.sign_in("admin", ADMIN_PW)
    with pytest.raises(InputError) as caught:
        _check(store, "pharm", PW, 1)
    assert caught.value.field == "first_checker"
    store.sign_out()
    with pytest.raises(InputError):
        _check(store, "pharm", PW, 1)
