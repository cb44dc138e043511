"""The plan as an iCalendar file for the patient's phone: one all-day event per calendar date of the plan
(the plan has dates, not appointment times), whose title says everything about that day: the capsule dose,
the hospital day, the blood test, a held or stopped drug, or a rest day.

The words are the patient calendar's (calendar_model), so phone and paper agree. Events carry no
name or MRN: a phone calendar syncs to places a hospital does not control.

Why one event per date, rest days included: the UID depends only on (patient, date), so importing an
updated plan (a delay, a reduction, held days) overwrites every date's event with the new content, and a
date that became a rest day says so instead of keeping the old dose. SEQUENCE and DTSTAMP come from the
export time, so each export is newer than the one before and calendar apps take the update. A plan that
got shorter leaves its old last dates behind: the old calendar has to be removed first (README).
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from planner.core.i18n import translate
from planner.core.plan import Plan
from planner.export.calendar_model import NOTE, REST, CalendarDay, calendar_days, rest_text
from planner.export.options import Subject

PRODID = "-//Cycle Planner//planner.export.ics//EN"
_NAMESPACE = uuid.UUID("6f1f3f0e-5d0e-4c1b-9a55-3c1e8f0b7a21")
# SEQUENCE counts seconds from here: it grows with every export and stays below 2**31 (some calendar
# apps store it as a 32-bit integer) until 2088, where seconds since 1970 would overflow in 2038.
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
SUMMARY_SEPARATOR = "; "


def event_uid(patient_key: str, day: str) -> str:
    """The event id of one calendar date: a one-way hash of the MRN (stable across exports, but the MRN itself
    never leaves in the file) and the date. Never the position of an entry, never the name."""
    patient = hashlib.sha256(f"cycle-planner:{patient_key}".encode()).hexdigest()[:16]
    return f"{uuid.uuid5(_NAMESPACE, f'{patient}:{day}')}@cycle-planner"


def sequence_for(stamp: datetime) -> int:
    """A SEQUENCE that grows with the export time, so a later export always supersedes an earlier one."""
    return max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds()))


def day_summary(day: CalendarDay, rest: str) -> str:
    """Everything the patient does on `day`, in the calendar's words, e.g. "Hospital day - epirubicin infusion;
    Anlotinib 12 mg - 1 capsule before breakfast; Blood test"."""
    texts = [e.text for e in day.entries if e.kind != NOTE]
    return SUMMARY_SEPARATOR.join(texts) if texts else rest


def day_description(day: CalendarDay) -> str:
    """The cycle and day, then the day's notes (cycle starts, delays, new doses)."""
    lines = [translate("Export", "Cycle {c}, day {d}").format(c=day.cycle, d=day.day)]
    lines.extend(e.text for e in day.entries if e.kind == NOTE)
    return "\n".join(lines)


def plan_to_ics(plan: Plan, subject: Subject | None = None, *, stamp: datetime | None = None) -> bytes:
    """The plan's calendar as .ics bytes. `subject` only seeds the event UIDs (hashed); it is not written."""
    key = subject.mrn if subject is not None else f"{plan.regimen.id}:{plan.inputs.start.isoformat()}"
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", translate("Export", "Treatment calendar"))
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    sequence = sequence_for(stamp)
    rest = rest_text(plan)
    for day in calendar_days(plan):
        event = Event()
        event.add("uid", event_uid(key, day.date.isoformat()))
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", day.date)
        event.add("dtend", day.date + timedelta(days=1))
        event.add("summary", day_summary(day, rest))
        kinds = [e.kind for e in day.entries if e.kind != NOTE]
        event.add("categories", list(dict.fromkeys(kinds)) or [REST])
        event.add("description", day_description(day))
        event.add("transp", "TRANSPARENT")  # all-day reminders must not block the phone's free/busy time
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
