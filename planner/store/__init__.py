"""Patient records: an embedded SQLite database by default (any SQLAlchemy URL later), Alembic
migrations, an append-only audit log, optimistic concurrency and plan files. No Qt here.

The API the GUI and the exports use is re-exported from this package (see /work/notes/store-api.md).
"""

from __future__ import annotations

from planner.store.errors import DuplicateMrn, NotFound, PlanFileError, SchemaTooNew, StaleRecord, StoreError
from planner.store.records import (
    AdministrationRecord,
    AuditEntry,
    DoseCheckRecord,
    MeasurementRecord,
    ModificationRecord,
    PatientIdentity,
    PatientRecord,
    PatientSummary,
    PlanRecord,
)
from planner.store.store import PatientStore

__all__ = [
    "AdministrationRecord",
    "AuditEntry",
    "DoseCheckRecord",
    "DuplicateMrn",
    "MeasurementRecord",
    "ModificationRecord",
    "NotFound",
    "PatientIdentity",
    "PatientRecord",
    "PatientStore",
    "PatientSummary",
    "PlanFileError",
    "PlanRecord",
    "SchemaTooNew",
    "StaleRecord",
    "StoreError",
]
