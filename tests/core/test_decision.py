"""The proposal before a cycle: every rule at its boundaries, combinations, decision order, doses."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.assessment import Assessment, Bilirubin, ToxicityGrade, parse_bilirubin
from planner.core.decision import proposal_as_text, proposal_to_dict, propose
from planner.core.errors import InputError
from planner.core.modifications import DoseLevelChange, DosePercentChange, StopDrug
from planner.core.plan import PatientInputs, PlanSettings, PriorExposure, compute_plan
from planner.core.regimen import load_regimen

REGIMEN = load_regimen("anlotinib-epirubicin")
INPUTS = PatientInputs(date(2026, 1, 5), D(170), D(70))  # BSA 1.82 m²
PLAN = compute_plan(REGIMEN, INPUTS)
OK_COUNTS = {"anc": D(2), "platelets": D(150)}


def tox(term: str, grade: int, haem: bool = False) -> ToxicityGrade:
    return ToxicityGrade(term, grade, haem)


def propose_for(cycle: int = 2, plan=PLAN, counts: bool = True, **fields):
    values = dict(OK_COUNTS) if counts else {}
    values.update(fields)
    return propose(plan, Assessment(cycle=cycle, **values))


def epi(proposal):
    return proposal.drug("epirubicin")


def codes(drug_proposal) -> list[str]:
    return [r.code for r in drug_proposal.rules]


# ---------------------------------------------------------------------------------- start criteria


@pytest.mark.parametrize(("anc", "decision"), [(D("1.5"), "proceed"), (D("1.49"), "hold")])
def test_anc_boundary(anc, decision):
    proposal = propose_for(anc=anc)
    assert proposal.decision == decision
    if decision == "hold":
        assert [d.action for d in proposal.drugs] == ["hold", "hold"]  # the whole cycle is delayed
        assert "start-anc" in codes(epi(proposal)) and "start-anc" in codes(proposal.drug("anlotinib"))
        assert epi(proposal).dose_mg is None and epi(proposal).dose_mg_per_m2 is None


@pytest.mark.parametrize(("platelets", "decision"), [(D(100), "proceed"), (D(99), "hold")])
def test_platelet_boundary(platelets, decision):
    assert propose_for(platelets=platelets).decision == decision


def test_missing_counts_make_an_epirubicin_cycle_incomplete():
    proposal = propose_for(counts=False)
    assert proposal.decision == "incomplete" and proposal.missing == ("anc", "platelets")
    assert propose_for(counts=False, anc=D(2)).missing == ("platelets",)


def test_maintenance_cycle_needs_no_counts():
    proposal = propose_for(cycle=7, counts=False)
    assert proposal.decision == "proceed" and proposal.missing == ()
    assert [d.drug.id for d in proposal.drugs] == ["anlotinib"]


def test_ongoing_non_haematological_toxicity_above_grade_1_holds_the_cycle():
    assert propose_for(ongoing=(tox("diarrhoea", 1),)).decision == "proceed"
    held = propose_for(ongoing=(tox("diarrhoea", 2),))
    assert held.decision == "hold" and {d.action for d in held.drugs} == {"hold"}
    assert propose_for(ongoing=(tox("anaemia", 3, haem=True),)).decision == "proceed"


# ---------------------------------------------------------------------------------- hepatic


@pytest.mark.parametrize(("bilirubin", "level", "dose"), [
    ("1.19mg/dL", 90, 164), ("1.2mg/dL", 45, 82), ("3.0mg/dL", 45, 82), ("3.01mg/dL", D("22.5"), 41),
    ("20.51", 90, 164), ("20.52", 45, 82), ("51.3umol/L", 45, 82), ("51.31µmol/L", D("22.5"), 41),
])
def test_bilirubin_boundaries_in_both_units(bilirubin, level, dose):
    proposal = propose_for(bilirubin=parse_bilirubin(bilirubin))
    assert epi(proposal).dose_mg_per_m2 == level and epi(proposal).dose_mg == dose
    assert proposal.decision == ("proceed" if level == 90 else "modify")


@pytest.mark.parametrize(("ast", "level"), [
    (D("79.9"), 90), (D(80), 45), (D(160), 45), (D("160.4"), D("22.5")),
])
def test_ast_boundaries_against_the_uln(ast, level):
    proposal = propose_for(ast=ast, uln_ast=D(40))  # 2x = 80, 4x = 160, 4.01x = 160.4
    assert epi(proposal).dose_mg_per_m2 == level


def test_hepatic_is_a_percentage_of_the_starting_dose_with_the_calculation_shown():
    plan = compute_plan(REGIMEN, INPUTS, modifications=[DoseLevelChange("epirubicin", 2, D(75))])
    proposal = propose_for(plan=plan, bilirubin=Bilirubin(D("1.5"), "mg/dL"))
    drug = epi(proposal)
    assert drug.action == "reduce" and drug.dose_mg_per_m2 == 45  # 50% of 90, not of 75
    assert drug.calculation.explain() == "50% x 90 mg/m² = 45 mg/m² x 1.82 m² = 81.9 -> 82 mg"
    assert drug.change == ("percent", D(50), "starting")


# ---------------------------------------------------------------------------------- nadir / toxicity


@pytest.mark.parametrize(("fields", "reduced"), [
    ({"nadir_platelets": D(50)}, False), ({"nadir_platelets": D(49)}, True),
    ({"nadir_anc": D("0.25")}, False), ({"nadir_anc": D("0.24")}, True),
    ({"febrile_neutropenia": True}, True),
    ({"toxicities": (tox("nausea", 2),)}, False), ({"toxicities": (tox("nausea", 3),)}, True),
    ({"toxicities": (tox("neutropenia", 4, haem=True),)}, False),
    ({"toxicities": (tox("thrombocytopenia", 2, haem=True),)}, False),
    ({"toxicities": (tox("thrombocytopenia", 3, haem=True),)}, True),
    ({"toxicities": (tox("febrile-neutropenia", 3, haem=True),)}, True),
])
def test_nadir_and_toxicity_rule(fields, reduced):
    drug = epi(propose_for(**fields))
    assert (drug.dose_mg_per_m2, drug.dose_mg) == ((D("67.5"), 123) if reduced else (90, 164))
    assert ("epirubicin-nadir" in codes(drug)) is reduced


def test_nadir_rule_is_75_percent_of_the_current_dose():
    plan = compute_plan(REGIMEN, INPUTS, modifications=[DoseLevelChange("epirubicin", 2, D(60))])
    drug = epi(propose_for(cycle=3, plan=plan, nadir_platelets=D(40)))
    assert drug.dose_mg_per_m2 == 45 and drug.calculation.explain() == (
        "75% x 60 mg/m² = 45 mg/m² x 1.82 m² = 81.9 -> 82 mg")


def test_lowest_dose_wins_and_every_fired_rule_is_listed():
    proposal = propose_for(bilirubin=Bilirubin(D(2), "mg/dL"), ast=D(200), uln_ast=D(40), nadir_platelets=D(10))
    drug = epi(proposal)
    assert drug.dose_mg_per_m2 == D("22.5")  # 25% of 90 beats 50% (45) and 75% (67.5)
    assert codes(drug) == ["epirubicin-hepatic-moderate", "epirubicin-hepatic-severe", "epirubicin-nadir"]
    assert all(r.source for r in drug.rules)


def test_rounding_step_and_cycle_bsa_are_used():
    plan = compute_plan(REGIMEN, INPUTS, PlanSettings(rounding_step_mg=D(5)))
    assert epi(propose_for(plan=plan, nadir_anc=D("0.1"))).dose_mg == 125  # 122.85 -> 125 (5 mg steps)


# ---------------------------------------------------------------------------------- heart


def test_lvef_below_50_holds_epirubicin_only():
    proposal = propose_for(lvef=D("49.9"))
    assert proposal.decision == "hold" and epi(proposal).action == "hold"
    assert proposal.drug("anlotinib").action == "give"
    assert propose_for(lvef=D(50)).decision == "proceed"


def test_lvef_required_at_cycle_1_and_at_the_cumulative_tiers():
    assert propose_for(cycle=1).requires == ("lvef",)
    assert propose_for(cycle=1, lvef=D(60)).requires == ()
    assert propose_for(cycle=2).requires == ()
    # prior doxorubicin 300 = 375 mg/m² epirubicin: cycle 2 goes 465 -> 555 (crosses 550)
    plan = compute_plan(REGIMEN, PatientInputs(INPUTS.start, D(170), D(70), (PriorExposure("doxorubicin", D(300)),)))
    assert propose_for(plan=plan).requires == ("lvef",)
    assert propose_for(cycle=3, plan=plan).requires == ()  # 555 -> 645
    assert propose_for(cycle=4, plan=plan).requires == ("lvef",)  # 645 -> 735 crosses 700
    assert propose_for(cycle=4, plan=plan, lvef=D(55)).requires == ()


def test_tier_follows_the_proposed_dose():
    # prior epirubicin 460: cycle 1 takes 460 -> 550 (not past 550); a held dose crosses nothing.
    plan = compute_plan(REGIMEN, PatientInputs(INPUTS.start, D(170), D(70), (PriorExposure("epirubicin", D(460)),)))
    assert propose_for(cycle=1, plan=plan, lvef=D(60)).requires == ()
    assert propose_for(cycle=2, plan=plan).requires == ("lvef",)  # 550 -> 640
    assert propose_for(cycle=2, plan=plan, anc=D(1)).requires == ()  # held: stays at 550


def test_prescriber_confirmation_above_900():
    plan = compute_plan(REGIMEN, PatientInputs(INPUTS.start, D(170), D(70), (PriorExposure("epirubicin", D(720)),)))
    assert propose_for(cycle=2, plan=plan, lvef=D(60)).requires == ()  # 810 -> 900: not above
    proposal = propose_for(cycle=3, plan=plan, lvef=D(60))  # 900 -> 990
    assert proposal.requires == ("prescriber-confirmation",) and proposal.decision == "proceed"
    assert "epirubicin-cumulative-limit" in codes(epi(proposal))
    # a 50% dose keeps cycle 3 at 900 + 45 = 945: still above
    assert propose_for(cycle=3, plan=plan, lvef=D(60), bilirubin=Bilirubin(D(2), "mg/dL")).requires == (
        "prescriber-confirmation",)


# ---------------------------------------------------------------------------------- anlotinib


def test_anlotinib_bleeding_grades():
    keep = propose_for(toxicities=(tox("bleeding", 1),))
    assert keep.decision == "proceed" and codes(keep.drug("anlotinib")) == ["anlotinib-bleeding-grade-1"]
    held = propose_for(toxicities=(tox("bleeding", 2),))
    assert held.decision == "hold" and held.drug("anlotinib").action == "hold"
    assert held.drug("anlotinib").resume_level == 10 and epi(held).action == "give"
    stopped = propose_for(toxicities=(tox("bleeding", 3),))
    assert stopped.decision == "stop" and stopped.drug("anlotinib").action == "stop"
    assert stopped.drug("anlotinib").dose_mg is None
    assert epi(stopped).dose_mg_per_m2 == D("67.5")  # grade 3 bleeding is non-haematological toxicity too


@pytest.mark.parametrize("term", ["hypertension", "proteinuria", "hand-foot-skin-reaction", "alt-increased",
                                  "fatigue"])
def test_anlotinib_grade_3_resumes_one_level_lower(term):
    proposal = propose_for(cycle=8, toxicities=(tox(term, 3),))
    drug = proposal.drug("anlotinib")
    assert proposal.decision == "modify" and drug.action == "reduce" and drug.dose_mg == 10
    assert drug.dose_mg_per_m2 is None and drug.change == ("level", D(10), None)


def test_anlotinib_at_its_lowest_level_stops_and_grade_4_stops():
    plan = compute_plan(REGIMEN, INPUTS, modifications=[DoseLevelChange("anlotinib", 7, D(8))])
    assert propose_for(cycle=8, plan=plan, toxicities=(tox("hypertension", 3),)).decision == "stop"
    assert propose_for(cycle=8, toxicities=(tox("hypertension", 4),)).drug("anlotinib").action == "stop"
    assert propose_for(cycle=8, toxicities=(tox("bleeding", 2),), plan=plan).drug("anlotinib").action == "stop"


# ---------------------------------------------------------------------------------- decision order


def test_decision_order():
    # incomplete beats stop, stop beats hold, hold beats modify
    assert propose_for(counts=False, toxicities=(tox("bleeding", 3),)).decision == "incomplete"
    assert propose_for(anc=D(1), toxicities=(tox("bleeding", 3),)).decision == "stop"
    assert propose_for(lvef=D(40), nadir_anc=D("0.1")).decision == "hold"
    assert propose_for(nadir_anc=D("0.1")).decision == "modify"


def test_stopped_drug_is_not_assessed():
    plan = compute_plan(REGIMEN, INPUTS, modifications=[StopDrug("epirubicin", 2)])
    proposal = propose_for(cycle=3, plan=plan, counts=False)
    assert proposal.decision == "proceed" and [d.drug.id for d in proposal.drugs] == ["anlotinib"]


def test_cycle_that_does_not_exist():
    with pytest.raises(InputError) as err:
        propose(PLAN, Assessment(cycle=13))
    assert err.value.field == "cycle"


def test_json_shape_and_text():
    proposal = propose_for(bilirubin=Bilirubin(D("1.5"), "mg/dL"))
    data = proposal_to_dict(proposal)
    assert data["decision"] == "modify" and data["missing"] == [] and data["requires"] == []
    assert data["drugs"][1] == {
        "drug": "epirubicin", "action": "reduce", "dose_mg_per_m2": 45, "dose_mg": 82,
        "rules": [{"code": "epirubicin-hepatic-moderate", "source": epi(proposal).rules[0].source,
                   "message": epi(proposal).rules[0].message}]}
    assert isinstance(data["drugs"][0]["dose_mg"], int) and data["drugs"][0]["dose_mg_per_m2"] is None
    assert isinstance(proposal_to_dict(propose_for(nadir_anc=D("0.1")))["drugs"][1]["dose_mg_per_m2"], float)
    text = proposal_as_text(proposal)
    assert "MODIFY" in text and "50% x 90 mg/m² = 45 mg/m² x 1.82 m² = 81.9 -> 82 mg" in text
    assert "source: Epirubicin label" in text


def test_percentage_change_is_applied_by_the_plan_and_counted_in_the_cumulative_dose():
    plan = compute_plan(REGIMEN, INPUTS, modifications=[DosePercentChange("epirubicin", 2, D(50), "starting")])
    assert [c.dose_for("epirubicin").level for c in plan.cycles[:3]] == [90, 45, 45]
    assert plan.cycles[2].cumulative("epirubicin") == 180
    assert plan.cycles[1].dose_for("epirubicin").level_index > 0  # flagged as reduced on every screen
    current = compute_plan(REGIMEN, INPUTS, modifications=[DoseLevelChange("epirubicin", 2, D(60)),
                                                           DosePercentChange("epirubicin", 3, D(75), "current")])
    assert current.cycles[2].dose_for("epirubicin").level == 45
    back = compute_plan(REGIMEN, INPUTS, modifications=[DosePercentChange("epirubicin", 2, D(50), "starting"),
                                                        DoseLevelChange("epirubicin", 4, D(75))])
    assert back.cycles[3].dose_for("epirubicin").calculation.explain() == "75 mg/m² x 1.82 m² = 136.5 -> 137 mg"


@pytest.mark.parametrize(("mod", "field"), [
    (DosePercentChange("epirubicin", 2, D(0)), "percent"),
    (DosePercentChange("epirubicin", 2, D(101)), "percent"),
    (DosePercentChange("epirubicin", 2, D(50), "previous"), "percent"),
    (DosePercentChange("anlotinib", 2, D(50)), "percent"),
    (DosePercentChange("epirubicin", 13, D(50)), "percent"),
])
def test_percentage_change_is_validated(mod, field):
    with pytest.raises(InputError) as err:
        compute_plan(REGIMEN, INPUTS, modifications=[mod])
    assert err.value.field == field


# ---------------------------------------------------------------------------------- property


def _dose_of(proposal, drug: str) -> D:
    item = proposal.drug(drug)
    return D(0) if item is None or item.level is None else item.level


ABNORMAL = st.sampled_from([
    {"anc": D("1.2")}, {"platelets": D(60)}, {"bilirubin": Bilirubin(D(30))}, {"bilirubin": Bilirubin(D(80))},
    {"ast": D(100), "uln_ast": D(40)}, {"ast": D(400), "uln_ast": D(40)}, {"nadir_platelets": D(20)},
    {"nadir_anc": D("0.1")}, {"febrile_neutropenia": True}, {"lvef": D(40)},
    {"toxicities": (tox("bleeding", 2),)}, {"toxicities": (tox("hypertension", 3),)},
    {"toxicities": (tox("diarrhoea", 4),)}, {"ongoing": (tox("fatigue", 2),)},
])


def _merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        if key in ("toxicities", "ongoing"):
            merged[key] = merged.get(key, ()) + value
        elif key in ("anc", "platelets", "nadir_platelets", "nadir_anc", "lvef"):
            merged[key] = min(merged[key], value) if key in merged else value  # more abnormal, never less
        elif key == "bilirubin" and "bilirubin" in merged:
            merged[key] = max(merged[key], value, key=lambda b: b.umol_l)
        elif key == "ast":
            merged["ast"] = max(merged.get("ast", value), value)  # every ULN in the pool is 40 U/L
        else:
            merged[key] = value
    return merged


@settings(max_examples=150, deadline=None)
@given(st.lists(ABNORMAL, max_size=4), ABNORMAL, st.sampled_from([1, 2, 5, 7]))
def test_adding_an_abnormal_value_never_raises_the_proposed_dose(base_items, extra, cycle):
    base: dict = dict(OK_COUNTS)
    for item in base_items:
        base = _merge(base, item)
    before = propose(PLAN, Assessment(cycle=cycle, **base))
    after = propose(PLAN, Assessment(cycle=cycle, **_merge(base, extra)))
    for drug in ("anlotinib", "epirubicin"):
        assert _dose_of(after, drug) <= _dose_of(before, drug)
