"""The strip above the plan: who the patient is and the numbers every dose depends on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.core.clinic_days import ClosedInfusion
from planner.core.dates import format_long
from planner.core.decimal_math import format_m2, plain
from planner.core.dose_intensity import DoseIntensity
from planner.core.plan import Plan
from planner.gui.facts import SEVERITY_CAUTION, SEVERITY_DANGER, Badge, active_badges, age_on, current_cycle
from planner.gui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from planner.store import PatientRecord

_BADGE_STYLE = {
    SEVERITY_DANGER: "background:#fde2e1; color:#8b1a1a; border:1px solid #d9534f;",
    SEVERITY_CAUTION: "background:#fff3cd; color:#7a5200; border:1px solid #e0a800;",
}
_INFO_STYLE = "background:#e3ecf7; color:#1f3f6b; border:1px solid #7a9cc6;"


class PatientHeader(QFrame):
    """Name, MRN, age and DOB, height, weight (with date), BSA (with formula), allergies, warning badges."""

    # The first infusion planned on a closed clinic day (a ClosedInfusion): move it to the next open day.
    moveToOpenDayRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#patientHeader { background: #f7f9fc; }")
        self.setAccessibleName(self.tr("Patient details"))
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.identity = QLabel()
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.measures = QLabel()
        # The diagnosis can be long: it wraps in the width there is instead of widening the window.
        self.diagnosis = QLabel()
        self.diagnosis.setWordWrap(True)
        self.diagnosis.setStyleSheet("color: #444;")
        self.diagnosis.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.bsa = QLabel()
        self.allergies = QLabel()
        self.allergies.setWordWrap(True)
        # Badges wrap onto a second line rather than widen the window (a patient can have several).
        self._badge_area = QWidget()
        self._badge_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.badges = FlowLayout(self._badge_area)
        self.move_button = QPushButton(self.tr("Move to next open day"))
        self.move_button.setAccessibleDescription(self.tr(
            "Delays the cycle whose infusion falls on a closed clinic day to the next open day (undoable)"))
        self.move_button.clicked.connect(self._move_requested)
        self.move_button.hide()
        self._closed: ClosedInfusion | None = None
        # Relative dose intensity per drug, filled in from the worker thread (planner/gui/intensity.py).
        # It wraps (one line per drug at worst) and never widens the header: on a 1280 px screen the patient
        # list keeps its width.
        self._intensity_area = QWidget()
        self._intensity_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._intensity_layout = FlowLayout(self._intensity_area)
        self._intensity_layout.setContentsMargins(0, 0, 0, 0)
        self._intensity_labels: list[QLabel] = []
        self._mrn = ""

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(self.identity, 0, 0)
        grid.addWidget(self.measures, 0, 1)
        grid.addWidget(self.bsa, 1, 0)
        grid.addWidget(self.allergies, 1, 1)
        grid.addWidget(self._intensity_area, 0, 2, 2, 1)
        grid.addWidget(self.diagnosis, 2, 0, 1, 3)
        grid.setColumnStretch(2, 1)  # both columns keep their natural width; the rest is spare
        # The badges share the name's line: on a 768 px high screen every line taken from the header is a
        # taller row of calendar days.
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addSpacing(16)
        top.addWidget(self._badge_area, 1)
        top.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(grid)
        self._badge_widgets: list[QLabel] = []

    def set_patient(self, record: PatientRecord, plan: Plan, today: date, same_name: bool = False,
                    closed: Sequence[ClosedInfusion] = ()) -> None:
        """`same_name`: another patient in the list has this name (flagged next to the name, with the DOB).
        `closed`: infusions still to come that fall on a closed clinic day (a badge and the Move button)."""
        identity = record.identity
        if identity.mrn != self._mrn:
            self.set_intensity([])  # another patient: their figures arrive from the worker thread
            self._mrn = identity.mrn
        self.name.setText(identity.name)
        parts = [self.tr("MRN {mrn}").format(mrn=identity.mrn)]
        if identity.dob is not None:
            parts.append(self.tr("{age} years (born {dob})").format(age=age_on(identity.dob, today),
                                                                   dob=format_long(identity.dob)))
        else:
            parts.append(self.tr("date of birth not recorded"))
        if identity.sex:
            parts.append(identity.sex)
        self.identity.setText(" · ".join(parts))
        self.diagnosis.setText(identity.diagnosis.strip())
        self.diagnosis.setVisible(bool(identity.diagnosis.strip()))

        latest = record.latest_measurement
        self.measures.setText(self.tr("Height {h} cm · Weight {w} kg (measured {when})").format(
            h=plain(latest.height_cm), w=plain(latest.weight_kg), when=format_long(latest.measured_on)))

        cycle = current_cycle(plan, today) or (plan.cycles[-1] if plan.cycles else None)
        bsa = cycle.bsa if cycle is not None else plan.baseline_bsa
        which = self.tr("cycle {n}").format(n=cycle.number) if cycle is not None else self.tr("baseline")
        self.bsa.setText(self.tr("BSA {m2} m² ({formula}, {which})").format(
            m2=format_m2(bsa.m2), formula=bsa.formula_name, which=which))
        self.bsa.setToolTip(bsa.explain())
        self.bsa.setAccessibleDescription(bsa.explain())

        allergies = identity.allergies.strip()
        if allergies:
            self.allergies.setText(self.tr("Allergies: {text}").format(text=allergies))
            self.allergies.setStyleSheet("color:#8b1a1a; font-weight:600;")
        else:
            self.allergies.setText(self.tr("Allergies: none recorded"))
            self.allergies.setStyleSheet("")

        for widget in self._badge_widgets:
            self.badges.removeWidget(widget)
            widget.deleteLater()
        self._badge_widgets = []
        badges = active_badges(record, plan, today)
        if same_name:
            born = format_long(identity.dob) if identity.dob is not None else self.tr("date of birth not recorded")
            badges.insert(0, Badge("same-name", self.tr("Same name as another patient"), SEVERITY_DANGER,
                                   self.tr("Another patient has the name {name}: check the MRN {mrn} and the "
                                           "date of birth ({dob}) before every dose.").format(
                                       name=identity.name, mrn=identity.mrn, dob=born)))
        if closed and not record.withdrawn:
            first = closed[0]
            badges.insert(0, Badge(first.code, self.tr("Cycle {n}: infusion on a closed day ({date})").format(
                n=first.cycle, date=format_long(first.on)), SEVERITY_DANGER,
                "\n".join(c.message for c in closed)))
        self._closed = closed[0] if closed and not record.withdrawn else None
        self.move_button.setVisible(self._closed is not None)
        if self._closed is not None:
            self.move_button.setToolTip(self.tr("Delay cycle {n} by {d} days, to {date}").format(
                n=self._closed.cycle, d=self._closed.delay_days, date=format_long(self._closed.move_to)))
        for badge in badges:
            if badge.code == "allergies":
                continue  # already shown in red above
            label = QLabel(badge.text)
            label.setStyleSheet(_BADGE_STYLE.get(badge.severity, _INFO_STYLE)
                                + "border-radius:9px; padding:2px 10px; font-weight:600;")
            label.setToolTip(badge.detail)
            label.setAccessibleName(badge.text)
            label.setAccessibleDescription(badge.detail)
            label.setObjectName(f"badge-{badge.code}")
            self._badge_widgets.append(label)
            self.badges.addWidget(label)

    def set_intensity(self, figures: Sequence[tuple[str, DoseIntensity]]) -> None:
        """"RDI epirubicin 97.3 %" per drug (drug label, figures), the sum behind it in the tooltip."""
        for label in self._intensity_labels:
            self._intensity_layout.removeWidget(label)
            label.deleteLater()
        self._intensity_labels = []
        for name, rdi in figures:
            pct = rdi.relative_pct
            if pct is None:
                continue
            label = QLabel(self.tr("RDI {drug} {pct} %").format(drug=name, pct=plain(pct)))
            label.setObjectName(f"rdi-{rdi.drug}")
            label.setToolTip(self._intensity_sum(name, rdi))
            label.setAccessibleDescription(label.toolTip())
            self._intensity_labels.append(label)
            self._intensity_layout.addWidget(label)

    def intensity_texts(self) -> list[str]:
        return [label.text() for label in self._intensity_labels]

    def intensity_label(self, drug: str) -> QLabel | None:
        return next((w for w in self._intensity_labels if w.objectName() == f"rdi-{drug}"), None)

    def _intensity_sum(self, name: str, rdi: DoseIntensity) -> str:
        basis = rdi.unit.removesuffix("/week")
        pct = rdi.relative_pct
        return self.tr(
            "Relative dose intensity of {drug} over {n} completed cycles:\n"
            "given {given} {basis} in {weeks} weeks = {given_week} {basis}/week\n"
            "planned {planned} {basis} in {planned_weeks} weeks = {planned_week} {basis}/week\n"
            "RDI = {given_week} / {planned_week} = {pct} %").format(
            drug=name, n=rdi.cycles, basis=basis, given=_two(rdi.given_total), weeks=_two(rdi.actual_weeks),
            given_week=_two(rdi.given_per_week), planned=_two(rdi.planned_total),
            planned_weeks=_two(rdi.planned_weeks), planned_week=_two(rdi.planned_per_week),
            pct=plain(pct) if pct is not None else "-")

    def _move_requested(self) -> None:
        if self._closed is not None:
            self.moveToOpenDayRequested.emit(self._closed)

    def badge_texts(self) -> list[str]:
        return [w.text() for w in self._badge_widgets]

    def badge_widget(self, code: str) -> QLabel | None:
        return next((w for w in self._badge_widgets if w.objectName() == f"badge-{code}"), None)


def _two(value: Decimal) -> str:
    """Two decimals at most, half-up (a tooltip to check by hand, not a dose)."""
    return plain(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
