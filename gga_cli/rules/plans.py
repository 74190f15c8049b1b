"""The family plan: change plan (veranderplan) once acute safety holds, the safeguarding
plan (borgingsplan) in phase 3, and the local team throughout.

Booklet, chapter 5: "Het waarborgen van die acute veiligheid is een randvoorwaarde om met
het gezin te kunnen gaan werken aan de blijvende veiligheid." Phase 3: "wat de signalen van
terugval zijn", "hoe de nodige hulp wordt voortgezet en wie vanuit het jeugdteam dit
bewaakt", "wie dan ingrijpt en op welke wijze".

`change_plan_gaps` and `safeguarding_gaps` are the parts a command names when it refuses
a step (`gga phase 2`, `gga close`).

Rules: G110 G111 G112 G113 G114 G115.
"""

from __future__ import annotations

import datetime as dt

from gga_cli.dates import add_days
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.models import CaseFolder
from gga_cli.models.change_plan import EndState
from gga_cli.models.common import Model
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import current_stint, horizon, late, overdue, say

RULES = RuleSet()

WARNING, ERROR = Severity.WARNING, Severity.ERROR
CHANGE_PLAN = "change-plan.yaml"
SAFEGUARDING_PLAN = "safeguarding-plan.yaml"


def end_state_given(end_state: EndState | None) -> bool:
    """What can change and what stays compensated: one list may be empty, not both."""
    return end_state is not None and bool(end_state.changeable or end_state.compensated)


