from __future__ import annotations

import pytest

from planner.gui import style


@pytest.mark.parametrize(("route", "kind", "swatch"), [
    ("IV", "iv", style.INFUSION), (" iv ", "iv", style.INFUSION), ("oral", "oral", style.ORAL),
    ("PO", "oral", style.ORAL), ("SC", "other", style.OTHER_ROUTE), ("IM", "other", style.OTHER_ROUTE),
])
def test_routes_map_to_distinct_swatches(route, kind, swatch):
    assert style.route_kind(route) == kind
    assert style.drug_swatch(route) is swatch


def test_swatch_text_is_readable_on_its_fill():
    # WCAG 2 contrast ratio >= 4.5 for normal text, for every chip and badge colour pair.
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for swatch in (style.ORAL, style.INFUSION, style.BLOOD_TEST, style.WARNING, style.DANGER, style.PASS,
                   style.HELD, style.DELAY, style.OTHER_ROUTE):
        light, dark = sorted((luminance(swatch.fill), luminance(swatch.text)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, swatch
