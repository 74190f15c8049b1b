"""What the rule modules share, the time-based ones above all: the day a case is judged
up to, the phase in force on a day, entries in date order, and the words of a deadline met
late or overdue now.

method.md: "Time-based rules judge an open case up to today and a closed case up to its
closing date. A phase is in force from its start date. Scores and contacts are judged in
date order (file order breaks ties)."
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from operator import attrgetter
from typing import Any, Protocol, TypeVar

from gga_cli import dates
from gga_cli.i18n import Lang, days, long_date, pick
from gga_cli.models import CaseFolder
from gga_cli.models.case import Case, PhaseEntry
from gga_cli.models.common import earliest_day
from gga_cli.models.entries import Contact
from gga_cli.models.genogram import Person
from gga_cli.rules.registry import Context


class Dated(Protocol):
    @property
    def date(self) -> dt.date: ...


D = TypeVar("D", bound=Dated)
_DATE = attrgetter("date")


def horizon(facts: Case, ctx: Context) -> dt.date:
    """The last day a case is judged on: today while open, its closing date once closed.

    A closing date after today (closed ahead of time) is judged up to today.
    """
    if facts.closed is not None:
        return min(facts.closed.date, ctx.today)
    return ctx.today


def in_order(entries: Iterable[D], until: dt.date) -> list[D]:
    """Entries dated on or before `until`, oldest first; file order breaks ties (sort is stable)."""
    found = [e for e in entries if e.date <= until]
    found.sort(key=_DATE)  # attrgetter, not a lambda: called for every score and contact of a case
    return found


def family_ids(case: CaseFolder) -> frozenset[str]:
    """The ids of the genogram's people: the family, as against the network."""
    return frozenset(p.id for p in case.genogram.people) if case.genogram is not None else frozenset()


def is_family_contact(contact: Contact, family: frozenset[str]) -> bool:
    """A family contact: any kind but the team's own case consultation, in which at least
    one person of the genogram took part (`with` or `alone`). A call with only the school
    or the GP is a contact with the network, not with the family (method.md, revision 2)."""
    # isdisjoint: a set method over the list, where `any` over a generator cost a Python
    # frame a person (G102, G107, G108 and G109 each ask this of every contact)
    return contact.kind != "case_consultation" and not (family.isdisjoint(contact.with_) and family.isdisjoint(contact.alone))


_SHARED: ContextVar[tuple[CaseFolder, dict[tuple[str, dt.date], tuple[Any, ...]]] | None] = ContextVar("gga_rules_shared", default=None)

T = TypeVar("T")


@contextmanager
def sharing(case: CaseFolder) -> Iterator[None]:
    """While the rules judge `case` in one context (`judging`), what several of them derive
    from it up to a day is made once (`shared`): its family contacts, which G102, G107,
    G108 and G109 each sorted and sifted, and its alarms (G108 and G117)."""
    token = _SHARED.set((case, {}))
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(case: CaseFolder, what: str, until: dt.date, make: Callable[[CaseFolder, dt.date], tuple[T, ...]]) -> tuple[T, ...]:
    """`make(case, until)`, made once while the rules judge `case` (`sharing`) and made
    anew otherwise. The rules change nothing of a case, and what is shared is a tuple."""
    memo = _SHARED.get()
    if memo is None or memo[0] is not case:
        return make(case, until)
    found = memo[1].get((what, until))
    if found is None:
        found = memo[1][(what, until)] = make(case, until)
    return found


def family_contacts(case: CaseFolder, until: dt.date) -> tuple[Contact, ...]:
    """The family contacts (`is_family_contact`) dated on or before `until`, in date order.
    G102, G107, G108, G109 and the board's last contact count only these."""
    return shared(case, "family contacts", until, _family_contacts)


def _family_contacts(case: CaseFolder, until: dt.date) -> tuple[Contact, ...]:
    family = family_ids(case)
    return tuple([c for c in in_order(case.contacts, until) if is_family_contact(c, family)])


def history(facts: Case) -> list[PhaseEntry]:
    """The phase history; a case in phase 1 without one has been in phase 1 since registration."""
    if facts.phases:
        return list(facts.phases)
    if facts.phase == 1:
        return [PhaseEntry(phase=1, start=facts.registered)]
    return []


def phase_at(facts: Case, day: dt.date) -> int:
    """The phase in force on a day: the last history entry started on or before it.

    Before the first entry the first entry's phase holds; without any history, the
    current phase (G122 reports the missing history).
    """
    return phase_in(history(facts), facts.phase, day)


def phase_in(entries: Sequence[PhaseEntry], phase_now: int, day: dt.date) -> int:
    """`phase_at` for a case's `history` made once (a rule asking for many days):
    `phase_now` is the case's current phase."""
    if not entries:
        return phase_now
    current = entries[0].phase
    for entry in entries:
        if entry.start <= day:
            current = entry.phase
    return current


def current_stint(facts: Case) -> PhaseEntry | None:
    """The history entry that started the current phase, where the history ends in it."""
    entries = history(facts)
    if entries and entries[-1].phase == facts.phase:
        return entries[-1]
    return None


def stints(facts: Case, phase: int, until: dt.date) -> list[tuple[PhaseEntry, dt.date, bool]]:
    """Each stretch the case was in `phase`: (its history entry, its end, whether it is current).

    A stretch ends where the next entry starts, or at `until` for the last one.
    """
    entries = [e for e in history(facts) if e.start <= until]
    out: list[tuple[PhaseEntry, dt.date, bool]] = []
    for i, entry in enumerate(entries):
        if entry.phase != phase:
            continue
        last = i + 1 == len(entries)
        out.append((entry, until if last else entries[i + 1].start, last))
    return out


def living_children(case: CaseFolder) -> list[Person]:
    """The children the case is about, in genogram order; a child who died is left out."""
    if case.genogram is None:
        return []
    return [p for p in case.genogram.children() if p.died is None]


def birth_day(person: Person) -> dt.date | None:
    """A birth date; a birth year alone counts from 1 January (the earliest it allows)."""
    return earliest_day(person.born)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    return dates.add_years(day, years)


def between(first: dt.date, last: dt.date) -> int:
    return (last - first).days


def say(ctx: Context, nl: str, en: str) -> str:
    return pick(ctx.lang, nl, en)


def when(day: dt.date, lang: Lang) -> str:
    return long_date(day, lang)


def late(what_nl: str, what_en: str, due: dt.date, done: dt.date, lang: Lang) -> str:
    """A deadline met late: 'eerste huisbezoek 3 dagen te laat (uiterlijk 10 februari 2026, was 13 februari 2026)'."""
    n = between(due, done)
    return pick(
        lang,
        f"{what_nl} {days(n, lang)} te laat (uiterlijk {long_date(due, lang)}, was {long_date(done, lang)})",
        f"{what_en} {days(n, lang)} late (due {long_date(due, lang)}, was {long_date(done, lang)})",
    )


def overdue(what_nl: str, what_en: str, due: dt.date, until: dt.date, lang: Lang) -> str:
    """A deadline passed without it being met: 'nog geen huisbezoek: uiterlijk 10 februari 2026, 3 dagen over tijd'."""
    n = between(due, until)
    return pick(
        lang,
        f"{what_nl}: uiterlijk {long_date(due, lang)}, {days(n, lang)} over tijd",
        f"{what_en}: due {long_date(due, lang)}, {days(n, lang)} overdue",
    )


def ids(values: Sequence[str]) -> str:
    return ", ".join(values)
