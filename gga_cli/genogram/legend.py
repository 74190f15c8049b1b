"""The legend under the genogram: every mark explained, in the report language."""

from __future__ import annotations

from collections.abc import Callable

from gga_cli.genogram.marks import bond, couple_style, slashes, symbol
from gga_cli.genogram.svg import Canvas, text_width
from gga_cli.i18n import Lang, pick
from gga_cli.words import value

ITEM = 150.0
ROW = 34.0


def _items(lang: Lang) -> list[tuple[str, Callable[[Canvas, float, float], None]]]:
    def sym(sex: str, **kw: bool) -> Callable[[Canvas, float, float], None]:
        def draw(c: Canvas, x: float, y: float) -> None:
            c.parts.append(f'<g transform="translate({x + 14:.1f},{y:.1f}) scale(0.55)">')
            inner = Canvas()
            symbol(inner, 0, 0, sex, **kw)
            c.parts += inner.parts
            c.parts.append("</g>")

        return draw

    def couple(status: str | None) -> Callable[[Canvas, float, float], None]:
        def draw(c: Canvas, x: float, y: float) -> None:
            c.line(x, y, x + 36, y, **couple_style(status))
            if status in ("separated", "divorced"):
                slashes(c, x + 18, y, 1 if status == "separated" else 2)

        return draw

    def line(kind: str) -> Callable[[Canvas, float, float], None]:
        def draw(c: Canvas, x: float, y: float) -> None:
            bond(c, kind, [(x, y), (x + 20, y), (x + 40, y)], trim=0)

        return draw

    def household(c: Canvas, x: float, y: float) -> None:
        c.add("rect", x=x, y=y - 9, width=36, height=18, rx=5, fill="none", stroke="#1565c0", stroke_dasharray="6 4")

    return [
        (pick(lang, "man", "man"), sym("m")),
        (pick(lang, "vrouw", "woman"), sym("f")),
        (pick(lang, "anders / onbekend", "other / unknown"), sym("x")),
        (pick(lang, "aangemeld kind", "index child"), sym("m", index=True, child=True)),
        (pick(lang, "overleden", "deceased"), sym("f", deceased=True)),
        (value("married", lang), couple("married")),
        (value("cohabiting", lang), couple("cohabiting")),
        (value("separated", lang), couple("separated")),
        (value("divorced", lang), couple("divorced")),
        (pick(lang, "ouders, geen relatie vastgelegd", "parents, no relation recorded"), couple(None)),
        (value("close", lang), line("close")),
        (value("fused", lang), line("fused")),
        (value("conflict", lang), line("conflict")),
        (value("distant", lang), line("distant")),
        (value("cut_off", lang), line("cut_off")),
        (value("violence", lang), line("violence")),
        (pick(lang, "huishouden", "household"), household),
    ]


def legend(lang: Lang, width: float) -> tuple[Canvas, float]:
    """The legend laid out in rows to fit `width`; returns the drawing and its height."""
    c = Canvas()
    c.text(0, 12, pick(lang, "Legenda", "Legend"), size=11.5, anchor="start", font_weight="bold")
    x, y = 0.0, 36.0
    for label, draw in _items(lang):
        needed = max(ITEM, 48 + text_width(label, 10) + 22)
        if x > 0 and x + needed > width:
            x, y = 0.0, y + ROW
        draw(c, x, y)
        c.text(x + 48, y + 4, label, size=10, anchor="start")
        x += needed
    return c, y + ROW - 6
