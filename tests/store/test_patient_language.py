"""The patient's preferred language (patient calendar and .ics): stored, audited, carried in plan files."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from planner.core.errors import InputError
from planner.store import PatientStore
from planner.store import engine as db
from planner.store.planfile import parse_plan_file, record_to_plan_file
from tests.store.conftest import add_wang


def test_language_defaults_to_english_and_is_saved_and_audited(store):
    record = add_wang(store)
    assert record.identity.language == "en"
    changed = store.update_identity("12345", dataclasses.replace(record.identity, language="zh-CN"),
                                   expected_version=record.version)
    assert changed.identity.language == "zh_CN" and store.get_patient("12345").identity.language == "zh_CN"
    last = store.audit_log("12345")[-1]
    assert last.action == "patient.update" and last.old == {"language": "en"} and last.new == {"language": "zh_CN"}


def test_an_unknown_language_is_refused_naming_the_field(store):
    record = add_wang(store)
    with pytest.raises(InputError) as caught:
        store.update_identity("12345", dataclasses.replace(record.identity, language="xx"),
                             expected_version=record.version)
    assert caught.value.field == "language"
    assert store.get_patient("12345").identity.language == "en"


def test_plan_files_carry_the_language_and_older_files_mean_english(store):
    record = add_wang(store)
    record = store.update_identity("12345", dataclasses.replace(record.identity, language="zh_CN"),
                                  expected_version=record.version)
    data = record_to_plan_file(record, exported_by="nurse.a")
    assert data["version"] == 1 and data["patient"]["language"] == "zh_CN"
    assert parse_plan_file(json.dumps(data)).identity.language == "zh_CN"
    del data["patient"]["language"]  # a file written before the field existed
    assert parse_plan_file(json.dumps(data)).identity.language == "en"


def test_a_database_from_before_the_language_column_upgrades_to_english(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    with PatientStore.open(path, actor="nurse.a") as store:
        add_wang(store, start=date(2026, 1, 5))
    engine = db.make_engine(db.resolve_url(path))
    with engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
        command.downgrade(db._alembic_config(conn), "0004")
    engine.dispose()
    with PatientStore.open(path) as store:
        assert store.get_patient("12345").identity.language == "en"
        assert store.check() == []
