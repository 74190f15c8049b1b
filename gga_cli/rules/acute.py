"""Acute safety from day 1: the first week, and the safety plan (veiligheidsplan).

Booklet, chapter 5: "Wij starten altijd met het maken van een veiligheidsplan waarin we
het waarborgen van de acute veiligheid van het kind of de kinderen vooropstellen."

Rules: G101 G102 G103 G104 G105 G106.
"""

from __future__ import annotations

import datetime as dt

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.models import CaseFolder
from gga_cli.models.common import Model
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import horizon, in_order, late, living_children, overdue, say

RULES = RuleSet()

WARNING, ERROR = Severity.WARNING, Severity.ERROR

SAFETY_PLAN = "safety-plan.yaml"


def _first_due(
    code: str,
    case: CaseFolder,
    ctx: Context,
    file_name: str,
    due: dt.date,
    done: tuple[dt.date, Model | None] | None,
    what_nl: str,
    what_en: str,
    missing_nl: str,
    missing_en: str,
) -> list[Diagnostic]:
    """A deadline counted from registration: met late (a past miss) or not met by now (overdue)."""
    assert case.case is not None
    if done is not None:
        day, entry = done
        if day <= due:
            return []
        return [finding(code, case, file_name, entry, late(what_nl, what_en, due, day, ctx.lang))]
    until = horizon(case.case, ctx)
    if until <= due:
        return []  # not yet due: `gga agenda` lists it as coming
    return [finding(code, case, file_name, None, overdue(missing_nl, missing_en, due, until, ctx.lang))]


def _first_assessment(case: CaseFolder, until: dt.date) -> tuple[dt.date, Model] | None:
    if case.safety_plan is None:
        return None
    found = in_order(case.safety_plan.assessments, until)
    return (found[0].date, found[0]) if found else None


def _first_home_visit(case: CaseFolder, until: dt.date) -> tuple[dt.date, Model] | None:
    found = [c for c in in_order(case.contacts, until) if c.kind == "home_visit"]
    return (found[0].date, found[0]) if found else None


def _established(case: CaseFolder, until: dt.date) -> tuple[dt.date, Model | None] | None:
    plan = case.safety_plan
    if plan is None or plan.established is None or plan.established > until:
        return None
    return plan.established, None


