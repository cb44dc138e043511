"""Translation hook for messages built in the Qt-free layers.

The core cannot call `QCoreApplication.translate` itself (it must not import Qt), so it calls
`translate(context, text)` here. The GUI installs Qt's translator at start-up with `set_translator`;
the CLI and tests keep the identity. `pyside6-lupdate` extracts `translate("Context", "text")` calls
the same way it does for Qt code, so the Chinese translation covers these messages too.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(translator: Translator | None) -> None:
    """Route every core message through `translator` (None restores the untranslated text)."""
    global _translator
    _translator = translator or _identity


def translate(context: str, text: str) -> str:
    return _translator(context, text)
