"""Translation hook for messages built in the Qt-free layers.

The core cannot call `QCoreApplication.translate` itself (it must not import Qt), so it calls
`translate(context, text)` here. `pyside6-lupdate` extracts `translate("Context", "text")` calls the same way
it does for Qt code, so the one `planner_<lang>.ts` catalog covers these messages too.

Two sources of translations, for two purposes:
- the interface language: the GUI installs Qt's translator with `set_translator` (and names the language with
  `set_interface_language`), so core messages shown on screen follow Preferences;
- a printout's language: `with language("zh_CN"): build_pdf(...)` translates every message built inside the
  block from the shipped .ts catalog, read here with xml.etree (no Qt), whatever the interface language is.
  It is a context variable, so a background export thread renders a patient's calendar in the patient's
  language while the window stays in the staff's, and the CLI needs no Qt at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

Translator = Callable[[str, str], str]

# Languages a printout can be made in; "en" is the source text and needs no catalog.
PRINT_LANGUAGES = ("en", "zh_CN")
DEFAULT_LANGUAGE = "en"


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity
_interface_language = DEFAULT_LANGUAGE
# None: no printout language chosen, so the interface translator (and language) apply.
_print_language: ContextVar[str | None] = ContextVar("planner_print_language", default=None)


def set_translator(translator: Translator | None) -> None:
    """Route every core message through `translator` (None restores the untranslated text)."""
    global _translator
    _translator = translator or _identity


def set_interface_language(code: str | None) -> None:
    """The language the GUI shows (dates and numbers outside a `language()` block are formatted in it)."""
    global _interface_language
    _interface_language = normalize_language(code)


def normalize_language(code: str | None) -> str:
    """`zh-CN`, `zh_cn`, `zh` -> `zh_CN`; empty -> `en`. Unknown codes are kept as given (no catalog: English)."""
    text = (code or "").strip().replace("-", "_")
    if not text:
        return DEFAULT_LANGUAGE
    lowered = text.lower()
    for known in PRINT_LANGUAGES:
        if lowered == known.lower() or lowered == known.split("_")[0].lower():
            return known
    return text


def current_language() -> str:
    """The language text is being made in now: the printout's inside `language()`, else the interface's."""
    chosen = _print_language.get()
    return chosen if chosen is not None else _interface_language


@contextmanager
def language(code: str | None) -> Iterator[str]:
    """Translate and format everything built inside the block in `code` (from the shipped catalog)."""
    normalized = normalize_language(code)
    token = _print_language.set(normalized)
    try:
        yield normalized
    finally:
        _print_language.reset(token)


def translate(context: str, text: str) -> str:
    chosen = _print_language.get()
    if chosen is None:
        return _translator(context, text)
    if chosen == DEFAULT_LANGUAGE:
        return text
    return catalog(chosen).get((context, text), text)


# ------------------------------------------------------------------------------------ the .ts catalog

_catalog_lock = threading.Lock()
_catalogs: dict[str, dict[tuple[str, str], str]] = {}
_catalog_folder: Path | None = None


def use_catalog_folder(folder: Path | None) -> None:
    """Read catalogs from `folder` instead of the shipped translations (tests); None restores the default."""
    global _catalog_folder
    with _catalog_lock:
        _catalog_folder = folder
        _catalogs.clear()


def catalog(code: str) -> dict[tuple[str, str], str]:
    """{(context, source): translation} of `planner_<code>.ts`, read once; empty when there is none."""
    with _catalog_lock:
        found = _catalogs.get(code)
        if found is None:
            found = _catalogs[code] = _read_catalog(code)
        return found


def _ts_entry(code: str) -> Any:
    if _catalog_folder is not None:
        return _catalog_folder / f"planner_{code}.ts"
    from planner.core.shipped import shipped_file

    return shipped_file("translations", f"planner_{code}.ts")


def _read_catalog(code: str) -> dict[tuple[str, str], str]:
    entry = _ts_entry(code)
    if not entry.is_file():
        return {}
    import xml.etree.ElementTree as ET

    root = ET.fromstring(entry.read_bytes())
    entries: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None:
                continue
            # Unfinished, obsolete and vanished entries are not reviewed: the English source prints instead.
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = node.findall("numerusform")
            text = forms[0].text if forms else node.text
            if text:
                entries[(name, source)] = text
    return entries
