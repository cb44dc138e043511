"""Errors of the patient store; every message is fit to show a nurse (and none is ever logged)."""

from __future__ import annotations

from datetime import datetime

from planner.core.errors import PlannerError
from planner.core.i18n import translate


class StoreError(PlannerError):
    """A database problem the person can act on (wrong location, unreadable file, ...)."""


class NotFound(StoreError):
    def __init__(self, mrn: str) -> None:
        super().__init__(translate("Store", "No patient with MRN {mrn}.").format(mrn=mrn))
        self.mrn = mrn


class DuplicateMrn(StoreError):
    def __init__(self, mrn: str, name: str) -> None:
        super().__init__(translate("Store", "A patient with MRN {mrn} already exists ({name}).").format(
            mrn=mrn, name=name))
        self.mrn = mrn


class StaleRecord(StoreError):
    """Someone saved the patient after this copy was opened: the save is refused, nothing is lost."""

    def __init__(self, mrn: str, changed_by: str, changed_at: datetime) -> None:
        when = changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        super().__init__(translate(
            "Store", "The record of patient {mrn} was changed by {user} at {time} since you opened it; "
            "reopen it and redo your change.").format(mrn=mrn, user=changed_by, time=when))
        self.mrn = mrn
        self.changed_by = changed_by
        self.changed_at = changed_at


class SchemaTooNew(StoreError):
    def __init__(self, location: str, revision: str) -> None:
        super().__init__(translate(
            "Store", "The database {location} was made by a newer version of Cycle Planner (schema {revision}); "
            "it was left untouched. Install the newer version to open it.").format(
            location=location, revision=revision))
        self.revision = revision


class PlanFileError(StoreError):
    """A plan file that cannot be imported: `path` locates the first problem (`measurements[2].weight_kg`)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.path = path
        self.reason = reason
