import pytest

from planner.core.errors import InputError
from planner.core.i18n import set_translator
from planner.export.calendar_model import calendar_days
from planner.export.options import PrintOptions, Subject


def test_subject_needs_name_and_mrn():
    with pytest.raises(InputError, match="Name") as caught:
        Subject("  ", "123")
    assert caught.value.field == "name"
    with pytest.raises(InputError, match="MRN") as caught:
        Subject("Wang Fang", "")
    assert caught.value.field == "mrn"


def test_paper_size_is_checked():
    with pytest.raises(InputError, match="a4 or letter") as caught:
        PrintOptions("a3")
    assert caught.value.field == "paper"


@pytest.fixture
def marked_translation():
    set_translator(lambda context, text: f"[{context}]{text}")
    yield
    set_translator(None)


def test_printed_words_go_through_the_translator(plan, marked_translation):
    texts = {e.text for d in calendar_days(plan) for e in d.entries}
    assert "[Export]Rest day - no capsule" in texts
    assert "[Export]Hospital day - epirubicin infusion" in texts
    assert "[Export]Blood test" in texts
    assert any(t.startswith("[Export]Anlotinib 12 mg - 1 [Export]capsule") for t in texts)
