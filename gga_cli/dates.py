"""The span of dates gga accepts, and date arithmetic that never overflows.

A case is about people alive now: a date in a case file lies between `EARLIEST` and
`LATEST`; a birth, a death and the years of a couple (a grandparent's) from
`EARLIEST_BIRTH`. Anything outside is a typo (`0000`, `9999-12-31`) and a schema error
at its line, so the rules never compute with it. Python's dates end in the year 9999:
the additions below stay inside that and clamp at its ends instead of raising.
"""

from __future__ import annotations

import datetime as dt

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)
EARLIEST_BIRTH = dt.date(1850, 1, 1)


def in_span(day: dt.date, earliest: dt.date = EARLIEST) -> bool:
    return earliest <= day <= LATEST


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days` (negative: back), clamped to the first and last date Python has.
    (The rules call this for every contact of a case: the common case costs one addition.)"""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days >= 0 else dt.date.min


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year; clamped
    like `add_days`."""
    year = day.year + years
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)
