"""The network as a sociogram: the family in the middle, its own network on the left,
professionals on the right, each with how they are connected."""

from __future__ import annotations

from collections.abc import Callable

from gga_cli.genogram.svg import Canvas, wrap
from gga_cli.i18n import Lang, pick
from gga_cli.models.genogram import NetworkMember

INFORMAL = "#2e7d32"
PROFESSIONAL = "#1565c0"
LABEL_CHARS = 30
LINE = 12.5
COLUMN = 215.0  # width of a column of labels


class Sociogram:
    def __init__(self, members: list[NetworkMember], lang: Lang, name_of: Callable[[NetworkMember], str]) -> None:
        self.lang = lang
        self.name_of = name_of
        self.informal = [m for m in members if m.kind == "informal"]
        self.professional = [m for m in members if m.kind == "professional"]
        self.width = 2 * COLUMN + 250.0
        self.height = max(self._column_height(self.informal), self._column_height(self.professional), 130.0) + 70

    def _lines(self, m: NetworkMember) -> list[str]:
        return wrap(self.name_of(m), LABEL_CHARS, 2) + (wrap(m.relation, LABEL_CHARS, 3) if m.relation else [])

    def _column_height(self, members: list[NetworkMember]) -> float:
        return sum(len(self._lines(m)) * LINE + 14 for m in members)

    def draw(self) -> Canvas:
        c = Canvas()
        cx, cy = self.width / 2, 40 + (self.height - 70) / 2
        c.text(cx, 22, pick(self.lang, "Netwerk (sociogram)", "Network (sociogram)"), size=13, font_weight="bold")
        c.text(COLUMN / 2 + 20, 42, pick(self.lang, "eigen netwerk", "informal network"), size=10.5, fill=INFORMAL, font_weight="bold")
        c.text(self.width - COLUMN / 2 - 20, 42, pick(self.lang, "professionals", "professionals"), size=10.5, fill=PROFESSIONAL, font_weight="bold")
        for members, left in ((self.informal, True), (self.professional, False)):
            total = self._column_height(members)
            y = cy - total / 2 + 8
            node_x = COLUMN + 28 if left else self.width - COLUMN - 28
            colour = INFORMAL if left else PROFESSIONAL
            for m in members:
                lines = self._lines(m)
                ny = y + 4
                dash: dict[str, str | float] = {} if left else {"stroke_dasharray": "6 4"}
                c.line(cx, cy, node_x, ny, stroke=colour, stroke_width=1.3, **dash)
                if left:
                    c.add("circle", cx=node_x, cy=ny, r=7, fill=colour)
                else:
                    c.add("rect", x=node_x - 7, y=ny - 7, width=14, height=14, fill=colour)
                label_x = node_x - 14 if left else node_x + 14
                anchor = "end" if left else "start"
                names = len(wrap(self.name_of(m), LABEL_CHARS, 2))
                for i, text in enumerate(lines):
                    bold = i < names
                    c.text(label_x, y + 8 + i * LINE, text, size=10.5 if bold else 9.5, anchor=anchor,
                           font_weight="bold" if bold else "normal", fill="#111" if bold else "#444")
                y += len(lines) * LINE + 14
        c.add("circle", cx=cx, cy=cy, r=34, fill="#fff8e1", stroke="#222", stroke_width=1.8)
        c.text(cx, cy + 5, pick(self.lang, "Gezin", "Family"), size=13, font_weight="bold")
        return c
