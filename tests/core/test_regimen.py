import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from planner.core.errors import InputError, RegimenError
from planner.core.regimen import available_regimens, load_regimen, load_regimen_file

ROOT = Path(__file__).resolve().parents[2]


def test_three_regimens_ship():
    assert available_regimens() == ["anlotinib", "anlotinib-epirubicin", "epirubicin"]


def test_seed_regimen_matches_the_trial():
    regimen = load_regimen("anlotinib-epirubicin")
    combination, maintenance = regimen.phases
    assert combination.max_cycles == 6 and combination.cycle_days == 21
    assert maintenance.open_ended and maintenance.cycle_days == 21
    assert {pd.drug: pd.days for pd in combination.drugs} == {"anlotinib": tuple(range(1, 15)), "epirubicin": (1,)}
    assert [pd.drug for pd in maintenance.drugs] == ["anlotinib"]
    assert regimen.drug("anlotinib").levels == (Decimal(12), Decimal(10), Decimal(8))
    assert regimen.drug("anlotinib").basis == "flat" and regimen.drug("anlotinib").route == "oral"
    assert regimen.drug("epirubicin").levels == (Decimal(90), Decimal(75), Decimal(60))
    assert regimen.drug("epirubicin").basis == "mg_per_m2" and regimen.drug("epirubicin").route == "IV"


def test_control_and_single_agent_regimens():
    epi = load_regimen("epirubicin")
    assert epi.phases[0].max_cycles == 6 and list(epi.drugs) == ["epirubicin"]
    anl = load_regimen("anlotinib")
    assert anl.phases[0].open_ended and anl.phases[0].drugs[0].days == tuple(range(1, 15))


def test_unknown_regimen():
    with pytest.raises(InputError) as err:
        load_regimen("folfox")
    assert err.value.field == "regimen" and "anlotinib-epirubicin" in err.value.message


def test_levels_by_amount_or_step():
    drug = load_regimen().drug("epirubicin")
    assert drug.resolve_level("75") == Decimal(75)
    assert drug.resolve_level("-2") == Decimal(60)
    assert drug.resolve_level("0") == Decimal(90)
    for bad in ("70", "-3", "x", "nan"):
        with pytest.raises(InputError):
            drug.resolve_level(bad)


GOOD = (ROOT / "resources/regimens/epirubicin.toml").read_text()


@pytest.mark.parametrize(
    ("mutation", "key", "reason"),
    [
        (lambda s: s.replace('basis = "mg_per_m2"', 'basis = "mg_per_lb"'), "drugs.epirubicin.basis", "must be one of"),
        (lambda s: s.replace("levels = [90, 75, 60]", "levels = [60, 75, 90]"), "drugs.epirubicin.levels",
         "go strictly down"),
        (lambda s: s.replace("levels = [90, 75, 60]", "levels = [90, -75]"), "drugs.epirubicin.levels[1]", "above 0"),
        (lambda s: s.replace('days = "1"', 'days = "22"'), "phases[0].drugs[0].days", "outside the 21-day"),
        (lambda s: s.replace('drug = "epirubicin", days', 'drug = "doxorubicin", days'), "phases[0].drugs[0].drug",
         "not defined"),
        (lambda s: s.replace("cycle_days = 21", "cycle_days = 0"), "phases[0].cycle_days", "above 0"),
        (lambda s: s.replace('route = "IV"\n', ""), "drugs.epirubicin.route", "missing"),
        (lambda s: s.replace("[[phases]]", "[[stages]]"), "phases", "missing"),
    ],
)
def test_malformed_files_name_file_key_and_reason(tmp_path, mutation, key, reason):
    path = tmp_path / "epirubicin.toml"
    path.write_text(mutation(GOOD))
    with pytest.raises(RegimenError) as err:
        load_regimen_file(path)
    assert err.value.key == key
    assert reason in err.value.reason
    assert str(path) in str(err.value)


def test_not_toml_and_wrong_id(tmp_path):
    broken = tmp_path / "epirubicin.toml"
    broken.write_text("id = [unclosed")
    with pytest.raises(RegimenError, match="not valid TOML"):
        load_regimen_file(broken)
    renamed = tmp_path / "other.toml"
    renamed.write_text(GOOD)
    with pytest.raises(RegimenError, match="must match the file name"):
        load_regimen_file(renamed)


@pytest.mark.slow
def test_an_installed_wheel_finds_the_regimens(tmp_path):
    """Build a real (non-editable) wheel, unpack it alone on sys.path and load every regimen."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist"), str(ROOT)], check=True)
    wheel = next((tmp_path / "dist").glob("cycle_planner-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
        assert "planner/resources/regimens/anlotinib-epirubicin.toml" in zf.namelist()
        assert "planner/resources/translations/planner_zh_CN.qm" in zf.namelist()  # the Chinese ships
        # The embedded CJK font and its licence ship too: a printout must not depend on the PC's fonts.
        assert {"planner/resources/fonts/DroidSansFallbackFull.ttf",
                "planner/resources/fonts/LICENSE-DroidSansFallback.txt"} <= set(zf.namelist())
    code = ("import planner, planner.core.regimen as r; "
            f"assert planner.__file__.startswith({str(site)!r}), planner.__file__; "
            "print(','.join(r.load_regimen(i).id for i in r.available_regimens()))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(site)},
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "anlotinib,anlotinib-epirubicin,epirubicin"
