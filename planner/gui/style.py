"""The palette shared by the plan views: one colour per kind of day, safe for colour-blind readers.

Colours come from the Okabe-Ito palette (distinguishable with protanopia, deuteranopia and
tritanopia). Colour is never the only cue: every chip also carries text and a pictogram, so a
greyscale printout or a colour-blind nurse reads the same calendar.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from planner.core.rules import is_infusion, is_oral


@dataclass(frozen=True)
class Swatch:
    """A fill colour with the text colour that stays readable on it (WCAG contrast >= 4.5)."""

    fill: str
    text: str
    border: str

    @property
    def fill_color(self) -> QColor:
        return QColor(self.fill)

    @property
    def text_color(self) -> QColor:
        return QColor(self.text)

    @property
    def border_color(self) -> QColor:
        return QColor(self.border)


# Oral drugs blue, IV drugs vermillion: the two drug kinds a nurse must never confuse.
ORAL = Swatch(fill="#D6E9F8", text="#00466E", border="#0072B2")
INFUSION = Swatch(fill="#FBE0CC", text="#7A3000", border="#D55E00")
BLOOD_TEST = Swatch(fill="#D2F0E6", text="#004D38", border="#009E73")
WARNING = Swatch(fill="#FDF0C8", text="#6B4A00", border="#E69F00")
DANGER = Swatch(fill="#F9D9D9", text="#8B0000", border="#C00000")
PASS = Swatch(fill="#D2F0E6", text="#00543D", border="#009E73")
HELD = Swatch(fill="#FFFFFF", text="#5A5A5A", border="#7F7F7F")
DELAY = Swatch(fill="#FFF6D5", text="#6B4A00", border="#B8860B")

REST_FILL = "#F7F7F5"
HELD_FILL = "#E4E4E4"  # a held dose in the cycles table: grey, unlike the amber of a modified one
OUTSIDE_FILL = "#ECECEC"
OUTSIDE_TEXT = "#9A9A9A"
DAY_TEXT = "#1F1F1F"
MUTED_TEXT = "#5F5F5F"
GRID_LINE = "#D0D0D0"
CYCLE_BOUNDARY = "#3A3A3A"
TODAY = "#CC79A7"  # reddish purple: distinct from both drug colours
SELECTION = "#0072B2"


# Any other route (SC, IM, ...): neutral, so it is never mistaken for capsules or a bag.
OTHER_ROUTE = Swatch(fill="#E8E0F0", text="#3F2A56", border="#6A4C93")


def route_kind(route: str) -> str:
    """`oral`, `iv` or `other`: decides the chip colour and pictogram."""
    # The same rule as the blood-test day and the printed calendar (planner.core.rules).
    if is_infusion(route):
        return "iv"
    if is_oral(route):
        return "oral"
    return "other"


def drug_swatch(route: str) -> Swatch:
    """Chips are coloured by route: the route decides how the nurse acts (hand out capsules, hang a bag)."""
    return {"iv": INFUSION, "oral": ORAL}.get(route_kind(route), OTHER_ROUTE)
