"""The rhythm of contact: the child spoken alone, contact per phase, a score after each contact.

Booklet, chapter 4: "De contactfrequentie met het gezin ... is hoog en intensief" (phase 1),
"lager dan het wekelijkse contact in fase 1" (phase 2), "weer hoger (wekelijks contact)"
(phase 3); "Na elk contact of belangrijk moment wordt de veiligheid door middel van een
schaalvraag van 1 tot 10 gewogen."

Rules: G107 G108 G109.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.models import CaseFolder
from gga_cli.models.entries import Contact
from gga_cli.models.genogram import Person
from gga_cli.models.settings import Deadlines
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import (
    birth_day,
    family_contacts,
    history,
    horizon,
    in_order,
    late,
    living_children,
    overdue,
    phase_at,
    say,
    when,
)

RULES = RuleSet()

WARNING = Severity.WARNING
CONTACTS = "contacts.yaml"

_KIND_WORDS = {
    "home_visit": ("het huisbezoek", "home visit"),
    "office": ("het gesprek op kantoor", "office meeting"),
    "phone": ("het telefoongesprek", "phone call"),
    "video": ("het videogesprek", "video call"),
    "network_meeting": ("de netwerkbijeenkomst", "network meeting"),
    "supervised_visit": ("de begeleide omgang", "supervised visit"),
    "school": ("het schoolgesprek", "school meeting"),
    "case_consultation": ("de casuïstiekbespreking", "case consultation"),
    "other": ("het contact", "contact"),
}


def contact_words(contact: Contact, lang: Lang) -> str:
    """'het huisbezoek van 4 februari 2026' / 'the home visit of 4 February 2026'."""
    nl, en = _KIND_WORDS[contact.kind]
    return pick(lang, f"{nl} van {when(contact.date, lang)}", f"{en} of {when(contact.date, lang)}")


# G107 ---------------------------------------------------------------------------------


def _spoken_alone(ordered: list[Contact], child: Person) -> list[Contact]:
    """The contacts (already in date order) at which the child was spoken to alone."""
    return [c for c in ordered if child.id in c.alone]


def _alone_anchor(case: CaseFolder, child: Person, ordered: list[Contact]) -> tuple[dt.date, Contact | None]:
    """The child's last `alone` contact; where there is none, registration (or a later birth)."""
    assert case.case is not None
    spoken = _spoken_alone(ordered, child)
    if spoken:
        return spoken[-1].date, spoken[-1]
    born = birth_day(child)
    start = case.case.registered
    return (max(start, born) if born is not None else start), None


