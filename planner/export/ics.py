"""The plan as an iCalendar file for the patient's phone: capsule days as all-day events, hospital days
and blood tests as their own all-day events (the plan has dates, not appointment times).

The words are the patient calendar's (calendar_model), so phone and paper agree. Events carry no
name or MRN: a phone calendar syncs to places a hospital does not control. UIDs are stable per
(patient, date, kind) so importing an updated plan replaces the old events instead of doubling them.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from planner.core.i18n import translate
from planner.core.plan import Plan
from planner.export.calendar_model import BLOOD, CAPSULE, HELD, HOSPITAL, calendar_days
from planner.export.options import Subject

PRODID = "-//Cycle Planner//planner.export.ics//EN"
_NAMESPACE = uuid.UUID("6f1f3f0e-5d0e-4c1b-9a55-3c1e8f0b7a21")
EVENT_KINDS = (CAPSULE, HOSPITAL, BLOOD, HELD)


def _uid(patient_key: str, day: str, kind: str, index: int) -> str:
    # A one-way hash of the MRN: stable across exports, but the MRN itself never leaves in the file.
    patient = hashlib.sha256(f"cycle-planner:{patient_key}".encode()).hexdigest()[:16]
    return f"{uuid.uuid5(_NAMESPACE, f'{patient}:{day}:{kind}:{index}')}@cycle-planner"


def plan_to_ics(plan: Plan, subject: Subject | None = None, *, stamp: datetime | None = None) -> bytes:
    """The plan's calendar as .ics bytes. `subject` only seeds the event UIDs (hashed); it is not written."""
    key = subject.mrn if subject is not None else f"{plan.regimen.id}:{plan.inputs.start.isoformat()}"
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", translate("Export", "Treatment calendar"))
    stamp = stamp or datetime.now(UTC)
    for day in calendar_days(plan):
        for index, entry in enumerate(day.entries):
            if entry.kind not in EVENT_KINDS:
                continue
            event = Event()
            event.add("uid", _uid(key, day.date.isoformat(), entry.kind, index))
            event.add("dtstamp", stamp)
            event.add("dtstart", day.date)
            event.add("dtend", day.date + timedelta(days=1))
            event.add("summary", entry.text)
            event.add("categories", [entry.kind])
            event.add("description", translate("Export", "Cycle {c}, day {d}").format(c=day.cycle, d=day.day))
            event.add("transp", "TRANSPARENT")  # all-day reminders must not block the phone's free/busy time
            cal.add_component(event)
    return cal.to_ical()
