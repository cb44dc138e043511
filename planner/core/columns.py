"""Plain-text columns for the terminal, aligned by display width.

`str.ljust` counts characters, but a terminal gives a Chinese character two columns, so 王芳 would push
everything after it two columns right of Wang Fang. wcwidth measures what the terminal shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from wcwidth import wcswidth, wcwidth


def display_width(text: str) -> int:
    """Columns `text` takes on a terminal (wide characters 2, combining marks 0)."""
    width = wcswidth(text)
    if width >= 0:
        return width
    # A control character makes wcswidth give up (-1): count the printable ones and ignore the rest.
    return sum(max(wcwidth(char), 0) for char in text)


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` display columns."""
    return text + " " * max(0, width - display_width(text))


def format_columns(rows: Sequence[Sequence[str]], *, gap: str = "  ", pad_last: bool = False) -> list[str]:
    """Each row as one line with every column padded to its widest cell; the last column is left as it is
    (long text such as the doses or a change) unless pad_last. Trailing spaces are stripped."""
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    padded = columns if pad_last else columns - 1
    widths = [max((display_width(row[i]) for row in rows if i < len(row)), default=0) for i in range(padded)]
    lines = []
    for row in rows:
        cells = [pad(cell, widths[i]) if i < padded else cell for i, cell in enumerate(row)]
        lines.append(gap.join(cells).rstrip())
    return lines
