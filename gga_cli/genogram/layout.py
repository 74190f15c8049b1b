"""Where each person of a genogram stands: generations as rows, couples side by side,
children under their parents, oldest left.

Pure geometry in slot units (one slot a person); `svg` scales it to pixels. The layout
is layered: a generation is a row; a row holds units (people joined by couples, a parent
with two partners in the middle); units are ordered by the positions of their parents
and children (a few barycentre sweeps), then placed as close to where their parents and
children want them as the order allows (isotonic regression, so nothing overlaps).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict, deque
from dataclasses import dataclass, field

from gga_cli.models.genogram import Genogram, Person

UNIT_GAP = 0.55  # slots between two units in a row: a visible break between families
SWEEPS = 6


@dataclass(frozen=True)
class Pair:
    """Two partners drawn joined: a recorded couple, or the parents of a child with no couple recorded."""

    a: str
    b: str
    status: str | None  # None: no relation recorded, only shared children
    start: int | dt.date | None = None
    end: int | dt.date | None = None


@dataclass(frozen=True)
class Descent:
    """Children hanging from one set of parents (one parent where the other is unknown)."""

    parents: tuple[str, ...]
    children: tuple[str, ...]  # oldest first


@dataclass
class Layout:
    gen: dict[str, int] = field(default_factory=dict)
    x: dict[str, float] = field(default_factory=dict)  # centre, in slots
    rows: list[list[list[str]]] = field(default_factory=list)  # per generation, its units in order
    pairs: list[Pair] = field(default_factory=list)
    descents: list[Descent] = field(default_factory=list)
    _by_parent: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def index_descents(self) -> None:
        """Look descents up by parent (`descents_of`), instead of scanning them all for each unit."""
        self._by_parent = defaultdict(list)
        for n, d in enumerate(self.descents):
            for p in d.parents:
                self._by_parent[p].append(n)

    def descents_of(self, unit: list[str]) -> list[Descent]:
        """The descents with a parent in `unit`, each once, in the order of `descents`."""
        found = sorted({n for p in unit for n in self._by_parent.get(p, ())})
        return [self.descents[n] for n in found]

    @property
    def width(self) -> float:
        return max(self.x.values(), default=0.0) + 1.0

    def connector(self, parents: tuple[str, ...]) -> float:
        """Where a descent line leaves its parents: between two, under one."""
        return sum(self.x[p] for p in parents) / len(parents)


def birth_key(person: Person) -> tuple[int, int, int]:
    born = person.born
    if born is None:
        return (9999, 12, 31)  # unknown births after the known ones, in file order
    if isinstance(born, int):
        return (born, 0, 0)
    return (born.year, born.month, born.day)


def _parents(g: Genogram) -> dict[str, tuple[str, ...]]:
    known = {p.id for p in g.people}
    return {p.id: tuple(q for q in p.parents if q in known and q != p.id) for p in g.people}


def _pairs(g: Genogram, parents: dict[str, tuple[str, ...]]) -> list[Pair]:
    known = {p.id for p in g.people}
    out: list[Pair] = []
    seen: set[frozenset[str]] = set()
    for c in g.couples:
        a, b = c.partners
        key = frozenset((a, b))
        if a in known and b in known and a != b and key not in seen:
            seen.add(key)
            out.append(Pair(a, b, c.status, c.from_, c.to))
    for ps in parents.values():
        if len(ps) == 2 and frozenset(ps) not in seen:
            seen.add(frozenset(ps))
            out.append(Pair(ps[0], ps[1], None))
    return out


def _topological(ids: list[str], parents: dict[str, tuple[str, ...]], children: dict[str, list[str]]) -> dict[str, int]:
    """Each person's place in an order with parents before their children (Kahn); people in
    a cycle of parents, which has no such order, come last, in file order."""
    waiting = {p: len(parents[p]) for p in ids}
    ready = deque(p for p in ids if not waiting[p])
    rank: dict[str, int] = {}
    while ready:
        person = ready.popleft()
        rank[person] = len(rank)
        for child in children[person]:
            waiting[child] -= 1
            if not waiting[child]:
                ready.append(child)
    for person in ids:
        rank.setdefault(person, len(rank))
    return rank


def generations(g: Genogram, parents: dict[str, tuple[str, ...]], pairs: list[Pair]) -> dict[str, int]:
    """A row for each person: a child one below its parents, partners level, a parent
    whose own parents are unknown just above its children.

    Each rule only ever moves a person down, so the rows are the least that satisfy them
    all, whatever the order they are applied in. People are looked at parents first, and
    again only when a relative moved, which for a family tree is a few looks a person.
    The number of moves is bounded, so a cycle in the data (someone their own ancestor,
    a couple of a parent and its child) cannot hang the layout."""
    ids = [p.id for p in g.people]
    children: dict[str, list[str]] = defaultdict(list)
    for child, ps in parents.items():
        for p in ps:
            children[p].append(child)
    partners: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        partners[pair.a].append(pair.b)
        partners[pair.b].append(pair.a)
    rank = _topological(ids, parents, children)
    gen = dict.fromkeys(ids, 0)
    budget = 8 * (len(ids) + sum(len(ps) for ps in parents.values()) + 2 * len(pairs)) + 64
    queue = [(rank[p], p) for p in ids]
    heapq.heapify(queue)
    queued = set(ids)
    # a parent whose own parents are unknown follows its highest child: each keeps its children
    # in a heap by row, refreshed lazily (rows only grow), so a parent of thousands is cheap
    highest = {p: [(0, c) for c in children[p]] for p in ids if not parents[p] and children[p]}

    def highest_child(parent: str) -> int:
        found = highest[parent]
        while found[0][0] != gen[found[0][1]]:
            _, child = heapq.heappop(found)
            heapq.heappush(found, (gen[child], child))
        return found[0][0]

    def lower(person: str, level: int) -> None:
        nonlocal budget
        if gen[person] < level and budget > 0:
            budget -= 1
            gen[person] = level
            for near in (person, *children[person], *partners[person], *(p for p in parents[person] if p in highest)):
                if near not in queued:
                    queued.add(near)
                    heapq.heappush(queue, (rank[near], near))

    while queue:
        _, person = heapq.heappop(queue)
        queued.discard(person)
        for p in parents[person]:
            lower(person, gen[p] + 1)
        for partner in partners[person]:
            level = max(gen[person], gen[partner])
            lower(person, level)
            lower(partner, level)
        if person in highest:
            lower(person, highest_child(person) - 1)
    low = min(gen.values(), default=0)
    return {k: v - low for k, v in gen.items()}


def _chain(members: set[str], partners: dict[str, list[str]], order: dict[str, int]) -> list[str]:
    """People joined by couples, in a line: along the path, or around the one with most partners."""
    by_file = sorted(members, key=order.__getitem__)
    degree = {m: len([q for q in partners[m] if q in members]) for m in members}
    if all(d <= 2 for d in degree.values()):
        ends = [m for m in by_file if degree[m] <= 1]
        start = ends[0] if ends else by_file[0]
        line, seen = [start], {start}
        while True:
            nxt = [q for q in partners[line[-1]] if q in members and q not in seen]
            if not nxt:
                break
            line.append(nxt[0])
            seen.add(nxt[0])
        return line + [m for m in by_file if m not in seen]
    hub = max(by_file, key=lambda m: degree[m])
    around = [m for m in by_file if m != hub]
    left = around[1::2]
    return list(reversed(left)) + [hub] + [m for m in around if m not in left]


def _units(ids: list[str], gen: dict[str, int], pairs: list[Pair], order: dict[str, int]) -> list[list[list[str]]]:
    partners: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        if gen[pair.a] == gen[pair.b]:
            partners[pair.a].append(pair.b)
            partners[pair.b].append(pair.a)
    rows: list[list[list[str]]] = [[] for _ in range(max(gen.values(), default=-1) + 1)]
    seen: set[str] = set()
    for person in ids:
        if person in seen:
            continue
        component, stack = {person}, [person]
        while stack:
            for q in partners[stack.pop()]:
                if q not in component:
                    component.add(q)
                    stack.append(q)
        seen |= component
        rows[gen[person]].append(_chain(component, partners, order))
    return rows


def _isotonic(values: list[float], weights: list[float]) -> list[float]:
    """The non-decreasing sequence nearest to `values` (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, weight, count]
    for v, w in zip(values, weights, strict=True):
        blocks.append([v, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2, n2 = blocks.pop()
            m1, w1, n1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, n1 + n2])
    out: list[float] = []
    for mean, _, n in blocks:
        out += [mean] * int(n)
    return out


