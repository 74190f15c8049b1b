"""Tables as plain lines: column widths computed once from the cells, then one string a row.

A `Grid` takes its columns and rows the way a rich `Table` does (`add_column`,
`add_row(..., style=)`), so a view builds its cells the same way for either; `lines` lays
them out without rich's per-cell rendering, which for a board of a thousand cases costs a
hundred times more than the text itself.

Fitted to a width (a terminal), the layout is rich's for a table without borders, one space
between columns and `no_wrap` cells: each column as wide as its widest cell within its
`min_width` and `max_width`; where the whole is too wide, every column gives way evenly, no
column below its `min_width`; a cell too long for its column ends in an ellipsis; what is
still too wide is cut at the edge. Unfitted (`width=None`: a pipe, `--wide`), nothing is
cut: every cell whole, `max_width` ignored, one row a line.

`Spans` is a line of text in styled parts (the summary under the board); `wrap` breaks it
at spaces to a width, as rich does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

Justify = Literal["left", "right"]
ELLIPSIS = "…"
_FLAT = str.maketrans({"\n": " ", "\r": " ", "\t": " "})  # one row is one line


def cell_len(text: str) -> int:
    """Columns the text takes on a terminal: wide East Asian characters two, marks none."""
    if text.isascii():
        return len(text)
    return sum(map(_char_len, text))


@cache  # a board measures the same few characters (a score's bars, é) a thousand times over
def _char_len(char: str) -> int:
    if char.isascii():
        return 1 if char.isprintable() else 0
    if unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def set_cell_size(text: str, width: int) -> str:
    """The text cut or padded with spaces to exactly `width` columns."""
    if width <= 0:
        return ""
    if text.isascii():
        return text[:width].ljust(width)
    out: list[str] = []
    used = 0
    for char in text:
        size = _char_len(char)
        if used + size > width:
            break
        out.append(char)
        used += size
    return "".join(out) + " " * (width - used)


@dataclass(frozen=True)
class Column:
    header: str
    justify: Justify = "left"
    min_width: int | None = None
    max_width: int | None = None


@dataclass
class Grid:
    """Columns and rows of plain text cells; a row has one style (colour) for the whole line."""

    header_style: str = "bold"
    columns: list[Column] = field(default_factory=list)
    rows: list[tuple[list[str], str]] = field(default_factory=list)

    def add_column(self, header: str, *, justify: Justify = "left", min_width: int | None = None,
                   max_width: int | None = None, no_wrap: bool = True, overflow: str = "ellipsis") -> None:
        """A column; like rich's, but a cell is never wrapped and what overflows ends in an ellipsis."""
        self.columns.append(Column(header, justify, min_width, max_width))

    def add_row(self, *cells: str, style: str = "") -> None:
        """A row of cells; control and invisible characters in them are shown by their code
        point (`console.visible`), so a name can neither move the cursor nor turn text around."""
        from gga_cli.console import visible

        self.rows.append(([visible(cell.translate(_FLAT), keep="") for cell in cells], style))

    def widths(self, width: int | None) -> list[int]:
        """Each column's width, its padding included (one space after every column but the last)."""
        n = len(self.columns)
        pads = [1] * (n - 1) + [0]
        longest = [cell_len(c.header) for c in self.columns]
        for cells, _ in self.rows:
            for i, cell in enumerate(cells):
                size = cell_len(cell)
                if size > longest[i]:
                    longest[i] = size
        if width is None:
            return [max(size, c.min_width or 0) + pad for size, c, pad in zip(longest, self.columns, pads)]
        widths = [self._fit(size, c, pad, width) or 1 for size, c, pad in zip(longest, self.columns, pads)]
        if sum(widths) > width:
            widths = _reduce(sum(widths) - width, widths)
            widths = [self._fit(size, c, pad, w) if w >= 1 else 0 for size, c, pad, w in zip(longest, self.columns, pads, widths)]
        return widths

    @staticmethod
    def _fit(longest: int, column: Column, pad: int, width: int) -> int:
        """A column's width within `width`, as rich measures it: its longest cell, then its bounds."""
        size = min(longest, width - pad) + pad if width - pad >= 1 else width
        size = min(size, width)
        if column.min_width is not None:
            size = max(size, column.min_width + pad)
        if column.max_width is not None:
            size = min(size, column.max_width + pad)
        return size

    def lines(self, width: int | None) -> list[tuple[str, str]]:
        """The header and every row as (line, style), fitted to `width` columns, or whole where None."""
        widths = self.widths(width)
        n = len(self.columns)
        pads = [1] * (n - 1) + [0]
        spans = [(w - pad, pad, c.justify) for w, pad, c in zip(widths, pads, self.columns)]
        out = [(_line([c.header for c in self.columns], spans, width), self.header_style)]
        out += [(_line(cells, spans, width), style) for cells, style in self.rows]
        return out


