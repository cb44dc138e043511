"""The independent double check of a dose: the calculation chain of the selected cycle, the dose a
nurse reads on the order or the prepared bag, its deviation (the core's `verify_dose`) and the
initials of two different people.

The panel records nothing itself: "Record double check" emits `checkSubmitted(DoseCheckRequest)` and
the shell stores it with the audit record. A failed check can be recorded too (a documented FAIL is
what stops the bag), and the button says which result it records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.core import rules
from planner.core.dates import format_days, format_long
from planner.core.decimal_math import plain
from planner.core.dosing import capsule_combination, drawn_volume_ml, vial_combination
from planner.core.errors import InputError
from planner.core.modifications import WeightChange
from planner.core.plan import Cycle, DrugDose, Plan
from planner.core.safety import DEFAULT_VERIFICATION_TOLERANCE_PCT, DoseVerification, verify_dose
from planner.gui import style

NARROW_WIDTH = 820  # below this the panel stacks its boxes (e.g. in the main window's dock)


@dataclass(frozen=True)
class DoseCheckRequest:
    cycle: int
    drug: str
    calculated_mg: Decimal
    checked_mg: Decimal
    tolerance_pct: Decimal
    first_checker: str
    second_checker: str
    # Accounts on: the second checker's password or PIN (checked by the store, never kept or shown).
    second_secret: str | None = field(default=None, repr=False)


def _normal_initials(text: str) -> str:
    """Initials as recorded: cleaned like the two-checker rule compares them (`a.b.` -> `AB`)."""
    return rules.normal_initials(text).upper()


class DoseCheckPanel(QWidget):
    checkSubmitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Dose check"))
        self._plan: Plan | None = None
        self._cycle: Cycle | None = None
        self._tolerance = DEFAULT_VERIFICATION_TOLERANCE_PCT
        self._verification: DoseVerification | None = None

        self._title = QLabel(self)
        title_font = self._title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._title.setWordWrap(True)

        chain_box = QGroupBox(self.tr("Calculation"), self)
        self._chain = QLabel(chain_box)
        self._chain.setWordWrap(True)
        self._chain.setTextFormat(Qt.TextFormat.RichText)
        self._chain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._chain.setAccessibleName(self.tr("Calculation chain"))
        self._chain.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        chain_layout = QVBoxLayout(chain_box)
        chain_layout.addWidget(self._chain)
        chain_layout.addStretch(1)

        check_box = QGroupBox(self.tr("Independent double check"), self)
        form = QFormLayout(check_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # A field that does not fit beside its label goes under it, instead of being cut off at the dock's edge.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._drug = QComboBox(check_box)
        self._drug.setAccessibleName(self.tr("Drug to check"))
        self._calculated = QLabel(check_box)
        self._calculated.setAccessibleName(self.tr("Calculated dose"))
        self._calculated.setTextFormat(Qt.TextFormat.RichText)
        # Not word-wrapped (QFormLayout gets wrapped labels' heights wrong and clips them): two explicit lines.
        self._checked = QLineEdit(check_box)
        self._checked.setPlaceholderText(self.tr("mg, as written on the order or the bag label"))
        self._checked.setAccessibleName(self.tr("Dose on the order or bag in mg"))
        self._checked_message = self._message_label(check_box)
        self._result = QLabel(check_box)
        self._result.setAccessibleName(self.tr("Check result"))
        result_font = self._result.font()
        result_font.setPointSizeF(result_font.pointSizeF() * 1.2)
        result_font.setBold(True)
        self._result.setFont(result_font)
        # Short and unwrapped: a word-wrapped label with a styled border gets its height wrong and clips.
        self._result.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self._fail_advice = self._message_label(check_box)
        self._first = QLineEdit(check_box)
        self._first.setMaxLength(8)
        self._first.setAccessibleName(self.tr("First checker's initials"))
        self._second = QLineEdit(check_box)
        self._second.setMaxLength(8)
        self._second.setAccessibleName(self.tr("Second checker's initials"))
        # Accounts on (set_accounts): the first checker is the signed-in user, the second signs with their
        # own user name and password or PIN.
        self._signed_in: str | None = None
        self._secret = QLineEdit(check_box)
        self._secret.setEchoMode(QLineEdit.EchoMode.Password)
        self._secret.setAccessibleName(self.tr("Second checker's password or PIN"))
        self._initials_message = self._message_label(check_box)
        self._form = form
        self._submit = QPushButton(self.tr("Record double check"), check_box)
        self._submit.setAccessibleName(self.tr("Record double check"))
        form.addRow(self.tr("Drug"), self._drug)
        form.addRow(self.tr("Calculated dose"), self._calculated)
        form.addRow(self.tr("Dose on the order or bag (mg)"), self._checked)
        form.addRow("", self._checked_message)
        form.addRow(self.tr("Deviation"), self._result)
        form.addRow("", self._fail_advice)
        form.addRow(self.tr("First checker's initials"), self._first)
        form.addRow(self.tr("Second checker's initials"), self._second)
        form.addRow(self.tr("Second checker's password or PIN"), self._secret)
        form.setRowVisible(self._secret, False)
        form.addRow("", self._initials_message)
        submit_row = QHBoxLayout()
        submit_row.addStretch(1)
        submit_row.addWidget(self._submit)
        form.addRow(submit_row)

        history_box = QGroupBox(self.tr("Double checks recorded"), self)
        self._history = QListWidget(history_box)
        self._history.setAccessibleName(self.tr("Double checks recorded"))
        # Each record wraps in the width there is: the verdict at the end of the line must not be cut off.
        self._history.setWordWrap(True)
        self._history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._history.setResizeMode(QListView.ResizeMode.Adjust)
        QVBoxLayout(history_box).addWidget(self._history)

        # Side by side in a wide tab; stacked (the check form first) in a narrow dock. A scroll area keeps
        # every field reachable when the dock is short.
        self._boxes = (chain_box, check_box, history_box)
        content = QWidget(self)
        self._grid = QGridLayout(content)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._narrow: bool | None = None
        self._arrange(narrow=True)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(scroll, 1)

        self._drug.currentIndexChanged.connect(self._revalidate)
        for edit in (self._checked, self._first, self._second, self._secret):
            edit.textChanged.connect(self._revalidate)
        self._submit.clicked.connect(self._emit)
        # Enter moves on through dose, first and second initials, and records from the last one (when valid).
        self._checked.returnPressed.connect(lambda: self._first.setFocus(Qt.FocusReason.TabFocusReason))
        self._first.returnPressed.connect(lambda: self._second.setFocus(Qt.FocusReason.TabFocusReason))
        self._second.returnPressed.connect(self._after_second)
        self._secret.returnPressed.connect(self._submit.click)
        self.set_checks([])
        self.set_cycle(None, None)

    def _arrange(self, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        chain_box, check_box, history_box = self._boxes
        for box in self._boxes:
            self._grid.removeWidget(box)
        for row in range(3):
            self._grid.setRowStretch(row, 0)
        self._grid.setColumnStretch(1, 0)
        # In a dock the history is a short list under the chain; in a wide tab it takes the free height.
        self._history.setMaximumHeight(150 if narrow else 16777215)
        if narrow:
            self._grid.addWidget(check_box, 0, 0)
            self._grid.addWidget(chain_box, 1, 0)
            self._grid.addWidget(history_box, 2, 0)
            self._grid.setRowStretch(1, 1)
        else:
            self._grid.addWidget(chain_box, 0, 0, 2, 1)
            self._grid.addWidget(check_box, 0, 1)
            self._grid.addWidget(history_box, 1, 1)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 1)
            self._grid.setRowStretch(1, 1)

    def is_narrow(self) -> bool:
        return bool(self._narrow)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(narrow=self.width() < NARROW_WIDTH)

    @staticmethod
    def _message_label(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {style.DANGER.text};")
        label.hide()
        return label

    # ---------------------------------------------------------------- public API

    def set_cycle(self, plan: Plan | None, cycle_number: int | None,
                  tolerance_pct: Decimal = DEFAULT_VERIFICATION_TOLERANCE_PCT) -> None:
        self._plan, self._tolerance = plan, tolerance_pct
        # A cycle that the new plan no longer has (e.g. after a drug was stopped) shows the empty state.
        self._cycle = next((c for c in plan.cycles if c.number == cycle_number), None) if plan is not None else None
        previous = self._drug.currentData()
        self._drug.blockSignals(True)
        self._drug.clear()
        if self._cycle is not None:
            # Calculated (BSA / weight) doses first: they are the ones a wrong sum can hurt.
            for dose in sorted(self._cycle.doses, key=lambda d: not d.calculation.calculated):
                if dose.given:
                    self._drug.addItem(f"{dose.drug.label} ({dose.drug.route_label})", dose.drug.id)
            found = self._drug.findData(previous)
            self._drug.setCurrentIndex(found if found >= 0 else 0)
        self._drug.blockSignals(False)
        self._show_chain()
        self._revalidate()

    def set_checks(self, history: list[tuple[str, ...]]) -> None:
        self._history.clear()
        if not history:
            placeholder = QListWidgetItem(self.tr("No double check recorded for this patient yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)  # a message, not a record to select
            self._history.addItem(placeholder)
            return
        for row in history:
            self._history.addItem("  ·  ".join(row))

    def result(self) -> DoseVerification | None:
        """The verification currently shown (None while the entry is missing or invalid)."""
        return self._verification

    # Widgets tests and the shell drive directly.
    @property
    def drug_combo(self) -> QComboBox:
        return self._drug

    @property
    def checked_edit(self) -> QLineEdit:
        return self._checked

    @property
    def first_edit(self) -> QLineEdit:
        return self._first

    @property
    def second_edit(self) -> QLineEdit:
        return self._second

    @property
    def submit_button(self) -> QPushButton:
        return self._submit

    def result_text(self) -> str:
        return self._result.text()

    def fail_advice(self) -> str:
        return self._fail_advice.text() if not self._fail_advice.isHidden() else ""

    def dose_message(self) -> str:
        return self._checked_message.text() if not self._checked_message.isHidden() else ""

    def initials_message(self) -> str:
        return self._initials_message.text() if not self._initials_message.isHidden() else ""

    def chain_text(self) -> str:
        doc = QTextDocument()
        doc.setHtml(self._chain.text())
        return doc.toPlainText()

    # ---------------------------------------------------------------- calculation chain

    def _weight_source(self, plan: Plan, cycle: Cycle) -> str:
        """Where the dose weight comes from: the cycle where it was last taken up, and its measurement date."""
        since = plan.cycles[0]
        for earlier in plan.cycles:
            if earlier.number > cycle.number:
                break
            if earlier.dose_weight_kg != since.dose_weight_kg:
                since = earlier
        change = next((m for m in plan.modifications
                       if isinstance(m, WeightChange) and m.cycle == since.number
                       and m.weight_kg == since.dose_weight_kg), None)
        if change is None:
            return self.tr("{weight} kg, the weight at the start of the plan ({start})").format(
                weight=plain(cycle.dose_weight_kg), start=format_long(plan.inputs.start))
        measured = format_long(change.measured_on) if change.measured_on else self.tr("date not recorded")
        return self.tr("{weight} kg, measured {when} (before cycle {n})").format(
            weight=plain(cycle.dose_weight_kg), when=measured, n=since.number)

    def _dose_lines(self, dose: DrugDose) -> list[str]:
        drug = dose.drug
        lines = [dose.calculation.explain()]
        if dose.level_index > 0:
            lines.append(self.tr("Dose level {level} {unit}: {n} level(s) below the starting {start} {unit}").format(
                level=plain(dose.level), unit=drug.unit, n=dose.level_index, start=plain(drug.starting_level)))
        lines.append(self.tr("Route {route}, cycle days {days}").format(route=drug.route_label,
                                                                         days=format_days(dose.days)))
        if drug.concentration_mg_per_ml:
            volume = drawn_volume_ml(dose.dose_mg, drug.concentration_mg_per_ml)
            lines.append(self.tr("Volume: {dose} mg / {conc} mg/mL = {volume} mL").format(
                dose=plain(dose.dose_mg), conc=plain(drug.concentration_mg_per_ml), volume=plain(volume)))
        if drug.vials_mg:
            vials = vial_combination(dose.dose_mg, drug.vials_mg)
            if vials is not None:
                lines.append(self.tr("Vials: {vials} ({total} mg opened, {waste} mg left over)").format(
                    vials=vials.describe(self.tr("vials")), total=plain(vials.total_mg),
                    waste=plain(vials.total_mg - dose.dose_mg)))
        if drug.strengths_mg:
            capsules = capsule_combination(dose.dose_mg, drug.strengths_mg)
            if capsules is None:
                lines.append(self.tr("Capsules: no combination of {strengths} mg capsules makes {dose} mg").format(
                    strengths=", ".join(plain(s) for s in drug.strengths_mg), dose=plain(dose.dose_mg)))
            else:
                lines.append(self.tr("Capsules: {capsules} per day").format(
                    capsules=capsules.describe(self.tr("capsule(s)"))))
        return lines

    def _show_chain(self) -> None:
        plan, cycle = self._plan, self._cycle
        if plan is None or cycle is None:
            self._title.setText(self.tr("Dose check: select a cycle"))
            self._chain.setText(escape(self.tr("Select a cycle to see how each dose was calculated.")))
            return
        self._title.setText(self.tr("Dose check: cycle {n} ({phase}), day 1 on {day1}").format(
            n=cycle.number, phase=cycle.phase.label, day1=format_long(cycle.start)))
        parts = [
            "<p><b>" + escape(self.tr("Body surface area")) + "</b><br>" + escape(cycle.bsa.explain()) + "</p>",
            "<p><b>" + escape(self.tr("Weight used for the doses")) + "</b><br>"
            + escape(self._weight_source(plan, cycle)) + "</p>",
        ]
        if cycle.weight_kg != cycle.dose_weight_kg:
            parts.append("<p>" + escape(self.tr("Latest weight {weight} kg is below the recalculation threshold; "
                                                "doses stay on {dose_weight} kg.").format(
                weight=plain(cycle.weight_kg), dose_weight=plain(cycle.dose_weight_kg))) + "</p>")
        for dose in cycle.doses:
            color = style.drug_swatch(dose.drug.route).text
            header = f"<b style='color:{color}'>" + escape(f"{dose.drug.label} {plain(dose.dose_mg)} mg") + "</b>"
            if not dose.given:
                parts.append("<p>" + header + "<br>" + escape(self.tr("Not given in this cycle.")) + "</p>")
                continue
            parts.append("<p>" + header + "<br>" + "<br>".join(escape(x) for x in self._dose_lines(dose)) + "</p>")
        for warning in cycle.warnings:
            parts.append(f"<p style='color:{style.DANGER.text}'><b>" + escape(self.tr("Warning:")) + "</b> "
                         + escape(warning.message) + "</p>")
        self._chain.setText("".join(parts))

    # ---------------------------------------------------------------- validation

    def _current_dose(self) -> DrugDose | None:
        if self._cycle is None or self._drug.currentIndex() < 0:
            return None
        return self._cycle.dose_for(self._drug.currentData())

    def _parse_checked(self) -> tuple[Decimal | None, str]:
        text = self._checked.text().strip()
        if not text:
            return None, ""
        number = re.sub(r"\s*mg\s*$", "", text, flags=re.IGNORECASE)
        try:
            value = Decimal(number)
        except InvalidOperation:
            return None, self.tr("Dose on the order or bag: '{text}' is not a number; enter the dose in mg, "
                                 "for example 164 or 162.5.").format(text=text)
        if not value.is_finite() or value <= 0:
            return None, self.tr("Dose on the order or bag: enter the dose in mg, more than 0.")
        return value, ""

    def set_accounts(self, signed_in: str | None) -> None:
        """Accounts on (`signed_in` is the signed-in user): the first checker is that user, the second gives
        their user name and password or PIN. None: single-user mode, two sets of initials as before.
        The same user again (unlocked after idle time) keeps what was entered."""
        if signed_in == self._signed_in:
            return
        self._signed_in = signed_in
        on = signed_in is not None
        form = self._form
        for edit, initials, account in (
                (self._first, self.tr("First checker's initials"), self.tr("First checker (signed in)")),
                (self._second, self.tr("Second checker's initials"), self.tr("Second checker's user name"))):
            label = form.labelForField(edit)
            if isinstance(label, QLabel):
                label.setText(account if on else initials)
            edit.setAccessibleName(account if on else initials)
            edit.setMaxLength(rules.MAX_USER if on else 8)
            edit.clear()
        self._first.setReadOnly(on)
        if signed_in is not None:
            self._first.setText(signed_in)
        form.setRowVisible(self._secret, on)
        self._secret.clear()
        self._revalidate()

    def _after_second(self) -> None:
        if self._signed_in is not None:
            self._secret.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self._submit.click()

    @property
    def secret_edit(self) -> QLineEdit:
        return self._secret

    def _initials_problem(self) -> str:
        if self._signed_in is not None:
            second = self._second.text().strip()
            if second and rules.same_person(self._signed_in, second):
                return self.tr("Second checker: the double check needs two different people; you are signed in "
                               "as the first checker.")
            return ""
        first, second = self._first.text().strip(), self._second.text().strip()
        for label, text in ((self.tr("First checker's initials"), first),
                            (self.tr("Second checker's initials"), second)):
            if text and not rules.initials_valid(text):
                return self.tr("{field}: enter 1 to {n} letters, for example AB.").format(
                    field=label, n=rules.MAX_INITIALS)
        if first and second and rules.same_person(first, second):
            return self.tr("Second checker's initials: the double check needs two different people; "
                           "these are the same initials as the first checker's.")
        return ""

    def _revalidate(self) -> None:
        dose = self._current_dose()
        enabled = dose is not None
        for widget in (self._drug, self._checked, self._first, self._second, self._secret):
            widget.setEnabled(enabled)
        self._verification = None
        if dose is None:
            self._calculated.setText("-")
            self._result.setText("")
            self._checked_message.hide()
            self._initials_message.hide()
            self._submit.setEnabled(False)
            return
        self._calculated.setText("<b>" + escape(self.tr("{dose} mg").format(dose=plain(dose.dose_mg))) + "</b><br>"
                                 + escape(dose.calculation.explain()))
        value, problem = self._parse_checked()
        if value is not None:
            try:
                self._verification = verify_dose(dose.dose_mg, value, self._tolerance)
            except InputError as error:
                problem = error.message
        self._checked_message.setText(problem)
        self._checked_message.setVisible(bool(problem))
        self._show_result()
        initials = self._initials_problem()
        self._initials_message.setText(initials)
        self._initials_message.setVisible(bool(initials))
        complete = bool(self._first.text().strip() and self._second.text().strip()) and (
            self._signed_in is None or bool(self._secret.text()))
        ready = self._verification is not None and not initials and complete
        self._submit.setEnabled(ready)
        if self._verification is not None:
            self._submit.setText(self.tr("Record double check (PASS)") if self._verification.passed
                                 else self.tr("Record double check (FAIL)"))
        else:
            self._submit.setText(self.tr("Record double check"))

    def _show_result(self) -> None:
        check = self._verification
        self._fail_advice.setText(self.tr("Do not give: recheck the order, the calculation and the preparation."))
        self._fail_advice.setVisible(check is not None and not check.passed)
        if check is None:
            self._result.setText(self.tr("enter the dose to see the deviation"))
            self._result.setStyleSheet(f"color: {style.MUTED_TEXT}; font-weight: normal;")
            return
        sign = "+" if check.deviation_pct > 0 else ""
        deviation = f"{sign}{plain(check.deviation_pct)} %"
        if check.passed:
            text = self.tr("{deviation}  PASS (within ±{tolerance} %)")
            swatch = style.PASS
        else:
            text = self.tr("{deviation}  FAIL (more than ±{tolerance} %)")
            swatch = style.DANGER
        self._result.setText(text.format(deviation=deviation, tolerance=plain(check.tolerance_pct)))
        self._result.setStyleSheet(f"color: {swatch.text}; background: {swatch.fill}; "
                                   f"border: 1px solid {swatch.border}; padding: 4px; border-radius: 3px;")

    def _emit(self) -> None:
        dose, check = self._current_dose(), self._verification
        if dose is None or check is None or self._cycle is None or not self._submit.isEnabled():
            return
        if self._signed_in is not None:
            request = DoseCheckRequest(
                cycle=self._cycle.number, drug=dose.drug.id, calculated_mg=dose.dose_mg,
                checked_mg=check.checked_mg, tolerance_pct=check.tolerance_pct, first_checker=self._signed_in,
                second_checker=self._second.text().strip(), second_secret=self._secret.text())
        else:
            request = DoseCheckRequest(
                cycle=self._cycle.number, drug=dose.drug.id, calculated_mg=dose.dose_mg,
                checked_mg=check.checked_mg, tolerance_pct=check.tolerance_pct,
                first_checker=_normal_initials(self._first.text()),
                second_checker=_normal_initials(self._second.text()))
        self.checkSubmitted.emit(request)
        # A recorded check must not be recorded twice by a second click: start the next one empty (the
        # signed-in first checker stays).
        for edit in (self._checked, self._second, self._secret):
            edit.clear()
        if self._signed_in is None:
            self._first.clear()
