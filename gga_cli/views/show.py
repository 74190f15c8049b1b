"""Pure builders of `gga show`: one case in detail, as rich renderables.

The family and its measure, the phase history, the children with their trusted persons,
open deadlines, a chart of the safety scores, a timeline of recent contacts and scores,
open goals, and the findings of `gga check`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gga_cli.i18n import Lang, days, pick, short_date
from gga_cli.views.board import BARS
from gga_cli.words import phase_name, value

if TYPE_CHECKING:
    from rich.console import Group, RenderableType
    from rich.table import Table
    from rich.text import Text

    from gga_cli.diagnostics import Diagnostic
    from gga_cli.judging import Judged
    from gga_cli.models import CaseFolder
    from gga_cli.rules import Deadline

CHART_HEIGHT = 5  # lines; each holds two score points in eight steps
CHART_POINTS = 40  # the most recent scores in the chart
TIMELINE = 12  # the most recent contacts and scores in the timeline


@dataclass
class Detail:
    """What every part of the view reads: the judged case, the day, the language, the alarm score."""

    case: CaseFolder
    today: dt.date
    lang: Lang
    alarm_score: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)


def _score_style(score: int, alarm_score: int) -> str:
    return "red" if score <= alarm_score else "yellow" if score <= 5 else "green"


def _table(*columns: str) -> Table:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold")
    for column in columns:
        table.add_column(column)
    return table


def _heading(text: str) -> Text:
    from rich.text import Text

    return Text("\n" + text, style="bold")


def _names(case: CaseFolder) -> dict[str, str]:
    if case.genogram is None:
        return {}
    return {p.id: p.name for p in case.genogram.people} | {n.id: n.name for n in case.genogram.network}


def header(d: Detail) -> Text:
    """Who and what: family, worker, measure and its end, phase and how long in it."""
    from rich.text import Text

    lang, case = d.lang, d.case
    facts = case.case
    text = Text()
    if facts is None:
        text.append(f"{case.id}", style="bold")
        text.append(pick(lang, "  case.yaml is onleesbaar: zie de bevindingen", "  case.yaml cannot be read: see the findings"), style="red")
        return text
    text.append(f"{facts.id} · {facts.family}", style="bold")
    if facts.closed is not None:
        text.append(pick(lang, f"  gesloten op {short_date(facts.closed.date, lang)}: {facts.closed.reason}",
                         f"  closed on {short_date(facts.closed.date, lang)}: {facts.closed.reason}"), style="dim")
    text.append("\n" + pick(lang, "jeugdbeschermer", "worker") + f": {facts.worker}" + (f" ({facts.team})" if facts.team else ""))
    m = facts.measure
    end = ""
    if m.end is not None:
        left = (m.end - d.today).days
        end = pick(lang, f" tot {short_date(m.end, lang)}", f" to {short_date(m.end, lang)}")
        end += pick(lang, f" (nog {left} dagen)", f" ({left} days left)") if left >= 0 else pick(lang, f" ({-left} dagen voorbij)", f" ({-left} days past)")
    text.append("\n" + pick(lang, "maatregel", "measure") + f": {value(m.kind, lang)} " + pick(lang, "van", "from") + f" {short_date(m.start, lang)}{end}")
    if m.extension is not None:
        text.append(pick(lang, "; verlenging ", "; extension ") + f"{value(m.extension.outcome, lang)} ({short_date(m.extension.date, lang)})")
    if facts.local_team is not None:
        contact = f", {facts.local_team.contact}" if facts.local_team.contact else ""
        text.append("\n" + pick(lang, "wijk-/jeugdteam", "local team") + f": {facts.local_team.name}{contact}")
    text.append("\n" + pick(lang, "fase", "phase") + f" {facts.phase}: {phase_name(facts.phase, lang)}", style="bold")
    if facts.phases and facts.phases[-1].phase == facts.phase:
        since = facts.phases[-1].start
        text.append(pick(lang, f", sinds {short_date(since, lang)} ({(d.today - since).days} dagen)",
                         f", since {short_date(since, lang)} ({(d.today - since).days} days)"))
    if facts.phases:
        history = " → ".join(f"{p.phase} ({short_date(p.start, lang)})" for p in facts.phases)
        text.append("\n" + pick(lang, "fasen", "phases") + f": {history}", style="dim")
    return text


def children(d: Detail) -> Table | Text:
    """Every child of the case, with the trusted person (vertrouwenspersoon) or the lack of one."""
    from rich.text import Text

    lang = d.lang
    kids = d.case.genogram.children() if d.case.genogram is not None else []
    if not kids:
        return Text(pick(lang, "geen kinderen in het genogram", "no children in the genogram"), style="yellow")
    names = _names(d.case)
    table = _table(pick(lang, "kind", "child"), pick(lang, "geboren", "born"), pick(lang, "vertrouwenspersoon", "trusted person"))
    for p in kids:
        born = "" if p.born is None else str(p.born) if isinstance(p.born, int) else short_date(p.born, lang)
        name = p.name + (" *" if p.index else "")
        trusted = Text(names.get(p.trusted_person, p.trusted_person)) if p.trusted_person else Text(pick(lang, "geen", "none"), style="red")
        table.add_row(name, born, trusted)
    return table


def deadlines(d: Detail) -> Table | Text:
    from rich.text import Text

    lang = d.lang
    if not d.deadlines:
        return Text(pick(lang, "geen open termijnen", "no open deadlines"), style="dim")
    table = _table(pick(lang, "regel", "rule"), pick(lang, "datum", "due"), "", pick(lang, "wat", "what"))
    for deadline in d.deadlines:
        delta = (deadline.due - d.today).days
        late = delta < 0
        if late:
            when = pick(lang, f"{days(-delta, lang)} te laat", f"{days(-delta, lang)} late")
        else:
            when = pick(lang, f"over {days(delta, lang)}", f"in {days(delta, lang)}") if delta else pick(lang, "vandaag", "today")
        table.add_row(deadline.code, short_date(deadline.due, lang), when, deadline.what, style="red" if late else "")
    return table


def score_chart(d: Detail) -> Text:
    """The recent safety scores as columns of blocks, 1 to 10, one column a score."""
    from rich.text import Text

    lang = d.lang
    scores = sorted(d.case.scores, key=lambda s: s.date)[-CHART_POINTS:]
    if not scores:
        return Text(pick(lang, "nog geen scores", "no scores yet"), style="dim")
    steps = len(BARS)
    chart = Text()
    for level in range(CHART_HEIGHT, 0, -1):  # top line first
        label = {CHART_HEIGHT: "10", (CHART_HEIGHT + 1) // 2: " 5", 1: " 1"}.get(level, "  ")
        chart.append(f"{label} ┤", style="dim")
        for s in scores:
            filled = round(s.score * CHART_HEIGHT * steps / 10) - (level - 1) * steps  # eighths in this cell
            cell = " " if filled <= 0 else BARS[min(steps, filled) - 1]
            chart.append(cell, style=_score_style(s.score, d.alarm_score))
        chart.append("\n")
    first, last = short_date(scores[0].date, lang), short_date(scores[-1].date, lang)
    gap = max(1, len(scores) - len(first) - len(last))
    chart.append("    " + (f"{first}{' ' * gap}{last}" if len(scores) > 1 else first), style="dim")
    return chart


def timeline(d: Detail) -> Table | Text:
    """The most recent contacts and scores, newest last, by date (file order breaks ties)."""
    from rich.text import Text

    from gga_cli.models.entries import CONTACT_KINDS

    lang, case = d.lang, d.case
    names = _names(case)
    events: list[tuple[dt.date, int, str, Any, str]] = []
    for s in case.scores:
        by = names.get(s.by, s.by) if s.by else pick(lang, "jeugdbeschermer", "worker")
        events.append((s.date, 1, "score", Text(f"{s.score:>2} ", style=_score_style(s.score, d.alarm_score)) + Text(by), s.note or ""))
    for c in case.contacts:
        who = ", ".join(names.get(i, i) for i in c.with_)
        alone = pick(lang, "; alleen: ", "; alone: ") + ", ".join(names.get(i, i) for i in c.alone) if c.alone else ""
        events.append((c.date, 0, value(c.kind, lang), Text(who + alone), c.note or ""))
    if not events:
        return Text(pick(lang, "nog geen contacten of scores", "no contacts or scores yet"), style="dim")
    events.sort(key=lambda e: (e[0], e[1]))
    table = _table()
    table.expand = True  # with the note's ratio: rich gives the note what is left, not the others' share
    table.add_column(pick(lang, "datum", "date"), no_wrap=True, min_width=10)
    table.add_column(pick(lang, "soort", "kind"), no_wrap=True, min_width=max(len(value(k, lang)) for k in CONTACT_KINDS))
    table.add_column(pick(lang, "wie", "who"), no_wrap=True, overflow="ellipsis", min_width=12, max_width=30)
    # one line an event: the note takes the width that is left, and is cut there
    table.add_column(pick(lang, "notitie", "note"), no_wrap=True, overflow="ellipsis", ratio=1)
    for day, _, kind, who, note in events[-TIMELINE:]:
        table.add_row(short_date(day, lang), kind, who, note)
    return table


def goals(d: Detail) -> Table | Text:
    """Goals planned or active, with their due date; late ones in red."""
    from rich.text import Text

    lang = d.lang
    plan = d.case.change_plan
    open_goals = [g for g in plan.goals if g.status in ("planned", "active")] if plan is not None else []
    if not open_goals:
        return Text(pick(lang, "geen open doelen", "no open goals"), style="dim")
    table = _table("id", pick(lang, "doel", "goal"), pick(lang, "status", "status"), pick(lang, "streefdatum", "due"))
    for g in open_goals:
        late = g.due is not None and g.due < d.today and g.status == "active"
        table.add_row(g.id, g.goal, value(g.status, lang), short_date(g.due, lang) if g.due else "–", style="red" if late else "")
    return table


def findings(d: Detail) -> Table | Text:
    from rich.text import Text

    lang = d.lang
    if not d.diagnostics:
        return Text(pick(lang, "geen bevindingen", "no findings"), style="green")
    table = _table(pick(lang, "code", "code"), pick(lang, "plaats", "where"), pick(lang, "bevinding", "finding"))
    for x in sorted(d.diagnostics, key=lambda x: x.sort_key()):
        where = (x.file or "").rsplit("/", 1)[-1] + (f":{x.line}" if x.line is not None else "")
        table.add_row(Text(x.code, style="red" if x.severity.value == "error" else "yellow"), where, x.message)
    return table


def case_view(judged: Judged, today: dt.date, lang: Lang, alarm_score: int) -> Group:
    """The whole of `gga show`, top to bottom."""
    from rich.console import Group

    d = Detail(judged.case, today, lang, alarm_score, judged.diagnostics, judged.deadlines)
    parts: list[RenderableType] = [header(d)]
    sections = [
        (pick(lang, "Kinderen", "Children"), children),
        (pick(lang, "Open termijnen", "Open deadlines"), deadlines),
        (pick(lang, "Veiligheidsscores", "Safety scores"), score_chart),
        (pick(lang, "Tijdlijn", "Timeline"), timeline),
        (pick(lang, "Open doelen", "Open goals"), goals),
        (pick(lang, "Bevindingen", "Findings"), findings),
    ]
    for title, build in sections:
        parts += [_heading(title), build(d)]
    return Group(*parts)