def _line(cells: list[str], spans: list[tuple[int, int, Justify]], width: int | None) -> str:
    parts: list[str] = []
    for cell, (inner, pad, justify) in zip(cells, spans):
        if inner + pad > 0:  # a column squeezed to nothing takes no room, not even its padding
            parts.append(_cell(cell, inner, justify) + " " * pad)
    text = "".join(parts)
    if width is None:
        return text.rstrip(" ")  # on a pipe no line ends in the padding of its last cells
    if cell_len(text) > width:
        text = set_cell_size(text, width)
    return text


def _cell(text: str, width: int, justify: Justify) -> str:
    if width <= 0:
        return ""
    if justify == "right":
        text = text.rstrip()
    size = cell_len(text)
    if size > width:
        text = set_cell_size(text, width - 1) + ELLIPSIS
        size = cell_len(text)
    if size < width:
        text = " " * (width - size) + text if justify == "right" else text + " " * (width - size)
    return text


def _reduce(total: int, values: list[int]) -> list[int]:
    """Take `total` columns off, spread evenly (rich's `ratio_reduce` with equal ratios)."""
    ratios = [1 if v else 0 for v in values]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    out: list[int] = []
    for ratio, value in zip(ratios, values):
        if ratio and total_ratio > 0:
            distributed = min(value, round(ratio * remaining / total_ratio))
            out.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            out.append(value)
    return out


@dataclass
class Spans:
    """A line of text in styled parts: `Spans("a")`, `.append("b", style="red")`."""

    parts: list[tuple[str, str]] = field(default_factory=list)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.parts = [(text, style)] if text else []

    def append(self, text: str, style: str = "") -> None:
        if text:
            self.parts.append((text, style))

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def wrap(self, width: int | None) -> list[list[tuple[str, str]]]:
        """The parts broken into lines of at most `width` columns at spaces (None: one line)."""
        plain = self.plain
        if width is None or cell_len(plain) <= width:
            return [self.parts]
        breaks = _divide(plain, width)
        styles = [style for text, style in self.parts for _ in text]
        out: list[list[tuple[str, str]]] = []
        for start, end in zip([0, *breaks], [*breaks, len(plain)]):
            line = plain[start:end]
            keep = len(line)
            while keep and line[keep - 1] == " " and cell_len(line[:keep]) > width:
                keep -= 1  # spaces beyond the width go, as rich's rstrip_end
            out.append(_runs(line[:keep], styles[start:start + keep]))
        return out


_WORD = re.compile(r"\s*\S+\s*")


def _divide(text: str, width: int) -> list[int]:
    """Where rich's word wrap breaks `text` for `width` columns (a word too long is folded)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            pieces = _chop(word, width)
            for last, piece in ((i == len(pieces) - 1, p) for i, p in enumerate(pieces)):
                if start:
                    breaks.append(start)
                if last:
                    offset = cell_len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _chop(text: str, width: int) -> list[str]:
    pieces: list[str] = []
    current, used = "", 0
    for char in text:
        size = _char_len(char)
        if used + size > width:
            pieces.append(current)
            current, used = "", 0
        current += char
        used += size
    if current:
        pieces.append(current)
    return pieces


def _runs(text: str, styles: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for char, style in zip(text, styles):
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + char, style)
        else:
            out.append((char, style))
    return out
