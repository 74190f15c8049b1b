"""The rules of one judging share what several of them derive from a case (its family
contacts up to a day), and nothing of it outlives that judging or reaches another case."""

from __future__ import annotations

import datetime as dt

from casebuilder import FOLDER, ROOT, TODAY, clean, contact_line, edit
from gga_cli.judging import context, deadlines, judge
from gga_cli.loader import load_case
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Settings
from gga_cli.rules.alarms import alarm_days
from gga_cli.rules.common import family_contacts, sharing


def loaded(files: dict[str, str], today: dt.date) -> CaseFolder:
    case, problems = load_case(FOLDER, ROOT, "en", today, {name: text.encode("utf-8") for name, text in files.items()})
    assert not problems
    return case


def codes(case: CaseFolder, today: dt.date) -> list[str]:
    return sorted(d.code for d in judge(case, context(Settings(), today, "en")))


def test_within_one_judging_a_case_s_family_contacts_are_found_once_for_each_day() -> None:
    case = loaded(clean(2), TODAY[2])
    with sharing(case):
        first = family_contacts(case, TODAY[2])
        assert family_contacts(case, TODAY[2]) is first
        earlier = family_contacts(case, dt.date(2026, 1, 20))
        assert earlier is not first and [c.date for c in earlier] == [dt.date(2026, 1, d) for d in (7, 14, 20)]
    assert family_contacts(case, TODAY[2]) is not first
    assert family_contacts(case, TODAY[2]) == first


def test_another_case_judged_within_the_sharing_of_one_is_not_given_its_contacts() -> None:
    quiet = loaded(clean(1), TODAY[1])
    late = loaded(edit(clean(1), "contacts.yaml", contact_line("2026-01-14", "office"), ""), TODAY[1])
    with sharing(quiet):
        assert len(family_contacts(late, TODAY[1])) == len(family_contacts(quiet, TODAY[1])) - 1


def test_cases_judged_one_after_the_other_each_get_their_own_findings() -> None:
    quiet = loaded(clean(1), TODAY[1])
    late = loaded(edit(clean(1), "contacts.yaml", contact_line("2026-01-14", "office"), ""), TODAY[1])
    assert codes(quiet, TODAY[1]) == []
    assert codes(late, TODAY[1]) == ["G108"]
    assert codes(quiet, TODAY[1]) == []


def test_a_contact_added_to_a_judged_case_counts_when_it_is_judged_again() -> None:
    # a recording judges the case before and after it writes: the second judging sees the new entry
    files = edit(clean(1), "contacts.yaml", contact_line("2026-01-14", "office"), "")
    case = loaded(files, TODAY[1])
    assert codes(case, TODAY[1]) == ["G108"]
    case.contacts.append(loaded(clean(1), TODAY[1]).contacts[1])
    assert codes(case, TODAY[1]) == []
    ctx = context(Settings(), TODAY[1], "en")
    assert [d.code for d in deadlines(case, ctx)] == [d.code for d in deadlines(loaded(clean(1), TODAY[1]), ctx)]


def test_the_alarms_of_one_case_are_not_given_to_another() -> None:
    ctx = context(Settings(), TODAY[1], "en")
    quiet = loaded(clean(1), TODAY[1])
    alarmed = loaded(edit(clean(1), "scores.yaml", "{date: 2026-01-14, score: 6}", "{date: 2026-01-14, score: 2}"), TODAY[1])
    assessed, low = dt.date(2026, 1, 7), dt.date(2026, 1, 14)  # the unsafe assessment, the score of 2
    with sharing(quiet):
        assert alarm_days(quiet, ctx, TODAY[1]) == [assessed]
        assert alarm_days(alarmed, ctx, TODAY[1]) == [assessed, low]
    with sharing(alarmed):
        assert alarm_days(alarmed, ctx, TODAY[1]) == [assessed, low]
        assert alarm_days(quiet, ctx, TODAY[1]) == [assessed]
