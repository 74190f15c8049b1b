"""The method's definitions the figures count by, as revision 2 of the rules states them.

Each is one small function, so that it can be pointed at the rules' own version once the
rules carry it: the minimum age for speaking a child alone (G107), what a family contact
is (G102, G107, G108, G109), the days an alarm is answered in (G117) and the contact gap
allowed in phase 2 after an alarm (G108).
"""

from __future__ import annotations

import datetime as dt

from gga_cli.models import CaseFolder
from gga_cli.models.entries import Contact
from gga_cli.rules.registry import Context
from gga_cli.rules.rhythm import gap_limit
from gga_cli.rules.common import in_order, phase_at

ALONE_MIN_AGE = 4  # revision 2's default for G107: a younger child is not spoken alone
ALARM_ASSESSMENT = 1  # revision 2's default for G117: days to a new safety assessment
ALARM_GAP = 28  # revision 2, G108: days after an alarm in which phase 2 keeps a weekly rhythm


def alone_min_age(ctx: Context) -> int:
    """G107 applies to a child of this age or older on the day judged."""
    value = getattr(ctx.settings.deadlines, "alone_min_age", ALONE_MIN_AGE)
    return value if isinstance(value, int) else ALONE_MIN_AGE


def family_contacts(case: CaseFolder, until: dt.date) -> list[Contact]:
    """Contacts of any kind but the team's case consultation in which a person of the
    genogram took part (in `with` or `alone`), in date order: a call with only the school
    is a contact with the network, not with the family."""
    people = {p.id for p in case.genogram.people} if case.genogram is not None else set()
    return [
        c for c in in_order(case.contacts, until)
        if c.with_family and (people.intersection(c.with_) or people.intersection(c.alone))
    ]


def alarm_answer_days(ctx: Context) -> tuple[int, int]:
    """G117: days from an alarm to (a) a new safety assessment and (b) the plan's review."""
    assessment = getattr(ctx.settings.deadlines, "alarm_assessment", ALARM_ASSESSMENT)
    review = getattr(ctx.settings.deadlines, "alarm_review", ctx.settings.deadlines.alarm_response)
    return (assessment if isinstance(assessment, int) else ALARM_ASSESSMENT, review if isinstance(review, int) else 5)


def contact_gap(case: CaseFolder, ctx: Context, day: dt.date, alarm_days: list[dt.date]) -> int:
    """G108: the most days allowed after a family contact on `day`. The phase in force on
    that day sets it; in phase 2 a gap starting within 28 days after an alarm may last as
    long as phase 1 allows only."""
    assert case.case is not None
    phase = phase_at(case.case, day)
    limit = gap_limit(ctx.settings.deadlines, phase)
    if phase == 2 and any(a <= day <= a + dt.timedelta(days=ALARM_GAP) for a in alarm_days):
        return min(limit, ctx.settings.deadlines.contact_gap_phase1)
    return limit
