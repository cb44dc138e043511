"""The dialogs behind the cycle actions: delay, change dose level, omit days, stop a drug, record weight.

Each builds one core `Modification` and asks for the reason (it goes into the audit record). While the
nurse types, the dialog recomputes the plan with the change through the core (`compute_plan`) and shows
what will happen ("Cycle 3 moves from 2026-02-16 to 2026-02-23"), or the core's own message naming what
is wrong. OK stays disabled until the change is possible and a reason is given.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.core.dates import format_days, parse_iso_date
from planner.core.decimal_math import plain
from planner.core.errors import InputError, PlannerError
from planner.core.i18n import translate
from planner.core.modifications import (
    Delay,
    DoseLevelChange,
    DosePercentChange,
    EndTreatment,
    Modification,
    OmitDays,
    StopDrug,
    WeightChange,
    end_reason_label,
)
from planner.core.plan import Cycle, Plan, compute_plan
from planner.core.regimen import Regimen, parse_days
from planner.core.safety import weight_change_pct
from planner.core.units import parse_weight_measurement
from planner.gui.dialogs._form import MessageLine
from planner.gui.facts import drug_word

ACTION_KEYS = ("delay", "dose_level", "omit", "stop", "weight")
DEFAULT_WEIGHT_CONFIRM_PCT = Decimal(20)  # Preferences > "Confirm a weight change over (%)"


def describe_modification(mod: Modification, regimen: Regimen | None = None) -> str:
    """One line for the undo history and status bar (no patient data: cycle, drug and numbers only); the
    drug in the interface language when the regimen is given (表柔比星), else its id."""
    if isinstance(mod, Delay):
        return translate("CycleActions", "Delay cycle {c} by {d} days").format(
            c=mod.cycle, d=mod.days)
    if isinstance(mod, DoseLevelChange):
        return translate("CycleActions", "{drug} dose level {level} from cycle {c}").format(
            drug=drug_word(regimen, mod.drug), level=plain(mod.level), c=mod.cycle)
    if isinstance(mod, OmitDays):
        return translate("CycleActions", "Omit {drug} days {days} of cycle {c}").format(
            drug=drug_word(regimen, mod.drug), days=format_days(mod.days), c=mod.cycle)
    if isinstance(mod, StopDrug):
        return translate("CycleActions", "Stop {drug} from cycle {c} day {d}").format(
            drug=drug_word(regimen, mod.drug), c=mod.cycle, d=mod.day)
    if isinstance(mod, DosePercentChange):
        return translate("CycleActions", "{drug} at {pct}% of the {of} dose from cycle {c}").format(
            drug=drug_word(regimen, mod.drug), pct=plain(mod.percent), of=percent_basis_word(mod.of), c=mod.cycle)
    if isinstance(mod, EndTreatment):
        return translate("CycleActions", "End the treatment after cycle {c} ({reason})").format(
            c=mod.cycle, reason=end_reason_label(mod.reason_code))
    return translate("CycleActions", "Weight {w} kg before cycle {c}").format(
        w=plain(mod.weight_kg), c=mod.cycle)


def percent_basis_word(of: str) -> str:
    return translate("CycleActions", "starting") if of == "starting" else translate("CycleActions", "current")


class CycleActionDialog(QDialog):
    """Base: a title, the action's own fields, a preview line, a reason, OK / Cancel."""

    def __init__(self, plan: Plan, cycle_number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.cycle: Cycle = plan.cycle(cycle_number)
        self._modification: Modification | None = None
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("What will change"))
        # One reserved line under the form for what is wrong: always there, so a message never moves or
        # squeezes the fields; shown once the nurse has changed something (not a wall of red on opening).
        self.problem = MessageLine()
        self.problem.setObjectName("problem")
        self.problem.setAccessibleName(self.tr("Problem with this change"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why (recorded in the audit log), e.g. ANC 0.9 on day 21"))
        self.reason.textChanged.connect(self.revalidate)
        self._edited = False
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Says what pressing it does: the change is saved at once (and can be undone with Ctrl+Z).
        self.ok_button.setText(self.tr("Save change"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        heading = QLabel(self.tr("Cycle {n} ({phase}): {start} to {end}").format(
            n=self.cycle.number, phase=self.cycle.phase.label, start=self.cycle.start.isoformat(),
            end=self.cycle.end.isoformat()))
        heading.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        reason_form = QFormLayout()
        reason_form.addRow(self.tr("Reason:"), self.reason)
        layout.addLayout(reason_form)
        layout.addWidget(self.problem)
        # The preview grows with what it says; below every field, it only ever moves the buttons.
        layout.addWidget(self.preview)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def first_field(self) -> QWidget:
        """The field the nurse fills first: the first of the action's own fields (the reason if none)."""
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                return widget.focusProxy() or widget
        return self.reason

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    # Subclasses build the modification from their fields (raising InputError naming the field).
    def build(self) -> Modification:
        raise NotImplementedError

    def describe_effect(self, new_plan: Plan) -> str:
        return ""

    def drug_combo(self, only_given: bool = True) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Drug"))
        for dose in self.cycle.doses:
            if dose.given or not only_given:
                combo.addItem(dose.drug.label, dose.drug.id)
        combo.currentIndexChanged.connect(self.revalidate)
        return combo

    def revalidate(self, *changed: object) -> None:
        """Recompute the change; called with the new value by a field's signal (the nurse edited something)
        and without arguments while the dialog is being built."""
        if changed:
            self._edited = True
        self._modification = None
        try:
            mod = self.build()
            new_plan = compute_plan(self.plan.regimen, self.plan.inputs, self.plan.settings,
                                    (*self.plan.modifications, mod))
        except PlannerError as exc:
            self.problem.show_error(exc.message if self._edited else "")
            self.ok_button.setToolTip(exc.message)
            self.preview.setText("")
            self.ok_button.setEnabled(False)
            return
        self.preview.setText(self.describe_effect(new_plan))
        if not self.reason.text().strip():
            self.problem.show_hint(self.tr("A reason is required: it is kept with the change."))
            self.ok_button.setToolTip(self.problem.text())
            self.ok_button.setEnabled(False)
            return
        self.problem.show_hint("")
        self.ok_button.setToolTip("")
        self._modification = mod
        self.ok_button.setEnabled(True)

    def confirm(self, modification: Modification) -> bool:
        """A last question before saving (True: save). Subclasses ask when the value is unusual."""
        return True

    def _accept(self) -> None:
        self.revalidate()
        if self._modification is not None and self.confirm(self._modification):
            self.accept()

    def modification(self) -> Modification | None:
        return self._modification

    def reason_text(self) -> str:
        return self.reason.text().strip()


class DelayDialog(CycleActionDialog):
    def __init__(self, plan: Plan, cycle_number: int, parent: QWidget | None = None) -> None:
        super().__init__(plan, cycle_number, parent)
        self.setWindowTitle(self.tr("Delay cycle {n}").format(n=cycle_number))
        self.days = QSpinBox()
        self.days.setRange(1, 90)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Delay in days"))
        self.days.valueChanged.connect(self.revalidate)
        self.form.addRow(self.tr("Delay by:"), self.days)
        self.revalidate()

    def build(self) -> Modification:
        return Delay(self.cycle.number, self.days.value())

    def describe_effect(self, new_plan: Plan) -> str:
        moved = new_plan.cycle(self.cycle.number)
        later = len(new_plan.cycles) - self.cycle.number
        return self.tr("Cycle {n} day 1 moves from {old} to {new}; the {later} later cycles move with it.").format(
            n=self.cycle.number, old=self.cycle.start.isoformat(), new=moved.start.isoformat(), later=later)


class DoseLevelDialog(CycleActionDialog):
    def __init__(self, plan: Plan, cycle_number: int, parent: QWidget | None = None) -> None:
        super().__init__(plan, cycle_number, parent)
        self.setWindowTitle(self.tr("Change dose level from cycle {n}").format(n=cycle_number))
        self.drug = self.drug_combo(only_given=False)
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Dose level"))
        self.level.currentIndexChanged.connect(self.revalidate)
        self.drug.currentIndexChanged.connect(self._fill_levels)
        self.form.addRow(self.tr("Drug:"), self.drug)
        self.form.addRow(self.tr("New level:"), self.level)
        self._fill_levels()

    def _fill_levels(self, *_: object) -> None:
        dose = self.cycle.dose_for(self.drug.currentData() or "")
        self.level.blockSignals(True)
        self.level.clear()
        if dose is not None:
            for index, level in enumerate(dose.drug.levels):
                label = f"{plain(level)} {dose.drug.unit}"
                if index == 0:
                    label += self.tr(" (starting dose)")
                else:
                    label += self.tr(" (level -{n})").format(n=index)
                if level == dose.level:
                    label += self.tr(" - current")
                self.level.addItem(label, str(level))
            # Default to one level down from the current one: the usual reason to open this dialog.
            self.level.setCurrentIndex(min(dose.level_index + 1, len(dose.drug.levels) - 1))
        self.level.blockSignals(False)
        self.revalidate()

    def build(self) -> Modification:
        drug = self.drug.currentData()
        level = self.level.currentData()
        if not drug or level is None:
            raise InputError("level", self.tr("Dose level: choose a drug and a level."))
        dose = self.cycle.dose_for(drug)
        if dose is not None and Decimal(level) == dose.level:
            raise InputError("level", self.tr("Dose level: {drug} is already at {level} {unit} in cycle {n}.").format(
                drug=dose.drug.label, level=plain(dose.level), unit=dose.drug.unit, n=self.cycle.number))
        return DoseLevelChange(drug, self.cycle.number, Decimal(level))

    def describe_effect(self, new_plan: Plan) -> str:
        drug = self.drug.currentData()
        old, new = self.cycle.dose_for(drug), new_plan.cycle(self.cycle.number).dose_for(drug)
        if old is None or new is None:
            return ""
        return self.tr("{drug} from cycle {n} on: {old} -> {new} mg ({calc}).").format(
            drug=new.drug.label, n=self.cycle.number, old=plain(old.dose_mg), new=plain(new.dose_mg),
            calc=new.calculation.explain())


class OmitDaysDialog(CycleActionDialog):
    def __init__(self, plan: Plan, cycle_number: int, parent: QWidget | None = None) -> None:
        super().__init__(plan, cycle_number, parent)
        self.setWindowTitle(self.tr("Omit days in cycle {n}").format(n=cycle_number))
        self.drug = self.drug_combo()
        self.days = QLineEdit()
        self.days.setAccessibleName(self.tr("Days to omit"))
        self.days.setPlaceholderText(self.tr("cycle days, e.g. 8-14 or 3, 5"))
        self.days.textChanged.connect(self.revalidate)
        self.given_days = QLabel()
        self.drug.currentIndexChanged.connect(self._show_days)
        self.form.addRow(self.tr("Drug:"), self.drug)
        self.form.addRow(self.tr("Planned on days:"), self.given_days)
        self.form.addRow(self.tr("Omit days:"), self.days)
        self._show_days()

    def _show_days(self, *_: object) -> None:
        dose = self.cycle.dose_for(self.drug.currentData() or "")
        self.given_days.setText(format_days(dose.days) if dose is not None else "")
        self.revalidate()

    def build(self) -> Modification:
        text = self.days.text().strip()
        if not text:
            raise InputError("omit", self.tr("Omit days: name the cycle days to hold, e.g. 8-14."))
        try:
            days = parse_days(text, self.cycle.phase.cycle_days)
        except ValueError as exc:
            why = self.tr("not a number") if "invalid literal" in str(exc) else str(exc)
            raise InputError("omit", self.tr("Omit days: '{text}' is not a list of cycle days 1-{max} ({why}).").format(
                text=text, max=self.cycle.phase.cycle_days, why=why)) from None
        return OmitDays(self.drug.currentData() or "", self.cycle.number, days)

    def describe_effect(self, new_plan: Plan) -> str:
        dose = new_plan.cycle(self.cycle.number).dose_for(self.drug.currentData() or "")
        if dose is None:
            return ""
        return self.tr("{drug} in cycle {n} will be given on days {days}.").format(
            drug=dose.drug.label, n=self.cycle.number, days=format_days(dose.days) or self.tr("none"))


class StopDrugDialog(CycleActionDialog):
    def __init__(self, plan: Plan, cycle_number: int, parent: QWidget | None = None) -> None:
        super().__init__(plan, cycle_number, parent)
        self.setWindowTitle(self.tr("Stop a drug from cycle {n}").format(n=cycle_number))
        self.drug = self.drug_combo(only_given=False)
        self.day = QSpinBox()
        self.day.setRange(1, self.cycle.phase.cycle_days)
        self.day.setAccessibleName(self.tr("From cycle day"))
        self.day.valueChanged.connect(self.revalidate)
        self.form.addRow(self.tr("Drug:"), self.drug)
        self.form.addRow(self.tr("From day:"), self.day)
        self.revalidate()

    def build(self) -> Modification:
        return StopDrug(self.drug.currentData() or "", self.cycle.number, self.day.value())

    def describe_effect(self, new_plan: Plan) -> str:
        when = self.cycle.date_of(self.day.value())
        return self.tr("{drug} is stopped for good from cycle {n} day {d} ({date}); {count} cycles remain "
                       "planned.").format(drug=self.drug.currentText(), n=self.cycle.number, d=self.day.value(),
                                          date=when.isoformat(), count=len(new_plan.cycles))


class WeightDialog(CycleActionDialog):
    """Record a new weight. A change of more than `confirm_pct` % against the last known weight (a slip such
    as 120 for 61.5, or the wrong patient's weight) is saved only once the nurse confirms it."""

    def __init__(self, plan: Plan, cycle_number: int, parent: QWidget | None = None,
                 today: date | None = None, confirm_pct: Decimal = DEFAULT_WEIGHT_CONFIRM_PCT) -> None:
        super().__init__(plan, cycle_number, parent)
        self.confirm_pct = confirm_pct
        self.setWindowTitle(self.tr("Record weight before cycle {n}").format(n=cycle_number))
        self.weight = QLineEdit()
        self.weight.setAccessibleName(self.tr("Weight"))
        self.weight.setPlaceholderText(plain(self.cycle.weight_kg))
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Weight unit"))
        self.unit.addItem("kg", "kg")
        self.unit.addItem("lb", "lb")
        self.measured_on = QLineEdit((today or date.today()).isoformat())
        self.measured_on.setAccessibleName(self.tr("Measured on"))
        self.measured_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        for signal in (self.weight.textChanged, self.unit.currentIndexChanged, self.measured_on.textChanged):
            signal.connect(self.revalidate)
        row = QWidget()
        pair = QHBoxLayout(row)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.addWidget(self.weight, 1)
        pair.addWidget(self.unit)
        row.setFocusProxy(self.weight)
        self.form.addRow(self.tr("Weight:"), row)
        self.form.addRow(self.tr("Measured on:"), self.measured_on)
        self.form.addRow(self.tr("Doses now based on:"), QLabel(self.tr("{w} kg (threshold {t}%)").format(
            w=plain(self.cycle.dose_weight_kg), t=plain(plan.settings.recalc_threshold_pct))))
        self.revalidate()

    def first_field(self) -> QWidget:
        return self.weight

    def unusual_change(self, modification: Modification) -> str:
        """The question to ask before saving this weight ("" when it is an ordinary change)."""
        if not isinstance(modification, WeightChange):
            return ""
        before = self.cycle.weight_kg
        # Compared without division (as the core's recalculation rule): exactly the limit is ordinary.
        if abs(modification.weight_kg - before) * 100 <= self.confirm_pct * before:
            return ""
        change = weight_change_pct(modification.weight_kg, before)
        return self.tr("{new} kg is {pct}% {way} than the last recorded weight, {old} kg (more than {limit}%).\n\n"
                       "Re-weigh the patient and check it is the right patient. Save {new} kg?").format(
            new=plain(modification.weight_kg), pct=plain(abs(change)),
            way=self.tr("more") if change > 0 else self.tr("less"), old=plain(before), limit=plain(self.confirm_pct))

    def confirm(self, modification: Modification) -> bool:
        question = self.unusual_change(modification)
        if not question:
            return True
        answer = QMessageBox.question(self, self.tr("Unusual weight change"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.weight.setFocus(Qt.FocusReason.OtherFocusReason)
        self.weight.selectAll()
        return False

    def build(self) -> Modification:
        text = self.weight.text().strip()
        if text and not any(ch.isalpha() for ch in text):
            text += self.unit.currentData()
        weight = parse_weight_measurement(text).value
        measured = parse_iso_date(self.measured_on.text(), "measured_on", self.tr("Measured on"))
        return WeightChange(self.cycle.number, weight, measured)

    def describe_effect(self, new_plan: Plan) -> str:
        cycle = new_plan.cycle(self.cycle.number)
        lines = list(cycle.notes) or [self.tr("Doses unchanged.")]
        for old, new in zip(self.cycle.doses, cycle.doses, strict=False):
            if old.dose_mg != new.dose_mg:
                lines.append(self.tr("{drug}: {old} -> {new} mg ({calc})").format(
                    drug=new.drug.label, old=plain(old.dose_mg), new=plain(new.dose_mg),
                    calc=new.calculation.explain()))
        return "\n".join(lines)


DIALOGS: dict[str, type[CycleActionDialog]] = {
    "delay": DelayDialog,
    "dose_level": DoseLevelDialog,
    "omit": OmitDaysDialog,
    "stop": StopDrugDialog,
    "weight": WeightDialog,
}
