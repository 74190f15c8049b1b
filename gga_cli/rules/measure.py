"""The course of the case: the measure's end, goals past their date, network meetings in
every phase, phase 3 only once the goals are done, and the phase history.

Booklet, chapter 4: "Bij stagnatie zoekt Jeugdbescherming west naar andere oplossingen of
grijpen we in (schalen op)"; "Daartoe organiseren we regelmatig (formeel en informeel)
netwerkbijeenkomsten met de betrokken hulpverleners en het gezin."

Rules: G119 G120 G121 G123 G122.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from gga_cli.dates import add_days
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import days
from gga_cli.models import CaseFolder
from gga_cli.models.case import Case, Extension, Measure
from gga_cli.models.common import Model
from gga_cli.models.entries import Contact
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import add_years, between, history, horizon, in_order, late, overdue, phase_at, say, stints, when
from gga_cli.words import value

RULES = RuleSet()

WARNING, ERROR = Severity.WARNING, Severity.ERROR

_MEASURE_WORDS = {"ots": ("de OTS", "the OTS"), "jr": ("de jeugdreclassering", "the youth probation")}


def _extendable(facts: Case) -> tuple[Measure, dt.date] | None:
    """An OTS or JR with an end date: the measures a court extends. A voogdij runs to
    majority and a voluntary case has no term, so neither has an extension to decide."""
    measure = facts.measure
    if measure.kind not in _MEASURE_WORDS or measure.end is None:
        return None
    return measure, measure.end


def _decision(measure: Measure, end: dt.date) -> Extension | None:
    """The recorded decision on extending, where it concerns the current term: dated in
    the year before the end (an OTS term is at most a year). An older one decided an
    earlier term; record the new decision for each term."""
    decision = measure.extension
    if decision is None or decision.date < add_years(end, -1):
        return None
    return decision


@RULES.rule(
    "G119", WARNING,
    "the measure ends within 56 days with no decision recorded on extending it; an error once the end date has "
    "passed on an open case",
    "de maatregel eindigt binnen 56 dagen zonder vastgelegd besluit over verlenging; een fout zodra de einddatum "
    "voorbij is bij een open zaak",
    booklet="Haar op- en aanmerkingen op mijn evaluatie op basis waarvan ik de kinderrechter om een verlenging van een "
    "ondertoezichtstelling wil vragen, zijn zo verwerkt",
    settings=("measure_end",),
)
def extension_decided(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """The decision is due `measure_end` days before the end (on that day it is still in
    time). A decision recorded after that is reported as late. A closed case needs no
    decision any more; an open case past its end without one is an error."""
    assert case.case is not None
    found = _extendable(case.case)
    if found is None:
        return []
    measure, end = found
    due = add_days(end, -ctx.settings.deadlines.measure_end)
    nl, en = _MEASURE_WORDS[measure.kind]
    decision = _decision(measure, end)
    if decision is not None:
        if decision.date <= due:
            return []
        return [finding("G119", case, "case.yaml", decision, late(
            f"besluit over verlenging van {nl}", f"decision on extending {en}", due, decision.date, ctx.lang))]
    if case.case.closed is not None or ctx.today <= due:
        return []
    if ctx.today > end:
        return [dataclasses.replace(finding("G119", case, "case.yaml", measure, say(
            ctx,
            f"{nl} is op {when(end, 'nl')} geëindigd zonder besluit over verlenging ({days(between(end, ctx.today), 'nl')} geleden)",
            f"{en} ended on {when(end, 'en')} with no decision on extending it ({days(between(end, ctx.today), 'en')} ago)",
        )), severity=ERROR)]
    return [finding("G119", case, "case.yaml", measure, overdue(
        f"geen besluit over verlenging van {nl} (eindigt {when(end, 'nl')})",
        f"no decision on extending {en} (ends {when(end, 'en')})", due, ctx.today, ctx.lang))]


@RULES.deadlines_of("G119")
def extension_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    found = _extendable(case.case)
    if case.case.closed is not None or found is None or _decision(*found) is not None:
        return []
    measure, end = found
    nl, en = _MEASURE_WORDS[measure.kind]
    return [Deadline("G119", case.id, add_days(end, -ctx.settings.deadlines.measure_end),
                     say(ctx, f"besluit over verlenging van {nl} (eindigt {when(end, 'nl')})",
                         f"decision on extending {en} (ends {when(end, 'en')})"),
                     label=say(ctx, "besluit verlenging", "extension decision"))]


@RULES.rule(
    "G120", WARNING,
    "an active goal is past its due date",
    "een actief doel is over zijn streefdatum",
    booklet="Bij stagnatie zoekt Jeugdbescherming west naar andere oplossingen of grijpen we in (schalen op)",
)
def goals_on_time(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    assert case.case is not None
    if case.change_plan is None:
        return []
    until = horizon(case.case, ctx)
    return [
        finding("G120", case, "change-plan.yaml", g, say(
            ctx,
            f"doel {g.id} is nog actief, {days(between(g.due, until), 'nl')} over zijn streefdatum {when(g.due, 'nl')}",
            f"goal {g.id} is still active, {days(between(g.due, until), 'en')} past its due date {when(g.due, 'en')}",
        ))
        for g in case.change_plan.goals
        if g.status == "active" and g.due is not None and until > g.due
    ]


@RULES.deadlines_of("G120")
def goal_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None or case.change_plan is None:
        return []
    return [
        # the day itself, not the goal: "bereikt" would read as done on a goal that is late
        Deadline("G120", case.id, g.due,
                 say(ctx, f"doel {g.id}: streefdatum verstreken", f"goal {g.id}: due date passed") if g.due < ctx.today
                 else say(ctx, f"doel {g.id}: streefdatum", f"goal {g.id}: due date"),
                 label=say(ctx, f"doel {g.id}", f"goal {g.id}"))
        for g in case.change_plan.goals
        if g.status == "active" and g.due is not None
    ]


def _meeting_anchors(case: CaseFolder, ctx: Context) -> list[tuple[list[tuple[dt.date, Model, str]], dt.date, bool]]:
    """For each stay in phase 2: its start and the network meetings held in it (day, entry,
    file), with the stay's end and whether it is the current one."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    meetings = [c for c in in_order(case.contacts, until) if c.kind == "network_meeting"]
    out: list[tuple[list[tuple[dt.date, Model, str]], dt.date, bool]] = []
    for entry, end, current in stints(case.case, 2, until):
        held = [m for m in meetings if entry.start <= m.date and (m.date < end or current)]
        anchors: list[tuple[dt.date, Model, str]] = [(entry.start, entry, "case.yaml")]
        anchors += [(m.date, m, "contacts.yaml") for m in held]
        out.append((anchors, end, current))
    return out


