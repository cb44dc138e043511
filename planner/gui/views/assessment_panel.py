"""The Assessment tab: what the nurse measures before a cycle, and the proposal as it is typed.

Each keystroke rebuilds the assessment from the fields and asks the pure core (`decision.propose`, well
under a millisecond for a 12-cycle plan) for the proposal: no database access on the GUI thread, so it
shows within the frame. Nothing is saved from here directly: Accept asks for the reason (prefilled with the
fired rules) and the prescriber when a rule requires one, then emits `acceptRequested`; the window runs
`operations.accept_assessment` as ONE undoable command (`AssessmentCommand`), whose undo withdraws every
modification the acceptance created. Modify and Hold open the existing dose level and delay dialogs,
prefilled, and emit `modificationChosen`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.core.assessment import RANGES, Assessment, Bilirubin, ToxicityGrade, parse_bilirubin, parse_number
from planner.core.decimal_math import plain
from planner.core.decision import Proposal, propose
from planner.core.errors import InputError, PlannerError
from planner.core.modifications import Modification
from planner.core.plan import Plan

if TYPE_CHECKING:
    from planner.gui.commands import PatientDocument

DEFAULT_DELAY_DAYS = 7  # as planner.operations.assessments.DEFAULT_DELAY_DAYS (not imported: kept off start-up)
PRESCRIBER_CONFIRMATION = "prescriber-confirmation"

# The entry fields, in the order a lab report lists them: (field name, attribute of Assessment).
NUMBER_FIELDS = (
    ("anc", "anc"), ("platelets", "platelets"), ("hb", "hb"), ("ast", "ast"), ("uln-ast", "uln_ast"),
    ("alt", "alt"), ("uln-alt", "uln_alt"), ("creatinine", "creatinine"), ("lvef", "lvef"),
    ("systolic-bp", "systolic_bp"), ("diastolic-bp", "diastolic_bp"), ("urine-protein", "urine_protein"),
    ("nadir-anc", "nadir_anc"), ("nadir-platelets", "nadir_platelets"),
)


@dataclass(frozen=True)
class AcceptRequest:
    """What Accept hands the window: the assessment as entered, why, who confirmed, the delay for a hold."""

    assessment: Assessment
    reason: str
    prescriber: str | None
    delay_days: int


def fired_rules_text(proposal: Proposal) -> str:
    """Every fired rule once, `[code] message; ...` (the prefilled reason)."""
    seen: dict[str, str] = {}
    for drug in proposal.drugs:
        for rule in drug.rules:
            seen.setdefault(rule.code, f"[{rule.code}] {rule.message}")
    return "; ".join(seen.values())


class AcceptDialog(QDialog):
    """The reason for accepting (prefilled with the fired rules) and, when a rule requires it, the prescriber."""

    def __init__(self, proposal: Proposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept the proposal for cycle {n}").format(n=proposal.cycle))
        self.setMinimumWidth(520)
        self.needs_prescriber = PRESCRIBER_CONFIRMATION in proposal.requires
        self.reason = QLineEdit(fired_rules_text(proposal) or self.tr("Assessed: proceed as planned"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.prescriber = QLineEdit()
        self.prescriber.setAccessibleName(self.tr("Prescriber who confirmed"))
        self.prescriber.setPlaceholderText(self.tr("Name of the prescriber who confirmed it"))
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        if self.needs_prescriber:
            form.addRow(self.tr("Prescriber:"), self.prescriber)
        else:
            self.prescriber.hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Accept and save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self.prescriber.textChanged.connect(self._check)
        self._check()

    def _check(self, *_: object) -> None:
        if not self.reason.text().strip():
            self.hint.setText(self.tr("A reason is required: it is kept with every change."))
        elif self.needs_prescriber and not self.prescriber.text().strip():
            self.hint.setText(self.tr("A rule requires the prescriber's confirmation: name the prescriber."))
        else:
            self.hint.setText("")
        self.ok_button.setEnabled(not self.hint.text())

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def prescriber_name(self) -> str | None:
        return self.prescriber.text().strip() or None


class AssessmentPanel(QWidget):
    acceptRequested = Signal(object)  # AcceptRequest
    modificationChosen = Signal(object, str)  # Modification, reason: from the Modify / Hold dialogs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Assessment"))
        self._plan: Plan | None = None
        self._cycle: int | None = None
        self._owner = ""
        self._today: date | None = None
        self.proposal: Proposal | None = None
        self.assessment: Assessment | None = None
        self.errors: dict[str, str] = {}

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)

        labels = {
            "anc": self.tr("ANC"), "platelets": self.tr("Platelets"), "hb": self.tr("Haemoglobin"),
            "bilirubin": self.tr("Bilirubin"), "ast": self.tr("AST"), "uln-ast": self.tr("AST ULN"),
            "alt": self.tr("ALT"), "uln-alt": self.tr("ALT ULN"), "creatinine": self.tr("Creatinine"),
            "lvef": self.tr("LVEF"), "systolic-bp": self.tr("BP systolic"), "diastolic-bp": self.tr("BP diastolic"),
            "urine-protein": self.tr("Urine protein"), "nadir-anc": self.tr("Nadir ANC"),
            "nadir-platelets": self.tr("Nadir platelets"),
        }
        self.fields: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        entries = [*NUMBER_FIELDS[:3], ("bilirubin", "bilirubin"), *NUMBER_FIELDS[3:]]
        half = (len(entries) + 1) // 2
        for index, (name, _) in enumerate(entries):
            row, column = index % half, (index // half) * 3
            edit = QLineEdit()
            edit.setAccessibleName(labels[name])
            edit.setMaximumWidth(64)
            edit.textChanged.connect(self.update_proposal)
            self.fields[name] = edit
            label = QLabel(labels[name])
            label.setBuddy(edit)
            if name.startswith("nadir"):
                label.setToolTip(self.tr("The lowest value during the last cycle"))
            grid.addWidget(label, row, column)
            grid.addWidget(edit, row, column + 1)
            if name == "bilirubin":
                self.bilirubin_unit = QComboBox()
                self.bilirubin_unit.setAccessibleName(self.tr("Bilirubin unit"))
                self.bilirubin_unit.addItem("µmol/L", "umol/L")
                self.bilirubin_unit.addItem("mg/dL", "mg/dL")
                self.bilirubin_unit.currentIndexChanged.connect(self.update_proposal)
                grid.addWidget(self.bilirubin_unit, row, column + 2)
            else:
                unit = QLabel(RANGES[name][2])
                unit.setToolTip(self.tr("Plausible range {low}-{high} {unit}").format(
                    low=RANGES[name][0], high=RANGES[name][1], unit=RANGES[name][2]))
                grid.addWidget(unit, row, column + 2)
        self.febrile = QCheckBox(self.tr("Febrile neutropenia in the last cycle"))
        self.febrile.toggled.connect(self.update_proposal)
        grid.addWidget(self.febrile, half, 0, 1, 6)
        measures = QGroupBox(self.tr("Measurements"))
        measures.setLayout(grid)

        self.toxicities = QTableWidget(0, 3)
        self.toxicities.setAccessibleName(self.tr("Toxicities (CTCAE v5 grade)"))
        self.toxicities.setHorizontalHeaderLabels(
            [self.tr("Toxicity"), self.tr("Worst since last cycle"), self.tr("Today")])
        for column, tip in ((1, self.tr("Worst CTCAE grade since the previous cycle began (drives the dose rules)")),
                            (2, self.tr("Grade on the assessment day: above grade 1 (non-haematological) holds "
                                        "the cycle"))):
            header_item = self.toxicities.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.toxicities.verticalHeader().hide()
        self.toxicities.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.toxicities.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        tox_box = QGroupBox(self.tr("Toxicities (CTCAE v5)"))
        QVBoxLayout(tox_box).addWidget(self.toxicities)

        entry_column = QWidget()
        entry_layout = QVBoxLayout(entry_column)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addWidget(measures)
        entry_layout.addWidget(tox_box, 1)
        entry_scroll = QScrollArea()
        entry_scroll.setWidgetResizable(True)
        entry_scroll.setWidget(entry_column)
        entry_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.proposal_view = QLabel()
        self.proposal_view.setObjectName("proposal")
        self.proposal_view.setAccessibleName(self.tr("Proposal"))
        self.proposal_view.setWordWrap(True)
        self.proposal_view.setTextFormat(Qt.TextFormat.RichText)
        self.proposal_view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.proposal_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        proposal_scroll = QScrollArea()
        proposal_scroll.setWidgetResizable(True)
        proposal_scroll.setWidget(self.proposal_view)
        # The proposal wraps into the width left beside the entries: its long lines must not take that width
        # from them (nor widen the window on a 1280 px screen).
        proposal_scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        proposal_scroll.setMinimumWidth(240)

        self.delay_days = QSpinBox()
        self.delay_days.setRange(1, 90)
        self.delay_days.setValue(DEFAULT_DELAY_DAYS)
        self.delay_days.setSuffix(self.tr(" days"))
        self.delay_days.setAccessibleName(self.tr("Delay of a held cycle"))
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.accept_button.setToolTip(self.tr("Save the assessment and the changes it proposes (one undoable step)"))
        self.modify_button = QPushButton(self.tr("&Modify..."))
        self.modify_button.setToolTip(self.tr("Change the dose level yourself (opens the dose level dialog)"))
        self.hold_button = QPushButton(self.tr("&Hold..."))
        self.hold_button.setToolTip(self.tr("Delay this cycle (opens the delay dialog)"))
        self.accept_button.clicked.connect(self.request_accept)
        self.modify_button.clicked.connect(self.open_modify)
        self.hold_button.clicked.connect(self.open_hold)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Hold delays by:")))
        buttons.addWidget(self.delay_days)
        buttons.addStretch(1)
        buttons.addWidget(self.modify_button)
        buttons.addWidget(self.hold_button)
        buttons.addWidget(self.accept_button)

        body = QHBoxLayout()
        body.addWidget(entry_scroll, 3)
        body.addWidget(proposal_scroll, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self._set_buttons()

    # ------------------------------------------------------------------ input
    def set_cycle(self, plan: Plan, cycle: int, today: date | None = None, owner: str = "") -> None:
        """Show cycle `cycle` of `plan`. Another patient or cycle starts with empty fields; the same one keeps
        what was typed (the plan was just saved again) and recomputes."""
        fresh = owner != self._owner or cycle != self._cycle or self._plan is None \
            or plan.regimen.id != self._plan.regimen.id
        self._plan, self._cycle, self._owner, self._today = plan, cycle, owner, today
        if fresh:
            self._fill_toxicities(plan)
            self.clear_entries()
        self.update_proposal()

    def clear_entries(self) -> None:
        for edit in self.fields.values():
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.febrile.blockSignals(True)
        self.febrile.setChecked(False)
        self.febrile.blockSignals(False)
        for row in range(self.toxicities.rowCount()):
            for column in (1, 2):
                combo = self.toxicities.cellWidget(row, column)
                if isinstance(combo, QComboBox):
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.update_proposal()

    def _fill_toxicities(self, plan: Plan) -> None:
        terms = plan.regimen.toxicities
        self.toxicities.setRowCount(len(terms))
        for row, term in enumerate(terms):
            item = QTableWidgetItem(term.name)
            item.setData(Qt.ItemDataRole.UserRole, term.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.toxicities.setItem(row, 0, item)
            for column in (1, 2):
                combo = QComboBox()
                combo.setAccessibleName(self.tr("{term}: grade").format(term=term.name))
                combo.addItem(self.tr("none"), 0)
                for grade in (1, 2, 3, 4):
                    combo.addItem(self.tr("grade {n}").format(n=grade), grade)
                combo.currentIndexChanged.connect(self.update_proposal)
                self.toxicities.setCellWidget(row, column, combo)

    def set_grade(self, term: str, grade: int, *, ongoing: bool = False) -> None:
        """Choose a grade for `term` (a regimen term id) in the table (what a click in the combo does)."""
        for row in range(self.toxicities.rowCount()):
            item = self.toxicities.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == term:
                combo = self.toxicities.cellWidget(row, 2 if ongoing else 1)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData(grade))
                return
        raise KeyError(term)

    def _grades(self, column: int) -> tuple[ToxicityGrade, ...]:
        assert self._plan is not None
        haem = {t.id: t.haematological for t in self._plan.regimen.toxicities}
        out = []
        for row in range(self.toxicities.rowCount()):
            item = self.toxicities.item(row, 0)
            combo = self.toxicities.cellWidget(row, column)
            if item is None or not isinstance(combo, QComboBox) or not combo.currentData():
                continue
            term = str(item.data(Qt.ItemDataRole.UserRole))
            out.append(ToxicityGrade(term, int(combo.currentData()), haem.get(term, False)))
        return tuple(out)

    def build_assessment(self) -> Assessment | None:
        """The assessment as typed, or None with `errors` (field -> message) when a value cannot be used."""
        self.errors = {}
        if self._plan is None or self._cycle is None:
            return None
        values: dict[str, Decimal | None] = {}
        for name, attribute in NUMBER_FIELDS:
            text = self.fields[name].text().strip()
            try:
                values[attribute] = parse_number(text, name) if text else None
            except InputError as exc:
                self.errors[name] = exc.message
        bilirubin: Bilirubin | None = None
        text = self.fields["bilirubin"].text().strip()
        if text:
            try:
                bilirubin = parse_bilirubin(f"{text}{self.bilirubin_unit.currentData()}")
            except InputError as exc:
                self.errors["bilirubin"] = exc.message
        if self.errors:
            return None
        try:
            return Assessment(cycle=self._cycle, on=self._today, bilirubin=bilirubin,
                              febrile_neutropenia=self.febrile.isChecked(), toxicities=self._grades(1),
                              ongoing=self._grades(2), **values)  # type: ignore[arg-type]
        except InputError as exc:
            self.errors[exc.field] = exc.message
            return None

    # ------------------------------------------------------------------ the proposal
    def update_proposal(self, *_: object) -> None:
        """Recompute and show the proposal (pure core, no database): called on every edit."""
        self.proposal = None
        self.assessment = self.build_assessment()
        for name, edit in self.fields.items():
            edit.setStyleSheet("border: 2px solid #c62828;" if name in self.errors else "")
            edit.setToolTip(self.errors.get(name, ""))
        if self._plan is None or self._cycle is None:
            self.title.setText(self.tr("Assessment"))
            self.proposal_view.setText("")
            self._set_buttons()
            return
        cycle = self._plan.cycle(self._cycle)
        self.title.setText(self.tr("Assessment before cycle {n} ({start})").format(
            n=cycle.number, start=cycle.start.isoformat()))
        if self.assessment is None:
            self.proposal_view.setText("<p><b>{head}</b></p>{items}".format(
                head=escape(self.tr("Check these values:")),
                items="".join(f"<p>{escape(message)}</p>" for message in self.errors.values())))
            self._set_buttons()
            return
        try:
            self.proposal = propose(self._plan, self.assessment)
        except PlannerError as exc:
            self.proposal_view.setText(f"<p>{escape(exc.message)}</p>")
            self._set_buttons()
            return
        self.proposal_view.setText(self.proposal_html(self.proposal))
        self._set_buttons()

    def decision_words(self) -> dict[str, str]:
        return {"incomplete": self.tr("INCOMPLETE: values are missing"), "stop": self.tr("STOP: a drug stops for good"),
                "hold": self.tr("HOLD"), "modify": self.tr("MODIFY: a dose changes"), "proceed": self.tr("PROCEED")}

    def proposal_html(self, proposal: Proposal) -> str:
        actions = {"give": self.tr("give"), "reduce": self.tr("reduce"), "hold": self.tr("hold"),
                   "stop": self.tr("stop for good")}
        colours = {"incomplete": "#6d4c41", "stop": "#b71c1c", "hold": "#e65100", "modify": "#1565c0",
                   "proceed": "#2e7d32"}
        parts = [f"<p style='font-size: large; color: {colours[proposal.decision]};'><b>"
                 f"{escape(self.decision_words()[proposal.decision])}</b></p>"]
        for drug in proposal.drugs:
            line = f"<b>{escape(drug.drug.label)}</b>: {escape(actions[drug.action])}"
            if drug.calculation is not None:
                mg, explained = plain(drug.calculation.dose_mg), drug.calculation.explain()
                line += f" &nbsp;<b>{escape(mg)} mg</b> ({escape(explained)})"
            elif drug.resume_level is not None:
                line += " " + escape(self.tr("(resume at {level} {unit})").format(
                    level=plain(drug.resume_level), unit=drug.drug.unit))
            rules = "".join(
                f"<li>[{escape(rule.code)}] {escape(rule.message)}<br/>"
                f"<i>{escape(self.tr('Source: {source}').format(source=rule.source))}</i></li>"
                for rule in drug.rules)
            parts.append(f"<p>{line}</p>" + (f"<ul>{rules}</ul>" if rules else ""))
        for drug_id, total in proposal.cumulative_after:
            parts.append("<p>" + escape(self.tr("Cumulative {drug} after this cycle: {total} mg/m²").format(
                drug=drug_id, total=plain(total))) + "</p>")
        if proposal.missing:
            parts.append("<p><b>" + escape(self.tr("Missing: {fields}").format(
                fields=", ".join(proposal.missing))) + "</b></p>")
        if proposal.requires:
            parts.append("<p><b>" + escape(self.tr("Requires: {items}").format(
                items=", ".join(proposal.requires))) + "</b></p>")
        return "".join(parts)

    def _set_buttons(self) -> None:
        proposal = self.proposal
        ready = proposal is not None and proposal.decision != "incomplete" and "lvef" not in proposal.requires
        self.accept_button.setEnabled(ready)
        if proposal is None:
            why = self.tr("Enter the values first.")
        elif proposal.decision == "incomplete":
            why = self.tr("Incomplete: enter {fields}.").format(fields=", ".join(proposal.missing))
        elif "lvef" in proposal.requires:
            why = self.tr("An LVEF is required before this dose.")
        else:
            why = self.tr("Save the assessment and the changes it proposes (one undoable step)")
        self.accept_button.setToolTip(why)
        has_plan = self._plan is not None and self._cycle is not None
        self.modify_button.setEnabled(has_plan)
        self.hold_button.setEnabled(has_plan)

    # ------------------------------------------------------------------ actions
    def request_accept(self) -> None:
        proposal, assessment = self.proposal, self.assessment
        if proposal is None or assessment is None or not self.accept_button.isEnabled():
            return
        dialog = AcceptDialog(proposal, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.acceptRequested.emit(AcceptRequest(assessment, dialog.reason_text(), dialog.prescriber_name(),
                                                self.delay_days.value()))

    def open_modify(self) -> None:
        """The dose level dialog, on the drug the proposal reduces and the nearest level at or below its dose."""
        from planner.gui.dialogs.cycle_actions import DoseLevelDialog

        if self._plan is None or self._cycle is None:
            return
        dialog = DoseLevelDialog(self._plan, self._cycle, self)
        reduced = next((d for d in self.proposal.drugs if d.action == "reduce"), None) if self.proposal else None
        if reduced is not None and reduced.level is not None:
            dialog.drug.setCurrentIndex(dialog.drug.findData(reduced.drug.id))
            at_or_below = [str(level) for level in reduced.drug.levels if level <= reduced.level]
            if at_or_below:
                dialog.level.setCurrentIndex(dialog.level.findData(at_or_below[0]))
        self._run(dialog)

    def open_hold(self) -> None:
        from planner.gui.dialogs.cycle_actions import DelayDialog

        if self._plan is None or self._cycle is None:
            return
        dialog = DelayDialog(self._plan, self._cycle, self)
        dialog.days.setValue(self.delay_days.value())
        self._run(dialog)

    def _run(self, dialog: QDialog) -> None:
        from planner.gui.dialogs.cycle_actions import CycleActionDialog

        assert isinstance(dialog, CycleActionDialog)
        if self.proposal is not None:
            dialog.reason.setText(fired_rules_text(self.proposal))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        modification: Modification | None = dialog.modification()
        if modification is not None:
            self.modificationChosen.emit(modification, dialog.reason_text())


class AssessmentCommand(QUndoCommand):
    """Accepting an assessment as ONE undoable step: redo accepts (the operation recomputes the proposal and
    creates its modifications), undo withdraws the acceptance and every modification it created."""

    def __init__(self, document: PatientDocument, request: AcceptRequest, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.document = document
        self.request = request
        self.assessment_id: int | None = None
        self._applied = False

    def _accept(self, reason: str) -> None:
        r = self.request
        self.assessment_id = self.document.accept_assessment(r.assessment, reason, r.prescriber, r.delay_days)

    def execute(self) -> None:
        self._accept(self.request.reason)
        self._applied = True

    def redo(self) -> None:
        from planner.gui.commands import _guard

        if self._applied:
            return  # the first redo (from QUndoStack.push) after execute()
        reason = QCoreApplication.translate("Commands", "Redone: {reason}").format(reason=self.request.reason)
        _guard(self, self.document, lambda: self._accept(reason))
        self._applied = not self.isObsolete()

    def undo(self) -> None:
        from planner.gui.commands import _guard

        if self.assessment_id is None:
            return
        assessment_id = self.assessment_id
        reason = QCoreApplication.translate("Commands", "Undone: {reason}").format(reason=self.request.reason)
        _guard(self, self.document, lambda: self.document.withdraw_assessment(assessment_id, reason))
        if not self.isObsolete():
            self._applied = False
            self.assessment_id = None
