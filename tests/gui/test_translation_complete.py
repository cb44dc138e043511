"""The shipped Chinese translation is complete, keeps every placeholder, and the shipped .qm is compiled from it.

When one of these fails after new strings were added: `make translations`, then
`python tools/ts_translate.py todo`, translate the printed lines, `python tools/ts_translate.py apply FILE`
and `make translations` again (it recompiles the .qm).
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = sorted(p.stem[len("planner_"):] for p in TRANSLATIONS.glob("planner_*.ts"))


def _tool():
    spec = importlib.util.spec_from_file_location("ts_translate", ROOT / "tools" / "ts_translate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ts_translate", module)
    spec.loader.exec_module(module)
    return module


ts_translate = _tool()


def _messages(language: str) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(TRANSLATIONS / f"planner_{language}.ts")
    return [(context, message.findtext("source") or "", message.find("translation"))
            for context, message in ts_translate.messages(tree)]


def test_zh_cn_is_shipped():
    assert "zh_CN" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_left_unfinished_or_stale(language):
    messages = _messages(language)
    assert len(messages) > 800
    unfinished = [(context, source) for context, source, translation in messages
                  if translation is None or translation.get("type") is not None or not (translation.text or "")]
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:3]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_keeps_the_placeholders_tags_and_accelerators(language):
    broken = []
    for context, source, translation in _messages(language):
        issues = ts_translate.problems(source, translation.text or "")
        if issues:
            broken.append(f"[{context}] {source!r}: {'; '.join(issues)}")
    assert not broken, "\n".join(broken[:10])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_qm_is_compiled_from_the_ts(qapp, language):
    """Every translation in the .ts is what the shipped .qm gives: a .qm left behind an edited .ts fails."""
    qm = TRANSLATIONS / f"planner_{language}.qm"
    assert qm.is_file(), "run `make translations`"
    translator = QTranslator()
    assert translator.load(str(qm))
    stale = [(context, source) for context, source, translation in _messages(language)
             if translator.translate(context, source) != translation.text]
    assert not stale, f"run `make translations`: {len(stale)} differ, e.g. {stale[:3]}"


def test_the_check_catches_a_lost_placeholder_tag_or_accelerator():
    problems = ts_translate.problems
    assert problems("Cycle {n} ({phase})", "第{n}周期（{phase}）") == []
    assert problems("Cycle {n} ({phase})", "第{n}周期")
    assert problems("<b>Cycle Planner</b><br>x", "<b>化疗周期计划</b>x")
    assert problems("&File", "文件(&F)") == []
    assert problems("&File", "文件")
    assert problems("Dose weight\n& BSA", "计算体重\n及体表面积") == []  # "& " is not an accelerator
    assert problems("Page %1 of %2", "第 %1 页") and problems("Page %1 of %2", "第 %1 页，共 %2 页") == []
    assert problems("Ward", "")


def test_apply_writes_translations_and_refuses_broken_ones(tmp_path, capsys):
    ts = tmp_path / "planner_xx.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
                  "<context><name>C</name>"
                  '<message><source>Cycle {n}</source><translation type="unfinished"></translation></message>'
                  '<message><source>&amp;Quit</source><translation type="unfinished"></translation></message>'
                  "</context></TS>", encoding="utf-8")
    answers = tmp_path / "answers.tsv"
    answers.write_text(f"{ts_translate.key('C', 'Cycle {n}')}\t第{{n}}周期\n"
                       f"{ts_translate.key('C', '&Quit')}\t退出\n", encoding="utf-8")
    assert ts_translate.apply([answers], ts) == 1  # the accelerator was lost: refused
    assert ts_translate.todo(ts) == 0
    remaining = capsys.readouterr().out
    assert "&Quit" in remaining and "Cycle {n}" not in remaining
    translations = {m.findtext("source"): m.find("translation") for _, m in ts_translate.messages(ET.parse(ts))}
    assert translations["Cycle {n}"].text == "第{n}周期" and translations["Cycle {n}"].get("type") is None
