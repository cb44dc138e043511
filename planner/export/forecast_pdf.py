"""The ward forecast as PDF: a stacked bar chart of each day's infusions, oral-only cycle starts and blood
tests, the weekly totals, then the day table with chair-hours (landscape)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pandas as pd
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from planner.core.dates import format_long
from planner.core.decimal_math import plain
from planner.core.i18n import translate
from planner.export import pdf_base as base

MARGIN = 12 * mm
HEADER = 10 * mm
FOOTER = 8 * mm
BLOOD_TEST = colors.HexColor("#e08a00")  # apart from the infusion red, so the stacks read at a glance
SERIES = (("infusions", base.HOSPITAL), ("oral_starts", base.CAPSULE), ("blood_tests", BLOOD_TEST))


def _labels() -> dict[str, str]:
    return {"infusions": translate("Forecast", "Infusions"),
            "oral_starts": translate("Forecast", "Oral-only cycle starts"),
            "blood_tests": translate("Forecast", "Blood tests")}


def _chart(daily: pd.DataFrame, width: float) -> Drawing:
    height = 70 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = width - 16 * mm, height - 24 * mm
    chart.data = [[int(v) for v in daily[column]] for column, _ in SERIES]
    chart.categoryAxis.style = "stacked"
    step = max(1, len(daily) // 28)  # at most ~28 date labels, whatever the number of weeks
    chart.categoryAxis.categoryNames = [d.strftime("%d %b") if i % step == 0 else ""
                                        for i, d in enumerate(daily["date"])]
    chart.categoryAxis.labels.angle = 90
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.fontName = base.FONT
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    peak = max((sum(values) for values in zip(*chart.data, strict=True)), default=0)
    chart.valueAxis.valueStep = max(1, -(-peak // 5))  # whole patients: 0, 1, 2 ... never 0.2
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.labels.fontName = base.FONT
    chart.valueAxis.labels.fontSize = 7
    chart.bars.strokeWidth = 0
    for index, (_, color) in enumerate(SERIES):
        chart.bars[index].fillColor = color
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 14 * mm, height - 4 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 55 * mm
    legend.fontName = base.FONT
    legend.fontSize = 8
    legend.colorNamePairs = [(color, _labels()[column]) for column, color in SERIES]
    drawing.add(legend)
    return drawing


def _table(rows: list[list[Any]], widths: list[float | None], header_rows: int = 1) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, base.RULE),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), base.SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), base.FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]))
    return table


def forecast_pdf(daily: pd.DataFrame, weekly: pd.DataFrame, *, title: str = "", paper: str = "a4") -> bytes:
    base.register_fonts()
    size = base.page_size(paper, wide=True)
    styles = {"title": base.style("title", 15, bold=True), "cell": base.style("cell", 8),
              "cellb": base.style("cellb", 8, bold=True), "h": base.style("h", 11, bold=True)}
    buffer = io.BytesIO()
    doc = base.single_frame_document(buffer, size, margin=MARGIN, header=HEADER, footer=FOOTER,
                                     title=translate("Forecast", "Ward forecast"), author="")
    first, last = daily["date"].iloc[0], daily["date"].iloc[-1]
    heading = title or translate("Forecast", "Ward forecast {first} to {last}").format(
        first=format_long(first), last=format_long(last))
    story: list[Flowable] = [Paragraph(base.rich(heading), styles["title"]), _chart(daily, doc.width)]

    def cell(text: object) -> Paragraph:
        return Paragraph(base.rich(str(text)), styles["cell"])

    def bold(text: object) -> Paragraph:
        return Paragraph(base.rich(str(text)), styles["cellb"])

    labels = _labels()
    story.append(Paragraph(base.rich(translate("Forecast", "Weekly totals")), styles["h"]))
    week_rows = [[bold(translate("Forecast", "Week")), bold(labels["infusions"]), bold(labels["oral_starts"]),
                  bold(labels["blood_tests"]), bold(translate("Forecast", "Chair-hours"))]]
    for row in weekly.itertuples():
        week_rows.append([cell(f"{format_long(row.week_from)} - {format_long(row.week_to)}"), cell(row.infusions),
                          cell(row.oral_starts), cell(row.blood_tests), cell(plain(row.chair_hours))])
    story.append(_table(week_rows, [70 * mm, 30 * mm, 40 * mm, 30 * mm, 30 * mm]))
    story.append(CondPageBreak(40 * mm))
    story.append(Paragraph(base.rich(translate("Forecast", "Day by day")), styles["h"]))
    day_rows = [[bold(translate("Forecast", "Date")), bold(labels["infusions"]), bold(labels["oral_starts"]),
                 bold(labels["blood_tests"]), bold(translate("Forecast", "Chair-hours")),
                 bold(translate("Forecast", "Patients"))]]
    for row in daily.itertuples():
        if not (row.infusions or row.oral_starts or row.blood_tests):
            continue  # the chart shows the empty days; the table lists the days with work
        who = "<br/>".join(f"<b>{base.rich(labels[column])}:</b> {base.rich(getattr(row, column + '_patients'))}"
                           for column, _ in SERIES if getattr(row, column))
        day_rows.append([cell(format_long(row.date)), cell(row.infusions), cell(row.oral_starts), cell(row.blood_tests),
                         cell(plain(row.chair_hours)), Paragraph(who, styles["cell"])])
    story.append(_table(day_rows, [28 * mm, 18 * mm, 28 * mm, 20 * mm, 22 * mm, None]))
    footer = base.printed_line(date.today())
    decorate = base.header_footer(size, MARGIN, HEADER, heading, translate("Forecast", "Ward forecast"), footer)
    doc.build(story, canvasmaker=base.numbered_canvas(decorate))
    return buffer.getvalue()

