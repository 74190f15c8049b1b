"""Safety alarms: a low score, a sharp drop, or an assessment concluding unsafe, each
answered by updating the safety plan within days.

Booklet, chapter 5: "het veiligheidsplan [wordt] bijgewerkt als in de tijd de acute
veiligheidsrisico's weer gaan spelen of als er mogelijk andere acute veiligheidsrisico's
gaan spelen ... Om deze reden monitoren we gedurende het gehele traject de acute veiligheid."

Rules: G117.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.models import CaseFolder
from gga_cli.models.common import Model
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import horizon, in_order, late, overdue, say, when

RULES = RuleSet()

ERROR = Severity.ERROR


@dataclass(frozen=True)
class Alarm:
    """A moment the acute safety is in question, and the file entry that shows it."""

    day: dt.date
    entry: Model
    file_name: str
    nl: str
    en: str

    def words(self, lang: Lang) -> str:
        return pick(lang, self.nl, self.en)


def _names(case: CaseFolder) -> dict[str, str]:
    """The name of every person and network member of the case, by id."""
    names = {p.id: p.name for p in case.genogram.people} if case.genogram is not None else {}
    if case.genogram is not None:
        names.update({n.id: n.name for n in case.genogram.network})
    return names


def _rater(names: dict[str, str], by: str | None) -> tuple[str, str]:
    if by is None:
        return "", ""
    name = names.get(by, by)
    return f" van {name}", f" by {name}"


def alarms(case: CaseFolder, ctx: Context, until: dt.date) -> list[Alarm]:
    """Every alarm up to `until`, in date order.

    A score at or below the alarm score (any rater); a drop of at least the alarm drop
    from the previous score of the same rater (no `by`: the worker); an ARIJ safety
    assessment concluding unsafe.
    """
    settings = ctx.settings.deadlines
    names = _names(case)
    found: list[Alarm] = []
    previous: dict[str | None, int] = {}
    for score in in_order(case.scores, until):
        before = previous.get(score.by)
        previous[score.by] = score.score
        low = score.score <= settings.alarm_score
        drop = before - score.score if before is not None else 0
        if not low and drop < settings.alarm_drop:
            continue
        by_nl, by_en = _rater(names, score.by)
        nl = f"score {score.score}{by_nl} op {when(score.date, 'nl')}"
        en = f"score {score.score}{by_en} on {when(score.date, 'en')}"
        if drop >= settings.alarm_drop:
            nl += f" ({drop} lager dan de vorige, {before})"
            en += f" ({drop} below the previous, {before})"
        found.append(Alarm(score.date, score, "scores.yaml", nl, en))
    if case.safety_plan is not None:
        for assessment in in_order(case.safety_plan.assessments, until):
            if assessment.conclusion == "unsafe":
                found.append(Alarm(assessment.date, assessment, "safety-plan.yaml",
                                   f"veiligheidstaxatie 'onveilig' op {when(assessment.date, 'nl')}",
                                   f"safety assessment 'unsafe' on {when(assessment.date, 'en')}"))
    return sorted(found, key=lambda a: a.day)


def _updates(case: CaseFolder, until: dt.date) -> list[dt.date]:
    """The days the safety plan was established or reviewed."""
    plan = case.safety_plan
    if plan is None:
        return []
    found = [r.date for r in plan.reviews] + ([plan.established] if plan.established is not None else [])
    return sorted(d for d in found if d <= until)


def _answer(alarm: Alarm, updates: list[dt.date]) -> dt.date | None:
    """The first update of the safety plan on or after the alarm's day."""
    return next((d for d in updates if d >= alarm.day), None)


@RULES.rule(
    "G117", ERROR,
    "a safety alarm not answered within 5 days: an alarm is a score of 3 or lower (any rater), a drop of 3 or more "
    "from the previous score of the same rater, or a safety assessment concluding unsafe; it is answered by the "
    "safety plan being established or reviewed on a date from the alarm's day to 5 days after",
    "een veiligheidsalarm niet binnen 5 dagen beantwoord: een alarm is een score van 3 of lager (van wie ook), een "
    "daling van 3 of meer ten opzichte van de vorige score van dezelfde beoordelaar, of een veiligheidstaxatie met "
    "conclusie onveilig; het is beantwoord als het veiligheidsplan is vastgesteld of herzien op een datum van de dag "
    "van het alarm tot 5 dagen erna",
    booklet="het veiligheidsplan wordt bijgewerkt als in de tijd de acute veiligheidsrisico's weer gaan spelen",
    settings=("alarm_score", "alarm_drop", "alarm_response"),
)
def alarm_answered(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """An update after the deadline is a deadline missed in the past, reported as late."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    updates = _updates(case, until)
    out: list[Diagnostic] = []
    for alarm in alarms(case, ctx, until):
        due = alarm.day + dt.timedelta(days=ctx.settings.deadlines.alarm_response)
        answer = _answer(alarm, updates)
        if answer is not None and answer <= due:
            continue
        if answer is not None:
            message = late(f"veiligheidsplan herzien na {alarm.nl}", f"safety plan reviewed after {alarm.en}", due, answer, ctx.lang)
        elif until > due:
            message = overdue(f"veiligheidsplan niet herzien na {alarm.nl}", f"safety plan not reviewed after {alarm.en}", due, until, ctx.lang)
        else:
            continue
        out.append(finding("G117", case, alarm.file_name, alarm.entry, message))
    return out


@RULES.deadlines_of("G117")
def alarm_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None:
        return []
    updates = _updates(case, ctx.today)
    return [
        Deadline("G117", case.id, alarm.day + dt.timedelta(days=ctx.settings.deadlines.alarm_response),
                 say(ctx, f"veiligheidsplan herzien na {alarm.nl}", f"review the safety plan after {alarm.en}"))
        for alarm in alarms(case, ctx, ctx.today)
        if _answer(alarm, updates) is None
    ]
