from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from planner.gui.models.patients_model import (
    COL_CYCLE,
    COL_MRN,
    COL_NAME,
    COL_NEXT_DOSE,
    PatientFilterProxy,
    PatientsTableModel,
)
from tests.gui.shell_helpers import summary

ROWS = [
    summary("300", "Zhang Wei", date(2026, 2, 10), 3),
    summary("100", "Wang Fang", date(2026, 12, 1), 1),
    summary("200", "Li Na", date(2026, 9, 30), 2),
    summary("400", "Chen Anna", None, None, status="withdrawn"),
]


def make() -> tuple[PatientsTableModel, PatientFilterProxy]:
    model = PatientsTableModel()
    model.set_patients(ROWS)
    proxy = PatientFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def column(proxy: PatientFilterProxy, col: int) -> list[str]:
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_models_pass_qtmodeltester(qtmodeltester):
    model, proxy = make()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_display_and_sort_roles():
    model, _ = make()
    row = model.row_of("300")
    assert model.index(row, COL_NEXT_DOSE).data() == "2026-02-10"
    assert model.index(row, COL_NEXT_DOSE).data(Qt.ItemDataRole.UserRole) == date(2026, 2, 10).toordinal()
    withdrawn = model.row_of("400")
    assert model.index(withdrawn, COL_NEXT_DOSE).data() == ""
    assert model.index(withdrawn, COL_CYCLE).data() == ""
    assert model.headerData(COL_MRN, Qt.Orientation.Horizontal) == "MRN"


def test_dates_sort_as_dates_not_as_text():
    _model, proxy = make()
    proxy.sort(COL_NEXT_DOSE, Qt.SortOrder.AscendingOrder)
    # As text "2026-12-01" < "2026-9-30" would be wrong; as dates September comes before December.
    assert column(proxy, COL_NEXT_DOSE) == ["2026-02-10", "2026-09-30", "2026-12-01", ""]
    proxy.sort(COL_NEXT_DOSE, Qt.SortOrder.DescendingOrder)
    assert column(proxy, COL_NEXT_DOSE)[1:] == ["2026-12-01", "2026-09-30", "2026-02-10"]


def test_search_by_name_or_mrn_any_case_and_word_order():
    _model, proxy = make()
    proxy.search("fang")
    assert column(proxy, COL_NAME) == ["Wang Fang"]
    proxy.search("30")
    assert column(proxy, COL_MRN) == ["300"]
    proxy.search("na li")
    assert column(proxy, COL_NAME) == ["Li Na"]
    proxy.search("")
    assert proxy.rowCount() == 4


def test_filter_follows_sorting_and_updates():
    model, proxy = make()
    proxy.search("an")  # Wang Fang, Zhang Wei, Chen Anna
    proxy.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert column(proxy, COL_NAME) == ["Chen Anna", "Wang Fang", "Zhang Wei"]
    model.update_patient(summary("100", "Wu Lei", date(2026, 12, 1)))  # renamed: no longer matches
    assert column(proxy, COL_NAME) == ["Chen Anna", "Zhang Wei"]
    model.update_patient(summary("500", "Han Mei", date(2026, 3, 1)))  # a new patient that matches
    assert "Han Mei" in column(proxy, COL_NAME)


def test_sorting_keeps_the_selected_row(qtbot):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    _model, proxy = make()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    selection = view.selectionModel()
    selection.setCurrentIndex(proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    name = selection.currentIndex().data()
    proxy.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert selection.currentIndex().data() == name


def test_one_row_updates_keep_the_sort_order_and_the_same_name_flags_without_a_reset(qtmodeltester):
    from planner.gui.models.patients_model import SAME_NAME_ROLE

    model, _proxy = make()
    qtmodeltester.check(model)  # stays attached: checks every signal of the updates below
    resets, moves = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsMoved.connect(lambda *args: moves.append(args[1]))
    names = lambda: [model.summary(r).name for r in range(model.rowCount())]  # noqa: E731
    assert names() == ["Chen Anna", "Li Na", "Wang Fang", "Zhang Wei"]
    model.update_patient(summary("100", "Wang Fang", date(2026, 12, 8)))  # same place: no move
    assert moves == []
    model.update_patient(summary("100", "Ai Mei", date(2026, 12, 8)))  # renamed: moves to the top
    assert names() == ["Ai Mei", "Chen Anna", "Li Na", "Zhang Wei"] and moves == [2]
    model.update_patient(summary("500", "li na", date(2026, 3, 1)))  # new, and shares a name
    assert names() == ["Ai Mei", "Chen Anna", "Li Na", "li na", "Zhang Wei"]
    assert model.index(2, COL_NAME).data(SAME_NAME_ROLE) and model.index(3, COL_NAME).data(SAME_NAME_ROLE)
    model.remove_patient("500")
    assert not model.index(2, COL_NAME).data(SAME_NAME_ROLE)
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    model.update_patient(summary("600", "Bo Yi", None))
    assert names() == ["Zhang Wei", "Li Na", "Chen Anna", "Bo Yi", "Ai Mei"]
    assert resets == []


def test_the_filter_is_the_models_and_row_updates_respect_it(qtmodeltester):
    model, proxy = make()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.search("wang li")
    assert column(proxy, COL_NAME) == [] and model.total_count() == 4
    proxy.search("an")
    assert column(proxy, COL_NAME) == ["Chen Anna", "Wang Fang", "Zhang Wei"]
    assert model.row_of("200") == -1 and model.has_patient("200") and model.find("200").name == "Li Na"
    removed, inserted = [], []
    model.rowsRemoved.connect(lambda _p, first, _last: removed.append(first))
    model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    model.update_patient(summary("200", "Li Nan", date(2026, 9, 30), 2))  # now matches: inserted in place
    assert column(proxy, COL_NAME) == ["Chen Anna", "Li Nan", "Wang Fang", "Zhang Wei"] and inserted == [1]
    model.update_patient(summary("300", "Zhou Wei", date(2026, 2, 10), 3))  # no longer matches: removed
    assert column(proxy, COL_NAME) == ["Chen Anna", "Li Nan", "Wang Fang"] and removed == [3]
    model.update_patient(summary("300", "Zhou Wei", date(2026, 2, 17), 3))  # hidden and stays hidden
    assert model.find("300").next_dose_date == date(2026, 2, 17) and model.row_of("300") == -1
    model.remove_patient("100")
    assert column(proxy, COL_NAME) == ["Chen Anna", "Li Nan"] and model.total_count() == 3
    proxy.search("")
    assert column(proxy, COL_NAME) == ["Chen Anna", "Li Nan", "Zhou Wei"]