@RULES.rule(
    "G107", WARNING,
    "a child was not spoken alone: the case left phase 1 without an alone contact with that child during phase 1, "
    "or more than 42 days have passed since the child's last alone contact (from registration where there is none)",
    "een kind is niet alleen gesproken: de zaak verliet fase 1 zonder gesprek alleen met dat kind in fase 1, "
    "of meer dan 42 dagen sinds het laatste gesprek alleen met het kind (sinds de aanmelding als dat er niet is)",
    booklet="Het kind wordt alleen gesproken; We praten altijd met het kind",
    settings=("child_alone",),
)
def child_spoken_alone(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Every living child of the case. Phase 1 counts until the case first left it; the
    stretch since the last alone contact is judged up to today (the closing date of a
    closed case), and an earlier long stretch since closed by an alone contact is not."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    entries = history(case.case)
    left = next(
        (entries[i + 1] for i in range(len(entries) - 1) if entries[i].phase == 1 and entries[i + 1].phase > 1 and entries[i + 1].start <= until),
        None,
    )
    limit = ctx.settings.deadlines.child_alone
    ordered = in_order(case.contacts, until)  # once for every child
    out: list[Diagnostic] = []
    for child in living_children(case):
        born = birth_day(child)
        if left is not None and not (born is not None and born >= left.start):
            in_phase1 = [c for c in _spoken_alone(ordered, child) if c.date < left.start and phase_at(case.case, c.date) == 1]
            if not in_phase1:
                out.append(finding("G107", case, "case.yaml", left, say(
                    ctx,
                    f"{child.name} is in fase 1 niet alleen gesproken (fase {left.phase} begon op {when(left.start, ctx.lang)})",
                    f"{child.name} was not spoken to alone in phase 1 (phase {left.phase} began on {when(left.start, ctx.lang)})",
                )))
        anchor, contact = _alone_anchor(case, child, ordered)
        due = anchor + dt.timedelta(days=limit)
        if until > due:
            if contact is not None:
                what_nl = f"{child.name} is sinds {when(anchor, 'nl')} niet alleen gesproken"
                what_en = f"{child.name} has not been spoken to alone since {when(anchor, 'en')}"
            else:
                what_nl = f"{child.name} is nog niet alleen gesproken"
                what_en = f"{child.name} has not been spoken to alone yet"
            out.append(finding("G107", case, CONTACTS, contact, overdue(what_nl, what_en, due, until, ctx.lang)))
    return out


@RULES.deadlines_of("G107")
def child_spoken_alone_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None:
        return []
    limit = ctx.settings.deadlines.child_alone
    ordered = in_order(case.contacts, ctx.today)
    return [
        Deadline("G107", case.id, _alone_anchor(case, child, ordered)[0] + dt.timedelta(days=limit),
                 say(ctx, f"{child.name} alleen spreken", f"speak to {child.name} alone"))
        for child in living_children(case)
    ]


# G108 ---------------------------------------------------------------------------------


def gap_limit(deadlines: Deadlines, phase: int) -> int:
    """The most days between two family contacts in a phase."""
    return {1: deadlines.contact_gap_phase1, 2: deadlines.contact_gap_phase2}.get(phase, deadlines.contact_gap_phase3)


@RULES.rule(
    "G108", WARNING,
    "contact rhythm: a gap of more than 7 days (phases 1 and 3) or 28 days (phase 2) between two consecutive "
    "family contacts, or from the last family contact to today; the phase is the one in force at the start of the gap",
    "contactritme: meer dan 7 dagen (fase 1 en 3) of 28 dagen (fase 2) tussen twee opeenvolgende contacten met het "
    "gezin, of van het laatste contact tot vandaag; de fase is die aan het begin van de periode",
    booklet="De contactfrequentie ... is hoog en intensief (fase 1); lager dan het wekelijkse contact in fase 1 (fase 2); "
    "weer hoger (wekelijks contact) (fase 3)",
    settings=("contact_gap_phase1", "contact_gap_phase2", "contact_gap_phase3"),
)
def contact_rhythm(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Every gap between family contacts (every kind but case_consultation), each judged
    by the phase in force on its first day. Before the first contact G102 speaks instead."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    contacts = family_contacts(case, until)
    out: list[Diagnostic] = []
    for earlier, later in zip(contacts, contacts[1:]):
        phase = phase_at(case.case, earlier.date)
        limit = gap_limit(ctx.settings.deadlines, phase)
        due = earlier.date + dt.timedelta(days=limit)
        if later.date > due:
            out.append(finding("G108", case, CONTACTS, later, late(
                "contact met het gezin", "contact with the family", due, later.date, ctx.lang,
            ) + say(ctx, f"; fase {phase}: hoogstens {limit} dagen na {when(earlier.date, 'nl')}",
                    f"; phase {phase}: at most {limit} days after {when(earlier.date, 'en')}")))
    if contacts:
        last = contacts[-1]
        phase = phase_at(case.case, last.date)
        limit = gap_limit(ctx.settings.deadlines, phase)
        due = last.date + dt.timedelta(days=limit)
        if until > due:
            out.append(finding("G108", case, CONTACTS, last, overdue(
                f"geen contact met het gezin sinds {when(last.date, 'nl')}",
                f"no contact with the family since {when(last.date, 'en')}", due, until, ctx.lang,
            ) + say(ctx, f" (fase {phase}: hoogstens {limit} dagen)", f" (phase {phase}: at most {limit} days)")))
    return out


@RULES.deadlines_of("G108")
def next_contact_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    contacts = family_contacts(case, ctx.today)
    if case.case.closed is not None or not contacts:
        return []
    last = contacts[-1]
    due = last.date + dt.timedelta(days=gap_limit(ctx.settings.deadlines, phase_at(case.case, last.date)))
    return [Deadline("G108", case.id, due, say(ctx, "contact met het gezin", "contact with the family"),
                     label=say(ctx, "gezinscontact", "family contact"))]


# G109 ---------------------------------------------------------------------------------


def _unscored(case: CaseFolder, ctx: Context, until: dt.date) -> list[tuple[Contact, dt.date]]:
    """Family contacts without a score (by anyone) dated that day or the next, with when it is due."""
    after = ctx.settings.deadlines.score_after_contact
    # the score days sorted once, and a binary search a contact for the first score on or
    # after its day: scanning every score for every contact cost 0.15 s in 200 cases
    score_days = sorted(s.date for s in case.scores)
    out: list[tuple[Contact, dt.date]] = []
    for contact in family_contacts(case, until):
        due = contact.date + dt.timedelta(days=after)
        first = bisect_left(score_days, contact.date)
        if first == len(score_days) or score_days[first] > due:
            out.append((contact, due))
    return out


@RULES.rule(
    "G109", WARNING,
    "a family contact has no safety score (by anyone) dated the same day or the next",
    "een contact met het gezin heeft geen veiligheidsscore (van wie ook) op dezelfde of de volgende dag",
    booklet="Na elk contact of belangrijk moment wordt de veiligheid door middel van een schaalvraag van 1 tot 10 gewogen",
    settings=("score_after_contact",),
)
def score_after_every_contact(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """A score by anyone counts: the worker's, a parent's, the child's."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    return [
        finding("G109", case, CONTACTS, contact, say(
            ctx,
            f"{contact_words(contact, 'nl')} heeft geen veiligheidsscore (uiterlijk {when(due, 'nl')})",
            f"the {contact_words(contact, 'en')} has no safety score (due {when(due, 'en')})",
        ))
        for contact, due in _unscored(case, ctx, until)
        if until > due
    ]


@RULES.deadlines_of("G109")
def score_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None:
        return []
    return [
        Deadline("G109", case.id, due, say(ctx, f"veiligheidsscore na {contact_words(contact, 'nl')}",
                                           f"safety score after the {contact_words(contact, 'en')}"),
                 label=say(ctx, "veiligheidsscore", "safety score"))
        for contact, due in _unscored(case, ctx, ctx.today)
    ]