@RULES.rule(
    "G110", ERROR,
    "the change plan has active goals while no safety plan is established",
    "het veranderplan heeft actieve doelen terwijl er geen veiligheidsplan is vastgesteld",
    booklet="Het waarborgen van die acute veiligheid is een randvoorwaarde om met het gezin te kunnen gaan werken "
    "aan de blijvende veiligheid",
)
def safety_before_change(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Reported once, at the first active goal, naming every active goal."""
    assert case.case is not None
    if case.change_plan is None:
        return []
    active = [g for g in case.change_plan.goals if g.status == "active"]
    plan = case.safety_plan
    if not active or (plan is not None and plan.established is not None and plan.established <= horizon(case.case, ctx)):
        return []
    names = ", ".join(g.id for g in active)
    return [finding("G110", case, CHANGE_PLAN, active[0], say(
        ctx,
        f"{'doel' if len(active) == 1 else 'doelen'} {names} {'is' if len(active) == 1 else 'zijn'} actief terwijl het veiligheidsplan niet is vastgesteld",
        f"{'goal' if len(active) == 1 else 'goals'} {names} {'is' if len(active) == 1 else 'are'} active while the safety plan is not established",
    ))]


def change_plan_gaps(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Each part the change plan lacks before phase 2 (G111), one diagnostic a part."""
    plan = case.change_plan
    if plan is None:
        return [finding("G111", case, CHANGE_PLAN, None, say(ctx, "er is geen veranderplan", "there is no change plan"))]
    out: list[Diagnostic] = []

    def lacks(at: Model | None, nl: str, en: str) -> None:
        out.append(finding("G111", case, CHANGE_PLAN, at, say(ctx, f"het veranderplan mist {nl}", f"the change plan lacks {en}")))

    if not plan.pattern:
        lacks(None, "het patroon", "the pattern")
    if not plan.sustaining_factors:
        lacks(None, "de instandhoudende factoren", "the sustaining factors")
    if plan.previous_help is None:
        # the clean handover in: an empty list says there was none, absence says nobody asked
        lacks(None, "de eerder ingezette hulp (previous_help; een lege lijst als er geen was)",
              "the help given before (previous_help; an empty list where there was none)")
    if not end_state_given(plan.end_state):
        lacks(plan.end_state, "de haalbare eindsituatie (wat kan veranderen, wat gecompenseerd blijft)",
              "the feasible end state (what can change, what stays compensated)")
    if not plan.goals:
        lacks(None, "doelen", "goals")
    for goal in plan.goals:
        if goal.help is None:
            lacks(goal, f"de hulp bij doel {goal.id}", f"the help for goal {goal.id}")
    if not any(r.tool == "arij" for r in plan.risk_assessments):
        lacks(None, "een ARIJ-risicotaxatie", "an ARIJ risk assessment")
    if plan.established is None:
        lacks(None, "de datum waarop het is vastgesteld", "the date it was agreed")
    return out


@RULES.rule(
    "G111", ERROR,
    "the case is in phase 2 or later but the change plan lacks: the pattern; the sustaining factors (instandhoudende "
    "factoren); the earlier help (the list may be empty, not absent); the end state (what can change and what stays "
    "compensated; one of the two lists may be empty, not both); at least one goal, each with its help; an ARIJ risk "
    "assessment; or the date it was agreed",
    "de zaak is in fase 2 of later maar het veranderplan mist: het patroon; de instandhoudende factoren; de eerder "
    "ingezette hulp (de lijst mag leeg zijn, niet afwezig); de haalbare eindsituatie (wat kan "
    "veranderen en wat gecompenseerd blijft; een van beide lijsten mag leeg zijn, niet allebei); minstens een doel, "
    "elk met zijn hulp; een ARIJ-risicotaxatie; of de datum waarop het is vastgesteld",
    booklet="Met ondersteuning van de jeugdbeschermer ontwikkelt het hele gezin(systeem) in deze fase een gezinsplan "
    "waar ze allemaal achter staan",
)
def change_plan_complete(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Judged on the current phase."""
    assert case.case is not None
    return change_plan_gaps(case, ctx) if case.case.phase >= 2 else []


@RULES.rule(
    "G112", ERROR,
    "a JR case is in phase 2 or later without an LIJ assessment",
    "een JR-zaak is in fase 2 of later zonder LIJ-taxatie",
    booklet="Als er sprake is van een kind met een jeugdreclasseringsmaatregel gebruiken wij aanvullend het LIJ",
)
def lij_for_jr(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    assert case.case is not None
    if case.case.measure.kind != "jr" or case.case.phase < 2:
        return []
    if case.change_plan is not None and any(r.tool == "lij" for r in case.change_plan.risk_assessments):
        return []
    return [finding("G112", case, CHANGE_PLAN, None, say(
        ctx, f"jeugdreclassering in fase {case.case.phase} zonder LIJ-taxatie", f"youth probation in phase {case.case.phase} without an LIJ assessment",
    ))]


def _missing_safeguards(case: CaseFolder) -> list[tuple[Model | None, str, str]]:
    """The parts the safeguarding plan lacks: (entry, Dutch words, English words)."""
    plan = case.safeguarding_plan
    assert plan is not None
    out: list[tuple[Model | None, str, str]] = []
    if not plan.relapse_signals:
        out.append((None, "signalen van terugval", "relapse signals"))
    if not plan.relapse_actions:
        out.append((None, "wie ingrijpt en hoe", "who steps in and how"))
    for action in plan.relapse_actions:
        if not action.who:
            out.append((action, f"wie ingrijpt bij '{action.action}'", f"who steps in for '{action.action}'"))
    if not plan.continued_help:
        out.append((None, "hoe de hulp wordt voortgezet", "how help continues"))
    if plan.guardian is None:
        out.append((None, "wie van het wijk-/jeugdteam het bewaakt", "who in the local team guards it"))
    if plan.established is None:
        out.append((None, "de datum waarop het is vastgesteld", "the date it was agreed"))
    return out


def safeguarding_gaps(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Each part the safeguarding plan lacks before closure (G113), one diagnostic a part."""
    if case.safeguarding_plan is None:
        return [finding("G113", case, SAFEGUARDING_PLAN, None, say(ctx, "er is geen borgingsplan", "there is no safeguarding plan"))]
    return [
        finding("G113", case, SAFEGUARDING_PLAN, at, say(ctx, f"het borgingsplan mist {nl}", f"the safeguarding plan lacks {en}"))
        for at, nl, en in _missing_safeguards(case)
    ]


@RULES.rule(
    "G113", ERROR,
    "a closed case has no complete safeguarding plan: relapse signals, who steps in and how, continued help, "
    "who in the local team guards it, the date it was agreed",
    "een afgesloten zaak heeft geen compleet borgingsplan: signalen van terugval, wie ingrijpt en hoe, "
    "voortzetting van de hulp, wie van het wijk-/jeugdteam het bewaakt, de datum waarop het is vastgesteld",
    booklet="wat de signalen van terugval zijn; hoe de nodige hulp wordt voortgezet en wie vanuit het jeugdteam dit "
    "bewaakt; wie dan ingrijpt en op welke wijze",
)
def safeguarded_at_closure(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Every closed case, whatever its phase (G114 may fire beside it)."""
    assert case.case is not None
    return safeguarding_gaps(case, ctx) if case.case.closed is not None else []


def _safeguarding_due(case: CaseFolder, ctx: Context) -> dt.date | None:
    assert case.case is not None
    stint = current_stint(case.case)
    if case.case.phase != 3 or stint is None:
        return None
    return add_days(stint.start, ctx.settings.deadlines.safeguarding_plan)


@RULES.rule(
    "G114", WARNING,
    "the case has been in phase 3 for over 28 days with the safeguarding plan missing or incomplete",
    "de zaak is al meer dan 28 dagen in fase 3 en het borgingsplan ontbreekt of is niet compleet",
    booklet="In deze fase maken we afspraken met het gezin en het (professionele) netwerk over hoe het systeem de "
    "veiligheid en deze veranderingen kan behouden",
    settings=("safeguarding_plan",),
)
def safeguarding_in_phase3(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Counted from the start of the current stay in phase 3. A plan complete but agreed
    after the deadline is a deadline missed in the past, reported as late."""
    assert case.case is not None
    due = _safeguarding_due(case, ctx)
    if due is None:
        return []
    until = horizon(case.case, ctx)
    plan = case.safeguarding_plan
    if plan is None:
        if until <= due:
            return []
        return [finding("G114", case, SAFEGUARDING_PLAN, None, overdue(
            "nog geen borgingsplan", "no safeguarding plan yet", due, until, ctx.lang))]
    missing = _missing_safeguards(case)
    if not missing:
        assert plan.established is not None
        if plan.established > due:
            return [finding("G114", case, SAFEGUARDING_PLAN, None,
                            late("borgingsplan vastgesteld", "safeguarding plan agreed", due, plan.established, ctx.lang))]
        return []
    if until <= due:
        return []
    parts_nl = ", ".join(nl for _, nl, _ in missing)
    parts_en = ", ".join(en for _, _, en in missing)
    return [finding("G114", case, SAFEGUARDING_PLAN, None, overdue(
        f"borgingsplan niet compleet (mist: {parts_nl})", f"safeguarding plan incomplete (lacks: {parts_en})", due, until, ctx.lang,
    ))]


@RULES.deadlines_of("G114")
def safeguarding_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    due = _safeguarding_due(case, ctx)
    if case.case.closed is not None or due is None:
        return []
    if case.safeguarding_plan is not None and not _missing_safeguards(case):
        return []
    return [Deadline("G114", case.id, due, say(ctx, "borgingsplan completeren", "complete the safeguarding plan"),
                     label=say(ctx, "borgingsplan", "safeguarding plan"))]


@RULES.rule(
    "G115", WARNING,
    "no local team (wijk-/jeugdteam) recorded",
    "geen wijk-/jeugdteam vastgelegd",
    booklet="We vinden het voor de borging van de veiligheid belangrijk dat het jeugdteam als procesregisseur voor het "
    "geheel betrokken blijft tijdens onze interventie",
)
def local_team_involved(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    assert case.case is not None
    if case.case.local_team is not None:
        return []
    return [finding("G115", case, "case.yaml", None, say(ctx, "geen wijk-/jeugdteam vastgelegd (local_team)", "no local team recorded (local_team)"))]


__all__ = ["change_plan_gaps", "end_state_given", "safeguarding_gaps"]
