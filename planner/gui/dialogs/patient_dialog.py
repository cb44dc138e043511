"""New / edit patient: every field checked as it is typed, with the message next to the field.

Parsing is the core's (`parse_height_measurement`, `parse_weight_measurement`, `parse_iso_date`), so the
form accepts exactly what the command line accepts and reports it in the same words. Save stays disabled
until every field is valid. Editing an existing patient changes identity fields only: measurements go
through "Record weight" (recorded and undoable) and the plan through the cycle actions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.core import rules
from planner.core.bsa import calculate_bsa
from planner.core.decimal_math import plain, round_2dp
from planner.core.errors import InputError, PlannerError
from planner.core.i18n import PRINT_LANGUAGES, current_language
from planner.core.plan import PlanSettings, PriorExposure
from planner.core.regimen import DEFAULT_REGIMEN, available_regimens, load_regimen
from planner.core.safety import DEFAULT_ANTHRACYCLINE_FACTORS
from planner.core.units import cm_to_inches, kg_to_pounds, parse_height_measurement, parse_weight_measurement
from planner.gui.dialogs._form import INVALID_FIELD_STYLE, MessageLine, Touched, optional_date
from planner.gui.settings import LANGUAGES

if TYPE_CHECKING:
    from planner.store import PatientIdentity, PatientRecord

SEXES = ("", "F", "M", "X")


@dataclass(frozen=True)
class PatientForm:
    """What the dialog produced; the caller hands it to the store."""

    identity: PatientIdentity
    height_cm: Decimal
    weight_kg: Decimal
    measured_on: date
    regimen_id: str
    start: date
    prior: tuple[PriorExposure, ...]
    prescriber: str = ""  # who ordered the plan (printed on the dose sheet)


def _with_unit(text: str, unit: str) -> str:
    """`170` + cm -> `170cm`; text that already names a unit (`1.7m`, `154lb`) is taken as typed."""
    stripped = text.strip()
    if stripped and not any(ch.isalpha() or ch in "\"'" for ch in stripped):
        return stripped + unit
    return stripped


class PatientDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, settings: PlanSettings | None = None,
                 record: PatientRecord | None = None, today: date | None = None,
                 submit: Callable[[PatientForm], object] | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._today = today or date.today()
        self._settings = settings or PlanSettings()
        self._record = record
        self._result: PatientForm | None = None
        self.setWindowTitle(self.tr("New patient") if record is None else self.tr("Edit patient"))
        self.setMinimumWidth(560)
        self._touched = Touched(self._revalidate)

        def line(name: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setAccessibleName(name)
            edit.setPlaceholderText(placeholder)
            self._touched.watch(edit)
            return edit

        # -------------------------------------------------------------- identity
        self.name = line(self.tr("Name"), self.tr("Family name, given name"))
        self.mrn = line(self.tr("MRN"), self.tr("Medical record number"))
        self.dob = line(self.tr("Date of birth"), self.tr("YYYY-MM-DD (optional)"))
        self.sex = QComboBox()
        self.sex.setAccessibleName(self.tr("Sex"))
        for code, label in zip(SEXES, (self.tr("Not recorded"), self.tr("Female"), self.tr("Male"),
                                       self.tr("Other / unknown")), strict=True):
            self.sex.addItem(label, code)
        self.diagnosis = line(self.tr("Diagnosis"))
        self.allergies = line(self.tr("Allergies"), self.tr("e.g. penicillin (rash); leave empty if none known"))
        self.notes = line(self.tr("Notes"))
        self.prescriber = line(self.tr("Prescriber"), self.tr("the doctor who ordered the treatment"))
        # The patient's own language for the calendar and the .ics they take home; the dose sheet and the
        # day list stay in the staff's. Names are shown in their own language, as a patient would look for them.
        self.calendar_language = QComboBox()
        self.calendar_language.setAccessibleName(self.tr("Calendar language"))
        self.calendar_language.setToolTip(self.tr("The language of the patient calendar and the phone calendar "
                                                  "(.ics); the dose sheet and the day list print in the "
                                                  "program's language."))
        for code in PRINT_LANGUAGES:
            self.calendar_language.addItem(LANGUAGES.get(code, code), code)
        interface = current_language()
        self.calendar_language.setCurrentIndex(max(self.calendar_language.findData(
            interface if interface in PRINT_LANGUAGES else "en"), 0))
        # What is wrong shows on one reserved line under the form (never under each field, where a message
        # appearing would squeeze the fields on a short screen and move them under the pointer).
        self._errors: dict[str, str] = {}  # shown problems of fields already edited, by key
        self._hints: dict[str, str] = {}  # e.g. the converted height
        self._order: list[str] = []

        identity_box = QGroupBox(self.tr("Patient"))
        form = QFormLayout(identity_box)
        self._add_row(form, self.tr("Name:"), self.name, "name")
        self._add_row(form, self.tr("MRN:"), self.mrn, "mrn")
        self._add_row(form, self.tr("Date of birth:"), self.dob, "dob")
        form.addRow(self.tr("Sex:"), self.sex)
        form.addRow(self.tr("Diagnosis:"), self.diagnosis)
        form.addRow(self.tr("Allergies:"), self.allergies)
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow(self.tr("Calendar language:"), self.calendar_language)

        # -------------------------------------------------------------- measurements
        # "e.g.": a bare grey 170 reads as a value already filled in.
        self.height_field = line(self.tr("Height"), self.tr("e.g. 170"))
        self.height_unit = self._unit_combo(self.tr("Height unit"), ("cm", "in"))
        self.weight = line(self.tr("Weight"), self.tr("e.g. 70"))
        self.weight_unit = self._unit_combo(self.tr("Weight unit"), ("kg", "lb"))
        self.measured_on = line(self.tr("Measured on"), self.tr("YYYY-MM-DD"))
        self.measured_on.setText(self._today.isoformat())
        self.bsa_preview = QLabel()
        self.bsa_preview.setWordWrap(True)
        self.bsa_preview.setAccessibleName(self.tr("Body surface area"))
        measures_box = QGroupBox(self.tr("Height and weight"))
        form = QFormLayout(measures_box)
        self._add_row(form, self.tr("Height:"), self._pair(self.height_field, self.height_unit), "height")
        self._add_row(form, self.tr("Weight:"), self._pair(self.weight, self.weight_unit), "weight")
        self._add_row(form, self.tr("Measured on:"), self.measured_on, "measured_on")
        form.addRow(self.tr("BSA:"), self.bsa_preview)

        # -------------------------------------------------------------- plan
        self.regimen = QComboBox()
        self.regimen.setAccessibleName(self.tr("Regimen"))
        for regimen_id in available_regimens():
            try:
                name = load_regimen(regimen_id).label
            except PlannerError:
                continue  # a broken regimen file is reported elsewhere; it cannot be chosen
            self.regimen.addItem(f"{name} ({regimen_id})", regimen_id)
        default = self.regimen.findData(DEFAULT_REGIMEN)
        self.regimen.setCurrentIndex(max(default, 0))
        self.start = line(self.tr("Start date"), self.tr("YYYY-MM-DD: day 1 of cycle 1"))
        self.start.setText(self._today.isoformat())
        self.prior_drug = QComboBox()
        self.prior_drug.setAccessibleName(self.tr("Prior anthracycline drug"))
        self.prior_drug.addItem(self.tr("None"), "")
        for factor in DEFAULT_ANTHRACYCLINE_FACTORS:
            self.prior_drug.addItem(factor.drug.capitalize(), factor.drug)
        self._touched.watch(self.prior_drug)
        self.prior_amount = line(self.tr("Prior anthracycline amount"), self.tr("cumulative mg/m²"))
        plan_box = QGroupBox(self.tr("Treatment plan"))
        form = QFormLayout(plan_box)
        # The prescriber shares the regimen's row (the order: what, and who ordered it): one more row would
        # not fit a 1280x720 screen.
        form.addRow(self.tr("Regimen, prescriber:"), self._pair(self.regimen, self.prescriber))
        self._add_row(form, self.tr("Start (cycle 1 day 1):"), self.start, "start")
        self._add_row(form, self.tr("Prior anthracycline:"), self._pair(self.prior_drug, self.prior_amount), "prior")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save patient"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(identity_box)
        layout.addWidget(measures_box)
        layout.addWidget(plan_box)
        self.message = MessageLine()
        self.message.setAccessibleName(self.tr("Problem with this form"))
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        for combo in (self.height_unit, self.weight_unit, self.regimen, self.sex, self.calendar_language):
            combo.currentIndexChanged.connect(self._revalidate)
        if record is not None:
            self._load(record)
        self._revalidate()

    # ------------------------------------------------------------------ layout helpers
    def _add_row(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> None:
        self._order.append(key)
        form.addRow(label, widget)

    def field_message(self, key: str) -> str:
        """The problem shown for field `key` (once edited), else its hint, else ""."""
        return self._errors.get(key) or self._hints.get(key, "")

    def _show_message(self) -> None:
        errors = [self._errors[k] for k in self._order if self._errors.get(k)]
        if errors:
            text = errors[0]
            if len(errors) > 1:
                text += " " + self.tr("(and {n} more)").format(n=len(errors) - 1)
            self.message.show_error(text)
            self.message.setToolTip("\n".join(errors))
        else:
            self.message.show_hint("   ".join(self._hints[k] for k in self._order if self._hints.get(k)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)  # the first field to fill, new or edited

    @staticmethod
    def _pair(first: QWidget, second: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 1)
        row.addWidget(second)
        return box

    def _unit_combo(self, name: str, units: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for unit in units:
            combo.addItem(unit, unit)
        self._touched.watch(combo)
        return combo

    def _load(self, record: PatientRecord) -> None:
        identity = record.identity
        self.name.setText(identity.name)
        self.mrn.setText(identity.mrn)
        self.mrn.setReadOnly(True)  # the MRN is the patient's key in the store
        self.mrn.setToolTip(self.tr("The MRN identifies the record and cannot be changed."))
        self.dob.setText(identity.dob.isoformat() if identity.dob else "")
        self.sex.setCurrentIndex(max(self.sex.findData(identity.sex or ""), 0))
        self.diagnosis.setText(identity.diagnosis)
        self.allergies.setText(identity.allergies)
        self.notes.setText(identity.notes)
        self.prescriber.setText(record.plan.prescriber)
        self.calendar_language.setCurrentIndex(max(self.calendar_language.findData(identity.language), 0))
        baseline = record.measurements[0]
        self.height_field.setText(plain(baseline.height_cm))
        self.weight.setText(plain(baseline.weight_kg))
        self.measured_on.setText(baseline.measured_on.isoformat())
        self.regimen.setCurrentIndex(max(self.regimen.findData(record.plan.regimen_id), 0))
        self.start.setText(record.plan.start.isoformat())
        if record.plan.prior:
            self.prior_drug.setCurrentIndex(max(self.prior_drug.findData(record.plan.prior[0].drug), 0))
            self.prior_amount.setText(plain(record.plan.prior[0].mg_per_m2))
        for widget in (self.height_field, self.height_unit, self.weight, self.weight_unit, self.measured_on,
                       self.regimen, self.start, self.prior_drug, self.prior_amount):
            widget.setEnabled(False)
            widget.setToolTip(self.tr("Recorded with the plan: change the weight with Record weight on the "
                                      "Cycles tab, and the plan with the cycle actions."))

    # ------------------------------------------------------------------ validation
    def _check(self, key: str, widget: QWidget, compute: object) -> object:
        """Run `compute()`; mark its InputError on the field (once touched). Returns the value or None."""
        try:
            value = compute() if callable(compute) else compute
        except InputError as exc:
            shown = widget in self._touched
            self._errors[key] = exc.message if shown else ""
            widget.setStyleSheet(INVALID_FIELD_STYLE if shown else "")
            widget.setToolTip(exc.message if shown else "")
            self._valid = False
            return None
        self._errors[key] = ""
        widget.setStyleSheet("")
        if widget.isEnabled():
            widget.setToolTip("")
        return value

    def _required(self, widget: QLineEdit, field: str, label: str) -> str:
        text = widget.text().strip()
        if not text:
            raise InputError(field, self.tr("{label} is missing.").format(label=label))
        return text

    def _revalidate(self) -> None:
        self._valid = True
        self._hints = {}
        name = self._check("name", self.name, lambda: rules.clean_name(
            self._required(self.name, "name", self.tr("Name"))))
        mrn = self._check("mrn", self.mrn, lambda: self._mrn())
        dob = self._check("dob", self.dob, lambda: self._dob())
        height = self._check("height", self.height_field, lambda: parse_height_measurement(
            _with_unit(self.height_field.text(), self.height_unit.currentData())))
        weight = self._check("weight", self.weight, lambda: parse_weight_measurement(
            _with_unit(self.weight.text(), self.weight_unit.currentData())))
        measured_on = self._check("measured_on", self.measured_on, lambda: self._measured_on())
        start = self._check("start", self.start, lambda: optional_date(self.start.text(), "start", self.tr(
            "Start date")) or self._missing("start", self.tr("Start date")))
        prior = self._check("prior", self.prior_amount, lambda: self._prior())
        if isinstance(dob, date):  # nothing of a patient is dated before their birth (planner.core.rules)
            for field, widget, when, label in (("measured_on", self.measured_on, measured_on, self.tr("Measured on")),
                                               ("start", self.start, start, self.tr("Start date"))):
                if isinstance(when, date):
                    self._check(field, widget, lambda when=when, field=field, label=label:
                                rules.check_not_before_birth(when, dob, field, label))

        if height is not None:
            cm = height.value  # type: ignore[attr-defined]
            self._hints["height"] = (self.tr("= {cm} cm = {inch} in").format(
                cm=plain(round_2dp(cm)), inch=plain(round_2dp(cm_to_inches(cm)))))
        if weight is not None:
            kg = weight.value  # type: ignore[attr-defined]
            self._hints["weight"] = (self.tr("= {kg} kg = {lb} lb").format(
                kg=plain(round_2dp(kg)), lb=plain(round_2dp(kg_to_pounds(kg)))))
        if height is not None and weight is not None:
            try:
                bsa = calculate_bsa(height.value, weight.value,  # type: ignore[attr-defined]
                                    self._settings.formula, self._settings.bsa_cap_m2)
                self.bsa_preview.setText(bsa.explain())
            except InputError as exc:
                self.bsa_preview.setText(exc.message)
        else:
            self.bsa_preview.setText(self.tr("Enter height and weight to see the BSA."))

        self._show_message()
        self.save_button.setEnabled(self._valid)
        if self._valid:
            from planner.store import PatientIdentity  # the store loads SQLAlchemy: not on the start-up path

            self._result = PatientForm(
                identity=PatientIdentity(
                    name=str(name), mrn=str(mrn), dob=dob if isinstance(dob, date) else None,
                    sex=self.sex.currentData() or None, diagnosis=self.diagnosis.text().strip(),
                    allergies=self.allergies.text().strip(), notes=self.notes.text().strip(),
                    language=self.calendar_language.currentData() or "en"),
                height_cm=height.value, weight_kg=weight.value,  # type: ignore[attr-defined]
                measured_on=measured_on, start=start,  # type: ignore[arg-type]
                regimen_id=self.regimen.currentData(), prior=prior,  # type: ignore[arg-type]
                prescriber=self.prescriber.text().strip())
        else:
            self._result = None

    def _missing(self, field: str, label: str) -> date:
        raise InputError(field, self.tr("{label} is missing; write it as YYYY-MM-DD.").format(label=label))

    def _mrn(self) -> str:
        text = self._required(self.mrn, "mrn", self.tr("MRN"))
        if any(ch.isspace() for ch in text):
            raise InputError("mrn", self.tr("MRN: no spaces, please (for example 00123456)."))
        return rules.clean_mrn(text)

    def _dob(self) -> date | None:
        dob = optional_date(self.dob.text(), "dob", self.tr("Date of birth"))
        if dob is not None and dob >= self._today:
            raise InputError("dob", self.tr("Date of birth: {date} is not in the past.").format(date=dob.isoformat()))
        # The same bounds as the store and plan files (planner.core.rules), not a limit of the dialog's own.
        return rules.check_birth_date(dob, self._today)

    def _measured_on(self) -> date:
        text = self.measured_on.text()
        when = optional_date(text, "measured_on", self.tr("Measured on"))
        if when is None:
            return self._missing("measured_on", self.tr("Measured on"))
        if when > self._today:
            raise InputError("measured_on", self.tr("Measured on: {date} is in the future.").format(
                date=when.isoformat()))
        return rules.check_date(when, "measured_on", self.tr("Measured on"))

    def _prior(self) -> tuple[PriorExposure, ...]:
        drug = self.prior_drug.currentData()
        text = self.prior_amount.text().strip()
        if not drug:
            if text:
                raise InputError("prior", self.tr("Prior anthracycline: choose the drug the amount is for."))
            return ()
        problem = self.tr("Prior anthracycline: enter the cumulative {drug} dose in mg/m² (0 to {max}).").format(
            drug=drug, max=rules.PRIOR_EXPOSURE_MAX_MG_PER_M2)
        try:
            amount = rules.parse_number(text, "prior", self.tr("Prior anthracycline"))
            rules.check_prior_amount(amount, drug)
        except InputError:
            raise InputError("prior", problem) from None
        return (PriorExposure(drug, amount),)

    # ------------------------------------------------------------------ result
    def _accept(self) -> None:
        self._touched.touch_all([self.name, self.mrn, self.dob, self.height_field, self.weight, self.measured_on,
                                 self.start, self.prior_amount])
        self._revalidate()
        if self._result is None:
            return
        if self._submit is not None:
            try:
                self._submit(self._result)
            except PlannerError as exc:
                from planner.store import DuplicateMrn

                # The dialog stays open with everything typed; the message goes next to the field it names.
                field = "mrn" if isinstance(exc, DuplicateMrn) else getattr(exc, "field", "name")
                self.show_error(field, exc.message)
                return
        self.accept()

    def result_form(self) -> PatientForm | None:
        return self._result

    def show_error(self, field: str, message: str) -> None:
        """Show an error from the store (e.g. a duplicate MRN) next to its field, keeping everything typed."""
        widgets = {"mrn": self.mrn, "name": self.name, "dob": self.dob, "height": self.height_field,
                   "weight": self.weight, "measured_on": self.measured_on, "start": self.start,
                   "prior": self.prior_amount}
        key = field if field in widgets else "name"
        self._errors[key] = message
        widgets[key].setStyleSheet(INVALID_FIELD_STYLE)
        self._show_message()
        self.save_button.setFocus()
