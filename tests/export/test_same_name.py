"""Two patients with one name: every page of the patient calendar and the dose sheet says so."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.cli import main
from planner.store import PatientIdentity, PatientStore

from .conftest import pdf_pages


def test_a_shared_name_is_flagged_on_every_page(tmp_path, capsys):
    db = tmp_path / "ward.sqlite3"
    with PatientStore.open(db, actor="nurse") as store:
        for mrn, dob in (("A1", date(1960, 1, 1)), ("A2", date(1971, 5, 5))):
            store.add_patient(PatientIdentity(name="Chen Wei", mrn=mrn, dob=dob), height_cm=Decimal(170),
                              weight_kg=Decimal(70), measured_on=date(2026, 1, 2), regimen_id="anlotinib-epirubicin",
                              start=date(2026, 1, 5))
        store.add_patient(PatientIdentity(name="Li Na", mrn="B1"), height_cm=Decimal(160), weight_kg=Decimal(60),
                          measured_on=date(2026, 1, 2), regimen_id="anlotinib-epirubicin", start=date(2026, 1, 5))
    for kind in ("patient", "clinician"):
        for mrn, flagged in (("A1", True), ("B1", False)):
            out = tmp_path / f"{kind}-{mrn}.pdf"
            assert main(["pdf", "--kind", kind, "--patient", mrn, "--database", str(db), "--phone", "Day unit: 1",
                         "--out", str(out)]) == 0
            pages = pdf_pages(out.read_bytes())
            assert all(("SAME NAME AS ANOTHER PATIENT" in page) is flagged for page in pages), (kind, mrn)
    capsys.readouterr()
