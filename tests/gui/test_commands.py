"""Undo commands on a bare QUndoStack (PatientDocument's), against a real store under tmp_path."""

from __future__ import annotations

import pytest

from planner.core.modifications import Delay
from planner.gui.commands import PatientDocument
from planner.store import PatientStore, StaleRecord
from tests.gui.shell_helpers import add_patient


@pytest.fixture
def store(tmp_path):
    with PatientStore.open(tmp_path / "db.sqlite3", actor="nurse.a") as opened:
        yield opened


def test_one_change_is_one_command_and_undo_redo_are_recorded(qtbot, store):
    document = PatientDocument(store, add_patient(store))
    before = document.plan.cycle(3).start
    seen = []
    document.recordChanged.connect(seen.append)

    document.apply(Delay(3, 7), "ANC 0.9", "Delay cycle 3 by 7 days")
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Delay cycle 3 by 7 days"
    assert (document.plan.cycle(3).start - before).days == 7

    document.undo_stack.undo()
    assert document.plan.cycle(3).start == before
    assert store.get_patient("12345").active_modifications() == ()

    document.undo_stack.redo()
    assert (document.plan.cycle(3).start - before).days == 7
    assert len(seen) == 3

    actions = [(e.action, (e.new or {}).get("reason") or (e.new or {}).get("withdrawn_reason"))
               for e in store.audit_log("12345")]
    reasons = [str(entry) for entry in actions]
    assert sum(a == "modification.add" for a, _ in actions) == 2
    assert sum(a == "modification.withdraw" for a, _ in actions) == 1
    assert any("Undone: ANC 0.9" in r for r in reasons), reasons
    assert any("Redone: ANC 0.9" in r for r in reasons), reasons


def test_an_impossible_change_saves_nothing_and_pushes_nothing(store):
    from planner.core.errors import InputError

    document = PatientDocument(store, add_patient(store))
    with pytest.raises(InputError):
        document.apply(Delay(40, 7), "typo", "Delay cycle 40")
    assert document.undo_stack.count() == 0
    assert store.get_patient("12345").modifications == ()


def test_undo_refused_by_the_store_is_reported_and_dropped(qtbot, store, tmp_path):
    document = PatientDocument(store, add_patient(store))
    document.apply(Delay(3, 7), "ANC 0.9", "Delay cycle 3 by 7 days")
    # Someone else saves the same patient in the meantime.
    with PatientStore.open(tmp_path / "db.sqlite3", actor="nurse.b") as other:
        record = other.get_patient("12345")
        other.add_modification("12345", Delay(5, 2), "clinic closed", expected_version=record.version)
    failures = []
    document.failed.connect(failures.append)
    document.undo_stack.undo()
    assert len(failures) == 1 and isinstance(failures[0], StaleRecord)
    assert "nurse.b" in failures[0].message
    assert document.undo_stack.count() == 0  # obsolete: dropped rather than claiming an undo that did not happen
    assert len(store.get_patient("12345").active_modifications()) == 2  # nothing withdrawn


def test_mark_given_is_one_command_and_its_undo_withdraws_the_administration(qtbot, store):
    from datetime import date
    from decimal import Decimal

    from planner.gui.dialogs.simple_dialogs import Administration
    from planner.gui.facts import cycle_statuses

    record = add_patient(store)
    dose = record.compute_plan().cycle(1).dose_for("epirubicin")
    record = store.record_dose_check("12345", cycle=1, drug="epirubicin", calculated_mg=dose.dose_mg,
                                     checked_mg=dose.dose_mg, tolerance_pct=Decimal(5),
                                     first_checker="Li", second_checker="Chen", expected_version=record.version)
    document = PatientDocument(store, record)  # an infusion is marked given only after its double check
    given = Administration(1, 1, "epirubicin", dose.dose_mg, date(2026, 1, 5), "after antiemetics")
    document.mark_given(given, "Given: epirubicin, cycle 1 day 1")
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Given: epirubicin, cycle 1 day 1"
    [recorded] = document.record.administrations
    assert recorded.note == "after antiemetics" and not recorded.withdrawn
    assert "epirubicin given" in cycle_statuses(document.record, document.plan)[1]

    document.undo_stack.undo()
    [withdrawn] = store.get_patient("12345").administrations  # kept on record, flagged
    assert withdrawn.withdrawn and withdrawn.withdrawn_reason == "Undone: Given: epirubicin, cycle 1 day 1"
    assert cycle_statuses(document.record, document.plan) == {1: "checked"}  # no longer counted as given

    document.undo_stack.redo()
    first, again = store.get_patient("12345").administrations
    assert first.withdrawn and not again.withdrawn and again.note.startswith("Redone: ")
    actions = [e.action for e in store.audit_log("12345")]
    assert actions[-3:] == ["administration.add", "administration.withdraw", "administration.add"]


def test_mark_given_undo_refused_when_someone_else_saved_meanwhile(qtbot, store):
    from datetime import date
    from decimal import Decimal

    from planner.gui.dialogs.simple_dialogs import Administration

    document = PatientDocument(store, add_patient(store))
    document.mark_given(Administration(1, 1, "anlotinib", Decimal(12), date(2026, 1, 5)), "Given: anlotinib")
    from dataclasses import replace

    store.update_identity("12345", replace(document.record.identity, notes="changed at another workstation"),
                          expected_version=document.record.version)
    failures = []
    document.failed.connect(failures.append)
    document.undo_stack.undo()
    assert len(failures) == 1 and isinstance(failures[0], StaleRecord)
    assert document.undo_stack.count() == 0  # dropped, not left out of step with the record
    assert not store.get_patient("12345").administrations[0].withdrawn
