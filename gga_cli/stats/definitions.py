"""The method's definitions the figures count by: the rules' own, so that a figure never
counts otherwise than the rule it reports on (method.md, revision 2): the minimum age for
speaking a child alone (G107), what a family contact is (G102, G107, G108, G109), the days an
alarm is answered in (G117) and the contact gap allowed after a contact (G108).
"""

from __future__ import annotations

import datetime as dt

from gga_cli.models import CaseFolder
from gga_cli.models.entries import Contact
from gga_cli.rules import common, rhythm
from gga_cli.rules.registry import Context


def alone_min_age(ctx: Context) -> int:
    """G107 applies to a child of this age or older on the day judged."""
    return ctx.settings.deadlines.alone_min_age


def family_contacts(case: CaseFolder, until: dt.date) -> tuple[Contact, ...]:
    """The family contacts up to `until`, in date order (`rules.common.family_contacts`)."""
    return common.family_contacts(case, until)


def alarm_answer_days(ctx: Context) -> tuple[int, int]:
    """G117: days from an alarm to (a) a new safety assessment and (b) the plan's review."""
    return ctx.settings.deadlines.alarm_assessment, ctx.settings.deadlines.alarm_review


def contact_gap(case: CaseFolder, ctx: Context, day: dt.date, alarm_days: list[dt.date]) -> int:
    """G108: the most days allowed after a family contact on `day` (`rules.rhythm.allowed_gap`)."""
    return rhythm.allowed_gap(case, ctx, day, alarm_days)
