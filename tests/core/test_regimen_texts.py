"""Regimen files' texts reach the translation (through the generated planner/core/regimen_texts.py) and are
shown translated while the loaded values (the route decides IV or oral) stay as the file wrote them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from planner.core import i18n
from planner.core.regimen import available_regimens, load_regimen, regimen_text
from planner.core.regimen_texts import REGIMEN_TEXTS

ROOT = Path(__file__).resolve().parents[2]


def _extractor():
    spec = importlib.util.spec_from_file_location("extract_regimen_strings",
                                                  ROOT / "tools" / "extract_regimen_strings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_module_is_up_to_date_with_the_regimen_files():
    assert _extractor().main(["--check"]) == 0, "run `make translations`"


def test_every_shown_text_of_every_shipped_regimen_is_extracted():
    for regimen_id in available_regimens():
        regimen = load_regimen(regimen_id)
        shown = [regimen.name, regimen.indication, *(p.name for p in regimen.phases)]
        for drug in regimen.drugs.values():
            shown += [drug.name, drug.name.split()[0], drug.route, drug.instructions, drug.missed_dose,
                      drug.vomiting, drug.diluent, drug.infusion_duration, drug.extravasation]
        missing = [text for text in shown if text and text not in REGIMEN_TEXTS]
        assert not missing, f"{regimen_id}: {missing}"


def test_the_extractor_reads_new_fields_of_a_new_regimen(tmp_path):
    extractor = _extractor()
    (tmp_path / "x.toml").write_text('id = "x"\nname = "Drug X alone"\n[drugs.x]\nname = "Drugx citrate"\n'
                                     'route = "oral"\ninstructions = "With food"\n'
                                     '[[phases]]\nid = "p"\nname = "Induction"\n', encoding="utf-8")
    texts = extractor.texts(tmp_path)
    assert texts == ["Drug X alone", "Drugx citrate", "oral", "With food", "Drugx", "Induction"]
    rendered = extractor.render(['Say "hi"'])
    namespace: dict = {}
    exec(compile(rendered, "regimen_texts.py", "exec"), namespace)
    assert namespace["REGIMEN_TEXTS"] == ('Say "hi"',)


@pytest.fixture
def chinese():
    table = {("Regimen", "Anlotinib"): "安罗替尼", ("Regimen", "Epirubicin hydrochloride"): "盐酸表柔比星",
             ("Regimen", "Epirubicin"): "表柔比星", ("Regimen", "IV"): "静脉输注",
             ("Regimen", "Once daily before breakfast"): "每日一次，早餐前口服",
             ("Regimen", "Combination"): "联合治疗"}
    i18n.set_translator(lambda context, text: table.get((context, text), text))
    yield
    i18n.set_translator(None)


def test_labels_are_translated_where_shown_and_the_loaded_values_stay(chinese):
    regimen = load_regimen("anlotinib-epirubicin")
    anlotinib, epirubicin = regimen.drug("anlotinib"), regimen.drug("epirubicin")
    assert (anlotinib.label, anlotinib.instructions_label) == ("安罗替尼", "每日一次，早餐前口服")
    assert (epirubicin.label, epirubicin.short_label) == ("盐酸表柔比星", "表柔比星")
    assert epirubicin.route_label == "静脉输注"
    assert regimen.phases[0].label == "联合治疗"
    assert (epirubicin.name, epirubicin.route, regimen.phases[0].name) == ("Epirubicin hydrochloride", "IV",
                                                                           "Combination")
    assert regimen_text("") == ""


def test_without_a_translation_the_labels_are_the_file_texts():
    drug = load_regimen("anlotinib-epirubicin").drug("epirubicin")
    assert (drug.label, drug.short_label, drug.route_label) == ("Epirubicin hydrochloride", "Epirubicin", "IV")
