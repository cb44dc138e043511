"""Smoke test of the standalone bundle dist/cycle-planner built by `make dist` (run by `make dist-test`, which
.ci/run calls after `make test`; `make test` itself deselects the `dist` marker).

The bundle must work on a ward PC without Python, so every run here uses a clean environment (only HOME,
PATH=/usr/bin:/bin and QT_QPA_PLATFORM=offscreen, as `env -i` would leave), a temporary HOME, a working
folder outside the source tree, and no PYTHONPATH. Where strace is installed, the CLI's file accesses are
traced as well, and any file it opens from the source tree, the venv or the Python installation fails the
test: that is what a missing data file or library would fall back to on the build machine.

Skipped when the bundle has not been built, unless PLANNER_DIST_REQUIRED=1 (CI) makes that a failure.
PLANNER_DIST_BUNDLE points at a bundle elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = Path(os.environ.get("PLANNER_DIST_BUNDLE") or ROOT / "dist" / "cycle-planner").resolve()
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
# The base-14 PDF fonts every viewer has: reportlab never embeds them, and need not.
STANDARD_FONTS = {"Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
                  "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
                  "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats"}

pytestmark = [pytest.mark.slow, pytest.mark.dist]


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not (BUNDLE / f"cycle-planner{EXE_SUFFIX}").is_file() or not (BUNDLE / f"planner{EXE_SUFFIX}").is_file():
        message = f"no built bundle at {BUNDLE} (run `make dist`)"
        if os.environ.get("PLANNER_DIST_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return BUNDLE


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


def clean_env(home: Path) -> dict[str, str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    if os.name == "nt":  # Windows cannot start a process without these; the profile folders go to HOME
        env.update(SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"), USERPROFILE=str(home),
                   APPDATA=str(home / "AppData" / "Roaming"), LOCALAPPDATA=str(home / "AppData" / "Local"),
                   PATH=os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32")
    return env


def run(bundle: Path, program: str, args: list[str], home: Path, cwd: Path,
        trace: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(bundle / f"{program}{EXE_SUFFIX}"), *args]
    if trace is not None:
        command = ["strace", "-f", "-qq", "-e", "trace=%file", "-o", str(trace), *command]
    return subprocess.run(command, env=clean_env(home), cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=180, check=False)


def files_opened_outside_bundle(trace: Path) -> list[str]:
    """Files the traced process found (successful calls only) in the source tree, the venv or the Python
    installation; the bundle itself (which may live inside the source tree) is allowed."""
    forbidden = {ROOT, Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    found = []
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.search(r'\(\s*(?:AT_FDCWD,\s*)?"([^"]+)"', line)
        if not match or re.search(r"= -1 ", line):
            continue
        path = Path(match.group(1))
        if not path.is_absolute() or path == BUNDLE or BUNDLE in path.parents:
            continue
        if any(path == root or root in path.parents for root in forbidden) and path.is_file():
            found.append(str(path))
    return sorted(set(found))


def pdf_fonts(path: Path) -> dict[str, bool]:
    """Every font the PDF uses (pages and their form XObjects) -> whether its font program is embedded."""
    from pypdf import PdfReader

    fonts: dict[str, bool] = {}

    def embedded(font: Any) -> bool:
        if font.get("/Subtype") == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))

    def walk(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else None
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            fonts[str(font.get("/BaseFont", "?")).lstrip("/")] = embedded(font)
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in PdfReader(path).pages:
        walk(page.get("/Resources"))
    return fonts


def test_frozen_app_opens_a_new_database_and_paints(bundle: Path, home: Path, tmp_path: Path) -> None:
    database = home / ".local" / "share" / "cycle-planner" / "planner.sqlite3"  # the per-user default
    assert not database.exists()
    result = run(bundle, "cycle-planner", ["--quit-after-first-paint"], home, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.match(r"first-paint \d+\.\d+", result.stdout), result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert database.is_file()  # the worker created and migrated it before the app quit
    if os.name != "nt":
        assert database.stat().st_mode & 0o777 == 0o600
    check = run(bundle, "planner", ["db", "check"], home, cwd=tmp_path)  # the same default database
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("ok: ")


def test_frozen_cli_adds_a_patient_prints_a_calendar_and_checks_the_database(
        bundle: Path, home: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"  # not the source tree: nothing may be found relative to the working folder
    work.mkdir()
    database = str(work / "ward.sqlite3")

    version = run(bundle, "planner", ["--version"], home, cwd=work)
    assert version.returncode == 0, version.stderr
    assert version.stdout.split() == ["planner", VERSION]

    pdf_help = run(bundle, "planner", ["pdf", "--help"], home, cwd=work)
    assert pdf_help.returncode == 0, pdf_help.stderr
    # The Chinese printout (embedded CJK font, `--lang`) arrives with the zh-print work; until then the
    # calendar is printed in English for a Latin name, and the font check covers what that uses.
    chinese = "--lang" in pdf_help.stdout
    name = "张伟" if chinese else "Ada Lovelace"

    added = run(bundle, "planner", ["patient", "add", "--name", name, "--mrn", "SMOKE-1", "--dob", "1970-03-02",
                                    "--height", "170", "--weight", "70", "--start", "2026-01-05",
                                    "--database", database], home, cwd=work)
    assert added.returncode == 0, added.stderr
    assert "SMOKE-1" in added.stdout

    calendar = work / "calendar.pdf"
    trace = tmp_path / "strace.log" if sys.platform.startswith("linux") and shutil.which("strace") else None
    # A calendar prints only with a number the patient can call (a Chinese label: the embedded font again).
    printed = run(bundle, "planner", ["pdf", "--kind", "patient", "--patient", "SMOKE-1", "--database", database,
                                      "--phone", "病房 Day unit: 010-1234 5678",
                                      *(["--lang", "zh_CN"] if chinese else []), "--out", str(calendar)],
                  home, cwd=work, trace=trace)
    assert printed.returncode == 0, printed.stderr
    assert calendar.read_bytes().startswith(b"%PDF-")
    if trace is not None:
        assert files_opened_outside_bundle(trace) == []

    fonts = pdf_fonts(calendar)
    assert fonts, "the calendar uses no fonts"
    not_embedded = sorted(font for font, inside in fonts.items() if not inside and font not in STANDARD_FONTS)
    assert not_embedded == [], f"fonts used but not embedded: {not_embedded}"
    if chinese:
        assert any(fonts.values()), f"no embedded font for the Chinese text: {fonts}"
    from pypdf import PdfReader

    assert name in PdfReader(calendar).pages[0].extract_text()

    table = work / "plan.xlsx"  # pandas + openpyxl frozen
    exported = run(bundle, "planner", ["table", "--patient", "SMOKE-1", "--database", database,
                                       "--out", str(table)], home, cwd=work)
    assert exported.returncode == 0, exported.stderr
    assert table.read_bytes().startswith(b"PK")

    check = run(bundle, "planner", ["db", "check", "--database", database], home, cwd=work)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("ok: ")

    bad = run(bundle, "planner", ["patient", "show", "NO-SUCH-MRN", "--database", database], home, cwd=work)
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the desktop entry is for Linux desktops")
def test_desktop_entry_installs_for_the_user_and_points_at_the_bundle(bundle: Path, home: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(bundle / "install-desktop.sh")], env=clean_env(home), cwd=tmp_path,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    entry = (share / "applications" / "cycle-planner.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle / "cycle-planner"}" %f' in entry.splitlines()
    assert "Icon=cycle-planner" in entry.splitlines()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "cycle-planner.svg").read_bytes().lstrip().startswith(
        b"<")
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "cycle-planner.png").read_bytes().startswith(
        b"\x89PNG")


def test_bundle_carries_every_resource_the_migrations_and_pdfium(bundle: Path) -> None:
    internal = bundle / "_internal"
    for folder, inside in ((ROOT / "resources", internal / "planner" / "resources"),
                           (ROOT / "planner" / "store" / "migrations", internal / "planner" / "store" / "migrations")):
        wanted = {p.relative_to(folder) for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
        missing = sorted(str(p) for p in wanted if not (inside / p).is_file())
        assert missing == [], f"not in the bundle: {missing}"
    assert list((internal / "pypdfium2_raw").glob("*pdfium*")), "PDFium's library is not in the bundle"
