"""The marks of genogram notation (McGoldrick & Gerson): symbols, couple lines, emotional lines."""

from __future__ import annotations

import math

from gga_cli.genogram.svg import Canvas

SIZE = 40.0  # side of a square; a circle's diameter
BOND_COLOURS = {
    "close": "#2e7d32",
    "fused": "#6a1b9a",
    "conflict": "#e65100",
    "distant": "#607d8b",
    "cut_off": "#222222",
    "violence": "#c62828",
}


def symbol(c: Canvas, x: float, y: float, sex: str, index: bool = False, deceased: bool = False, child: bool = False) -> None:
    """Square for a man, circle for a woman, diamond for x; a double outline for the index child; a cross for the deceased."""
    fill = "#fff8e1" if child else "#ffffff"
    for inset, width in ((0.0, 1.8), (5.0, 1.2)) if index else ((0.0, 1.8),):
        half = SIZE / 2 - inset
        style: dict[str, str | float] = {"fill": fill if inset == 0 else "none", "stroke": "#222", "stroke_width": width}
        if sex == "m":
            c.add("rect", x=x - half, y=y - half, width=2 * half, height=2 * half, **style)
        elif sex == "f":
            c.add("circle", cx=x, cy=y, r=half, **style)
        else:
            d = half * 1.18
            c.path([(x, y - d), (x + d, y), (x, y + d), (x - d, y), (x, y - d)], **style)
    if deceased:
        half = SIZE / 2
        c.line(x - half, y - half, x + half, y + half, stroke="#555", stroke_width=1.2)
        c.line(x - half, y + half, x + half, y - half, stroke="#555", stroke_width=1.2)


def slashes(c: Canvas, x: float, y: float, count: int) -> None:
    """One slash on a couple line for a separation, two for a divorce."""
    for i in range(count):
        dx = x + (i - (count - 1) / 2) * 7
        c.line(dx - 4, y + 7, dx + 4, y - 7, stroke_width=1.6)


def couple_style(status: str | None) -> dict[str, str | float]:
    if status == "cohabiting":
        return {"stroke_dasharray": "7 4"}
    if status is None:  # parents of a child, no relation recorded
        return {"stroke": "#888", "stroke_dasharray": "2 3"}
    return {}


Point = tuple[float, float]
# a line across a family of thousands needs no more points than this to look smooth: a
# drawing stays linear in its people and relations, however far apart two of them stand
MAX_POINTS = 400


def curve(x1: float, y1: float, x2: float, y2: float, bend: float) -> list[Point]:
    """Points along a line from one person to another, bowed sideways by `bend` pixels (0: straight)."""
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    cx, cy = mx - (y2 - y1) / length * bend, my + (x2 - x1) / length * bend
    n = min(max(int(length / 3), 2), MAX_POINTS)
    return [
        ((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2, (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2)
        for t in (i / n for i in range(n + 1))
    ]


def _trimmed(points: list[Point], trim: float) -> list[Point]:
    """The points at least `trim` away from both ends, so a line starts beside a symbol, not in it."""
    (x1, y1), (x2, y2) = points[0], points[-1]
    inner = [p for p in points if math.hypot(p[0] - x1, p[1] - y1) >= trim and math.hypot(p[0] - x2, p[1] - y2) >= trim]
    return inner if len(inner) >= 2 else [points[len(points) // 2 - 1], points[len(points) // 2]]


def _normals(points: list[Point]) -> list[Point]:
    out = []
    for i in range(len(points)):
        (ax, ay), (bx, by) = points[max(i - 1, 0)], points[min(i + 1, len(points) - 1)]
        length = math.hypot(bx - ax, by - ay) or 1.0
        out.append((-(by - ay) / length, (bx - ax) / length))
    return out


def _offset(points: list[Point], normals: list[Point], by: float) -> list[Point]:
    return [(x + nx * by, y + ny * by) for (x, y), (nx, ny) in zip(points, normals, strict=True)]


def _resample(points: list[Point], step: float) -> list[Point]:
    """Points every `step` pixels along the line (further apart on a line so long that it would need
    more than MAX_POINTS)."""
    total = sum(math.hypot(bx - ax, by - ay) for (ax, ay), (bx, by) in zip(points, points[1:], strict=False))
    step = max(step, total / MAX_POINTS)
    out, carry = [points[0]], 0.0
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        seg = math.hypot(bx - ax, by - ay)
        t = step - carry
        while t <= seg:
            out.append((ax + (bx - ax) * t / seg, ay + (by - ay) * t / seg))
            t += step
        carry = (carry + seg) % step if seg else carry
    if out[-1] != points[-1]:
        out.append(points[-1])
    return out


def bond(c: Canvas, kind: str, points: list[Point], trim: float = SIZE / 2 + 5) -> None:
    """An emotional line along `points` (from one person to the other), starting and ending beside their symbols."""
    line = _trimmed(points, trim) if trim else points
    colour = BOND_COLOURS[kind]
    if kind in ("close", "fused"):
        normals = _normals(line)
        for o in (-2.5, 2.5) if kind == "close" else (-4.0, 0.0, 4.0):
            c.path(_offset(line, normals, o), stroke=colour, stroke_width=1.4)
    elif kind in ("conflict", "violence"):
        amplitude, step = (4.0, 6.0) if kind == "conflict" else (5.5, 7.0)
        even = _resample(line, step)
        normals = _normals(even)
        zig = [(x + nx * (amplitude if i % 2 else -amplitude) * (0 < i < len(even) - 1), y + ny * (amplitude if i % 2 else -amplitude) * (0 < i < len(even) - 1))
               for i, ((x, y), (nx, ny)) in enumerate(zip(even, normals, strict=True))]
        c.path(zig, stroke=colour, stroke_width=1.5 if kind == "conflict" else 2.6, stroke_linejoin="round")
    elif kind == "distant":
        c.path(line, stroke=colour, stroke_width=2, stroke_dasharray="1.5 4", stroke_linecap="round")
    else:  # cut_off: the line broken in the middle, each end closed by a bar
        even = _resample(line, 2.0)
        normals = _normals(even)
        mid, gap = len(even) // 2, 3
        for part, end in ((even[: mid - gap + 1], mid - gap), (even[mid + gap :], mid + gap)):
            if len(part) >= 2:
                c.path(part, stroke=colour, stroke_width=1.5)
            (x, y), (nx, ny) = even[end], normals[end]
            c.line(x - nx * 7, y - ny * 7, x + nx * 7, y + ny * 7, stroke=colour, stroke_width=1.5)
