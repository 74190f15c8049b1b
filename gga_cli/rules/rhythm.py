"""The rhythm of contact: the child spoken alone, contact per phase, a score after each contact.

Booklet, chapter 4: "De contactfrequentie met het gezin ... is hoog en intensief" (phase 1),
"lager dan het wekelijkse contact in fase 1" (phase 2), "weer hoger (wekelijks contact)"
(phase 3); "Na elk contact of belangrijk moment wordt de veiligheid door middel van een
schaalvraag van 1 tot 10 gewogen."

Rules: G107 G108 G109.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from gga_cli.dates import add_days
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.models import CaseFolder
from gga_cli.models.case import PhaseEntry
from gga_cli.models.entries import Contact
from gga_cli.models.genogram import Person
from gga_cli.models.settings import Deadlines
from gga_cli.rules.alarms import alarm_days
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import (
    add_years,
    birth_day,
    family_contacts,
    history,
    horizon,
    late,
    living_children,
    overdue,
    phase_at,
    phase_in,
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


def _spoken_alone(ordered: Sequence[Contact], child: Person) -> list[Contact]:
    """The contacts (already in date order) at which the child was spoken to alone."""
    return [c for c in ordered if child.id in c.alone]


def _of_age(child: Person, years: int) -> dt.date | None:
    """The day the child reaches `years` of age (from its earliest possible birth day)."""
    born = birth_day(child)
    return add_years(born, years) if born is not None else None


def _alone_anchor(case: CaseFolder, child: Person, ordered: Sequence[Contact], min_age: int) -> tuple[dt.date, Contact | None]:
    """The child's last `alone` contact; where there is none, the later of registration,
    birth and the day the child reached the age to be spoken alone."""
    assert case.case is not None
    spoken = _spoken_alone(ordered, child)
    if spoken:
        return spoken[-1].date, spoken[-1]
    of_age = _of_age(child, min_age)
    start = case.case.registered
    return (max(start, of_age) if of_age is not None else start), None


def _old_enough(child: Person, min_age: int, day: dt.date) -> bool:
    """A child of unknown age is taken to be old enough: the rule asks rather than stays silent."""
    of_age = _of_age(child, min_age)
    return of_age is None or of_age <= day


@RULES.rule(
    "G107", WARNING,
    "a child aged 4 (alone_min_age) or older on the day judged was not spoken alone: the case left phase 1 without "
    "an alone contact with that child during phase 1, or more than 42 days have passed since the child's last alone "
    "contact (from registration where there is none)",
    "een kind van 4 jaar (alone_min_age) of ouder op de beoordeelde dag is niet alleen gesproken: de zaak verliet "
    "fase 1 zonder gesprek alleen met dat kind in fase 1, of meer dan 42 dagen sinds het laatste gesprek alleen met "
    "het kind (sinds de aanmelding als dat er niet is)",
    booklet="Het kind wordt alleen gesproken; We praten altijd met het kind; praten we regelmatig alleen met het kind "
    "om te horen hoe het zelf de situatie ervaart",
    settings=("child_alone", "alone_min_age"),
)
def child_spoken_alone(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Every living child of the case aged `alone_min_age` or older on the day judged (a
    toddler is seen, not interviewed). Phase 1 counts until the case first left it, for a
    child who had that age when it did; the stretch since the last alone contact (a family
    contact) is judged up to today (the closing date of a closed case), counted for a child
    never spoken alone from the later of registration and the day the child reached that
    age; an earlier long stretch since closed by an alone contact is not."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    entries = history(case.case)
    left = next(
        (entries[i + 1] for i in range(len(entries) - 1) if entries[i].phase == 1 and entries[i + 1].phase > 1 and entries[i + 1].start <= until),
        None,
    )
    limit = ctx.settings.deadlines.child_alone
    min_age = ctx.settings.deadlines.alone_min_age
    ordered = family_contacts(case, until)  # once for every child
    out: list[Diagnostic] = []
    for child in living_children(case):
        if not _old_enough(child, min_age, until):
            continue
        if left is not None and _old_enough(child, min_age, left.start):
            in_phase1 = [c for c in _spoken_alone(ordered, child) if c.date < left.start and phase_at(case.case, c.date) == 1]
            if not in_phase1:
                out.append(finding("G107", case, "case.yaml", left, say(
                    ctx,
                    f"{child.name} is in fase 1 niet alleen gesproken (fase {left.phase} begon op {when(left.start, ctx.lang)})",
                    f"{child.name} was not spoken to alone in phase 1 (phase {left.phase} began on {when(left.start, ctx.lang)})",
                )))
        anchor, contact = _alone_anchor(case, child, ordered, min_age)
        due = add_days(anchor, limit)
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
    min_age = ctx.settings.deadlines.alone_min_age
    ordered = family_contacts(case, ctx.today)
    return [
        Deadline("G107", case.id, add_days(_alone_anchor(case, child, ordered, min_age)[0], limit),
                 say(ctx, f"{child.name} alleen spreken", f"speak to {child.name} alone"))
        for child in living_children(case)
    ]


# G108 ---------------------------------------------------------------------------------


def gap_limit(deadlines: Deadlines, phase: int) -> int:
    """The most days between two family contacts in a phase."""
    if phase == 1:
        return deadlines.contact_gap_phase1
    return deadlines.contact_gap_phase2 if phase == 2 else deadlines.contact_gap_phase3


def allowed_gap(case: CaseFolder, ctx: Context, start: dt.date, alarm_days: list[dt.date]) -> int:
    """The most days allowed after a family contact on `start` (G108), alarms considered
    (`alarm_days` in order)."""
    assert case.case is not None
    return _gap(ctx, history(case.case), case.case.phase, start, alarm_days)[1]


def _gap(ctx: Context, entries: list[PhaseEntry], phase_now: int, start: dt.date,
         alarm_days: list[dt.date]) -> tuple[int, int, dt.date | None]:
    """(phase, most days, the alarm that tightened it) for a gap starting on `start`, in a
    case of phase history `entries` (`history`) and current phase `phase_now`.

    Booklet, phase 2: "lager dan het wekelijkse contact in fase 1 (tenzij de veiligheid of
    de motivatie afneemt)": a phase 2 gap that starts from an alarm's day to `alarm_watch`
    days after keeps the tighter `contact_gap_alarm`. `alarm_days` is in order, so the
    latest alarm on or before `start` is found by bisection (G108 asks for every contact)."""
    settings = ctx.settings.deadlines
    phase = phase_in(entries, phase_now, start)
    limit = gap_limit(settings, phase)
    if phase == 2 and settings.contact_gap_alarm < limit:
        latest = bisect_right(alarm_days, start) - 1
        if latest >= 0 and (start - alarm_days[latest]).days <= settings.alarm_watch:
            return phase, settings.contact_gap_alarm, alarm_days[latest]
    return phase, limit, None


def _why(phase: int, alarm: dt.date | None) -> tuple[str, str]:
    if alarm is None:
        return f"fase {phase}", f"phase {phase}"
    return (f"fase {phase}, na het alarm van {when(alarm, 'nl')}", f"phase {phase}, after the alarm of {when(alarm, 'en')}")


@RULES.rule(
    "G108", WARNING,
    "contact rhythm: a gap of more than 7 days (phases 1 and 3) or 28 days (phase 2) between two consecutive "
    "family contacts, or from the last family contact to today; the phase is the one in force at the start of the "
    "gap. In phase 2 a gap that starts within 28 days after an alarm (as G117 defines it) may last 7 days only",
    "contactritme: meer dan 7 dagen (fase 1 en 3) of 28 dagen (fase 2) tussen twee opeenvolgende contacten met het "
    "gezin, of van het laatste contact tot vandaag; de fase is die aan het begin van de periode. In fase 2 mag een "
    "periode die binnen 28 dagen na een alarm (zoals G117 het bepaalt) begint hoogstens 7 dagen duren",
    booklet="De contactfrequentie is in deze fase lager dan het wekelijkse contact in fase 1 (tenzij de veiligheid "
    "of de motivatie afneemt)",
    settings=("contact_gap_phase1", "contact_gap_phase2", "contact_gap_phase3", "contact_gap_alarm", "alarm_watch"),
)
def contact_rhythm(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Every gap between family contacts (a person of the genogram took part; never the
    team's case consultation), each judged by the phase in force on its first day; in phase
    2 a gap starting from an alarm's day to `alarm_watch` days after may last
    `contact_gap_alarm` days only. Before the first contact G102 speaks instead."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    contacts = family_contacts(case, until)
    raised = alarm_days(case, ctx, until) if contacts else []
    entries, phase_now = history(case.case), case.case.phase
    settings = ctx.settings.deadlines
    # a gap no longer than the tightest limit there is is in time whatever the phase and the
    # alarms: which limit holds need not be asked (most gaps of a case)
    tightest = min(settings.contact_gap_phase1, settings.contact_gap_phase2, settings.contact_gap_phase3, settings.contact_gap_alarm)
    out: list[Diagnostic] = []
    for earlier, later in zip(contacts, contacts[1:]):
        if (later.date - earlier.date).days <= tightest:
            continue
        phase, limit, alarm = _gap(ctx, entries, phase_now, earlier.date, raised)
        due = add_days(earlier.date, limit)
        if later.date > due:
            nl, en = _why(phase, alarm)
            out.append(finding("G108", case, CONTACTS, later, late(
                "contact met het gezin", "contact with the family", due, later.date, ctx.lang,
            ) + say(ctx, f"; {nl}: hoogstens {limit} dagen na {when(earlier.date, 'nl')}",
                    f"; {en}: at most {limit} days after {when(earlier.date, 'en')}")))
    if contacts:
        last = contacts[-1]
        phase, limit, alarm = _gap(ctx, entries, phase_now, last.date, raised)
        due = add_days(last.date, limit)
        if until > due:
            nl, en = _why(phase, alarm)
            out.append(finding("G108", case, CONTACTS, last, overdue(
                f"geen contact met het gezin sinds {when(last.date, 'nl')}",
                f"no contact with the family since {when(last.date, 'en')}", due, until, ctx.lang,
            ) + say(ctx, f" ({nl}: hoogstens {limit} dagen)", f" ({en}: at most {limit} days)")))
    return out


@RULES.deadlines_of("G108")
def next_contact_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    contacts = family_contacts(case, ctx.today)
    if case.case.closed is not None or not contacts:
        return []
    last = contacts[-1]
    limit = allowed_gap(case, ctx, last.date, alarm_days(case, ctx, ctx.today))
    return [Deadline("G108", case.id, add_days(last.date, limit), say(ctx, "contact met het gezin", "contact with the family"),
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
        first = bisect_left(score_days, contact.date)
        # in days, not against a date `after` days on: most contacts are scored, and their
        # due day need not be made
        if first == len(score_days) or (score_days[first] - contact.date).days > after:
            out.append((contact, add_days(contact.date, after)))
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
