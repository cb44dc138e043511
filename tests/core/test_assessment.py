"""Assessment fields: units, plausible ranges, toxicity terms and grades, and the rules as regimen data."""

from __future__ import annotations

import copy
import tomllib
from decimal import Decimal as D
from fractions import Fraction
from importlib import resources

import pytest

from planner.core.assessment import Assessment, Bilirubin, parse_bilirubin, parse_number, parse_toxicity
from planner.core.errors import InputError, RegimenError
from planner.core.regimen import load_regimen, parse_regimen

TERMS = load_regimen("anlotinib-epirubicin").toxicities


@pytest.mark.parametrize(("text", "unit", "mg_dl"), [
    ("20", "umol/L", Fraction(200, 171)), ("20umol/L", "umol/L", Fraction(200, 171)),
    ("20 µmol/L", "umol/L", Fraction(200, 171)), ("51.3µmol/L", "umol/L", Fraction(3)),
    ("1.2mg/dL", "mg/dL", Fraction(6, 5)), ("1,2 mg/dl", "mg/dL", Fraction(6, 5)),
])
def test_bilirubin_units(text, unit, mg_dl):
    value = parse_bilirubin(text)
    assert value.unit == unit and value.mg_dl == mg_dl


@pytest.mark.parametrize("text", ["-1", "1001", "58.5mg/dL", "abc", "20 mmol/L", ""])
def test_bilirubin_refused(text):
    with pytest.raises(InputError) as err:
        parse_bilirubin(text)
    assert err.value.field == "bilirubin"


@pytest.mark.parametrize(("name", "text"), [
    ("anc", "-0.1"), ("anc", "101"), ("platelets", "2001"), ("hb", "19"), ("hb", "251"), ("ast", "10001"),
    ("uln-ast", "0"), ("uln-alt", "4"), ("uln-alt", "501"), ("lvef", "4"), ("lvef", "91"), ("nadir-anc", "-1"),
    ("platelets", "many"),
])
def test_out_of_range_values_name_the_field(name, text):
    with pytest.raises(InputError) as err:
        parse_number(text, name)
    assert err.value.field == name and name in err.value.message


def test_range_ends_are_accepted():
    assert parse_number("0", "anc") == 0 and parse_number("2000", "platelets") == 2000
    assert parse_number("5", "uln-ast") == 5 and parse_number("90", "lvef") == 90
    assert parse_bilirubin("1000").umol_l == 1000


def test_ast_and_alt_need_their_uln():
    for enzyme in ("ast", "alt"):
        with pytest.raises(InputError) as err:
            Assessment(cycle=1, **{enzyme: D(50)})
        assert err.value.field == f"uln-{enzyme}" and f"--uln-{enzyme}" in err.value.message
    assert Assessment(cycle=1, ast=D(80), uln_ast=D(40)).value("ast-x-uln") == 2


def test_the_record_checks_its_own_ranges():
    with pytest.raises(InputError) as err:
        Assessment(cycle=1, anc=D(-1))
    assert err.value.field == "anc"
    with pytest.raises(InputError):
        Assessment(cycle=1, bilirubin=Bilirubin(D(60), "mg/dL"))
    with pytest.raises(InputError):
        Assessment(cycle=0)


@pytest.mark.parametrize(("text", "term"), [
    ("bleeding:1", "bleeding"), ("Hemorrhage:2", "bleeding"), ("haemorrhage:2", "bleeding"),
    ("diarrhea:3", "diarrhoea"), ("hfsr:3", "hand-foot-skin-reaction"),
    ("hand foot skin reaction:3", "hand-foot-skin-reaction"), ("Hand_Foot-Skin Reaction:3", "hand-foot-skin-reaction"),
    ("mucositis:2", "oral-mucositis"), ("ALT increased:3", "alt-increased"), ("ast_increased:4", "ast-increased"),
])
def test_toxicity_terms_and_aliases(text, term):
    assert parse_toxicity(text, TERMS).term == term


@pytest.mark.parametrize(("text", "words"), [
    ("bleeding:5", "end the treatment"), ("bleeding:6", "1 to 4"), ("bleeding:0", "1 to 4"),
    ("sneezing:2", "not a toxicity term"), ("bleeding", "TERM:GRADE"), ("bleeding:x", "whole number"),
])
def test_bad_toxicities_are_refused(text, words):
    with pytest.raises(InputError) as err:
        parse_toxicity(text, TERMS, "ongoing")
    assert err.value.field == "ongoing" and words in err.value.message


def test_haematological_terms_are_marked():
    assert parse_toxicity("neutropenia:4", TERMS).haematological
    assert not parse_toxicity("nausea:3", TERMS).haematological


# ---------------------------------------------------------------------------------- rules as data


