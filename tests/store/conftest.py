"""Store tests: every database lives under tmp_path; the real user data folder is never touched."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, create_engine

from planner.store import PatientIdentity, PatientStore


@pytest.fixture(autouse=True)
def _private_database(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_DATABASE", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "planner.sqlite3"


@pytest.fixture
def store(database):
    """A store on a fresh database, once on SQLite (at db_path) and once on PostgreSQL (when configured)."""
    with PatientStore.open(database, actor="nurse.a") as opened:
        yield opened


def raw_engine(location: str) -> Engine:
    """Plain SQLAlchemy on a test database, past the store (no hooks): what someone with SQL access has."""
    return create_engine(location if "://" in location else f"sqlite:///{location}")


def add_wang(store: PatientStore, mrn: str = "12345", **overrides):
    kwargs = {"height_cm": Decimal(170), "weight_kg": Decimal(70), "measured_on": date(2026, 1, 2),
              "regimen_id": "anlotinib-epirubicin", "start": date(2026, 1, 5)}
    kwargs.update(overrides)
    return store.add_patient(PatientIdentity(name="Wang Fang", mrn=mrn, dob=date(1970, 3, 1), sex="F",
                                             diagnosis="leiomyosarcoma"), **kwargs)
