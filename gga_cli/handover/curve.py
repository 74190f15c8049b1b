"""The safety score over time, drawn as SVG: one line per rater, the alarm zone shaded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gga_cli.dates import add_days
from gga_cli.genogram.svg import Canvas
from gga_cli.i18n import Lang, pick, short_date
from gga_cli.models.entries import Score

WIDTH, HEIGHT = 640.0, 250.0
LEFT, RIGHT, TOP, BOTTOM = 44.0, 150.0, 16.0, 40.0
COLOURS = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#5d4037", "#00897b")


def score_curve(scores: list[Score], lang: Lang, rater_name: Callable[[str | None], str], alarm: int = 3) -> str:
    """Scores by date; the worker's line first, each other rater in its own colour."""
    c = Canvas()
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    days = sorted({s.date for s in scores})
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return LEFT + (day - first).days / span * plot_w if len(days) > 1 else LEFT + plot_w / 2

    def y(score: float) -> float:
        return TOP + (10 - score) / 9 * plot_h

    c.add("rect", x=LEFT, y=y(alarm + 0.5), width=plot_w, height=y(1) - y(alarm + 0.5), fill="#ffebee")
    for level in range(1, 11):
        c.line(LEFT, y(level), LEFT + plot_w, y(level), stroke="#e0e0e0", stroke_width=0.8)
        c.text(LEFT - 8, y(level) + 4, str(level), size=10, anchor="end", fill="#555")
    c.line(LEFT, TOP, LEFT, TOP + plot_h, stroke="#555", stroke_width=1)
    c.line(LEFT, TOP + plot_h, LEFT + plot_w, TOP + plot_h, stroke="#555", stroke_width=1)
    ticks = [first, last] if len(days) > 1 else [first]
    if span > 60:
        ticks = [add_days(first, round(span * i / 4)) for i in range(5)]
    for day in ticks:
        c.line(x(day), TOP + plot_h, x(day), TOP + plot_h + 4, stroke="#555", stroke_width=1)
        c.text(x(day), TOP + plot_h + 17, short_date(day, lang), size=9.5, fill="#555")
    c.text(LEFT + 4, y(1) - 6, pick(lang, "alarm", "alarm"), size=9, anchor="start", fill="#c62828")
    raters: dict[str | None, list[Score]] = {}
    for s in sorted(scores, key=lambda s: s.date):
        raters.setdefault(s.by, []).append(s)
    order = sorted(raters, key=lambda r: (r is not None, r or ""))
    for n, rater in enumerate(order):
        colour = COLOURS[n % len(COLOURS)]
        points = [(x(s.date), y(s.score)) for s in raters[rater]]
        if len(points) > 1:
            c.path(points, stroke=colour, stroke_width=2 if rater is None else 1.4,
                   **({} if rater is None else {"stroke_dasharray": "5 3"}))
        for px, py in points:
            c.add("circle", cx=px, cy=py, r=3.2 if rater is None else 2.6, fill=colour)
        ly = TOP + 10 + n * 17
        c.line(WIDTH - RIGHT + 14, ly - 4, WIDTH - RIGHT + 32, ly - 4, stroke=colour, stroke_width=2)
        c.text(WIDTH - RIGHT + 38, ly, rater_name(rater), size=10, anchor="start")
    return c.document(WIDTH, HEIGHT, pick(lang, "Veiligheidsscores", "Safety scores"))
