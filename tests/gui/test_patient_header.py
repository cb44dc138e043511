from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.core.plan import PriorExposure
from planner.gui.widgets.patient_header import PatientHeader
from planner.store import PatientIdentity, PatientStore
from tests.gui.shell_helpers import START, add_patient


def test_header_shows_identity_measurements_bsa_allergies_and_badges(qtbot, tmp_path):
    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        record = add_patient(store, prior=(PriorExposure("doxorubicin", Decimal(400)),))
        record = store.update_identity("12345", PatientIdentity(
            name="Wang Fang", mrn="12345", dob=date(1970, 3, 1), sex="F", allergies="Penicillin (rash)"),
            expected_version=record.version)
    header = PatientHeader()
    qtbot.addWidget(header)
    header.set_patient(record, record.compute_plan(), START)
    assert header.name.text() == "Wang Fang"
    assert "MRN 12345" in header.identity.text() and "55 years (born 1 Mar 1970)" in header.identity.text()
    assert "Weight 70 kg (measured 2 Jan 2026)" in header.measures.text()
    assert header.bsa.text() == "BSA 1.82 m² (Mosteller, cycle 1)"
    assert header.bsa.toolTip().startswith("Mosteller sqrt(H x W / 3600), H 170 cm, W 70 kg = 1.8181 -> 1.82")
    assert "Penicillin (rash)" in header.allergies.text() and "8b1a1a" in header.allergies.styleSheet()
    badge = header.badge_widget("cumulative-epirubicin-limit")
    assert badge is not None and "d9534f" in badge.styleSheet()  # red: the worst kind
    assert header.badge_texts()[0].startswith("Cycle ")
    # A patient without warnings: the old badges go away.
    with PatientStore.open(tmp_path / "db.sqlite3", actor="t") as store:
        plain_record = add_patient(store, mrn="2", name="Li Na")
    header.set_patient(plain_record, plain_record.compute_plan(), date(2030, 1, 1))
    assert header.badge_widget("cumulative-epirubicin-limit") is None
    assert header.allergies.text() == "Allergies: none recorded"
