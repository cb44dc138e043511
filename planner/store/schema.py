"""The tables, as SQLAlchemy Core. The Alembic migrations create them; this module only describes
the head revision for the queries (keep the two in step: a test compares them).

Derived tables (summary_*) hold what the patient list needs (cycle and dose dates), rewritten on
every write from the plan the core computes; they are a cache for the list, never read as the plan.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, Index, Integer, MetaData, String, Table, Text, false

from planner.core.rules import MAX_DRUG_ID, MAX_FORMULA, MAX_MRN, MAX_NAME, MAX_REGIMEN_ID, MAX_USER
from planner.store.types import DecimalText, UtcDateTime

metadata = MetaData()

# The longest user name (the recorded actor, checkers, who withdrew...) any column holds: one bound with
# the text rules (planner.core.rules.MAX_USER), so validation refuses a longer name with a message instead
# of a database error on every write.
USER_NAME_MAX = MAX_USER
USER = MAX_USER


def _user() -> String:
    # SQLite keeps the VARCHAR(100) its tables were created with (migration 0005 widens PostgreSQL only):
    # it never enforces a declared length, and rebuilding the tables would drop the audit triggers.
    return String(USER_NAME_MAX).with_variant(String(100), "sqlite")


def _patient_fk() -> Column[int]:
    return Column("patient_id", Integer, ForeignKey("patients.id"), nullable=False, index=True)


patients = Table(
    "patients", metadata,
    Column("id", Integer, primary_key=True),
    Column("mrn", String(MAX_MRN), nullable=False, unique=True),
    Column("name", String(MAX_NAME), nullable=False),
    Column("dob", Date),
    Column("sex", String(1)),
    Column("diagnosis", Text, nullable=False),
    Column("allergies", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("language", String(16), nullable=False, server_default="en"),
    Column("withdrawn", Boolean, nullable=False),
    Column("withdrawn_reason", Text, nullable=False),
    Column("withdrawn_by", _user(), nullable=False),
    Column("withdrawn_at", UtcDateTime),
    Column("version", Integer, nullable=False),
    Column("created_by", _user(), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_by", _user(), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

prior_exposures = Table(
    "prior_exposures", metadata,
    Column("id", Integer, primary_key=True),
    _patient_fk(),
    Column("position", Integer, nullable=False),
    Column("drug", String(MAX_DRUG_ID), nullable=False),
    Column("mg_per_m2", DecimalText, nullable=False),
)

plans = Table(
    "plans", metadata,
    Column("id", Integer, primary_key=True),
    Column("patient_id", Integer, ForeignKey("patients.id"), nullable=False, unique=True),
    Column("regimen_id", String(MAX_REGIMEN_ID), nullable=False),
    Column("start", Date, nullable=False),
    Column("formula", String(MAX_FORMULA), nullable=False),
    Column("rounding_step_mg", DecimalText, nullable=False),
    Column("recalc_threshold_pct", DecimalText, nullable=False),
    Column("bsa_cap_m2", DecimalText),
    Column("open_ended_cycles", Integer, nullable=False),
    Column("anthracycline_factors", JSON, nullable=False),
    Column("prescriber", String(MAX_NAME), nullable=False, server_default=""),  # the order's prescriber
)

modifications = Table(
    "modifications", metadata,
    Column("id", Integer, primary_key=True),
    _patient_fk(),
    Column("kind", String(20), nullable=False),
    Column("data", JSON, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_by", _user(), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("withdrawn", Boolean, nullable=False),
    Column("withdrawn_reason", Text, nullable=False),
    Column("withdrawn_by", _user(), nullable=False),
    Column("withdrawn_at", UtcDateTime),
)

measurements = Table(
    "measurements", metadata,
    Column("id", Integer, primary_key=True),
    _patient_fk(),
    Column("measured_on", Date, nullable=False),
    Column("height_cm", DecimalText, nullable=False),
    Column("weight_kg", DecimalText, nullable=False),
    Column("entered_by", _user(), nullable=False),
    Column("entered_at", UtcDateTime, nullable=False),
    Column("modification_id", Integer, ForeignKey("modifications.id")),
)

dose_checks = Table(
    "dose_checks", metadata,
    Column("id", Integer, primary_key=True),
    _patient_fk(),
    Column("cycle", Integer, nullable=False),
    Column("drug", String(MAX_DRUG_ID), nullable=False),
    Column("calculated_mg", DecimalText, nullable=False),
    Column("checked_mg", DecimalText, nullable=False),
    Column("deviation_pct", DecimalText, nullable=False),
    Column("tolerance_pct", DecimalText, nullable=False),
    Column("passed", Boolean, nullable=False),
    Column("first_checker", _user(), nullable=False),
    Column("second_checker", _user(), nullable=False),
    Column("checked_at", UtcDateTime, nullable=False),
    Column("recorded_by", _user(), nullable=False),
)

administrations = Table(
    "administrations", metadata,
    Column("id", Integer, primary_key=True),
    _patient_fk(),
    Column("cycle", Integer, nullable=False),
    Column("day", Integer, nullable=False),
    Column("drug", String(MAX_DRUG_ID), nullable=False),
    Column("dose_mg", DecimalText, nullable=False),
    Column("given_on", Date, nullable=False),
    Column("given_by", _user(), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    # Added in migration 0004: a note from the nurse, and withdrawal (an undone Mark given) instead of deletion.
    Column("note", Text, nullable=False, server_default=""),
    Column("withdrawn", Boolean, nullable=False, server_default=false()),
    Column("withdrawn_reason", Text, nullable=False, server_default=""),
    Column("withdrawn_by", _user(), nullable=False, server_default=""),
    Column("withdrawn_at", UtcDateTime),
)

# --- revision 0006: assessments before a cycle (the proposal as it stood, and whether it was accepted)

assessments = Table(
    "assessments", metadata,
    Column("id", Integer, primary_key=True),
    _patient_fk(),
    Column("cycle", Integer, nullable=False),
    Column("assessed_on", Date),
    Column("data", JSON, nullable=False),  # codec.assessment_to_dict: values with units as entered and normalised
    Column("decision", String(16), nullable=False),
    Column("rules", JSON, nullable=False),  # the fired rules at the time: [{"drug", "code"}, ...]
    Column("accepted", Boolean, nullable=False),
    Column("reason", Text, nullable=False),
    Column("prescriber", _user(), nullable=False),  # who confirmed, when a rule required it ("" otherwise)
    Column("prescriber_at", UtcDateTime),
    Column("modification_ids", JSON, nullable=False),  # the modifications the acceptance created
    Column("recorded_by", _user(), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    Column("withdrawn", Boolean, nullable=False),
    Column("withdrawn_reason", Text, nullable=False),
    Column("withdrawn_by", _user(), nullable=False),
    Column("withdrawn_at", UtcDateTime),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", _user(), nullable=False),
    Column("action", String(50), nullable=False),
    Column("entity", String(50), nullable=False),
    Column("entity_id", Integer, nullable=False),
    Column("patient_id", Integer, index=True),
    Column("old", JSON),
    Column("new", JSON),
    # revision 0006: the hash chain (planner.store.chain); NULL only in a row not written by the program
    Column("hash", String(64)),
    Column("record_hash", String(64)),
)

# --- revision 0006_accounts: user accounts (none: single-user mode). name_key is the case-folded name, so
# one person cannot hold two accounts that differ only in case on either engine.

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(USER_NAME_MAX), nullable=False),
    Column("name_key", String(USER_NAME_MAX), nullable=False, unique=True),
    Column("display_name", String(MAX_NAME), nullable=False),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("pin_hash", String(255)),
    Column("disabled", Boolean, nullable=False),
    Column("created_by", String(USER_NAME_MAX), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_by", String(USER_NAME_MAX), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

# --- revision 0002: what the patient list needs, kept current on every write

summary_patients = Table(
    "summary_patients", metadata,
    Column("patient_id", Integer, ForeignKey("patients.id"), primary_key=True),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("patient_version", Integer, nullable=False),
    Column("basis", String(64)),  # revision 0003: summary_basis() of the regimen when it was computed
)

summary_cycles = Table(
    "summary_cycles", metadata,
    Column("patient_id", Integer, ForeignKey("patients.id"), primary_key=True),
    Column("cycle", Integer, primary_key=True),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
)

summary_dose_runs = Table(
    "summary_dose_runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("patient_id", Integer, ForeignKey("patients.id"), nullable=False),
    Column("first_on", Date, nullable=False),
    Column("last_on", Date, nullable=False),
    Index("ix_summary_dose_runs_patient_last", "patient_id", "last_on"),
)

# --- revision 0005 (summary_events): what the clinic does for each patient on each day (infusions with
# their chair time, oral-only cycle starts, blood tests), so "who is due on a day" and the ward forecast
# are one indexed query; written with the other summaries from the plan the core computed.

summary_events = Table(
    "summary_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("patient_id", Integer, ForeignKey("patients.id"), nullable=False),
    Column("on_date", Date, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("cycle", Integer, nullable=False),
    Column("chair_minutes", Integer, nullable=False),
    Index("ix_summary_events_on_date", "on_date", "kind"),
    Index("ix_summary_events_patient", "patient_id"),
)