def _network_meetings(case: CaseFolder, until: dt.date) -> list[Contact]:
    return [c for c in in_order(case.contacts, until) if c.kind == "network_meeting"]


def _first_meeting_due(case: CaseFolder, ctx: Context) -> dt.date:
    assert case.case is not None
    return add_days(case.case.registered, ctx.settings.deadlines.network_first)


def _phase1_meeting(case: CaseFolder, ctx: Context, until: dt.date) -> list[Diagnostic]:
    """Phase 1: the first network meeting within `network_first` days of registration,
    judged where the case is still in phase 1 on that day (else phase 2's clock runs)."""
    assert case.case is not None
    due = _first_meeting_due(case, ctx)
    if phase_at(case.case, due) != 1 or (history(case.case) and history(case.case)[0].start > due):
        return []
    held = [m for m in _network_meetings(case, until) if m.date >= case.case.registered]
    if held and held[0].date <= due:
        return []
    if held:
        return [finding("G121", case, "contacts.yaml", held[0], late(
            "eerste netwerkbijeenkomst", "first network meeting", due, held[0].date, ctx.lang))]
    if until <= due:
        return []
    return [finding("G121", case, "case.yaml", None, overdue(
        "nog geen netwerkbijeenkomst in fase 1", "no network meeting yet in phase 1", due, until, ctx.lang))]


