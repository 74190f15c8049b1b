"""Acute safety from day 1: the first week, and the safety plan (veiligheidsplan).

Booklet, chapter 5: "Wij starten altijd met het maken van een veiligheidsplan waarin we
het waarborgen van de acute veiligheid van het kind of de kinderen vooropstellen."

Rules: G101 G102 G103 G116 G104 G105 G106 G118.
"""

from __future__ import annotations

import datetime as dt

from gga_cli.dates import add_days
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.models import CaseFolder
from gga_cli.models.common import Model
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import family_contacts, horizon, in_order, late, living_children, overdue, say

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
    found = [c for c in family_contacts(case, until) if c.kind == "home_visit"]
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
    due = add_days(case.case.registered, ctx.settings.deadlines.safety_assessment)
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
    due = add_days(case.case.registered, ctx.settings.deadlines.safety_assessment)
    return [Deadline("G101", case.id, due, say(ctx, "ARIJ-veiligheidstaxatie", "ARIJ safety assessment"))]


@RULES.rule(
    "G102", WARNING,
    "no home visit within 7 days of registration",
    "geen huisbezoek binnen 7 dagen na aanmelding",
    booklet="uiterlijk binnen een week na aanmelding op huisbezoek",
    settings=("home_visit",),
)
def first_home_visit(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """The first home visit that is a family contact (someone of the genogram's people took
    part) counts; a late one is reported at its entry."""
    assert case.case is not None
    due = add_days(case.case.registered, ctx.settings.deadlines.home_visit)
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
    due = add_days(case.case.registered, ctx.settings.deadlines.home_visit)
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
    due = add_days(case.case.registered, ctx.settings.deadlines.safety_plan)
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
    due = add_days(case.case.registered, ctx.settings.deadlines.safety_plan)
    return [Deadline("G103", case.id, due, say(ctx, "veiligheidsplan vaststellen", "establish the safety plan"))]


def _missing_parts(case: CaseFolder) -> list[tuple[str, str]]:
    """The parts an established safety plan lacks: (Dutch words, English words)."""
    plan = case.safety_plan
    assert plan is not None
    parts = [
        (plan.reason, "de aanleiding", "its reason"),
        (plan.concerns, "een zorg", "a concern"),
        (plan.strengths, "een kracht", "a strength"),
        (plan.bottom_lines, "een bodemeis", "a bottom-line requirement"),
        (plan.agreements, "een veiligheidsafspraak", "a safety agreement"),
    ]
    return [(nl, en) for value, nl, en in parts if not value]


@RULES.rule(
    "G116", WARNING,
    "the safety plan is established but lacks its reason (aanleiding), a concern, a strength, a bottom-line "
    "requirement or a safety agreement",
    "het veiligheidsplan is vastgesteld maar mist de aanleiding, een zorg, een kracht, een bodemeis of een "
    "veiligheidsafspraak",
    booklet="Alle afspraken die hierover worden gemaakt leggen wij met het gezin en het betrokken (professionele) "
    "netwerk vast in een veiligheidsplan",
)
def safety_plan_parts(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Judged once the plan has its `established` date (on or before the day judged): a plan
    in progress may lack parts. The parts are those of the booklet's chart "Veiligheidsplan":
    aanleiding, zorgen en krachten, bodemeisen, veiligheidsafspraken. One finding names every
    part missing."""
    assert case.case is not None
    if _established(case, horizon(case.case, ctx)) is None:
        return []
    missing = _missing_parts(case)
    if not missing:
        return []
    return [finding("G116", case, SAFETY_PLAN, None, say(
        ctx,
        "het veiligheidsplan is vastgesteld maar mist " + _listed([nl for nl, _ in missing], "en"),
        "the safety plan is established but lacks " + _listed([en for _, en in missing], "and"),
    ))]


def _listed(parts: list[str], conjunction: str) -> str:
    """'a, b en c'."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"


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



@RULES.rule(
    "G118", ERROR,
    "the genogram names no child of the case (child: true) or no index child; a genogram not drawn yet (no people) "
    "from the day after the safety plan is due",
    "het genogram noemt geen kind van de zaak (child: true) of geen aangemeld kind (index: true); een genogram dat "
    "nog leeg is (geen personen) vanaf de dag nadat het veiligheidsplan klaar moest zijn",
    booklet="We nemen daarbij het gezin als uitgangspunt, in plaats van alleen het (aangemelde) kind",
    settings=("safety_plan",),
)
def children_in_genogram(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """A case is about children: at least one person is `child: true`, and at least one of
    them is the registered (index) child. A genogram with people but no child is reported at
    once; one not drawn yet (no people at all, as `gga new-case` writes it) from the day
    after the safety plan is due (`safety_plan` days), the genogram being a part of it
    ("Veiligheidsplan ... Genogram Sociogram ... Vanaf dag 1"). Without a genogram F030
    speaks instead."""
    assert case.case is not None
    if case.genogram is None:
        return []
    children = case.genogram.children()
    drawing = not case.genogram.people
    due = add_days(case.case.registered, ctx.settings.deadlines.safety_plan)
    if drawing and horizon(case.case, ctx) <= due:
        return []
    if not children:
        message = say(ctx, "het genogram noemt geen kind van de zaak (child: true)",
                      "the genogram names no child of the case (child: true)")
    elif not any(c.index for c in children):
        message = say(ctx, "het genogram noemt geen aangemeld kind (index: true bij een kind)",
                      "the genogram names no index child (index: true on a child)")
    else:
        return []
    return [finding("G118", case, "genogram.yaml", None, message)]
