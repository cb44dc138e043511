"""PatientStore: one open patient database, for reading (the list, a record, its history) and health checks.

Writes are user actions and live in planner.operations (one function per action, over `store.repository`).
The write methods below are kept with their old signatures for scripts and tests written against this
API; each only calls its operation, so there is one implementation of every action.
Nothing is ever deleted: a patient or a modification is withdrawn, with the reason, who and when.
Log messages name no patient, MRN or dose.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from planner.core.errors import InputError
from planner.core.i18n import translate
from planner.core.modifications import Modification
from planner.core.plan import Plan, PlanSettings, PriorExposure
from planner.store import accounts
from planner.store import engine as db
from planner.store.accounts import SignedIn, UserInfo
from planner.store.changes import Changes, ChangeToken, Notifier, changes_since, current_token, make_notifier
from planner.store.errors import StoreError
from planner.store.queries import load_audit, load_record, load_records, patient_row, patient_rows, shared_names
from planner.store.records import AuditEntry, ClinicEventRow, PatientIdentity, PatientRecord, PatientSummary
from planner.store.repository import Repository, os_user
from planner.store.summary import clinic_events_between, list_summaries, patients_without_summary, write_summary
from planner.store.validate import require_person

log = logging.getLogger(__name__)

DEFAULT_SETTINGS = PlanSettings()
SUMMARY_BATCH = 500


class PatientStore:
    """The patient records in one database. Open with `PatientStore.open(...)`; close (or use `with`)."""

    def __init__(self, engine: Engine, url: str, actor: str) -> None:
        self._engine = engine
        self.url = url
        self.repository = Repository(engine, actor)

    @property
    def actor(self) -> str:
        """Who writes are recorded as: the signed-in user, else (single-user mode) the OS user."""
        return self.repository.actor

    # ------------------------------------------------------------------ accounts (planner.store.accounts)

    @property
    def signed_in(self) -> SignedIn | None:
        return self.repository.signed_in

    def accounts_enabled(self) -> bool:
        """True once any account exists: then every write needs a signed-in user."""
        return self.user_count() > 0

    def user_count(self) -> int:
        with self.repository.reading() as conn:
            return accounts.user_count(conn)

    def users(self) -> list[UserInfo]:
        with self.repository.reading() as conn:
            return accounts.list_users(conn)

    def sign_in(self, user: str, password: str) -> SignedIn:
        """Check the password and make `user` the one every following write is recorded under;
        InputError("password") (the same whatever was wrong) leaves whoever was signed in signed in."""
        with self.repository.reading() as conn:
            signed_in = accounts.authenticate(conn, user, password)
        self.repository.signed_in = signed_in
        return signed_in

    def sign_out(self) -> None:
        self.repository.signed_in = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, location: str | Path | None = None, *, actor: str | None = None) -> PatientStore:
        url = db.resolve_url(location)
        shown = url.render_as_string(hide_password=True)
        engine = db.make_engine(url)
        try:
            db.prepare_schema(engine, shown)
            db.tighten_sqlite_files(url)
            store = cls(engine, shown, _checked_actor((actor or os_user()).strip() or os_user()))
            store._refresh_missing_summaries()
        except DatabaseError as exc:
            engine.dispose()
            raise StoreError(translate("Store", "Database {location} cannot be opened ({reason}).").format(
                location=shown, reason=exc.orig)) from None
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> PatientStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _refresh_missing_summaries(self) -> None:
        """Recompute the list summaries that are missing or out of date, in batches (one fsync per batch)."""
        with self.repository.reading() as conn:
            stale = patients_without_summary(conn, date.today())
        failed = 0
        for first in range(0, len(stale), SUMMARY_BATCH):
            with self.repository.writing(derived_only=True) as tx:
                for mrn in stale[first:first + SUMMARY_BATCH]:
                    # Locked: two workstations opening an upgraded database at once would otherwise both
                    # delete-then-insert the same summary row (a duplicate key on PostgreSQL).
                    row = patient_row(tx.conn, mrn, for_update=True)
                    try:
                        plan = load_record(tx.conn, row).compute_plan()
                    except InputError:
                        failed += 1  # e.g. its regimen is not installed here; the record itself is intact
                        continue
                    write_summary(tx.conn, row.id, row.version, plan)
        if stale:
            log.info("list summaries refreshed for %d patients (%d could not be computed)", len(stale) - failed,
                     failed)

    # ------------------------------------------------------------------ reading

    def get_patient(self, mrn: str) -> PatientRecord:
        with self.repository.reading() as conn:
            return load_record(conn, patient_row(conn, mrn))

    def list_patients(self, *, today: date | None = None, include_withdrawn: bool = False) -> list[PatientSummary]:
        with self.repository.reading() as conn:
            return list_summaries(conn, today or date.today(), include_withdrawn)

    def summaries_of(self, mrns: Collection[str], *, today: date | None = None) -> list[PatientSummary]:
        """The list rows of these patients (withdrawn ones included; unknown MRNs have none)."""
        if not mrns:
            return []
        with self.repository.reading() as conn:
            return list_summaries(conn, today or date.today(), True, mrns)

    # ------------------------------------------------------------------ the change feed (live refresh)

    def change_token(self) -> ChangeToken:
        """Where the change feed is now: take it before reading what it should cover (the list)."""
        with self.repository.reading() as conn:
            return current_token(conn)

    def changes_since(self, token: ChangeToken) -> Changes:
        """The patients changed (by any workstation) since `token`, with the token to ask with next."""
        with self.repository.reading() as conn:
            return changes_since(conn, token)

    def notifier(self) -> Notifier | None:
        """Something to wait on for the next change (None when nobody else can write: in-memory)."""
        return make_notifier(self._engine)

    def due_between(self, first: date, last: date) -> list[ClinicEventRow]:
        """Every clinic event (infusion, oral-only cycle start, blood test) from `first` to `last`, from the
        summary tables alone: the ward forecast, the day list and the CLI all ask this one query."""
        with self.repository.reading() as conn:
            return clinic_events_between(conn, first, last)

    def due_on(self, when: date) -> list[tuple[PatientRecord, Plan]]:
        """The patients with anything to do at the clinic on `when`, each record with its plan: plans are
        computed for these patients only, not for the whole unit."""
        with self.repository.reading() as conn:
            mrns = sorted({row.mrn for row in clinic_events_between(conn, when, when)})
            records = load_records(conn, patient_rows(conn, mrns))
        return [(record, record.compute_plan()) for record in records]

    def shared_names(self) -> set[str]:
        """Names (case-folded) that more than one patient on record has: flagged on every list."""
        with self.repository.reading() as conn:
            return shared_names(conn)

    def audit_log(self, mrn: str | None = None) -> list[AuditEntry]:
        with self.repository.reading() as conn:
            patient_id = None if mrn is None else patient_row(conn, mrn).id
            return load_audit(conn, patient_id)

    # ------------------------------------------------------------------ writing: delegates to planner.operations

    def add_patient(self, identity: PatientIdentity, *, height_cm: Decimal, weight_kg: Decimal, measured_on: date,
                    regimen_id: str, start: date, settings: PlanSettings = DEFAULT_SETTINGS,
                    prior: tuple[PriorExposure, ...] = (), prescriber: str = "") -> PatientRecord:
        from planner.operations import add_patient

        return add_patient(self.repository, identity, height_cm=height_cm, weight_kg=weight_kg,
                           measured_on=measured_on, regimen_id=regimen_id, start=start, settings=settings,
                           prior=prior, prescriber=prescriber).record

    def update_identity(self, mrn: str, identity: PatientIdentity, *, expected_version: int) -> PatientRecord:
        from planner.operations import edit_patient

        return edit_patient(self.repository, mrn, identity, expected_version=expected_version).record

    def update_plan_settings(self, mrn: str, settings: PlanSettings, *, expected_version: int) -> PatientRecord:
        from planner.operations import change_plan_settings

        return change_plan_settings(self.repository, mrn, settings, expected_version=expected_version).record

    def withdraw_patient(self, mrn: str, reason: str, *, expected_version: int) -> PatientRecord:
        from planner.operations import withdraw_patient

        return withdraw_patient(self.repository, mrn, reason, expected_version=expected_version).record

    def add_modification(self, mrn: str, modification: Modification, reason: str, *,
                         expected_version: int) -> tuple[PatientRecord, int]:
        from planner.operations import modify_plan

        result = modify_plan(self.repository, mrn, modification, reason, expected_version=expected_version)
        return result.record, result.entity_id

    def end_treatment(self, mrn: str, reason_code: str, note: str = "", *, effective_on: date | None = None,
                      expected_version: int) -> PatientRecord:
        from planner.operations import end_treatment

        return end_treatment(self.repository, mrn, reason_code, note, effective_on=effective_on,
                             expected_version=expected_version).record

    def withdraw_modification(self, mrn: str, modification_id: int, reason: str, *,
                              expected_version: int) -> PatientRecord:
        from planner.operations import withdraw_modification

        return withdraw_modification(self.repository, mrn, modification_id, reason,
                                     expected_version=expected_version).record

    def record_dose_check(self, mrn: str, *, cycle: int, drug: str, calculated_mg: Decimal, checked_mg: Decimal,
                          tolerance_pct: Decimal, first_checker: str, second_checker: str,
                          expected_version: int) -> PatientRecord:
        from planner.operations import record_double_check

        return record_double_check(
            self.repository, mrn, cycle=cycle, drug=drug, calculated_mg=calculated_mg, checked_mg=checked_mg,
            tolerance_pct=tolerance_pct, first_checker=first_checker, second_checker=second_checker,
            expected_version=expected_version).record

    def record_administration(self, mrn: str, *, cycle: int, day: int, drug: str, dose_mg: Decimal, given_on: date,
                              expected_version: int, note: str = "", today: date | None = None) -> PatientRecord:
        """`today` (default: the local date) decides which cycles have started: a future one cannot be given."""
        from planner.operations import mark_given

        return mark_given(self.repository, mrn, cycle=cycle, day=day, drug=drug, dose_mg=dose_mg,
                          given_on=given_on, expected_version=expected_version, note=note, today=today).record

    def withdraw_administration(self, mrn: str, administration_id: int, reason: str, *,
                                expected_version: int) -> PatientRecord:
        from planner.operations import withdraw_administration

        return withdraw_administration(self.repository, mrn, administration_id, reason,
                                       expected_version=expected_version).record

    def insert_record(self, draft: PatientRecord, *, action: str) -> PatientRecord:
        from planner.operations import Change, insert_record

        return insert_record(self.repository, draft, change=Change(action)).record

    def import_plan_file(self, path: Path) -> PatientRecord:
        from planner.operations import import_plan_file

        return import_plan_file(self.repository, Path(path)).record

    # ------------------------------------------------------------------ plan files and health

    def export_plan_file(self, mrn: str, path: Path) -> None:
        from planner.store.planfile import write_plan_file

        write_plan_file(self.get_patient(mrn), Path(path), exported_by=self.actor)

    def check(self) -> list[str]:
        from planner.store.health import check_database

        return check_database(self._engine)


def _checked_actor(actor: str) -> str:
    """The user recorded with every write: refused at open when no column could hold it, instead of
    every write failing later with a database error."""
    return require_person(actor, "user", translate("Store", "User"))
