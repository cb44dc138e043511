"""planner.core.rules: every limit once, and the README's table made from it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.core import rules
from planner.core.bsa import calculate_bsa
from planner.core.errors import InputError
from planner.core.plan import PatientInputs, PlanSettings, PriorExposure, compute_plan
from planner.core.regimen import DosingBasis, Route, load_regimen

REGIMEN = load_regimen()
INPUTS = PatientInputs(date(2026, 1, 5), Decimal(170), Decimal(70))


@pytest.mark.parametrize("cap", ["0.3", "0.004", "0.994", "3.005", "1e999"])
def test_bsa_cap_outside_one_to_three_is_refused(cap: str) -> None:
    with pytest.raises(InputError) as caught:
        calculate_bsa(Decimal(170), Decimal(70), cap_m2=Decimal(cap))
    assert caught.value.field == "bsa_cap"


def test_the_bsa_cap_used_is_the_two_decimal_value_shown() -> None:
    assert rules.check_bsa_cap(Decimal("1.815")) == Decimal("1.82")
    assert rules.check_bsa_cap(Decimal("0.995")) == Decimal("1.00")  # shown as 1.00, so it is 1.00
    result = calculate_bsa(Decimal(190), Decimal(110), cap_m2=Decimal("1.815"))
    assert result.m2 == Decimal("1.82") and "1.82" in result.explain()


@pytest.mark.parametrize(("step", "ok"), [("0.1", True), ("2.5", True), ("50", True), ("0.05", False),
                                          ("1e-30", False), ("50.1", False), ("0.25", False), ("0", False)])
def test_rounding_step(step: str, ok: bool) -> None:
    if ok:
        assert rules.check_rounding_step(Decimal(step)) == Decimal(step)
    else:
        with pytest.raises(InputError, match="Rounding step"):
            compute_plan(REGIMEN, INPUTS, PlanSettings(rounding_step_mg=Decimal(step)))


def test_prior_exposure_up_to_the_ceiling() -> None:
    ceiling = rules.PRIOR_EXPOSURE_MAX_MG_PER_M2
    plan = compute_plan(REGIMEN, PatientInputs(INPUTS.start, INPUTS.height_cm, INPUTS.weight_kg,
                                               (PriorExposure("doxorubicin", ceiling),)))
    assert plan.cycles[0].warnings  # far over the cumulative limit, and said so
    for amount in (ceiling + Decimal("0.01"), Decimal("1e999999999"), Decimal(-1)):
        with pytest.raises(InputError) as caught:
            compute_plan(REGIMEN, PatientInputs(INPUTS.start, INPUTS.height_cm, INPUTS.weight_kg,
                                                (PriorExposure("doxorubicin", amount),)))
        assert caught.value.field == "prior"


def test_every_plan_ends_before_2100_and_the_error_is_on_the_start() -> None:
    last_ok = compute_plan(REGIMEN, PatientInputs(date(2099, 1, 1), INPUTS.height_cm, INPUTS.weight_kg))
    assert last_ok.end <= rules.LATEST_PLAN_END
    for start in (date(2099, 10, 1), date(2100, 12, 31), date(9999, 12, 1)):
        with pytest.raises(InputError) as caught:
            compute_plan(REGIMEN, PatientInputs(start, INPUTS.height_cm, INPUTS.weight_kg))
        assert caught.value.field == "start"
    with pytest.raises(InputError) as caught:
        compute_plan(REGIMEN, PatientInputs(date(1899, 12, 31), INPUTS.height_cm, INPUTS.weight_kg))
    assert caught.value.field == "start"


def test_dates_and_birth() -> None:
    assert rules.check_birth_date(date(1900, 1, 1), date(2026, 1, 1)) == date(1900, 1, 1)
    for dob in (date(1899, 12, 31), date(2026, 1, 2)):
        with pytest.raises(InputError, match="Date of birth"):
            rules.check_birth_date(dob, date(2026, 1, 1))
    with pytest.raises(InputError, match="before the date of birth"):
        rules.check_not_before_birth(date(1969, 12, 31), date(1970, 1, 1), "measured_on", "Measured on")
    with pytest.raises(InputError):
        rules.check_date(date(9999, 12, 31), "given_on", "Given on")


@pytest.mark.parametrize("text", ["a\x00b", "\x1b[31mred", "evil\u202etxt", "zero\u200bwidth", "two\nlines",
                                  "tab\there", "bom\ufeff", "private\ue000"])
def test_text_with_invisible_or_control_characters_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(InputError) as caught:
        rules.clean_text(text, "notes", "Notes", rules.MAX_TEXT)
    assert caught.value.field == "notes" and caught.value.message.startswith("Notes: contains")


@pytest.mark.parametrize("text", ["Wang Fang", "王芳", "O'Brien-Smith, Jr.", "Müller (née Groß)", "ANC < 1.0 × 10⁹/L",
                                  "Zoë Ångström", "penicillin: rash; 50% dose"])
def test_ordinary_text_in_any_script_is_accepted(text: str) -> None:
    assert rules.clean_text(f"  {text} ", "notes", "Notes", rules.MAX_TEXT) == text


def test_length_limits_are_the_schema_lengths() -> None:
    from planner.store.schema import patients

    assert patients.c.mrn.type.length == rules.MAX_MRN
    assert patients.c.name.type.length == rules.MAX_NAME
    with pytest.raises(InputError, match="at most 200"):
        rules.clean_name("x" * (rules.MAX_NAME + 1))


@pytest.mark.parametrize(("mrn", "ok"), [("00123456", True), ("MRN-12/3.a_b", True), ("has space", False),
                                         ("", False), ("x" * 65, False), ("\u202e123", False), ("-lead", False)])
def test_mrn(mrn: str, ok: bool) -> None:
    if ok:
        assert rules.clean_mrn(mrn) == mrn
    else:
        with pytest.raises(InputError) as caught:
            rules.clean_mrn(mrn)
        assert caught.value.field == "mrn"


def test_two_checkers_are_cleaned_case_folded_and_different() -> None:
    assert rules.same_person("a.b.", "AB") and rules.same_person("A B", "ab") and rules.same_person("ß", "SS")
    assert not rules.same_person("AB", "AC")
    assert rules.initials_valid("a.b.") and not rules.initials_valid("A1") and not rules.initials_valid("ABCDEF")
    with pytest.raises(InputError) as caught:
        rules.check_two_checkers("Li Na", "li na")
    assert caught.value.field == "second_checker"


def test_routes_and_bases_are_parsed_once_when_a_regimen_loads() -> None:
    drugs = REGIMEN.drugs
    assert drugs["epirubicin"].route is Route.IV and drugs["anlotinib"].route is Route.ORAL
    assert drugs["epirubicin"].basis is DosingBasis.MG_PER_M2 and drugs["anlotinib"].basis is DosingBasis.FLAT
    assert Route.parse("po") is Route.ORAL and Route.parse("iv") is Route.IV
    with pytest.raises(ValueError):
        Route.parse("by owl")


def test_is_infusion_is_one_rule_for_plan_calendar_and_style() -> None:
    from planner.export.calendar_model import infusion_text

    assert rules.is_infusion("IV") and rules.is_infusion("ia")
    assert not rules.is_infusion("SC") and not rules.is_infusion("oral") and not rules.is_infusion("nonsense")
    sc_regimen = type(REGIMEN)(REGIMEN.id, REGIMEN.name, REGIMEN.indication, REGIMEN.source,
                               {k: (v if k != "epirubicin" else type(v)(**{**v.__dict__, "route": Route.SC}))
                                for k, v in REGIMEN.drugs.items()}, REGIMEN.phases)
    plan = compute_plan(sc_regimen, INPUTS)
    assert not any(day.blood_test for day in plan.days())  # an injection: no bag, no blood test
    assert "injection" in infusion_text(sc_regimen.drugs["epirubicin"])
    assert any(day.blood_test for day in compute_plan(REGIMEN, INPUTS).days())


def test_guarded_turns_overflow_into_a_field_error() -> None:
    with pytest.raises(InputError) as caught, rules.guarded("height", "Height"):
        Decimal("9" * 28).quantize(Decimal("0.01"))
    assert caught.value.field == "height"


def test_readme_lists_every_range_of_the_rules_module() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for limit in rules.documented_limits():
        assert f"| {limit.what} | {limit.range} |" in readme, f"README: update the row for {limit.what}"


def test_a_checked_dose_at_the_edge_of_decimal_is_a_field_error() -> None:
    from planner.core.safety import verify_dose

    for checked in ("1e999999", "1e12"):
        with pytest.raises(InputError) as caught:
            verify_dose(Decimal(164), Decimal(checked))
        assert caught.value.field == "checked_dose"


def test_a_huge_bsa_cap_is_refused_naming_the_cap():
    # 28 digits: quantizing it to 2 dp overflowed the context's precision (found by the hostile-input test).
    from decimal import Decimal

    import pytest

    from planner.core.errors import InputError
    from planner.core.rules import check_bsa_cap

    with pytest.raises(InputError) as caught:
        check_bsa_cap(Decimal("9999999999999999999999999999"))
    assert caught.value.field == "bsa_cap"