class _Placer:
    def __init__(self, lay: Layout, parents: dict[str, tuple[str, ...]], rank: dict[str, tuple[int, int]]) -> None:
        self.lay = lay
        self.parents = parents
        self.rank = rank  # child -> (place among its siblings, number of siblings)

    def _row_x(self, row: list[list[str]], lefts: list[float]) -> None:
        for unit, left in zip(row, lefts, strict=True):
            for i, person in enumerate(unit):
                self.lay.x[person] = left + i

    def _settle(self, row: list[list[str]], wanted: list[float]) -> None:
        offsets, at = [], 0.0
        for n, unit in enumerate(row):
            if n:
                at += 0.0 if self._siblings(row[n - 1], unit) else UNIT_GAP
            offsets.append(at)
            at += len(unit)
        shifted = _isotonic([w - o for w, o in zip(wanted, offsets, strict=True)], [float(len(u)) for u in row])
        self._row_x(row, [s + o for s, o in zip(shifted, offsets, strict=True)])

    def _siblings(self, left: list[str], right: list[str]) -> bool:
        """Units holding children of the same parents stand a slot apart, with no gap between families."""
        return bool({self.parents[p] for p in left if self.parents[p]} & {self.parents[p] for p in right})

    def _from_parents(self, unit: list[str]) -> float | None:
        wants = []
        for i, person in enumerate(unit):
            ps = self.parents[person]
            if ps and all(p in self.lay.x for p in ps):
                place, n = self.rank[person]
                wants.append(self.lay.connector(ps) + place - (n - 1) / 2 - i)
        return sum(wants) / len(wants) if wants else None

    def _from_children(self, unit: list[str]) -> float | None:
        wants = []
        members = set(unit)
        for d in self.lay.descents_of(unit):
            if set(d.parents) <= members:
                centre = sum(self.lay.x[c] for c in d.children) / len(d.children)
                offset = sum(unit.index(p) for p in d.parents) / len(d.parents)
                wants.append(centre - offset)
        return sum(wants) / len(wants) if wants else None

    def sweep(self, rows: range, down: bool) -> None:
        for g in rows:
            row = self.lay.rows[g]
            wanted = []
            for unit in row:
                current = self.lay.x[unit[0]]
                want = self._from_parents(unit) if down else self._from_children(unit)
                wanted.append(current if want is None else want)
            self._settle(row, wanted)


