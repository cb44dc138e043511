from __future__ import annotations

from planner.core.i18n import set_translator
from planner.gui.views.preview import demo_plan, main


def test_demo_plan_has_the_events_the_preview_is_meant_to_show():
    plan = demo_plan()
    assert plan.cycles[2].delay_days == 7
    assert plan.cycles[1].dose_for("anlotinib").omitted_days == tuple(range(8, 15))
    assert plan.cycles[3].dose_weight_kg != plan.cycles[2].dose_weight_kg
    assert any(w.code.startswith("cumulative-") for w in plan.warnings)


def test_grab_writes_a_png_per_widget(qapp, tmp_path):
    try:
        assert main(["--grab", str(tmp_path)]) == 0
    finally:
        set_translator(None)  # the preview installs Qt's translator for the core; undo it for other tests
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == ["calendar.png", "calendar_narrow.png", "cycles.png", "dose_check.png", "dose_check_fail.png"]
    assert all(p.stat().st_size > 5000 for p in tmp_path.glob("*.png"))
