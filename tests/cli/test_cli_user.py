"""`planner user ...` and `--user`: accounts off (single-user, as before) and on (every write needs valid
credentials, exit 2 with one line otherwise; the audit records the signed-in user). Both engines."""

from __future__ import annotations

import json

import pytest

from planner.cli import main
from planner.store import PatientStore

ADD = ["patient", "add", "--name", "Wang Fang", "--mrn", "12345", "--dob", "1970-03-01", "--sex", "F",
       "--height", "170", "--weight", "70", "--measured-on", "2026-01-02", "--start", "2026-01-05"]
WITHDRAW = ["patient", "withdraw", "12345", "--reason", "moved away"]
ADMIN_PW = "admin-secret-1"
NURSE_PW = "nurse-secret-1"


@pytest.fixture(autouse=True)
def _private_database(tmp_path, monkeypatch, database):
    postgres = database.startswith("postgresql")
    monkeypatch.setenv("PLANNER_DATABASE", database if postgres else str(tmp_path / "default.sqlite3"))
    monkeypatch.delenv("PLANNER_PASSWORD", raising=False)
    monkeypatch.delenv("PLANNER_NEW_PASSWORD", raising=False)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _actors() -> list[str]:
    with PatientStore.open() as store:
        return [e.actor for e in store.audit_log()]


@pytest.fixture
def accounts_on(capsys, monkeypatch):
    monkeypatch.setenv("PLANNER_NEW_PASSWORD", ADMIN_PW)
    assert run(capsys, "user", "add", "boss", "--role", "admin")[0] == 0
    monkeypatch.setenv("PLANNER_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("PLANNER_NEW_PASSWORD", NURSE_PW)
    code, out, _ = run(capsys, "--user", "boss", "user", "add", "li", "--role", "nurse", "--display-name", "Li Na")
    assert code == 0 and out == "saved: user li (nurse)\n"
    monkeypatch.delenv("PLANNER_PASSWORD")
    monkeypatch.delenv("PLANNER_NEW_PASSWORD")


def test_accounts_off_works_as_before(capsys):
    code, out, err = run(capsys, *ADD)
    assert code == 0 and err == ""
    code, out, _ = run(capsys, "user", "list")
    assert code == 0 and out.startswith("accounts are off")
    code, _, err = run(capsys, *WITHDRAW, "--user", "li")
    assert code == 2 and err.startswith("error: --user: this database has no user accounts") and err.count("\n") == 1
    assert len(set(_actors())) == 1  # the OS user


def test_the_first_account_must_be_an_admin(capsys, monkeypatch):
    monkeypatch.setenv("PLANNER_NEW_PASSWORD", NURSE_PW)
    code, _, err = run(capsys, *ADD)
    assert code == 0
    code, _, err = run(capsys, "user", "add", "li", "--role", "nurse")
    assert code == 2 and "first account must be an administrator" in err
    code, _, err = run(capsys, "user", "add", "li", "--role", "surgeon")
    assert code == 2 and err.startswith("error: Role:")


def test_writes_need_valid_credentials_once_accounts_are_on(capsys, monkeypatch, accounts_on):
    code, out, err = run(capsys, *ADD)
    assert code == 2 and out == "" and err.startswith("error: Sign in first") and err.count("\n") == 1
    monkeypatch.setenv("PLANNER_PASSWORD", "wrong password")
    code, _, err = run(capsys, *ADD, "--user", "li")
    assert code == 2 and err == "error: Sign-in failed: the user name or password is wrong.\n"
    code, _, err2 = run(capsys, *ADD, "--user", "nobody")
    assert err2 == err  # nothing says whether the user exists
    monkeypatch.setenv("PLANNER_PASSWORD", NURSE_PW)
    assert run(capsys, *ADD, "--user", "li")[0] == 0
    assert run(capsys, "--user", "li", *WITHDRAW)[0] == 0  # the global option
    assert _actors()[-2:] == ["li", "li"]
    # Reading needs no sign-in.
    code, out, _ = run(capsys, "patient", "list", "--all")
    assert code == 0


def test_password_comes_from_a_prompt_without_echo(capsys, monkeypatch, accounts_on):
    import getpass

    asked = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": asked.append(prompt) or NURSE_PW)
    code, out, err = run(capsys, *ADD, "--user", "li")
    assert code == 0 and asked == ["Password for li: "]
    assert NURSE_PW not in out + err


def test_user_list_disable_role_password(capsys, monkeypatch, accounts_on):
    code, out, _ = run(capsys, "user", "list", "--json")
    listed = json.loads(out)
    assert [(u["name"], u["role"], u["disabled"]) for u in listed] == [("boss", "administrator", False),
                                                                     ("li", "nurse", False)]
    assert "hash" not in out and ADMIN_PW not in out
    # Only an administrator manages accounts.
    monkeypatch.setenv("PLANNER_PASSWORD", NURSE_PW)
    code, _, err = run(capsys, "--user", "li", "user", "role", "li", "prescriber")
    assert code == 2 and err.startswith("error: Role: a nurse may not do this")
    # Anyone may change their own password.
    monkeypatch.setenv("PLANNER_NEW_PASSWORD", "nurse-secret-2")
    assert run(capsys, "--user", "li", "user", "password", "li")[0] == 0
    monkeypatch.setenv("PLANNER_PASSWORD", ADMIN_PW)
    code, out, _ = run(capsys, "--user", "boss", "user", "role", "li", "prescriber")
    assert code == 0 and out == "saved: li is now a prescriber\n"
    assert run(capsys, "--user", "boss", "user", "disable", "li")[0] == 0
    monkeypatch.setenv("PLANNER_PASSWORD", "nurse-secret-2")
    code, _, err = run(capsys, *ADD, "--user", "li")
    assert code == 2 and "Sign-in failed" in err
    with PatientStore.open() as store:
        actions = [(e.actor, e.action) for e in store.audit_log()]
    assert actions[0][1] == "user.add"  # the first administrator, added by the system user
    assert actions[1:] == [("boss", "user.add"), ("li", "user.password"), ("boss", "user.role"),
                           ("boss", "user.disable")]