@RULES.rule(
    "G101", WARNING,
    "no ARIJ safety assessment within 5 days of registration",
    "geen ARIJ-veiligheidstaxatie binnen 5 dagen na aanmelding",
    booklet="Binnen vijf dagen maakt de jeugdbeschermer met het gezin een inschatting van de acute veiligheid",
    settings=("safety_assessment",),
)
def first_safety_assessment(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """The first assessment in safety-plan.yaml counts; a late one is reported at its entry."""
    assert case.case is not None
    due = case.case.registered + dt.timedelta(days=ctx.settings.deadlines.safety_assessment)
    return _first_due(
        "G101", case, ctx, SAFETY_PLAN, due, _first_assessment(case, horizon(case.case, ctx)),
        "eerste veiligheidstaxatie", "first safety assessment",
        "nog geen ARIJ-veiligheidstaxatie", "no ARIJ safety assessment yet",
    )


@RULES.deadlines_of("G101")
def first_safety_assessment_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None or _first_assessment(case, ctx.today) is not None:
        return []
    due = case.case.registered + dt.timedelta(days=ctx.settings.deadlines.safety_assessment)
    return [Deadline("G101", case.id, due, say(ctx, "ARIJ-veiligheidstaxatie", "ARIJ safety assessment"))]


@RULES.rule(
    "G102", WARNING,
    "no home visit within 7 days of registration",
    "geen huisbezoek binnen 7 dagen na aanmelding",
    booklet="uiterlijk binnen een week na aanmelding op huisbezoek",
    settings=("home_visit",),
)
def first_home_visit(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """The first contact of kind home_visit counts; a late one is reported at its entry."""
    assert case.case is not None
    due = case.case.registered + dt.timedelta(days=ctx.settings.deadlines.home_visit)
    return _first_due(
        "G102", case, ctx, "contacts.yaml", due, _first_home_visit(case, horizon(case.case, ctx)),
        "eerste huisbezoek", "first home visit",
        "nog geen huisbezoek", "no home visit yet",
    )


@RULES.deadlines_of("G102")
def first_home_visit_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None or _first_home_visit(case, ctx.today) is not None:
        return []
    due = case.case.registered + dt.timedelta(days=ctx.settings.deadlines.home_visit)
    return [Deadline("G102", case.id, due, say(ctx, "eerste huisbezoek", "first home visit"),
                     label=say(ctx, "huisbezoek", "home visit"))]


@RULES.rule(
    "G103", WARNING,
    "safety plan not established within 5 days of registration",
    "veiligheidsplan niet binnen 5 dagen na aanmelding vastgesteld",
    booklet="Wij starten altijd met het maken van een veiligheidsplan",
    settings=("safety_plan",),
)
def safety_plan_established(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """The plan's `established` date counts."""
    assert case.case is not None
    due = case.case.registered + dt.timedelta(days=ctx.settings.deadlines.safety_plan)
    return _first_due(
        "G103", case, ctx, SAFETY_PLAN, due, _established(case, horizon(case.case, ctx)),
        "veiligheidsplan vastgesteld", "safety plan established",
        "veiligheidsplan nog niet vastgesteld", "safety plan not established yet",
    )


@RULES.deadlines_of("G103")
def safety_plan_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None or _established(case, ctx.today) is not None:
        return []
    due = case.case.registered + dt.timedelta(days=ctx.settings.deadlines.safety_plan)
    return [Deadline("G103", case.id, due, say(ctx, "veiligheidsplan vaststellen", "establish the safety plan"))]


@RULES.rule(
    "G104", ERROR,
    "a bottom-line requirement has no consequence",
    "een bodemeis heeft geen consequentie",
    booklet="wat de consequenties zijn als men zich niet aan een bodemeis houdt",
)
def bottom_line_consequences(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    if case.safety_plan is None:
        return []
    return [
        finding("G104", case, SAFETY_PLAN, b, say(ctx, f"bodemeis {b.id} heeft geen consequentie", f"bottom line {b.id} has no consequence"))
        for b in case.safety_plan.bottom_lines  # bodemeisen
        if not b.consequence
    ]


@RULES.rule(
    "G105", ERROR,
    "a safety agreement names nobody responsible or no way of monitoring it",
    "een veiligheidsafspraak noemt niemand die verantwoordelijk is of geen manier om er zicht op te houden",
    booklet="hoe we hier met elkaar zicht op houden",
)
def agreements_carried_and_watched(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    if case.safety_plan is None:
        return []
    out: list[Diagnostic] = []
    for a in case.safety_plan.agreements:  # veiligheidsafspraken
        nobody, unwatched = not a.who, not a.monitoring
        if nobody and unwatched:
            message = say(ctx, f"veiligheidsafspraak {a.id} noemt niemand die haar uitvoert en niet hoe we er zicht op houden",
                          f"safety agreement {a.id} names nobody who carries it out and no way of monitoring it")
        elif nobody:
            message = say(ctx, f"veiligheidsafspraak {a.id} noemt niemand die haar uitvoert",
                          f"safety agreement {a.id} names nobody who carries it out")
        elif unwatched:
            message = say(ctx, f"veiligheidsafspraak {a.id} zegt niet hoe we er zicht op houden",
                          f"safety agreement {a.id} says no way of monitoring it")
        else:
            continue
        out.append(finding("G105", case, SAFETY_PLAN, a, message))
    return out


@RULES.rule(
    "G106", WARNING,
    "a child in the case has no trusted person",
    "een kind in de zaak heeft geen vertrouwenspersoon",
    booklet="voor ieder kind een vertrouwenspersoon",
)
def trusted_person_for_every_child(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Every child of the case (`child: true`), the registered one and the others alike."""
    return [
        finding("G106", case, "genogram.yaml", child, say(ctx, f"{child.name} heeft geen vertrouwenspersoon", f"{child.name} has no trusted person"))
        for child in living_children(case)
        if not child.trusted_person
    ]