def _order_rows(lay: Layout, parents: dict[str, tuple[str, ...]], births: dict[str, tuple[int, int, int]]) -> None:
    """Barycentre sweeps: a unit goes where its parents (down) or children (up) are; siblings oldest left."""

    for sweep in range(SWEEPS):
        down = sweep % 2 == 0
        positions: dict[str, float] = {}
        for row in lay.rows:
            at = 0.0
            for unit in row:
                for p in unit:
                    positions[p] = at
                    at += 1
                at += 1
        rows = range(1, len(lay.rows)) if down else range(len(lay.rows) - 2, -1, -1)
        for g in rows:
            row = lay.rows[g]
            keyed = []
            for n, unit in enumerate(row):
                if down:
                    refs = [positions[q] for p in unit for q in parents[p]]
                    eldest = min((births[p] for p in unit if parents[p]), default=(9999, 99, 99))
                else:
                    refs = [positions[c] for d in lay.descents_of(unit) for c in d.children]
                    eldest = (0, 0, 0)
                own = [positions[p] for p in unit]
                key = sum(refs) / len(refs) if refs else sum(own) / len(own)
                keyed.append((key, eldest, n, _oriented(unit, parents, positions, lay) if down else unit))
            keyed.sort(key=lambda k: (k[0], k[1], k[2]))
            lay.rows[g] = [k[3] for k in keyed]
            at = 0.0
            for unit in lay.rows[g]:
                for p in unit:
                    positions[p] = at
                    at += 1
                at += 1


def _oriented(unit: list[str], parents: dict[str, tuple[str, ...]], positions: dict[str, float], lay: Layout) -> list[str]:
    """Turn a couple round when the right partner's parents stand left of the left partner's."""
    if len(unit) < 2:
        return unit

    def where(p: str) -> float | None:
        ps = parents[p]
        return sum(positions[q] for q in ps) / len(ps) if ps else None

    first, last = where(unit[0]), where(unit[-1])
    if first is not None and last is not None and first > last:
        return list(reversed(unit))
    return unit


def layout(g: Genogram) -> Layout:
    parents = _parents(g)
    pairs = _pairs(g, parents)
    gen = generations(g, parents, pairs)
    order = {p.id: i for i, p in enumerate(g.people)}
    births = {p.id: birth_key(p) for p in g.people}
    lay = Layout(gen=gen, pairs=pairs)
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for p in g.people:
        if parents[p.id]:
            groups[tuple(sorted(parents[p.id], key=order.__getitem__))].append(p.id)
    rank: dict[str, tuple[int, int]] = {}
    for ps, kids in groups.items():
        kids.sort(key=lambda k: (births[k], order[k]))
        lay.descents.append(Descent(ps, tuple(kids)))
        for i, k in enumerate(kids):
            rank[k] = (i, len(kids))
    lay.index_descents()
    lay.rows = _units([p.id for p in g.people], gen, pairs, order)
    _order_rows(lay, parents, births)
    placer = _Placer(lay, parents, rank)
    for row in lay.rows:
        placer._settle(row, [0.0] * len(row))
    last = len(lay.rows)
    for _ in range(SWEEPS):
        placer.sweep(range(last - 2, -1, -1), down=False)
        placer.sweep(range(1, last), down=True)
    low = min(lay.x.values(), default=0.0)
    lay.x = {k: v - low for k, v in lay.x.items()}
    return lay
