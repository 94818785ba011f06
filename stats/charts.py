"""Bar charts as data: the numbers, their links, and the geometry the SVG template draws.

Charts are SVG written by a template (``stats/includes/bar_chart.html``): no JavaScript, no
CDN and nothing a strict Content-Security-Policy refuses (colours come from ``site.css``
classes, not inline styles). The geometry is computed here as strings with a dot decimal,
so that a locale's decimal comma never reaches an SVG attribute.
"""

from dataclasses import dataclass, field

WIDTH = 400  # viewBox units; the SVG scales to its container (375 px phones included)
BAR_AREA = 330  # the longest bar; the rest of the row holds its total
ROW = 34  # one bar: its label above, the bar below
LABEL_BASELINE = 13
BAR_TOP = 17
BAR_HEIGHT = 12
LEGEND = 24


def _n(value: float) -> str:
    return f"{value:.1f}"


@dataclass
class Segment:
    series: int  # index into Chart.series: the CSS class "series-<n>"
    value: int
    url: str = ""
    x: str = "0"
    width: str = "0"


@dataclass
class Bar:
    label: str
    segments: list[Segment]
    url: str = ""

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)

    def value_of(self, series: int) -> int:
        return sum(s.value for s in self.segments if s.series == series)


@dataclass
class Chart:
    """A horizontal bar chart, one bar per row, stacked when it has several series."""

    slug: str  # unique on the page: the ids of its title and description
    title: str
    description: str
    series: list[str]
    bars: list[Bar]
    note: str = ""
    rows: list[dict] = field(default_factory=list, init=False)

    def __post_init__(self):
        self.rows = self._layout()

    @property
    def total(self) -> int:
        return sum(bar.total for bar in self.bars)

    @property
    def role(self) -> str:
        """An image, unless its bars are links: an image's children are not interactive (axe's
        nested-interactive), so a chart with links keeps the SVG's own role, a labelled graphics
        document holding them (the HTML checker refuses role="group" on an SVG)."""
        linked = any(segment.url for row in self.rows for segment in row["segments"])
        return "" if linked else "img"

    @property
    def height(self) -> int:
        return LEGEND + ROW * max(len(self.bars), 1)

    @property
    def legend(self) -> list[dict]:
        step = WIDTH / max(len(self.series), 1)
        return [
            {"series": n, "label": label, "x": _n(n * step), "text_x": _n(n * step + 14)}
            for n, label in enumerate(self.series)
        ]

    def table_rows(self) -> list[dict]:
        """Each bar with one cell per series (links where there are), for the table beside the chart."""
        rows = []
        for bar in self.bars:
            cells = []
            for n in range(len(self.series)):
                segment = next((s for s in bar.segments if s.series == n), None)
                cells.append(
                    {"value": segment.value if segment else 0, "url": segment.url if segment else ""}
                )
            rows.append({"label": bar.label, "url": bar.url, "cells": cells, "total": bar.total})
        return rows

    def _layout(self) -> list[dict]:
        largest = max((bar.total for bar in self.bars), default=0) or 1
        rows = []
        for index, bar in enumerate(self.bars):
            top = LEGEND + index * ROW
            x = 0.0
            drawn = []
            for segment in bar.segments:
                if not segment.value:
                    continue
                width = BAR_AREA * segment.value / largest
                segment.x, segment.width = _n(x), _n(max(width, 1.0))
                # The link's accessible name: what the bar is, which series, how many.
                series = f", {self.series[segment.series]}" if len(self.series) > 1 else ""
                segment.name = f"{bar.label}{series}: {segment.value}"
                drawn.append(segment)
                x += width
            rows.append(
                {
                    "bar": bar,
                    "segments": drawn,
                    "label_y": _n(top + LABEL_BASELINE),
                    "bar_y": _n(top + BAR_TOP),
                    "value_x": _n(x + 4),
                    "value_y": _n(top + BAR_TOP + BAR_HEIGHT - 1),
                }
            )
        return rows
