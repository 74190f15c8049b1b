"""The 100% clean handover (100% schone overdracht), at a handover or at closure.

Booklet, appendix: "Wij spreken van een 100% schone overdracht van informatie over het gezin
en het kind als inzichtelijk is wat binnen de relevante leefgebieden de feiten zijn, de
overwegingen om tot bepaalde stappen te komen, wat eerder aan hulpverlening is ingezet en
wat hiervan het resultaat was ... Een actueel gezinsplan bevat een bijgewerkte risico- en
veiligheidstaxatie en de haalbare eindsituatie."

`handover_gaps(case, ctx, on)` is what `gga handover` and `gga close` name when they refuse.

Rules: G130 G131.
"""

from __future__ import annotations

import datetime as dt

from gga_cli.dates import add_days
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.models import CaseFolder
from gga_cli.models.common import Model
from gga_cli.rules.plans import end_state_given
from gga_cli.rules.registry import Context, RuleSet, finding
from gga_cli.rules.common import say, when

RULES = RuleSet()

ERROR = Severity.ERROR
CHANGE_PLAN = "change-plan.yaml"


def clean_handover_gaps(case: CaseFolder, ctx: Context, on: dt.date) -> list[Diagnostic]:
    """Each part of the clean handover missing on day `on` (G130), one diagnostic a part."""
    out: list[Diagnostic] = []

    def lacks(file_name: str, at: Model | None, nl: str, en: str) -> None:
        out.append(finding("G130", case, file_name, at, say(ctx, f"overdracht mist {nl}", f"handover lacks {en}")))

    plan = case.change_plan
    oldest = add_days(on, -ctx.settings.deadlines.assessment_age)
    recent = f"{when(oldest, 'nl')} – {when(on, 'nl')}", f"{when(oldest, 'en')} – {when(on, 'en')}"
    if plan is None or not plan.life_domains:
        lacks(CHANGE_PLAN, None, "de feiten per leefgebied (life_domains)", "facts per life domain (life_domains)")
    # the report never holds a private consideration, so only the others make the handover clean
    shared = [c for c in plan.considerations if not c.private] if plan is not None else []
    if plan is not None and plan.considerations and not shared:
        lacks(CHANGE_PLAN, None, "de overwegingen achter de stappen die mee mogen (considerations): alle zijn vertrouwelijk (private)",
              "the considerations behind the steps that may leave the case (considerations): all are private")
    elif not shared:
        lacks(CHANGE_PLAN, None, "de overwegingen achter de stappen (considerations)", "the considerations behind the steps (considerations)")
    if plan is None or plan.previous_help is None:
        lacks(CHANGE_PLAN, None, "de eerder ingezette hulp (previous_help; een lege lijst als er geen was)",
              "the help given before (previous_help; an empty list where there was none)")
    else:
        for earlier in plan.previous_help:
            if not earlier.result:
                lacks(CHANGE_PLAN, earlier, f"het resultaat van de eerdere hulp van {earlier.provider}",
                      f"the result of the earlier help by {earlier.provider}")
    safety = case.safety_plan.assessments if case.safety_plan is not None else []
    if not any(oldest <= a.date <= on for a in safety):
        lacks("safety-plan.yaml", None, f"een actuele veiligheidstaxatie ({recent[0]})", f"a current safety assessment ({recent[1]})")
    risk = plan.risk_assessments if plan is not None else []
    if not any(r.tool == "arij" and oldest <= r.date <= on for r in risk):
        lacks(CHANGE_PLAN, None, f"een actuele ARIJ-risicotaxatie ({recent[0]})", f"a current ARIJ risk assessment ({recent[1]})")
    if plan is None or not end_state_given(plan.end_state):
        lacks(CHANGE_PLAN, plan.end_state if plan is not None else None, "de haalbare eindsituatie", "the feasible end state")
    return out


def sharing_gaps(case: CaseFolder, ctx: Context, on: dt.date) -> list[Diagnostic]:
    """No consent to share nor a legal basis dated on or before `on` (G131)."""
    assert case.case is not None
    if any(s.date <= on for s in case.case.sharing):
        return []
    return [finding("G131", case, "case.yaml", None, say(
        ctx,
        f"geen toestemming en geen wettelijke grondslag om gegevens over te dragen, gedateerd op of voor {when(on, 'nl')} (sharing)",
        f"no consent and no legal basis to hand information over, dated on or before {when(on, 'en')} (sharing)",
    ))]


def handover_gaps(case: CaseFolder, ctx: Context, on: dt.date) -> list[Diagnostic]:
    """Everything a handover or closure on day `on` lacks: G130 and G131 together."""
    return clean_handover_gaps(case, ctx, on) + sharing_gaps(case, ctx, on)


@RULES.rule(
    "G130", ERROR,
    "a handover or closure lacks part of the 100% clean handover: facts per life domain, considerations, earlier "
    "help each with its result (the list may be empty, not absent), a safety and a risk assessment at most 90 days "
    "before the handover or closure date, the end state",
    "een overdracht of afsluiting mist een deel van de 100% schone overdracht: feiten per leefgebied, overwegingen, "
    "eerdere hulp elk met zijn resultaat (de lijst mag leeg zijn, niet afwezig), een veiligheids- en een "
    "risicotaxatie hoogstens 90 dagen voor de datum van overdracht of afsluiting, de haalbare eindsituatie",
    booklet="Wij spreken van een 100% schone overdracht van informatie over het gezin en het kind als inzichtelijk is "
    "wat binnen de relevante leefgebieden de feiten zijn, de "
    "overwegingen om tot bepaalde stappen te komen, wat eerder aan hulpverlening is ingezet en wat hiervan het "
    "resultaat was",
    settings=("assessment_age",),
)
def clean_handover(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Judged at closure, on the closing date; `gga handover` calls `handover_gaps` itself."""
    assert case.case is not None
    closed = case.case.closed
    return clean_handover_gaps(case, ctx, closed.date) if closed is not None else []


@RULES.rule(
    "G131", ERROR,
    "a handover or closure records neither consent to share nor a legal basis, dated on or before it",
    "een overdracht of afsluiting legt geen toestemming en geen wettelijke grondslag vast, gedateerd op of ervoor",
    booklet="Op het moment dat de betrokkenheid eindigt, dragen wij samen met het gezin de informatie over aan de "
    "opvolgende hulpverlening",
)
def ground_for_sharing(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Judged at closure, on the closing date."""
    assert case.case is not None
    closed = case.case.closed
    return sharing_gaps(case, ctx, closed.date) if closed is not None else []
