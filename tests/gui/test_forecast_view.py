"""The ward forecast tab: figures from the store on the worker thread, the model, a double click on a day."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner.gui.views.forecast_view import ForecastModel, ForecastView
from planner.store import PatientIdentity, PatientStore


@pytest.fixture
def store(tmp_path):
    with PatientStore.open(tmp_path / "unit.sqlite3", actor="nurse") as opened:
        for name, mrn, regimen, start in (("Li Na", "A1", "anlotinib-epirubicin", date(2027, 1, 4)),
                                          ("Wang Fang", "A2", "anlotinib", date(2027, 1, 6))):
            opened.add_patient(PatientIdentity(name=name, mrn=mrn), height_cm=Decimal(170), weight_kg=Decimal(70),
                               measured_on=start, regimen_id=regimen, start=start)
        yield opened


def _sync(job, done):
    done(job())


def test_forecast_tab_counts_and_opens_a_day(qtbot, qtmodeltester, store):
    view = ForecastView(date(2027, 1, 3), _sync)
    qtbot.addWidget(view)
    view.weeks.setValue(2)
    view.set_store(store)
    view.refresh()
    model = view.model
    qtmodeltester.check(model)
    assert model.rowCount() == 14
    days = {model.row_date(r): r for r in range(model.rowCount())}
    row = days[date(2027, 1, 4)]
    assert model.index(row, 1).data() == "1"  # one infusion
    assert model.index(row, 4).data() == "1"  # one chair-hour
    assert "Li Na (A1)" in model.index(row, 5).data()
    assert model.index(days[date(2027, 1, 6)], 2).data() == "1"  # Wang Fang's oral-only start
    assert "week of 3 Jan 2027: 1 infusions, 1 oral-only starts, 0 blood tests, 1 chair-hours" in view.totals.text()
    with qtbot.waitSignal(view.dayActivated) as opened:
        view.table.doubleClicked.emit(model.index(row, 0))
    assert opened.args == [date(2027, 1, 4)]


def test_empty_model_is_sane(qtmodeltester):
    qtmodeltester.check(ForecastModel())
