"""Checks across the files of one case: ids, references and a family tree that cannot be (F020),
impossible dates (F021)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.models import CaseFolder
from gga_cli.models.common import Model, earliest_day


def _at(code: str, case: CaseFolder, file_name: str, entry: Model | None, message: str) -> Diagnostic:
    return Diagnostic(
        code, Severity.ERROR, case.id, case.path_of(file_name),
        entry.line if entry is not None else None, entry.column if entry is not None else None, message,
    )


def _refs(case: CaseFolder) -> Iterator[tuple[str, Model, str, Iterable[str]]]:
    """Every reference in the case but those of the scores and contacts (thousands a case,
    which `_references` sifts itself): (file, entry, field, ids)."""
    if case.genogram is not None:
        for p in case.genogram.people:
            yield "genogram.yaml", p, "parents", p.parents
            if p.trusted_person:
                yield "genogram.yaml", p, "trusted_person", [p.trusted_person]
        for c in case.genogram.couples:
            yield "genogram.yaml", c, "partners", c.partners
        for b in case.genogram.bonds:
            yield "genogram.yaml", b, "between", b.between
        for h in case.genogram.households:
            yield "genogram.yaml", h, "members", h.members
    if case.case is not None:
        for s in case.case.sharing:
            yield "case.yaml", s, "given_by", s.given_by or []
    if case.safety_plan is not None:
        for a in case.safety_plan.agreements:
            yield "safety-plan.yaml", a, "who", a.who or []
    if case.change_plan is not None:
        for g in case.change_plan.goals:
            yield "change-plan.yaml", g, "for", g.for_
    if case.safeguarding_plan is not None:
        for r in case.safeguarding_plan.relapse_actions:
            yield "safeguarding-plan.yaml", r, "who", r.who


def _duplicates(case: CaseFolder, lang: Lang) -> Iterator[Diagnostic]:
    groups: list[tuple[str, Iterable[tuple[str, Model]]]] = []
    if case.genogram is not None:
        groups.append(("genogram.yaml", [(p.id, p) for p in case.genogram.people] + [(n.id, n) for n in case.genogram.network]))
    if case.safety_plan is not None:
        groups.append(("safety-plan.yaml", [(b.id, b) for b in case.safety_plan.bottom_lines]))
        groups.append(("safety-plan.yaml", [(a.id, a) for a in case.safety_plan.agreements]))
    if case.change_plan is not None:
        groups.append(("change-plan.yaml", [(g.id, g) for g in case.change_plan.goals]))
    for file_name, entries in groups:
        seen: set[str] = set()
        for ident, entry in entries:
            if ident in seen:
                yield _at("F010", case, file_name, entry, pick(lang, f"id '{ident}' komt twee keer voor", f"id '{ident}' occurs twice"))
            seen.add(ident)


def _references(case: CaseFolder, lang: Lang) -> Iterator[Diagnostic]:
    if case.genogram is None:
        return
    known = case.genogram.ids()
    children = {p.id for p in case.genogram.people if p.child}
    refs = [
        *_refs(case),
        # only the scores and contacts that name someone unknown, found with a set's own test
        *(("scores.yaml", s, "by", [s.by]) for s in case.scores if s.by and s.by not in known),
        *(("contacts.yaml", c, "with", c.with_) for c in case.contacts if not known.issuperset(c.with_)),
    ]
    for file_name, entry, field, ids in refs:
        for ident in ids:
            if ident not in known:
                yield _at("F020", case, file_name, entry, pick(
                    lang, f"{field}: '{ident}' is geen persoon of netwerklid van deze zaak",
                    f"{field}: '{ident}' is no person or network member of this case"))
    for contact in case.contacts:
        if not contact.alone:
            continue
        for ident in contact.alone:
            if ident not in children:
                yield _at("F020", case, "contacts.yaml", contact, pick(
                    lang, f"alone: '{ident}' is geen kind van deze zaak", f"alone: '{ident}' is no child of this case"))


def _dated(case: CaseFolder) -> Iterator[tuple[str, Model, str, dt.date]]:
    """Every date that records something that happened but those of the scores and
    contacts (thousands a case, which `_dates` sifts itself): (file, entry, what, date)."""
    if case.case is not None:
        for p in case.case.phases:
            yield "case.yaml", p, "phases.start", p.start
        if case.case.closed is not None:
            yield "case.yaml", case.case.closed, "closed.date", case.case.closed.date
    if case.safety_plan is not None:
        sp = case.safety_plan
        for a in sp.assessments:
            yield "safety-plan.yaml", a, "assessments.date", a.date
        if sp.established is not None:
            yield "safety-plan.yaml", sp, "established", sp.established
        for r in sp.reviews:
            yield "safety-plan.yaml", r, "reviews.date", r.date
    if case.change_plan is not None:
        cp = case.change_plan
        for ra in cp.risk_assessments:
            yield "change-plan.yaml", ra, "risk_assessments.date", ra.date
        if cp.established is not None:
            yield "change-plan.yaml", cp, "established", cp.established
    if case.safeguarding_plan is not None and case.safeguarding_plan.established is not None:
        yield "safeguarding-plan.yaml", case.safeguarding_plan, "established", case.safeguarding_plan.established


def _dates(case: CaseFolder, lang: Lang, today: dt.date) -> Iterator[Diagnostic]:
    registered = case.case.registered if case.case is not None else None
    first = registered if registered is not None else dt.date.min
    dated = [
        *_dated(case),
        *(("scores.yaml", s, "date", s.date) for s in case.scores if not first <= s.date <= today),
        *(("contacts.yaml", c, "date", c.date) for c in case.contacts if not first <= c.date <= today),
    ]
    for file_name, entry, what, day in dated:
        if day > today:
            yield _at("F021", case, file_name, entry, pick(
                lang, f"{what} {day} ligt na vandaag ({today})", f"{what} {day} is after today ({today})"))
        elif registered is not None and day < registered:
            yield _at("F021", case, file_name, entry, pick(
                lang, f"{what} {day} ligt voor de aanmelding ({registered})",
                f"{what} {day} is before the registration ({registered})"))
    if case.genogram is None:
        return
    people = {p.id: p for p in case.genogram.people}
    for p in case.genogram.people:
        born = earliest_day(p.born)
        if born is None:
            continue
        if p.died is not None and _last_day(p.died) < born:
            yield _at("F021", case, "genogram.yaml", p, pick(
                lang, f"{p.id} overleed voor de geboorte", f"{p.id} died before being born"))
        for parent_id in p.parents:
            parent = people.get(parent_id)
            if parent is not None and parent.born is not None and _last_day(p.born) < earliest_day(parent.born):  # type: ignore[arg-type,operator]
                yield _at("F021", case, "genogram.yaml", p, pick(
                    lang, f"{p.id} is geboren voor ouder {parent_id}", f"{p.id} was born before parent {parent_id}"))
    # an entry dated on or after the latest birth in the genogram cannot be before anyone's
    # birth: only the few earlier ones are looked into (thousands of entries a case)
    births = [b for p in case.genogram.people if (b := earliest_day(p.born)) is not None]
    if not births:
        return
    latest = max(births)
    for score in case.scores:
        if score.date < latest:
            yield from _before_birth(case, "scores.yaml", score, score.date, [score.by] if score.by else [], people, lang)
    for contact in case.contacts:
        if contact.date < latest:
            yield from _before_birth(case, "contacts.yaml", contact, contact.date, contact.with_ + contact.alone, people, lang)


def _last_day(value: int | dt.date) -> dt.date:
    """The latest day a date or year allows."""
    return value if isinstance(value, dt.date) else dt.date(value, 12, 31)


def _before_birth(case: CaseFolder, file_name: str, entry: Model, day: dt.date, ids: list[str],
                  people: Mapping[str, object], lang: Lang) -> Iterator[Diagnostic]:
    for ident in dict.fromkeys(ids):
        person = people.get(ident)
        born = earliest_day(getattr(person, "born", None))
        if born is not None and day < born:
            yield _at("F021", case, file_name, entry, pick(
                lang, f"{day} ligt voor de geboorte van {ident}", f"{day} is before {ident} was born"))


def _family(case: CaseFolder, lang: Lang) -> Iterator[Diagnostic]:
    """What no family can be: someone their own parent or ancestor, a couple of one person,
    a bond with oneself, a couple that ends before it began, a person twice in one household."""
    if case.genogram is None:
        return
    g = case.genogram
    for p in g.people:
        if p.id in p.parents:
            yield _at("F020", case, "genogram.yaml", p, pick(lang, f"{p.id} staat bij de eigen ouders", f"{p.id} is named among their own parents"))
        elif len(set(p.parents)) < len(p.parents):
            yield _at("F020", case, "genogram.yaml", p, pick(lang, f"parents van {p.id} noemt {p.parents[0]} twee keer",
                                                             f"parents of {p.id} names {p.parents[0]} twice"))
    yield from _cycles(case, lang)
    for c in g.couples:
        if len(set(c.partners)) < len(c.partners):
            yield _at("F020", case, "genogram.yaml", c, pick(lang, f"een paar van één persoon: {c.partners[0]}", f"a couple of one person: {c.partners[0]}"))
        began = earliest_day(c.from_)
        if began is not None and c.to is not None and _last_day(c.to) < began:
            yield _at("F021", case, "genogram.yaml", c, pick(lang, f"het paar {' en '.join(c.partners)} eindigt ({c.to}) voor het begon ({c.from_})",
                                                             f"the couple {' and '.join(c.partners)} ends ({c.to}) before it began ({c.from_})"))
    for b in g.bonds:
        if len(set(b.between)) < len(b.between):
            yield _at("F020", case, "genogram.yaml", b, pick(lang, f"een relatie van {b.between[0]} met zichzelf", f"a bond of {b.between[0]} with themselves"))
    for h in g.households:
        twice = sorted({m for m in h.members if h.members.count(m) > 1})
        if twice:
            yield _at("F020", case, "genogram.yaml", h, pick(lang, f"huishouden {h.name} noemt {', '.join(twice)} twee keer",
                                                             f"household {h.name} names {', '.join(twice)} twice"))


def _cycles(case: CaseFolder, lang: Lang) -> Iterator[Diagnostic]:
    """Each cycle of parents (a is b's parent, b is a's), at the first of its people in the
    file: found without recursion, so a chain of thousands of generations is no problem."""
    assert case.genogram is not None
    people = {p.id: p for p in case.genogram.people}
    order = {ident: n for n, ident in enumerate(people)}
    done: set[str] = set()
    for start in people:
        if start in done:
            continue
        path: list[str] = []
        on_path: dict[str, int] = {}
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            ident, next_parent = stack.pop()
            if next_parent == 0:
                path.append(ident)
                on_path[ident] = len(path) - 1
            parents = [q for q in people[ident].parents if q in people and q != ident]
            if next_parent < len(parents):
                stack.append((ident, next_parent + 1))
                parent = parents[next_parent]
                if parent in on_path:
                    cycle = path[on_path[parent]:]
                    at = cycle.index(min(cycle, key=order.__getitem__))
                    cycle = cycle[at:] + cycle[:at]  # told from the one first in the file
                    first = cycle[0]
                    shown = " → ".join([*cycle, first])
                    yield _at("F020", case, "genogram.yaml", people[first], pick(
                        lang, f"een kring van ouders: {shown}; niemand is zijn eigen voorouder",
                        f"a cycle of parents: {shown}; no one is their own ancestor"))
                elif parent not in done:
                    stack.append((parent, 0))
            else:
                path.pop()
                del on_path[ident]
                done.add(ident)


def _unknown_waivers(case: CaseFolder, lang: Lang) -> Iterator[Diagnostic]:
    """A waiver must name a rule gga knows: a typo would waive nothing, silently."""
    if case.case is None or not case.case.waivers:
        return
    from gga_cli.rules import REGISTRY

    for waiver in case.case.waivers:
        if waiver.rule not in REGISTRY:
            yield _at("F010", case, "case.yaml", waiver, pick(
                lang, f"waivers: {waiver.rule} is geen regel van gga", f"waivers: {waiver.rule} is no rule of gga"))


def check(case: CaseFolder, lang: Lang, today: dt.date) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if case.case is not None and case.case.id != case.id:
        out.append(_at("F010", case, "case.yaml", case.case, pick(
            lang, f"id {case.case.id} is niet gelijk aan de mapnaam {case.id}",
            f"id {case.case.id} differs from the folder name {case.id}")))
    out += _unknown_waivers(case, lang)
    out += _duplicates(case, lang)
    out += _references(case, lang)
    out += _family(case, lang)
    out += _dates(case, lang, today)
    return out
