"""The family part of the drawing: people, couples, descent lines, households, emotional lines."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from gga_cli.genogram.layout import Layout, layout
from gga_cli.genogram.marks import SIZE, Point, bond, couple_style, curve, slashes, symbol
from gga_cli.genogram.svg import Canvas, wrap
from gga_cli.models.genogram import Genogram, Person

SLOT = 132.0  # pixels between two people side by side
ROW = 178.0  # pixels between two generations
MARGIN = 34.0
COUPLE_DROP = 16.0  # the couple line runs this far below the symbols
BAR_RISE = 26.0  # sibling bar above the children's symbols
HOUSE_COLOURS = ("#1565c0", "#00897b", "#8e24aa", "#ef6c00", "#5d4037", "#c2185b")


def _year(value: int | dt.date | None) -> str:
    if value is None:
        return ""
    return str(value if isinstance(value, int) else value.year)


def age(person: Person, today: dt.date) -> int | None:
    """Age today, or at death; from a year alone, the age reached this year."""
    born = person.born
    if born is None:
        return None
    end: int | dt.date = person.died if person.died is not None else today
    if isinstance(born, dt.date) and isinstance(end, dt.date):
        years = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
    else:
        years = (end if isinstance(end, int) else end.year) - (born if isinstance(born, int) else born.year)
    return years if 0 <= years < 150 else None


def years(person: Person) -> str:
    born, died = _year(person.born), _year(person.died)
    if died:
        return f"{born or '?'}–{died}"
    return born


class FamilyDrawing:
    """The genogram drawn at the origin; `width` and `height` in pixels."""

    def __init__(self, g: Genogram, today: dt.date) -> None:
        self.g = g
        self.today = today
        self.lay: Layout = layout(g)
        self.people = {p.id: p for p in g.people}
        self._grid: dict[tuple[int, int], list[tuple[str, Point]]] = defaultdict(list)
        self.width = self.lay.width * SLOT + 2 * MARGIN - SLOT + SIZE + 60 if g.people else 0.0
        self.height = (len(self.lay.rows) - 1) * ROW + SIZE + 2 * MARGIN + 70 if g.people else 0.0

    def at(self, person: str) -> tuple[float, float]:
        return MARGIN + 30 + SIZE / 2 + self.lay.x[person] * SLOT, MARGIN + 14 + SIZE / 2 + self.lay.gen[person] * ROW

    def _near(self, x: float, y: float) -> list[tuple[str, Point]]:
        """The people standing within a grid cell of (x, y): a bond asks only these, not everyone."""
        if not self._grid:
            for p in self.people:
                px, py = self.at(p)
                self._grid[(int(px // SLOT), int(py // ROW))].append((p, (px, py)))
        cx, cy = int(x // SLOT), int(y // ROW)
        return [found for dx in (-1, 0, 1) for dy in (-1, 0, 1) for found in self._grid.get((cx + dx, cy + dy), [])]

    def draw(self) -> Canvas:
        c = Canvas()
        self._households(c)
        self._couples(c)
        self._descents(c)
        for b in self.g.bonds:
            a, z = b.between
            if a in self.people and z in self.people and a != z:
                bond(c, b.kind, self._route(a, z))
        for p in self.g.people:
            self._person(c, p)
        return c

    def _route(self, a: str, z: str) -> list[Point]:
        """Straight between neighbours; bowed outwards where a straight line would run through someone else."""
        (x1, y1), (x2, y2) = self.at(a), self.at(z)
        straight = curve(x1, y1, x2, y2, 0)
        blocked = abs(self.lay.gen[a] - self.lay.gen[z]) > 1 or any(
            math.hypot(px - qx, py - qy) < SIZE * 0.9
            for px, py in straight for q, (qx, qy) in self._near(px, py) if q not in (a, z)
        )
        if not blocked:
            return straight
        length = math.hypot(x2 - x1, y2 - y1)
        centre = MARGIN + 30 + SIZE / 2 + (self.lay.width - 1) * SLOT / 2
        for bend in (0.22 * length, -0.22 * length):
            path = curve(x1, y1, x2, y2, bend)
            mx = path[len(path) // 2][0]
            if (mx - (x1 + x2) / 2) * ((x1 + x2) / 2 - centre) >= 0:
                return path
        return curve(x1, y1, x2, y2, 0.22 * length)

    def _person(self, c: Canvas, p: Person) -> None:
        x, y = self.at(p.id)
        symbol(c, x, y, p.sex, index=p.index, deceased=p.died is not None, child=p.child)
        shown = age(p, self.today)
        if shown is not None:
            c.text(x, y + 5, str(shown), size=13, font_weight="bold")
        top = y + SIZE / 2 + COUPLE_DROP + 15
        lines = wrap(p.name, 18, 2)
        for i, text in enumerate(lines):
            c.text(x, top + i * 13, text, size=11.5, font_weight="bold" if p.index else "normal")
        if years(p):
            c.text(x, top + len(lines) * 13, years(p), size=10, fill="#555")

    def _couples(self, c: Canvas) -> None:
        for pair in self.lay.pairs:
            (x1, y1), (x2, y2) = sorted((self.at(pair.a), self.at(pair.b)))
            drop = max(y1, y2) + SIZE / 2 + COUPLE_DROP
            c.path([(x1, y1 + SIZE / 2), (x1, drop), (x2, drop), (x2, y2 + SIZE / 2)], **couple_style(pair.status))
            if pair.status in ("separated", "divorced"):
                slashes(c, x1 + (x2 - x1) * 0.27, drop, 1 if pair.status == "separated" else 2)
            span = "–".join(v for v in (_year(pair.start), _year(pair.end)) if v)
            if span and (pair.start is not None):
                c.text((x1 + x2) / 2, drop - 4, span if pair.end is not None else f"{span}–", size=9.5, fill="#444")
            elif span:
                c.text((x1 + x2) / 2, drop - 4, f"–{span}", size=9.5, fill="#444")

    def _descents(self, c: Canvas) -> None:
        by_row: dict[int, int] = defaultdict(int)
        pairs = {frozenset((p.a, p.b)) for p in self.lay.pairs}
        for d in self.lay.descents:
            cx = self.lay.connector(d.parents)
            px = MARGIN + 30 + SIZE / 2 + cx * SLOT
            parent_y = max(self.at(p)[1] for p in d.parents)
            start = parent_y + SIZE / 2 + (COUPLE_DROP if len(d.parents) == 2 and frozenset(d.parents) in pairs else 0)
            row = min(self.lay.gen[ch] for ch in d.children)
            bar = MARGIN + 14 + row * ROW - BAR_RISE + 6 * (by_row[row] % 3)
            by_row[row] += 1
            xs = [self.at(ch)[0] for ch in d.children]
            c.line(px, start, px, bar)
            c.line(min(xs + [px]), bar, max(xs + [px]), bar)
            for ch in d.children:
                x, y = self.at(ch)
                c.line(x, bar, x, y - SIZE / 2 - (1.18 * SIZE / 2 - SIZE / 2 if self.people[ch].sex == "x" else 0))

    def _households(self, c: Canvas) -> None:
        """A dashed outline around each run of members standing side by side, runs of one household tethered."""
        place = {p: (row_no, i) for row_no, row in enumerate(self.lay.rows) for i, p in enumerate(q for unit in row for q in unit)}
        who = {spot: p for p, spot in place.items()}
        for n, h in enumerate(self.g.households):
            members = sorted({place[m] for m in h.members if m in place})
            if not members:
                continue
            colour = HOUSE_COLOURS[n % len(HOUSE_COLOURS)]
            pad = 31.0 + 5 * (n % 3)
            boxes = []
            runs: list[list[tuple[int, int]]] = []
            for spot in members:  # runs of members standing side by side in a row
                if runs and runs[-1][-1] == (spot[0], spot[1] - 1):
                    runs[-1].append(spot)
                else:
                    runs.append([spot])
            for run in runs:
                row_no = run[0][0]
                xs = [self.at(who[spot])[0] for spot in run]
                y = MARGIN + 14 + SIZE / 2 + row_no * ROW
                grow = pad - 31
                boxes.append((min(xs) - pad - 8, y - SIZE / 2 - 18 - grow, max(xs) + pad + 8, y + SIZE / 2 + COUPLE_DROP + 47 + grow))
            label = wrap(h.name, 26, 1)[0]
            for x1, y1, x2, y2 in boxes:
                c.add("rect", x=x1, y=y1, width=x2 - x1, height=y2 - y1, rx=12, fill="none", stroke=colour,
                      stroke_width=1.3, stroke_dasharray="6 4")
                c.text(x1 + 8, y1 + 11, label, size=9.5, anchor="start", fill=colour, font_style="italic")