def _phase2_meetings(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Phase 2: a meeting held late is a deadline missed in the past, a stay that ended (or
    goes on) past the deadline without one is reported at its last anchor."""
    limit = ctx.settings.deadlines.network_meeting
    out: list[Diagnostic] = []
    for anchors, end, current in _meeting_anchors(case, ctx):
        for (day, _, _), (later, entry, file_name) in zip(anchors, anchors[1:]):
            if later > add_days(day, limit):
                out.append(finding("G121", case, file_name, entry, late(
                    "netwerkbijeenkomst", "network meeting", add_days(day, limit), later, ctx.lang)))
        day, entry, file_name = anchors[-1]
        due = add_days(day, limit)
        if end > due:
            if current:
                message = overdue(f"geen netwerkbijeenkomst sinds {when(day, 'nl')}",
                                  f"no network meeting since {when(day, 'en')}", due, end, ctx.lang)
            else:
                message = say(
                    ctx,
                    f"geen netwerkbijeenkomst tussen {when(day, 'nl')} en het einde van fase 2 op {when(end, 'nl')} (uiterlijk {when(due, 'nl')})",
                    f"no network meeting between {when(day, 'en')} and the end of phase 2 on {when(end, 'en')} (due {when(due, 'en')})",
                )
            out.append(finding("G121", case, file_name, entry, message))
    return out


def _phase3_meeting(case: CaseFolder, ctx: Context, until: dt.date) -> list[Diagnostic]:
    """Phase 3: the safeguarding plan is made with the network, so a network meeting is held
    from the start of the stay in phase 3 in which the plan was established up to that day.
    A plan established outside phase 3 is left to G113 and G114."""
    assert case.case is not None
    plan = case.safeguarding_plan
    if plan is None or plan.established is None or plan.established > until:
        return []
    agreed = plan.established
    started = [entry.start for entry, end, current in stints(case.case, 3, until) if entry.start <= agreed and (agreed <= end or current)]
    if not started:
        return []
    since = started[-1]
    if any(since <= m.date <= agreed for m in _network_meetings(case, until)):
        return []
    return [finding("G121", case, "safeguarding-plan.yaml", None, say(
        ctx,
        f"borgingsplan vastgesteld op {when(agreed, 'nl')} zonder netwerkbijeenkomst sinds het begin van fase 3 op {when(since, 'nl')}",
        f"safeguarding plan agreed on {when(agreed, 'en')} with no network meeting since phase 3 began on {when(since, 'en')}",
    ))]


@RULES.rule(
    "G121", WARNING,
    "network meetings: in phase 1, none within 42 days (network_first) of registration; in phase 2, more than 90 "
    "days since the later of the phase's start and the last network meeting; in phase 3, the safeguarding plan is "
    "established with no network meeting from the phase's start to that date",
    "netwerkbijeenkomsten: in fase 1 geen binnen 42 dagen (network_first) na aanmelding; in fase 2 meer dan 90 "
    "dagen sinds de start van de fase of de laatste netwerkbijeenkomst, wat later is; in fase 3 is het borgingsplan "
    "vastgesteld zonder netwerkbijeenkomst van de start van de fase tot die datum",
    booklet="We gaan na wie vanuit het eigen en het professionele netwerk kan ondersteunen om de veiligheid van de "
    "kinderen te vergroten; Daartoe organiseren we regelmatig (formeel en informeel) netwerkbijeenkomsten met de "
    "betrokken hulpverleners en het gezin; In deze fase maken we afspraken met het gezin en het (professionele) "
    "netwerk over hoe het systeem de veiligheid en deze veranderingen kan behouden",
    settings=("network_first", "network_meeting"),
)
def network_meetings(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Phase 1: a first meeting within `network_first` days of registration (judged where
    the case is in phase 1 on that day). Phase 2: every stay, at most `network_meeting` days
    from its start or the last meeting. Phase 3: a meeting from the start of the stay to the
    day the safeguarding plan was established."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    return _phase1_meeting(case, ctx, until) + _phase2_meetings(case, ctx) + _phase3_meeting(case, ctx, until)


@RULES.deadlines_of("G121")
def network_meeting_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None:
        return []
    if case.case.phase == 1 and not _network_meetings(case, ctx.today):
        return [Deadline("G121", case.id, _first_meeting_due(case, ctx), say(ctx, "eerste netwerkbijeenkomst", "first network meeting"))]
    current = [anchors for anchors, _, now in _meeting_anchors(case, ctx) if now]
    if not current:
        return []
    due = add_days(current[0][-1][0], ctx.settings.deadlines.network_meeting)
    return [Deadline("G121", case.id, due, say(ctx, "netwerkbijeenkomst", "network meeting"))]


@RULES.rule(
    "G123", WARNING,
    "an open case is in phase 3 while a goal of the change plan is still planned or active (the end state is not "
    "reached yet)",
    "een open zaak is in fase 3 terwijl een doel van het veranderplan nog gepland of actief is (de haalbare "
    "eindsituatie is nog niet bereikt)",
    booklet="Als de haalbare eindsituatie is gerealiseerd, is het uitgangspunt dat de kinderen ook in de toekomst "
    "voldoende veilig kunnen zijn. Dan begint de borgingsfase",
)
def end_state_before_phase3(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Judged on the current phase of an open case: each goal still `planned` or `active`
    is reported at its entry. Mark a goal `achieved` or `stopped` before phase 3."""
    assert case.case is not None
    if case.case.closed is not None or case.case.phase != 3 or case.change_plan is None:
        return []
    return [
        finding("G123", case, "change-plan.yaml", g, say(
            ctx,
            f"de zaak is in fase 3 terwijl doel {g.id} nog {value(g.status, 'nl')} is",
            f"the case is in phase 3 while goal {g.id} is still {value(g.status, 'en')}",
        ))
        for g in case.change_plan.goals
        if g.status in ("planned", "active")
    ]


@RULES.rule(
    "G122", ERROR,
    "the phase history does not start at phase 1, skips a phase going forward (1 to 3), has dates out of order, "
    "or its last entry differs from the current phase. Stepping back (3 to 2) is allowed",
    "de fasegeschiedenis begint niet bij fase 1, slaat vooruit een fase over (1 naar 3), heeft data in de verkeerde "
    "volgorde, of de laatste fase verschilt van de huidige. Terugstappen (3 naar 2) mag",
    booklet="Om de bedoeling ‘ieder kind blijvend veilig’ te realiseren ... helpt het om de fases planmatig te doorlopen",
)
def phase_history(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """A case in phase 1 without a history has been in phase 1 since registration; in
    phase 2 or 3 the history must say when each phase began."""
    facts = case.case
    assert facts is not None
    entries = history(facts)
    if not entries:
        return [finding("G122", case, "case.yaml", None, say(
            ctx, f"de zaak is in fase {facts.phase} maar heeft geen fasegeschiedenis (phases)",
            f"the case is in phase {facts.phase} but has no phase history (phases)"))]
    out: list[Diagnostic] = []
    if entries[0].phase != 1:
        out.append(finding("G122", case, "case.yaml", entries[0], say(
            ctx, f"de fasegeschiedenis begint bij fase {entries[0].phase}, niet bij fase 1",
            f"the phase history starts at phase {entries[0].phase}, not at phase 1")))
    for before, after in zip(entries, entries[1:]):
        if after.phase > before.phase + 1:
            out.append(finding("G122", case, "case.yaml", after, say(
                ctx, f"van fase {before.phase} naar fase {after.phase} slaat een fase over",
                f"from phase {before.phase} to phase {after.phase} skips a phase")))
        if after.start < before.start:
            out.append(finding("G122", case, "case.yaml", after, say(
                ctx, f"fase {after.phase} begint op {when(after.start, 'nl')}, voor de vorige fase ({when(before.start, 'nl')})",
                f"phase {after.phase} starts on {when(after.start, 'en')}, before the previous one ({when(before.start, 'en')})")))
    if entries[-1].phase != facts.phase:
        out.append(finding("G122", case, "case.yaml", entries[-1], say(
            ctx, f"de laatste fase in de geschiedenis is {entries[-1].phase}, de huidige fase is {facts.phase}",
            f"the last phase in the history is {entries[-1].phase}, the current phase is {facts.phase}")))
    return out
