from __future__ import annotations

import stat
from decimal import Decimal

import pytest

from planner.gui import settings as settings_module
from planner.gui.settings import DEFAULTS, Settings


def test_defaults_are_typed_and_make_the_default_plan_settings():
    s = Settings()
    assert s.get("plan/rounding_step_mg") == Decimal(1)
    assert s.get("plan/bsa_cap_m2") is None
    assert s.get("plan/maintenance_cycles") == 6
    plan = s.plan_settings()
    assert (plan.formula, plan.rounding_step_mg, plan.recalc_threshold_pct, plan.bsa_cap_m2,
            plan.open_ended_cycles) == ("mosteller", Decimal(1), Decimal(10), None, 6)
    assert s.verification_tolerance() == Decimal(5)


def test_unknown_keys_are_rejected_on_read_and_write():
    s = Settings()
    with pytest.raises(KeyError):
        s.get("plan/bsa_formla")
    with pytest.raises(KeyError):
        s.set("no/such/key", "x")


def test_values_round_trip_exactly_and_wrong_types_are_refused(tmp_path):
    s = Settings()
    s.set("plan/rounding_step_mg", Decimal("2.5"))
    s.set("plan/bsa_cap_m2", Decimal("2.0"))
    s.set("plan/maintenance_cycles", 10)
    s.set("plan/bsa_formula", "dubois")
    s.sync()
    again = Settings()
    assert again.get("plan/rounding_step_mg") == Decimal("2.5")
    assert again.plan_settings().bsa_cap_m2 == Decimal("2.0")
    assert again.plan_settings().open_ended_cycles == 10
    assert again.plan_settings().formula == "dubois"
    with pytest.raises(TypeError):
        s.set("plan/rounding_step_mg", 2.5)  # a float would carry binary error into doses
    with pytest.raises(TypeError):
        s.set("plan/maintenance_cycles", "10")


def test_the_file_is_the_overridden_one_and_private(tmp_path, monkeypatch):
    path = tmp_path / "elsewhere.ini"
    monkeypatch.setenv("PLANNER_SETTINGS", str(path))
    s = Settings()
    s.set("session/last_patient_mrn", "12345")
    s.sync()
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_set_settings_path_wins_over_the_environment(tmp_path):
    path = tmp_path / "explicit.ini"
    settings_module.set_settings_path(path)
    try:
        s = Settings()
        s.set("institution/name", "Ward 7")
        s.sync()
        assert "Ward 7" in path.read_text()
    finally:
        settings_module.set_settings_path(None)


def test_a_corrupt_value_falls_back_to_the_default(tmp_path):
    s = Settings()
    s._qs.setValue("plan/rounding_step_mg", "abc")
    s._qs.setValue("plan/maintenance_cycles", "many")
    assert s.get("plan/rounding_step_mg") == DEFAULTS["plan/rounding_step_mg"].default
    assert s.get("plan/maintenance_cycles") == 6


def test_the_file_is_private_from_the_first_write_even_without_sync(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "fresh.ini"
    monkeypatch.setenv("PLANNER_SETTINGS", str(path))
    s = Settings()
    s.set("session/last_patient_mrn", "12345")
    del s  # QSettings writes on destruction
    assert "12345" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