def _shipped() -> dict:
    text = resources.files("planner.resources").joinpath("regimens", "anlotinib-epirubicin.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_every_shipped_rule_has_a_source_and_the_single_drug_files_their_own_rules():
    combo = load_regimen("anlotinib-epirubicin")
    assert all(rule.source and rule.message for rule in combo.rules)
    assert {"start-anc", "start-platelets", "epirubicin-hepatic-moderate", "epirubicin-hepatic-severe",
            "epirubicin-nadir", "epirubicin-lvef", "epirubicin-lvef-needed", "epirubicin-cumulative-limit",
            "anlotinib-bleeding-grade-2"} <= {rule.code for rule in combo.rules}
    assert {r.drug for r in load_regimen("anlotinib").rules} == {"anlotinib", "*"}
    assert {r.drug for r in load_regimen("epirubicin").rules} == {"epirubicin", "*"}


@pytest.mark.parametrize(("change", "key", "reason"), [
    (lambda r: r.pop("source"), "rules[0].source", "non-empty text"),
    (lambda r: r.update(action="explode"), "rules[0].action", "not an action"),
    (lambda r: r.update(drug="cisplatin"), "rules[0].drug", "not defined"),
    (lambda r: r.update(when={"input": "anc", "below": "1.5"}), "rules[0].when.below", "must be a number"),
    (lambda r: r.update(when={"input": "potassium", "below": 3}), "rules[0].when.input", "not an input"),
    (lambda r: r.update(when={"input": "anc"}), "rules[0].when", "needs a bound"),
    (lambda r: r.update(when={"toxicity": "sneezing", "grades": [3]}), "rules[0].when.toxicity", "not a term"),
    (lambda r: r.update(when={"toxicity": "bleeding", "grades": [5]}), "rules[0].when.grades", "grades 1-4"),
    (lambda r: r.update(when={"input": "anc", "below": 1, "flag": "febrile-neutropenia"}), "rules[0].when",
     "exactly one"),
    (lambda r: r.update(when={"eval": "anc < 1.5"}), "rules[0].when", "exactly one"),
    (lambda r: r.update(message="ANC {potassium}"), "rules[0].message", "not a value"),
    (lambda r: r.update(reads=["potassium"]), "rules[0].reads", "not an assessment field"),
    (lambda r: r.update(colour="red"), "rules[0].colour", "not a rule key"),
    (lambda r: r.update(when={"input": "platelets", "below": 100}), "rules[0].reads", "list them in reads"),
    (lambda r: r.update(when={"cumulative_above": 900}), "rules[0].when", "cumulative conditions"),
])
def test_a_bad_rule_is_refused_with_file_key_and_reason(change, key, reason):
    data = copy.deepcopy(_shipped())
    start_anc = next(r for r in data["rules"] if r["code"] == "start-anc")
    data["rules"] = [start_anc]
    change(start_anc)
    with pytest.raises(RegimenError) as err:
        parse_regimen(data, "test.toml")
    assert err.value.source == "test.toml" and err.value.key == key and reason in err.value.reason


def test_duplicate_codes_and_percent_rules_are_checked():
    data = copy.deepcopy(_shipped())
    data["rules"] = [*data["rules"][:2], data["rules"][1]]
    with pytest.raises(RegimenError) as err:
        parse_regimen(data, "test.toml")
    assert err.value.key == "rules[2].code"
    data = copy.deepcopy(_shipped())
    hepatic = next(r for r in data["rules"] if r["code"] == "epirubicin-hepatic-moderate")
    hepatic["percent"] = 150
    with pytest.raises(RegimenError) as err:
        parse_regimen(data, "test.toml")
    assert err.value.key.endswith(".percent")


def test_a_regimen_file_can_add_its_own_rules():
    from datetime import date

    from planner.core.decision import propose
    from planner.core.plan import PatientInputs, compute_plan

    data = copy.deepcopy(_shipped())
    data["rules"].append({"code": "hb-before-maintenance", "drug": "*", "reads": ["hb"],
                          "when": {"all": [{"cycle": [7]}, {"absent": "hb"}]}, "action": "require",
                          "requires": "haemoglobin", "source": "institution policy", "message": "Hb needed."})
    data["rules"].append({"code": "anaemia-hold", "drug": "epirubicin", "reads": ["hb"],
                          "when": {"input": "hb", "below": 80}, "action": "hold",
                          "source": "institution policy", "message": "Hb {hb} g/L below 80: hold epirubicin."})
    regimen = parse_regimen(data, "custom.toml")
    plan = compute_plan(regimen, PatientInputs(date(2026, 1, 5), D(170), D(70)))
    maintenance = propose(plan, Assessment(cycle=7))
    assert maintenance.requires == ("haemoglobin",) and maintenance.decision == "proceed"
    assert maintenance.drugs[0].rules[0].code == "hb-before-maintenance"
    held = propose(plan, Assessment(cycle=2, anc=D(2), platelets=D(150), hb=D(75)))
    assert held.decision == "hold"
    assert held.drug("epirubicin").rules[0].message == "Hb 75 g/L below 80: hold epirubicin."
