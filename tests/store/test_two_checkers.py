"""The two-checker rule is the core's one function everywhere: the store and plan-file import refuse the
same person written twice ("A.B." and "ab"), exactly as the dose-check panel does."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from planner import operations
from planner.core.errors import InputError
from planner.core.rules import same_person
from planner.store.planfile import PlanFileError, parse_plan_file, record_to_plan_file

from .conftest import add_wang


@pytest.mark.parametrize(("first", "second"), [("A.B.", "ab"), ("Li", " LI "), ("a b", "AB")])
def test_the_store_refuses_one_person_twice(store, first, second):
    assert same_person(first, second)
    add_wang(store)
    with pytest.raises(InputError) as caught:
        operations.record_double_check(store.repository, "12345", cycle=1, drug="epirubicin",
                                       calculated_mg=Decimal(164), checked_mg=Decimal(164),
                                       tolerance_pct=Decimal(5), first_checker=first, second_checker=second,
                                       expected_version=1)
    assert caught.value.field == "second_checker"
    assert store.get_patient("12345").dose_checks == ()


def test_plan_file_import_applies_the_same_rule(store):
    record = add_wang(store)
    data = json.loads(json.dumps(record_to_plan_file(record, exported_by="x")))
    data["dose_checks"] = [{"cycle": 1, "drug": "epirubicin", "calculated_mg": 164, "checked_mg": 164,
                            "deviation_pct": 0, "tolerance_pct": 5, "passed": True, "first_checker": "A.B.",
                            "second_checker": "ab", "checked_at": "2026-01-05T09:00:00+00:00"}]
    with pytest.raises(PlanFileError) as caught:
        parse_plan_file(json.dumps(data))
    assert "dose_checks[0].second_checker" in str(caught.value)
