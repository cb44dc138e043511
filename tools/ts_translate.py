"""Fill a Qt Linguist .ts file from plain translation files, so a translation pass is easy to rerun.

    python tools/ts_translate.py todo [TS]            # unfinished messages: KEY<TAB>CONTEXT<TAB>SOURCE
    python tools/ts_translate.py apply FILE... [--ts TS]  # FILE lines: KEY<TAB>TRANSLATION

KEY is a short hash of context + source, so it stays the same when `make translations` re-runs lupdate
and line numbers move; a follow-up pass after a merge is `todo`, translate the printed lines, `apply`,
`make translations`. Newlines inside a text are written as a literal \\n (and a backslash as \\\\).
`apply` refuses a translation that loses a placeholder, tag or accelerator of its source (the same check
as tests/gui/test_translation_complete.py) and rewrites the file through ElementTree; `make translations`
then lets lupdate put it back in its own layout and compiles the .qm.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TS = ROOT / "resources" / "translations" / "planner_zh_CN.ts"

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%(?:n|L?\d+)")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")


def key(context: str, source: str) -> str:
    return hashlib.sha1(f"{context}\x04{source}".encode()).hexdigest()[:8]


def placeholders(text: str) -> Counter[str]:
    return Counter(_PLACEHOLDER.findall(text))


def tags(text: str) -> Counter[str]:
    return Counter(m.group(0).split()[0].rstrip(">").lower() for m in _TAG.finditer(text))


def accelerators(text: str) -> int:
    """How many keyboard accelerators (`&F`, not `&&` nor an HTML entity such as `&amp;`) the text has."""
    return len(re.findall(r"&(?!&)(?![a-zA-Z]+;|#\d+;)\S", text.replace("&&", "")))


def problems(source: str, translation: str) -> list[str]:
    """Why `translation` cannot stand for `source` (empty when it keeps every placeholder, tag and accelerator)."""
    found = []
    if placeholders(source) != placeholders(translation):
        found.append(f"placeholders {sorted(placeholders(source).elements())} != "
                     f"{sorted(placeholders(translation).elements())}")
    if tags(source) != tags(translation):
        found.append(f"tags {sorted(tags(source).elements())} != {sorted(tags(translation).elements())}")
    if accelerators(source) != accelerators(translation):
        found.append(f"accelerators {accelerators(source)} != {accelerators(translation)}")
    if not translation.strip() and source.strip():
        found.append("empty translation")
    return found


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def messages(tree: ET.ElementTree) -> list[tuple[str, ET.Element]]:
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        out.extend((name, message) for message in context.iter("message"))
    return out


def _is_live(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") not in ("vanished", "obsolete")


def todo(ts: Path) -> int:
    tree = ET.parse(ts)
    for context, message in messages(tree):
        translation = message.find("translation")
        if _is_live(message) and translation is not None and translation.get("type") == "unfinished":
            source = message.findtext("source") or ""
            print(f"{key(context, source)}\t{context}\t{_escape(source)}")
    return 0


def apply(files: list[Path], ts: Path) -> int:
    wanted: dict[str, str] = {}
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            found, sep, text = line.partition("\t")
            if not sep:
                print(f"{file}:{number}: no tab between key and translation", file=sys.stderr)
                return 1
            wanted[found.strip()] = _unescape(text)
    tree = ET.parse(ts)
    bad = 0
    used = set()
    for context, message in messages(tree):
        source = message.findtext("source") or ""
        k = key(context, source)
        if k not in wanted or not _is_live(message):
            continue
        used.add(k)
        issues = problems(source, wanted[k])
        if issues:
            bad += 1
            print(f"{k} [{context}] {source!r}: {'; '.join(issues)}", file=sys.stderr)
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.text = wanted[k]
        translation.attrib.pop("type", None)
    for k in sorted(set(wanted) - used):
        print(f"{k}: no such message in {ts.name} (changed or removed in the code?)", file=sys.stderr)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    print(f"applied {len(used) - bad} translations, {bad} refused", file=sys.stderr)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    todo_parser = sub.add_parser("todo", help="print the unfinished messages")
    todo_parser.add_argument("ts", nargs="?", type=Path, default=DEFAULT_TS)
    apply_parser = sub.add_parser("apply", help="write translations into the .ts")
    apply_parser.add_argument("files", nargs="+", type=Path)
    apply_parser.add_argument("--ts", type=Path, default=DEFAULT_TS)
    args = parser.parse_args(argv)
    if args.command == "todo":
        return todo(args.ts)
    return apply(args.files, args.ts)


if __name__ == "__main__":
    sys.exit(main())
