"""The course of the case: the measure's end, goals past their date, network meetings in
phase 2, and the phase history.

Booklet, chapter 4: "Bij stagnatie zoekt Jeugdbescherming west naar andere oplossingen of
grijpen we in (schalen op)"; "Daartoe organiseren we regelmatig (formeel en informeel)
netwerkbijeenkomsten met de betrokken hulpverleners en het gezin."

Rules: G119 G120 G121 G122.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import days
from gga_cli.models import CaseFolder
from gga_cli.models.case import Case, Extension, Measure
from gga_cli.models.common import Model
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import add_years, between, history, horizon, in_order, late, overdue, say, stints, when

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
    due = end - dt.timedelta(days=ctx.settings.deadlines.measure_end)
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
    return [Deadline("G119", case.id, end - dt.timedelta(days=ctx.settings.deadlines.measure_end),
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


@RULES.rule(
    "G121", WARNING,
    "in phase 2, more than 90 days since the later of the phase's start and the last network meeting",
    "in fase 2 meer dan 90 dagen sinds de start van de fase of de laatste netwerkbijeenkomst, wat later is",
    booklet="Daartoe organiseren we regelmatig (formeel en informeel) netwerkbijeenkomsten met de betrokken "
    "hulpverleners en het gezin",
    settings=("network_meeting",),
)
def network_meetings(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Every stay in phase 2: a meeting held late is a deadline missed in the past, a stay
    that ended (or goes on) past the deadline without one is reported at its last anchor."""
    assert case.case is not None
    limit = dt.timedelta(days=ctx.settings.deadlines.network_meeting)
    out: list[Diagnostic] = []
    for anchors, end, current in _meeting_anchors(case, ctx):
        for (day, _, _), (later, entry, file_name) in zip(anchors, anchors[1:]):
            if later > day + limit:
                out.append(finding("G121", case, file_name, entry, late(
                    "netwerkbijeenkomst", "network meeting", day + limit, later, ctx.lang)))
        day, entry, file_name = anchors[-1]
        due = day + limit
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


@RULES.deadlines_of("G121")
def network_meeting_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None:
        return []
    current = [anchors for anchors, _, now in _meeting_anchors(case, ctx) if now]
    if not current:
        return []
    due = current[0][-1][0] + dt.timedelta(days=ctx.settings.deadlines.network_meeting)
    return [Deadline("G121", case.id, due, say(ctx, "netwerkbijeenkomst", "network meeting"))]


@RULES.rule(
    "G122", ERROR,
    "the phase history does not start at phase 1, skips a phase going forward (1 to 3), has dates out of order, "
    "or its last entry differs from the current phase. Stepping back (3 to 2) is allowed",
    "de fasegeschiedenis begint niet bij fase 1, slaat vooruit een fase over (1 naar 3), heeft data in de verkeerde "
    "volgorde, of de laatste fase verschilt van de huidige. Terugstappen (3 naar 2) mag",
    booklet="Om de bedoeling 'ieder kind blijvend veilig' te realiseren ... helpt het om de fases planmatig te doorlopen",
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
