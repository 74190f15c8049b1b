"""Report sections about the family and the work: case, genogram, network, scores, contacts, sharing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from gga_cli.genogram import family_svg, network_svg
from gga_cli.genogram.family import age, years
from gga_cli.handover import blocks as b
from gga_cli.handover.curve import score_curve
from gga_cli.handover.people import Namer
from gga_cli.words import PHASES, label, value
from gga_cli.i18n import Lang, long_date, pick, short_date
from gga_cli.models import CaseFolder


@dataclass(frozen=True)
class Ctx:
    lang: Lang
    today: dt.date
    namer: Namer
    alarm: int = 3

    def l(self, key: str) -> str:  # noqa: E743  (a label, read often)
        return label(key, self.lang)

    def v(self, code: str) -> str:
        return value(code, self.lang)

    def date(self, day: dt.date | int | None) -> str:
        if day is None:
            return ""
        return str(day) if isinstance(day, int) else long_date(day, self.lang)

    def short(self, day: dt.date | None) -> str:
        return short_date(day, self.lang) if day else ""

    def period(self, start: dt.date | int | None, end: dt.date | int | None) -> str:
        if start is None and end is None:
            return ""
        if end is None:
            return f"{self.l('since')} {self.date(start)}"
        if start is None:
            return f"{self.l('until')} {self.date(end)}"
        return f"{self.date(start)} – {self.date(end)}"


def case_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    c = case.case
    assert c is not None
    m = c.measure
    extension = f"{r.v(m.extension.outcome)} ({r.date(m.extension.date)})" if m.extension else None
    local = f"{c.local_team.name}" + (f", {c.local_team.contact}" if c.local_team and c.local_team.contact else "") if c.local_team else None
    nl, en = PHASES[c.phase]
    rows: list[tuple[str, str | None]] = [
        (r.l("case_id"), c.id),
        (r.l("family"), c.family),
        (r.l("registered"), r.date(c.registered)),
        (r.l("worker"), c.worker),
        (r.l("team"), c.team),
        (r.l("measure"), r.v(m.kind)),
        (r.l("measure_period"), r.period(m.start, m.end)),
        (r.l("extension"), extension),
        (r.l("local_team"), local or r.l("not_recorded")),
        (r.l("phase"), pick(r.lang, nl, en)),
        (r.l("phases"), "; ".join(f"{p.phase}: {r.date(p.start)}" for p in c.phases)),
    ]
    if c.closed:
        rows += [(r.l("closed"), f"{r.date(c.closed.date)}: {c.closed.reason}"), (r.l("handed_over_to"), c.closed.handed_over_to)]
    return [b.fields(rows)]


def genogram_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    g = case.genogram
    assert g is not None and case.case is not None
    out = [b.image("genogram", family_svg(g, r.today, r.lang, f"Genogram {case.id}"), f"Genogram {case.id}")]
    rows = []
    for p in g.people:
        roles = [r.l("index_child") if p.index else r.l("child") if p.child else ""]
        if p.trusted_person:
            roles.append(f"{r.l('trusted_person')}: {r.namer.of(p.trusted_person)}")
        shown = age(p, r.today)
        rows.append([p.name, r.v(p.sex), years(p), "" if shown is None else str(shown), "; ".join(x for x in roles if x), p.note or ""])
    out += [b.subheading(r.l("people")),
            b.table([r.l("name"), r.l("sex"), r.l("born"), r.l("age"), r.l("role"), r.l("note")], rows)]
    if g.households:
        out += b.listed(r.l("households"), [f"{h.name}: {r.namer.all(h.members)}" for h in g.households], r.l("none"))
    return out


def network_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    g = case.genogram
    assert g is not None
    if not g.network:
        return [b.nothing(r.l("none"))]
    return [
        b.image("network", network_svg(g.network, r.lang, r.namer.member), "Sociogram"),
        b.table([r.l("name"), r.l("kind"), r.l("relation")], [[r.namer.member(m), r.v(m.kind), m.relation or ""] for m in g.network]),
    ]


def scores_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    scores = [s for s in case.scores if not s.private]
    if not scores:
        return [b.nothing(r.l("none"))]

    def rater(ident: str | None) -> str:
        return r.l("the_worker") if ident is None else r.namer.of(ident)

    rows = [[r.short(s.date), str(s.score), rater(s.by), s.note or ""] for s in sorted(scores, key=lambda s: s.date)]
    return [
        b.image("scores", score_curve(scores, r.lang, rater, r.alarm), r.l("score_curve")),
        b.table([r.l("date"), r.l("score"), r.l("rater"), r.l("note")], rows),
    ]


def contacts_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    """A summary, not the log: how often each kind of contact, and each child spoken alone."""
    contacts = sorted((c for c in case.contacts if not c.private), key=lambda c: c.date)
    if not contacts:
        return [b.nothing(r.l("none"))]
    kinds = Counter(c.kind for c in contacts)
    rows = []
    for kind, n in kinds.most_common():
        dates = [c.date for c in contacts if c.kind == kind]
        rows.append([r.v(kind), str(n), r.short(min(dates)), r.short(max(dates))])
    out = [b.table([r.l("kind"), r.l("contacts_count"), r.l("first"), r.l("last")], rows)]
    alone: dict[str, list[dt.date]] = {}
    for c in contacts:
        for child in c.alone:
            alone.setdefault(child, []).append(c.date)
    if alone:
        out += [b.subheading(r.l("spoken_alone")),
                b.table([r.l("name"), r.l("times"), r.l("last")], [[r.namer.of(k), str(len(v)), r.short(max(v))] for k, v in alone.items()])]
    return out


def sharing_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    c = case.case
    assert c is not None
    if not c.sharing:
        return [b.nothing(r.l("not_recorded"))]
    rows = [[r.short(s.date), r.v(s.basis), r.namer.all(s.given_by), s.scope or "", s.note or ""] for s in c.sharing]
    return [b.table([r.l("date"), r.l("basis"), r.l("given_by"), r.l("scope"), r.l("note")], rows)]
