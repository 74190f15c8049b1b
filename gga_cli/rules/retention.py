"""Retention of a closed case: when to review it, and the latest it may be kept.

method.md: "a closed case is kept at least 20 years after the end of care; after an OTS or
voogdij at most until 30 years after the child turned 18. The tool computes the dates and
lists cases due for review; it never deletes anything by itself."

Rules: G140.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Settings
from gga_cli.rules.registry import Context, Deadline, RuleSet, finding
from gga_cli.rules.common import add_years, birth_day, say, when

RULES = RuleSet()

WARNING = Severity.WARNING
ADULT = 18
KEPT_AFTER_ADULT = 30  # years after the child turned 18, at most, after an OTS or voogdij


@dataclass(frozen=True)
class Retention:
    """The retention dates of a closed case.

    `review`: closure plus the organisation's retention years (20 by default), the day
    the case is due for a decision on keeping it. `latest`: after an OTS or voogdij, the
    day the last of its children turns 48 (30 years after turning 18), where every
    child's birth is known; a birth year alone counts from 1 January. `per_child`: that
    day for each child (by name), where the birth is known.
    """

    review: dt.date
    latest: dt.date | None
    per_child: tuple[tuple[str, dt.date], ...]


def retention_of(case: CaseFolder, settings: Settings) -> Retention | None:
    """The retention dates of a closed case; None while it is open."""
    if case.case is None or case.case.closed is None:
        return None
    review = add_years(case.case.closed.date, settings.deadlines.retention_years)
    per_child: list[tuple[str, dt.date]] = []
    complete = True
    if case.case.measure.kind in ("ots", "voogdij") and case.genogram is not None:
        for child in case.genogram.children():
            born = birth_day(child)
            if born is None:
                complete = False
                continue
            per_child.append((child.name, add_years(born, ADULT + KEPT_AFTER_ADULT)))
    latest = max((d for _, d in per_child), default=None) if complete else None
    return Retention(review, latest, tuple(per_child))


@RULES.rule(
    "G140", WARNING,
    "a closed case is past its retention review date (20 years after closure)",
    "een afgesloten zaak is over de datum om de bewaartermijn te beoordelen (20 jaar na afsluiting)",
    booklet="",
    settings=("retention_years",),
)
def retention_review(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """Judged on today, also for a closed case: the review comes long after closing."""
    kept = retention_of(case, ctx.settings)
    if kept is None or ctx.today <= kept.review:
        return []
    assert case.case is not None and case.case.closed is not None
    latest_nl = f"; uiterlijk bewaren tot {when(kept.latest, 'nl')}" if kept.latest else ""
    latest_en = f"; keep at most until {when(kept.latest, 'en')}" if kept.latest else ""
    return [finding("G140", case, "case.yaml", case.case.closed, say(
        ctx,
        f"bewaartermijn beoordelen: afgesloten op {when(case.case.closed.date, 'nl')}, te beoordelen sinds {when(kept.review, 'nl')}{latest_nl}",
        f"review retention: closed on {when(case.case.closed.date, 'en')}, due for review since {when(kept.review, 'en')}{latest_en}",
    ))]


@RULES.deadlines_of("G140")
def retention_due(case: CaseFolder, ctx: Context) -> list[Deadline]:
    kept = retention_of(case, ctx.settings)
    if kept is None:
        return []
    return [Deadline("G140", case.id, kept.review, say(ctx, "bewaartermijn beoordelen", "review retention"),
                     label=say(ctx, "bewaartermijn", "retention review"))]
