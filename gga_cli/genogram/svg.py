"""A small SVG writer: elements as text, every piece of user text XML-escaped."""

from __future__ import annotations

import re
import textwrap
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
CHAR_WIDTH = 0.58  # average glyph width as a share of the font size, for laying out text without fonts


# characters XML 1.0 forbids, and the C1 controls: an SVG holding them is no SVG (and a
# terminal would act on them), so they are drawn as U+FFFD
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def escape(text: str) -> str:
    return _escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    return _quoteattr(_NOT_XML.sub("\ufffd", text))


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def wrap(text: str, chars: int, lines: int) -> list[str]:
    """At most `lines` lines of about `chars` characters; an ellipsis where text was cut."""
    out = textwrap.wrap(" ".join(text.split()), chars, break_long_words=True, break_on_hyphens=False) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(chars - 1, 1)].rstrip() + "…"
    return out


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


class Canvas:
    """SVG elements in drawing order."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, tag: str, text: str | None = None, /, **attrs: str | float) -> None:
        rendered = "".join(
            f" {k.rstrip('_').replace('_', '-')}=" + (f'"{_num(v)}"' if isinstance(v, (int, float)) else quoteattr(v))
            for k, v in attrs.items()
        )
        if text is None:
            self.parts.append(f"<{tag}{rendered}/>")
        else:
            self.parts.append(f"<{tag}{rendered}>{escape(text)}</{tag}>")

    def line(self, x1: float, y1: float, x2: float, y2: float, **attrs: str | float) -> None:
        self.add("line", x1=x1, y1=y1, x2=x2, y2=y2, **{"stroke": "#222", "stroke_width": 1.5, **attrs})

    def path(self, points: list[tuple[float, float]], **attrs: str | float) -> None:
        d = "M" + " L".join(f"{_num(x)},{_num(y)}" for x, y in points)
        self.add("path", d=d, **{"fill": "none", "stroke": "#222", "stroke_width": 1.5, **attrs})

    def text(self, x: float, y: float, value: str, size: float = 11, anchor: str = "middle", **attrs: str | float) -> None:
        """Text with a white halo, so lines running behind it do not cross the letters."""
        style: dict[str, str | float] = {
            "fill": "#111", "stroke": "#fff", "stroke_width": 3, "paint_order": "stroke", "stroke_linejoin": "round", **attrs
        }
        self.add("text", value, x=x, y=y, font_size=size, text_anchor=anchor, **style)

    def group(self, canvas: Canvas, dx: float, dy: float) -> None:
        self.parts.append(f'<g transform="translate({_num(dx)},{_num(dy)})">')
        self.parts += canvas.parts
        self.parts.append("</g>")

    def document(self, width: float, height: float, title: str) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" '
            f'viewBox="0 0 {_num(width)} {_num(height)}" font-family={quoteattr(FONT)}>'
        )
        return "\n".join(
            [head, f"<title>{escape(title)}</title>", f'<rect width="{_num(width)}" height="{_num(height)}" fill="#fff"/>', *self.parts, "</svg>"]
        ) + "\n"
