"""Preferences: the settings new plans are made with, the double-check tolerance, printouts and language.

Numbers are typed as text and parsed to Decimal (a spin box would round through float); the ranges are the
core's own limits, and the core validators give the messages where they exist. Changes apply to plans made
from now on; an existing plan keeps the settings it was made with (they are stored with it).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.core import rules
from planner.core.bsa import FORMULAS
from planner.core.clinic_days import public_holidays
from planner.core.decimal_math import plain
from planner.core.dosing import validate_rounding_step
from planner.core.errors import InputError
from planner.core.plan import MAX_PLANNED_CYCLES
from planner.gui import screen_fit
from planner.gui.dialogs._form import FieldMessage, mark_field
from planner.gui.settings import PAPER_SIZES, Settings, parse_closure_days, parse_weekdays, system_region
from planner.gui.translations import available_languages, pending_languages


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(520)
        self.messages: dict[str, FieldMessage] = {}

        self.formula = QComboBox()
        self.formula.setAccessibleName(self.tr("BSA formula"))
        for key, formula in FORMULAS.items():
            self.formula.addItem(f"{formula.name}: {formula.expression}", key)
        self.formula.setCurrentIndex(max(self.formula.findData(settings.text("plan/bsa_formula")), 0))
        self.rounding = self._line(self.tr("Rounding step in mg"), plain(settings.decimal("plan/rounding_step_mg")))
        self.threshold = self._line(self.tr("Recalculation threshold in percent"),
                                    plain(settings.decimal("plan/recalc_threshold_pct")))
        cap = settings.get("plan/bsa_cap_m2")
        self.cap = self._line(self.tr("BSA cap in square metres"), plain(cap) if isinstance(cap, Decimal) else "")
        self.cap.setPlaceholderText(self.tr("empty: no cap"))
        self.maintenance = QSpinBox()
        self.maintenance.setAccessibleName(self.tr("Maintenance cycles to plan ahead"))
        self.maintenance.setRange(1, MAX_PLANNED_CYCLES)
        cycles = settings.get("plan/maintenance_cycles")
        self.maintenance.setValue(cycles if isinstance(cycles, int) else 6)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setAccessibleName(self.tr("Lock after this many minutes without use"))
        self.lock_minutes.setRange(1, 240)
        minutes = settings.get("security/lock_minutes")
        self.lock_minutes.setValue(minutes if isinstance(minutes, int) else 10)
        self.tolerance = self._line(self.tr("Verification tolerance in percent"),
                                    plain(settings.verification_tolerance()))
        self.weight_confirm = self._line(self.tr("Confirm a weight change over this percentage"),
                                         plain(settings.decimal("check/weight_confirm_pct")))
        self.institution = self._line(self.tr("Institution name"), settings.text("institution/name"))
        self.phone = self._line(self.tr("Ward phone number"), settings.text("institution/phone"))
        self.emergency = self._line(self.tr("Emergency phone number (out of hours)"),
                                    settings.text("institution/emergency_phone"))
        self.emergency_24h = QCheckBox(self.tr("The emergency line answers 24 hours a day"))
        self.emergency_24h.setChecked(settings.get("institution/emergency_24h") == 1)
        self.closed_days: dict[int, QCheckBox] = {}
        closed = parse_weekdays(settings.text("clinic/closed_weekdays"))
        for weekday, name in enumerate((self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                                        self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))):
            box = QCheckBox(name)
            box.setAccessibleName(self.tr("Clinic closed on {day}").format(day=name))
            box.setChecked(weekday in closed)
            self.closed_days[weekday] = box
        self.region = self._line(self.tr("Public holidays of"), settings.text("clinic/holiday_region"))
        self.region.setPlaceholderText(self.tr("none"))
        self.region.setToolTip(self.tr(
            "A country code (CN, US, GB) or country-region (DE-BY). auto: this computer's country ({region}); "
            "empty: no public holidays.").format(region=system_region() or self.tr("none")))
        self.extra_closed = self._line(self.tr("Extra closure days"), settings.text("clinic/extra_closed_days"))
        self.extra_closed.setPlaceholderText(self.tr("YYYY-MM-DD, YYYY-MM-DD ..."))
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.paper.setCurrentIndex(max(self.paper.findData(settings.text("print/paper_size")), 0))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in available_languages().items():
            self.language.addItem(name, code)
        # A language whose translation is not done yet is shown, greyed out, so nobody hunts for a setting.
        pending = pending_languages()
        for code, name in pending.items():
            self.language.addItem(self.tr("{language} (translation not available yet)").format(language=name), code)
            item = self.language.model().item(self.language.count() - 1)  # type: ignore[attr-defined]
            item.setEnabled(False)
        saved = settings.text("ui/language")
        index = self.language.findData(saved)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: #555;")
        if saved in pending or (saved not in ("", "en") and index < 0):
            # Chosen earlier (or on another installation) but not installed here: English is what shows.
            index = 0
            self.language_note.setText(self.tr("The {language} translation is not installed; the program is "
                                               "shown in English.").format(language=pending.get(saved, saved)))
        self.language_note.setVisible(bool(self.language_note.text()))
        self.language.setCurrentIndex(max(index, 0))
        # Unless the nurse picks another language, a choice whose translation is missing here is kept.
        self._language_kept = saved if self.language_note.text() else None

        plans = QGroupBox(self.tr("New plans"))
        form = QFormLayout(plans)
        form.addRow(self.tr("BSA formula:"), self.formula)
        self._row(form, self.tr("Round doses to (mg):"), self.rounding, "rounding")
        self._row(form, self.tr("Recalculate when weight changes by (%):"), self.threshold, "threshold")
        self._row(form, self.tr("BSA cap (m²):"), self.cap, "cap")
        form.addRow(self.tr("Maintenance cycles to plan ahead:"), self.maintenance)
        note = QLabel(self.tr("These apply to patients added from now on; existing plans keep their settings."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)
        checks = QGroupBox(self.tr("Dose double check"))
        form = QFormLayout(checks)
        self._row(form, self.tr("Tolerance (%):"), self.tolerance, "tolerance")
        self._row(form, self.tr("Confirm a weight change over (%):"), self.weight_confirm, "weight_confirm")
        accounts = QGroupBox(self.tr("User accounts"))
        form = QFormLayout(accounts)
        form.addRow(self.tr("Lock after (minutes without use):"), self.lock_minutes)
        printing = QGroupBox(self.tr("Printouts"))
        form = QFormLayout(printing)
        form.addRow(self.tr("Institution:"), self.institution)
        form.addRow(self.tr("Ward phone:"), self.phone)
        form.addRow(self.tr("Emergency phone:"), self.emergency)
        form.addRow("", self.emergency_24h)
        form.addRow(self.tr("Paper size:"), self.paper)
        clinic = QGroupBox(self.tr("Clinic days (blood tests and infusions)"))
        form = QFormLayout(clinic)
        weekdays = QHBoxLayout()
        for day_box in self.closed_days.values():
            weekdays.addWidget(day_box)
        form.addRow(self.tr("Closed on:"), weekdays)
        self._row(form, self.tr("Public holidays of:"), self.region, "region")
        self._row(form, self.tr("Extra closure days:"), self.extra_closed, "extra_closed")
        general = QGroupBox(self.tr("Language"))
        form = QFormLayout(general)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        # Two columns: stacked, the groups would be taller than a 1280x720 screen.
        columns = QHBoxLayout()
        for boxes in ((plans, checks, accounts), (printing, clinic, general)):
            column = QVBoxLayout()
            for group in boxes:
                column.addWidget(group)
            column.addStretch(1)
            columns.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        # Its natural size, within the screen (Qt alone caps a new window at 2/3 of the screen's width, which
        # would cut the weekday names and the formula).
        screen_fit.fit_dialog(self)
        for edit in (self.rounding, self.threshold, self.cap, self.tolerance, self.weight_confirm, self.region,
                     self.extra_closed):
            edit.textChanged.connect(self._revalidate)
        self._values: dict[str, object] | None = None
        self._revalidate()

    def _line(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        return edit

    def _row(self, form: QFormLayout, label: str, edit: QLineEdit, key: str) -> None:
        message = FieldMessage()
        message.setObjectName(f"message-{key}")
        self.messages[key] = message
        form.addRow(label, edit)
        form.addRow(message)  # full width under the field, so a long message is never clipped

    def _check(self, key: str, edit: QLineEdit, parse: object) -> object:
        try:
            value = parse() if callable(parse) else parse
        except InputError as exc:
            mark_field(edit, self.messages[key], exc.message, True)
            return InputError
        mark_field(edit, self.messages[key], "", False)
        return value

    def _rounding(self) -> Decimal:
        value = _decimal(self.rounding.text())
        return validate_rounding_step(value if value is not None else Decimal("NaN"))

    def _threshold(self) -> Decimal:
        value = _decimal(self.threshold.text())
        return rules.check_recalc_threshold(value if value is not None else Decimal("NaN"))

    def _cap(self) -> Decimal | None:
        if not self.cap.text().strip():
            return None
        value = _decimal(self.cap.text())
        try:
            # The rule's range (1.0-3.0 m²) and the rule's rounding: the cap saved is the 2-dp value shown.
            return rules.check_bsa_cap(value if value is not None else Decimal("NaN"))
        except InputError:
            low, high = rules.BSA_CAP_RANGE_M2
            raise InputError("bsa_cap", self.tr("BSA cap: enter m² from {low} to {high} (for example 2.0), or leave "
                                                "it empty for no cap.").format(low=low, high=high)) from None

    def _tolerance(self) -> Decimal:
        value = _decimal(self.tolerance.text())
        if value is None or not 0 <= value <= 20:
            raise InputError("tolerance", self.tr(
                "Verification tolerance: enter a percentage from 0 to 20 (5 by default)."))
        return value

    def _weight_confirm(self) -> Decimal:
        value = _decimal(self.weight_confirm.text())
        if value is None or not 1 <= value <= 100:
            raise InputError("weight_confirm", self.tr(
                "Weight change to confirm: enter a percentage from 1 to 100 (20 by default)."))
        return value

    def _region(self) -> str:
        region = self.region.text().strip()
        resolved = system_region() if region.lower() == "auto" else region
        public_holidays(resolved, [date.today().year])  # InputError naming the region when unknown
        return region

    def _extra_closed(self) -> str:
        days = parse_closure_days(self.extra_closed.text())
        return ", ".join(d.isoformat() for d in sorted(days))

    def _revalidate(self, *_: object) -> None:
        values = {
            "plan/rounding_step_mg": self._check("rounding", self.rounding, self._rounding),
            "plan/recalc_threshold_pct": self._check("threshold", self.threshold, self._threshold),
            "plan/bsa_cap_m2": self._check("cap", self.cap, self._cap),
            "check/verification_tolerance_pct": self._check("tolerance", self.tolerance, self._tolerance),
            "check/weight_confirm_pct": self._check("weight_confirm", self.weight_confirm, self._weight_confirm),
            "clinic/holiday_region": self._check("region", self.region, self._region),
            "clinic/extra_closed_days": self._check("extra_closed", self.extra_closed, self._extra_closed),
        }
        valid = all(v is not InputError for v in values.values())
        self.save_button.setEnabled(valid)
        self._values = values if valid else None

    def _save(self) -> None:
        self._revalidate()
        if self._values is None:
            return
        for key, value in self._values.items():
            self.settings.set(key, value)
        self.settings.set("plan/bsa_formula", self.formula.currentData())
        self.settings.set("plan/maintenance_cycles", self.maintenance.value())
        self.settings.set("security/lock_minutes", self.lock_minutes.value())
        self.settings.set("clinic/closed_weekdays",
                          ",".join(str(d) for d, box in self.closed_days.items() if box.isChecked()))
        self.settings.set("institution/name", self.institution.text().strip())
        self.settings.set("institution/phone", self.phone.text().strip())
        self.settings.set("institution/emergency_phone", self.emergency.text().strip())
        self.settings.set("institution/emergency_24h", 1 if self.emergency_24h.isChecked() else 0)
        self.settings.set("print/paper_size", self.paper.currentData())
        if self._language_kept is None or self.language.currentIndex() != 0:
            self.settings.set("ui/language", self.language.currentData())
        self.settings.sync()
        self.accept()
