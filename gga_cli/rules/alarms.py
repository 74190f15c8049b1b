"""Safety alarms: a low score, a sharp drop, or an assessment concluding unsafe, each
answered by a new ARIJ safety assessment at once and the safety plan updated within days.

Booklet, chapter 5: "het veiligheidsplan [wordt] bijgewerkt als in de tijd de acute
veiligheidsrisico's weer gaan spelen of als er mogelijk andere acute veiligheidsrisico's
gaan spelen ... Om deze reden monitoren we gedurende het gehele traject de acute veiligheid."

Rules: G117.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from operator import itemgetter
from typing import NamedTuple

from gga_cli.dates import add_days
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, days, pick
from gga_cli.models import CaseFolder
from gga_cli.models.common import Model
from gga_cli.models.entries import Score
from gga_cli.models.settings import Deadlines
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import between, horizon, in_order, say, shared, when

RULES = RuleSet()

ERROR = Severity.ERROR


class Alarm(NamedTuple):
    """A moment the acute safety is in question, and the file entry that shows it. (A named
    tuple, like `_Part`: a frozen dataclass sets each field through a Python call, and
    G117 makes one of each for every alarm of every case.)"""

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


Raised = tuple[dt.date, Model, int | None, int]


def _raised(case: CaseFolder, ctx: Context, until: dt.date) -> tuple[Raised, ...]:
    """`_alarms_of`, made once while the rules judge the case (G108 and G117 both ask)."""
    return shared(case, "alarms", until, lambda case, until: _alarms_of(case, ctx.settings.deadlines, until))


def _alarms_of(case: CaseFolder, settings: Deadlines, until: dt.date) -> tuple[Raised, ...]:
    """Every alarm up to `until`, in date order: (its day, the score or assessment that
    raised it, the rater's previous score, the drop from it; an assessment has neither).

    A score at or below the alarm score (any rater); a drop of at least the alarm drop
    from the previous score of the same rater (no `by`: the worker); an ARIJ safety
    assessment concluding unsafe.
    """
    found: list[Raised] = []
    previous: dict[str | None, int] = {}
    for score in in_order(case.scores, until):
        before = previous.get(score.by)
        previous[score.by] = score.score
        drop = before - score.score if before is not None else 0
        if score.score <= settings.alarm_score or drop >= settings.alarm_drop:
            found.append((score.date, score, before, drop))
    if case.safety_plan is not None:
        for assessment in in_order(case.safety_plan.assessments, until):
            if assessment.conclusion == "unsafe":
                found.append((assessment.date, assessment, None, 0))
    found.sort(key=itemgetter(0))
    return tuple(found)


def alarm_days(case: CaseFolder, ctx: Context, until: dt.date) -> list[dt.date]:
    """The day of every alarm up to `until` (`alarms` without their words), in order."""
    return [day for day, *_ in _raised(case, ctx, until)]


def alarms(case: CaseFolder, ctx: Context, until: dt.date) -> list[Alarm]:
    """Every alarm up to `until`, in date order, with the words that name it (see `_raised`)."""
    drop_alarm = ctx.settings.deadlines.alarm_drop
    names = _names(case)
    found: list[Alarm] = []
    for day, entry, before, drop in _raised(case, ctx, until):
        if isinstance(entry, Score):
            by_nl, by_en = _rater(names, entry.by)
            nl = f"score {entry.score}{by_nl} op {when(day, 'nl')}"
            en = f"score {entry.score}{by_en} on {when(day, 'en')}"
            if drop >= drop_alarm:
                nl += f" ({drop} lager dan de vorige, {before})"
                en += f" ({drop} below the previous, {before})"
            found.append(Alarm(day, entry, "scores.yaml", nl, en))
        else:
            found.append(Alarm(day, entry, "safety-plan.yaml",
                               f"veiligheidstaxatie 'onveilig' op {when(day, 'nl')}",
                               f"safety assessment 'unsafe' on {when(day, 'en')}"))
    return found


def _updates(case: CaseFolder, until: dt.date) -> list[dt.date]:
    """The days the safety plan was established or reviewed."""
    plan = case.safety_plan
    if plan is None:
        return []
    found = [r.date for r in plan.reviews] + ([plan.established] if plan.established is not None else [])
    return sorted(d for d in found if d <= until)


def _assessments(case: CaseFolder, until: dt.date) -> list[dt.date]:
    """The days of the ARIJ safety assessments."""
    if case.safety_plan is None:
        return []
    return sorted(a.date for a in case.safety_plan.assessments if a.tool == "arij" and a.date <= until)


def _first_from(day: dt.date, days: list[dt.date]) -> dt.date | None:
    """The first of `days` (in order) on or after `day`."""
    at = bisect_left(days, day)
    return days[at] if at < len(days) else None


class _Words(NamedTuple):
    """What one half of answering an alarm is called: met late, missing, and to do."""

    late_nl: str  # 'veiligheidsplan {n} te laat herzien'
    late_en: str
    missing_nl: str
    missing_en: str
    todo_nl: str  # 'veiligheidsplan herzien na {alarm}'
    todo_en: str


_ASSESSMENT = _Words(
    "nieuwe ARIJ-veiligheidstaxatie {n} te laat", "new ARIJ safety assessment {n} late",
    "geen nieuwe ARIJ-veiligheidstaxatie", "no new ARIJ safety assessment",
    "ARIJ-veiligheidstaxatie na {alarm}", "ARIJ safety assessment after {alarm}",
)
_REVIEW = _Words(
    "veiligheidsplan {n} te laat herzien", "safety plan reviewed {n} late",
    "veiligheidsplan niet herzien", "safety plan not reviewed",
    "veiligheidsplan herzien na {alarm}", "review the safety plan after {alarm}",
)


class _Part(NamedTuple):
    """One half of answering an alarm: a new assessment, or the plan established or reviewed."""

    due: dt.date
    done: dt.date | None
    words: _Words
    alarm: Alarm

    def problem(self, until: dt.date, lang: Lang) -> str | None:
        """The part met late, or overdue now; None where met in time or not yet due."""
        words = self.words
        if self.done is not None:
            if self.done <= self.due:
                return None
            n = days(between(self.due, self.done), lang)
            due, done = when(self.due, lang), when(self.done, lang)
            return pick(lang, f"{words.late_nl.format(n=n)} (uiterlijk {due}, was {done})",
                        f"{words.late_en.format(n=n)} (due {due}, was {done})")
        if until > self.due:
            due, n = when(self.due, lang), days(between(self.due, until), lang)
            return pick(lang, f"{words.missing_nl} (uiterlijk {due}, {n} over tijd)", f"{words.missing_en} (due {due}, {n} overdue)")
        return None

    def todo(self, lang: Lang) -> str:
        """What is to be done, for the agenda: 'veiligheidsplan herzien na score 2 op ...'."""
        return pick(lang, self.words.todo_nl.format(alarm=self.alarm.nl), self.words.todo_en.format(alarm=self.alarm.en))


def _parts(alarm: Alarm, ctx: Context, assessed: list[dt.date], updates: list[dt.date]) -> tuple[_Part, _Part]:
    settings = ctx.settings.deadlines
    return (
        _Part(add_days(alarm.day, settings.alarm_assessment), _first_from(alarm.day, assessed), _ASSESSMENT, alarm),
        _Part(add_days(alarm.day, settings.alarm_review), _first_from(alarm.day, updates), _REVIEW, alarm),
    )


@RULES.rule(
    "G117", ERROR,
    "a safety alarm not answered: an alarm is a score of 3 or lower (any rater), a drop of 3 or more from the "
    "previous score of the same rater, or a safety assessment concluding unsafe. It is answered when (a) an ARIJ "
    "safety assessment is dated from the alarm's day to 1 day after (alarm_assessment; an unsafe assessment "
    "answers its own alarm here) and (b) the safety plan is established or reviewed from the alarm's day to 5 days "
    "after (alarm_review). The message says which part is missing",
    "een veiligheidsalarm niet beantwoord: een alarm is een score van 3 of lager (van wie ook), een daling van 3 of "
    "meer ten opzichte van de vorige score van dezelfde beoordelaar, of een veiligheidstaxatie met conclusie "
    "onveilig. Het is beantwoord als (a) er een ARIJ-veiligheidstaxatie is van de dag van het alarm tot 1 dag erna "
    "(alarm_assessment; een taxatie 'onveilig' beantwoordt hier haar eigen alarm) en (b) het veiligheidsplan is "
    "vastgesteld of herzien van de dag van het alarm tot 5 dagen erna (alarm_review). De melding zegt welk deel "
    "ontbreekt",
    booklet="stelt - in acute situaties - het kind of de kinderen meteen veilig; Het proces van het nalopen van de "
    "situatie aan de hand van de veiligheidstaxatie van de ARIJ herhaalt zich; wordt het veiligheidsplan bijgewerkt "
    "als in de tijd de acute veiligheidsrisico’s weer gaan spelen",
    settings=("alarm_score", "alarm_drop", "alarm_assessment", "alarm_review"),
)
def alarm_answered(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Each alarm asks two things: a new ARIJ safety assessment within `alarm_assessment`
    days and the safety plan established or reviewed within `alarm_review` days, both
    counted from the alarm's day (an unsafe assessment is its own new assessment). A part
    met after its deadline is a deadline missed in the past, reported as late; one finding
    an alarm names every part missing or late."""
    assert case.case is not None
    until = horizon(case.case, ctx)
    assessed, updates = _assessments(case, until), _updates(case, until)
    out: list[Diagnostic] = []
    for alarm in alarms(case, ctx, until):
        problems = [p for p in (part.problem(until, ctx.lang) for part in _parts(alarm, ctx, assessed, updates)) if p]
        if problems:
            out.append(finding("G117", case, alarm.file_name, alarm.entry, say(
                ctx, f"alarm na {alarm.nl}: " + "; ".join(problems), f"alarm after {alarm.en}: " + "; ".join(problems))))
    return out


@RULES.deadlines_of("G117")
def alarm_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    assert case.case is not None
    if case.case.closed is not None:
        return []
    assessed, updates = _assessments(case, ctx.today), _updates(case, ctx.today)
    return [
        Deadline("G117", case.id, part.due, part.todo(ctx.lang))
        for alarm in alarms(case, ctx, ctx.today)
        for part in _parts(alarm, ctx, assessed, updates)
        if part.done is None
    ]
