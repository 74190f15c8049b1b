"""G107-G109: the child spoken alone, the contact rhythm per phase, a score after every contact."""

from __future__ import annotations

import datetime as dt

from casebuilder import TODAY, clean, contact_line, edit, findings, score_line, upto
from gga_cli.models.settings import Deadlines, Settings

D = dt.date


def weekly(first: dt.date, last: dt.date, alone_on: tuple[dt.date, ...] = ()) -> dict[str, str]:
    """Contacts (each scored) every 7 days from `first` until `last`, alone with Sjors on the
    days given; the second is a network meeting (G121 asks for one in phase 1)."""
    contacts, scores = "", ""
    day = first
    while day <= last:
        kind = "network_meeting" if day == first + dt.timedelta(days=7) else "home_visit"
        contacts += contact_line(day.isoformat(), kind, day in alone_on)
        scores += score_line(day.isoformat())
        day += dt.timedelta(days=7)
    return {"contacts.yaml": contacts, "scores.yaml": scores}


def phase1(first: dt.date, last: dt.date, alone_on: tuple[dt.date, ...] = ()) -> dict[str, str]:
    return {**clean(1), **weekly(first, last, alone_on)}


# G107 ---------------------------------------------------------------------------------

def test_g107_quiet_42_days_after_the_last_alone_contact() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 2, 18), alone_on=(D(2026, 1, 7),))
    assert findings(files, D(2026, 2, 18)) == []


def test_g107_fires_43_days_after_the_last_alone_contact_at_that_contact() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 2, 18), alone_on=(D(2026, 1, 7),))
    assert findings(files, D(2026, 2, 19)) == [
        ("G107", "warning", "contacts.yaml", 1,
         "Sjors is sinds 7 januari 2026 niet alleen gesproken: uiterlijk 18 februari 2026, 1 dag over tijd"),
    ]


def test_g107_never_spoken_alone_counts_from_registration() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 2, 11))
    assert findings(files, D(2026, 2, 16)) == []
    assert findings(files, D(2026, 2, 17), "en") == [
        ("G107", "warning", "contacts.yaml", None, "Sjors has not been spoken to alone yet: due 16 February 2026, 1 day overdue"),
    ]


def test_g107_an_earlier_long_stretch_since_closed_by_an_alone_contact_is_not_reported() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 3, 18), alone_on=(D(2026, 1, 7), D(2026, 3, 11)))
    assert findings(files, D(2026, 3, 20)) == []


def test_g107_a_child_born_after_registration_counts_from_birth_where_the_minimum_age_is_0() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 3, 11), alone_on=(D(2026, 1, 7), D(2026, 2, 11), D(2026, 3, 11)))
    files = edit(files, "genogram.yaml", "  - {id: els,",
                 "  - {id: noor, name: Noor, sex: f, born: 2026-02-01, parents: [ron, els], child: true, trusted_person: oma}\n  - {id: els,")
    settings = Settings(deadlines=Deadlines(alone_min_age=0))
    assert findings(files, D(2026, 3, 15), settings=settings) == []
    assert findings(files, D(2026, 3, 16), settings=settings) == [
        ("G107", "warning", "contacts.yaml", None, "Noor is nog niet alleen gesproken: uiterlijk 15 maart 2026, 1 dag over tijd"),
    ]
    assert findings(files, D(2026, 3, 16)) == []  # a baby is seen, not interviewed


def with_noor(files: dict[str, str], born: str) -> dict[str, str]:
    return edit(files, "genogram.yaml", "  - {id: els,",
                f"  - {{id: noor, name: Noor, sex: f, born: {born}, parents: [ron, els], child: true, trusted_person: oma}}\n  - {{id: els,")


def test_g107_a_child_who_turns_4_counts_from_the_birthday() -> None:
    files = with_noor(phase1(D(2026, 1, 7), D(2026, 3, 18), alone_on=(D(2026, 1, 7), D(2026, 2, 11), D(2026, 3, 18))), "2022-02-10")
    assert findings(files, D(2026, 3, 24)) == []
    assert findings(files, D(2026, 3, 25)) == [
        ("G107", "warning", "contacts.yaml", None, "Noor is nog niet alleen gesproken: uiterlijk 24 maart 2026, 1 dag over tijd"),
    ]


def test_g107_a_child_under_4_when_phase_1_ended_need_not_have_been_spoken_alone_in_it() -> None:
    assert findings(with_noor(clean(2), "2022-02-03"), TODAY[2]) == [
        ("G107", "warning", "contacts.yaml", None, "Noor is nog niet alleen gesproken: uiterlijk 17 maart 2026, 8 dagen over tijd"),
    ]
    assert findings(with_noor(clean(2), "2022-02-02"), TODAY[2]) == [
        ("G107", "warning", "case.yaml", 10, "Noor is in fase 1 niet alleen gesproken (fase 2 begon op 2 februari 2026)"),
        ("G107", "warning", "contacts.yaml", None, "Noor is nog niet alleen gesproken: uiterlijk 16 maart 2026, 9 dagen over tijd"),
    ]


def test_g107_a_child_under_4_on_the_day_judged_is_not_asked_for() -> None:
    assert findings(with_noor(clean(2), "2022-03-26"), TODAY[2]) == []


def test_g107_leaving_phase_1_without_speaking_the_child_alone_is_reported_at_the_phase_change() -> None:
    files = edit(clean(2), "contacts.yaml", "- {date: 2026-01-07, kind: home_visit, with: [els, sjors], alone: [sjors]}",
                 "- {date: 2026-01-07, kind: home_visit, with: [els, sjors]}")
    assert findings(files, TODAY[2]) == [
        ("G107", "warning", "case.yaml", 10, "Sjors is in fase 1 niet alleen gesproken (fase 2 begon op 2 februari 2026)"),
    ]


def test_g107_speaking_alone_on_the_day_phase_2_starts_is_too_late_for_phase_1() -> None:
    files = edit(clean(2), "contacts.yaml", "- {date: 2026-01-07, kind: home_visit, with: [els, sjors], alone: [sjors]}",
                 "- {date: 2026-01-07, kind: home_visit, with: [els, sjors]}")
    files = edit(files, "contacts.yaml", "2026-02-02, kind: network_meeting, with: [els, sjors]}",
                 "2026-02-02, kind: network_meeting, with: [els, sjors], alone: [sjors]}")
    assert [f[:4] for f in findings(files, TODAY[2])] == [("G107", "warning", "case.yaml", 10)]


# G108 ---------------------------------------------------------------------------------

def test_g108_seven_days_between_contacts_in_phase_1_is_in_time() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 1, 21), alone_on=(D(2026, 1, 7),))
    assert findings(files, D(2026, 1, 28)) == []


def test_g108_eight_days_between_contacts_in_phase_1_is_one_day_late() -> None:
    files = {**clean(1), "contacts.yaml": contact_line("2026-01-07", "home_visit", True) + contact_line("2026-01-15", "phone"),
             "scores.yaml": score_line("2026-01-07") + score_line("2026-01-15")}
    assert findings(files, D(2026, 1, 16)) == [
        ("G108", "warning", "contacts.yaml", 2, "contact met het gezin 1 dag te laat (uiterlijk 14 januari 2026, was 15 januari 2026); "
         "fase 1: hoogstens 7 dagen na 7 januari 2026"),
    ]


def test_g108_overdue_now_from_the_last_contact() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 1, 21), alone_on=(D(2026, 1, 7),))
    assert findings(files, D(2026, 1, 29)) == [
        ("G108", "warning", "contacts.yaml", 3, "geen contact met het gezin sinds 21 januari 2026: uiterlijk 28 januari 2026, "
         "1 dag over tijd (fase 1: hoogstens 7 dagen)"),
    ]


def test_g108_a_case_consultation_is_no_contact_with_the_family() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 1, 21), alone_on=(D(2026, 1, 7),))
    files["contacts.yaml"] += "- {date: 2026-01-27, kind: case_consultation}\n"
    assert [f[0] for f in findings(files, D(2026, 1, 29))] == ["G108"]


def test_g108_a_call_with_only_the_school_is_no_family_contact_and_needs_no_score() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 1, 21), alone_on=(D(2026, 1, 7),))
    files["contacts.yaml"] += "- {date: 2026-01-27, kind: school, with: [mike]}\n"
    assert findings(files, D(2026, 1, 28)) == []
    assert findings(files, D(2026, 1, 29)) == [
        ("G108", "warning", "contacts.yaml", 3, "geen contact met het gezin sinds 21 januari 2026: uiterlijk 28 januari 2026, "
         "1 dag over tijd (fase 1: hoogstens 7 dagen)"),
    ]


def test_g108_a_contact_is_a_family_contact_when_one_person_of_the_genogram_took_part() -> None:
    files = phase1(D(2026, 1, 7), D(2026, 1, 21), alone_on=(D(2026, 1, 7),))
    files["contacts.yaml"] += "- {date: 2026-01-27, kind: school, with: [mike, els]}\n"
    files["scores.yaml"] += score_line("2026-01-27")
    assert findings(files, D(2026, 2, 3)) == []


ALONE_0320 = ("2026-03-20, kind: office, with: [els, sjors]}", "2026-03-20, kind: office, with: [els, sjors], alone: [sjors]}")


def test_g108_phase_2_allows_28_days() -> None:
    files = edit(clean(2), "contacts.yaml", *ALONE_0320)
    assert findings(files, D(2026, 4, 17)) == []
    assert [f[:4] for f in findings(files, D(2026, 4, 18))] == [("G108", "warning", "contacts.yaml", 8)]


def test_g108_a_gap_is_judged_by_the_phase_at_its_start_phase_2_into_3() -> None:
    # last contact 20 March in phase 2; phase 3 began 30 March: 28 days hold, not 7
    files = edit(clean(3), "case.yaml", "  - {phase: 3, start: 2026-03-30}", "  - {phase: 3, start: 2026-03-21}")
    files = edit(upto(files, D(2026, 3, 20)), "contacts.yaml", *ALONE_0320)
    files = edit(files, "case.yaml", "sharing:\n  - {date: 2026-04-15, basis: consent, given_by: [els, ron], scope: overdracht aan jeugdteam}\n", "")
    files = edit(files, "safety-plan.yaml", '  - {date: 2026-03-30, tool: arij, version: "2018", conclusion: safe}\n', "")
    files = edit(files, "change-plan.yaml", '  - {date: 2026-03-30, tool: arij, version: "2018", outcome: low}\n', "")
    files = edit(files, "safeguarding-plan.yaml", "established: 2026-04-13", "established: 2026-03-21")
    # the safeguarding plan made with the network (G121), in a meeting without the family
    files["contacts.yaml"] += "- {date: 2026-03-21, kind: network_meeting, with: [oma, mike]}\n"
    assert findings(files, D(2026, 4, 17)) == []
    assert [f[:4] for f in findings(files, D(2026, 4, 18))] == [("G108", "warning", "contacts.yaml", 8)]


def test_g108_a_gap_is_judged_by_the_phase_at_its_start_phase_1_into_2() -> None:
    # no contact on 2 and 5 February: 27 January (phase 1) to 27 February is 31 days
    files = edit(clean(2), "contacts.yaml", "- {date: 2026-02-02, kind: network_meeting, with: [els, sjors]}\n", "")
    files = edit(files, "contacts.yaml", "- {date: 2026-02-05, kind: phone, with: [els, sjors]}\n", "")
    files = edit(files, "scores.yaml", "- {date: 2026-02-02, score: 6}\n", "")
    files = edit(files, "scores.yaml", "- {date: 2026-02-05, score: 6}\n", "")
    assert findings(files, TODAY[2]) == [
        ("G108", "warning", "contacts.yaml", 5, "contact met het gezin 24 dagen te laat (uiterlijk 3 februari 2026, was 27 februari 2026); "
         "fase 1: hoogstens 7 dagen na 27 januari 2026"),
    ]


def test_g108_stepping_back_from_phase_3_to_2_allows_28_days_again() -> None:
    files = upto(clean(3), D(2026, 4, 6))
    files = edit(files, "case.yaml", "phase: 3\n", "phase: 2\n")
    files = edit(files, "case.yaml", "  - {phase: 3, start: 2026-03-30}\n", "  - {phase: 3, start: 2026-03-30}\n  - {phase: 2, start: 2026-04-06}\n")
    assert findings(files, D(2026, 5, 4)) == []
    assert [f[:4] for f in findings(files, D(2026, 5, 5))] == [("G108", "warning", "contacts.yaml", 10)]


def alarm_answered(files: dict[str, str], day: str, by: str = "els") -> dict[str, str]:
    """A score of 3 on `day`, answered at once by a new assessment and a review of the plan (G117)."""
    files = edit(files, "safety-plan.yaml", "concerns:", f'  - {{date: {day}, tool: arij, version: "2018", conclusion: safe}}\nconcerns:')
    files = edit(files, "safety-plan.yaml", "established: 2026-01-08\n", f"established: 2026-01-08\nreviews:\n  - {{date: {day}, reason: score 3}}\n")
    return {**files, "scores.yaml": files["scores.yaml"] + score_line(day, 3, by)}


def test_g108_in_phase_2_a_gap_starting_on_an_alarm_day_may_last_7_days_only() -> None:
    files = alarm_answered(clean(2), "2026-02-27")
    assert findings(files, TODAY[2]) == [
        ("G108", "warning", "contacts.yaml", 8, "contact met het gezin 14 dagen te laat (uiterlijk 6 maart 2026, was 20 maart 2026); "
         "fase 2, na het alarm van 27 februari 2026: hoogstens 7 dagen na 27 februari 2026"),
    ]


def test_g108_a_phase_2_gap_starting_28_days_after_an_alarm_is_tight_29_days_after_is_not() -> None:
    base = upto(clean(2), D(2026, 3, 20))
    late_0320 = ("G108", "warning", "contacts.yaml", 8)
    assert [f[:4] for f in findings(alarm_answered(base, "2026-02-20"), D(2026, 3, 28))] == [
        late_0320, ("G108", "warning", "contacts.yaml", 8),
    ]
    assert findings(alarm_answered(base, "2026-02-20"), D(2026, 3, 28))[1][4] == (
        "geen contact met het gezin sinds 20 maart 2026: uiterlijk 27 maart 2026, 1 dag over tijd "
        "(fase 2, na het alarm van 20 februari 2026: hoogstens 7 dagen)")
    assert [f[:4] for f in findings(alarm_answered(base, "2026-02-19"), D(2026, 3, 28))] == [late_0320]


def test_g108_an_alarm_the_day_after_a_gap_starts_does_not_tighten_that_gap() -> None:
    # the same case as the test above but one day later: the gap from 27 February to
    # 20 March began before the alarm, so phase 2's 28 days hold; the gap since 20 March
    # is tight (7 days) but not over on 25 March
    files = alarm_answered(clean(2), "2026-02-28")
    assert findings(files, TODAY[2]) == []
    assert [f[:4] for f in findings(files, D(2026, 3, 28))] == [("G108", "warning", "contacts.yaml", 8)]


def test_g108_an_alarm_does_not_tighten_phase_1_or_3_which_are_weekly_already() -> None:
    files = alarm_answered(clean(1), "2026-01-14")
    assert findings(files, TODAY[1]) == []


# G109 ---------------------------------------------------------------------------------

def test_g109_a_score_the_next_day_by_anyone_counts() -> None:
    files = edit(clean(1), "scores.yaml", "- {date: 2026-01-14, score: 6}", "- {date: 2026-01-15, score: 7, by: els}")
    assert findings(files, TODAY[1]) == []


def test_g109_no_score_is_quiet_the_next_day_and_fires_the_day_after() -> None:
    files = edit(clean(1), "scores.yaml", "- {date: 2026-01-20, score: 6}\n", "")
    assert findings(files, D(2026, 1, 21)) == []
    assert findings(files, D(2026, 1, 22)) == [
        ("G109", "warning", "contacts.yaml", 3, "het telefoongesprek van 20 januari 2026 heeft geen veiligheidsscore (uiterlijk 21 januari 2026)"),
    ]
    assert findings(files, D(2026, 1, 22), "en") == [
        ("G109", "warning", "contacts.yaml", 3, "the phone call of 20 January 2026 has no safety score (due 21 January 2026)"),
    ]


def test_g109_a_score_two_days_later_is_too_late() -> None:
    files = edit(clean(1), "scores.yaml", "- {date: 2026-01-14, score: 6}", "- {date: 2026-01-16, score: 6}")
    assert findings(files, TODAY[1]) == [
        ("G109", "warning", "contacts.yaml", 2, "het gesprek op kantoor van 14 januari 2026 heeft geen veiligheidsscore (uiterlijk 15 januari 2026)"),
    ]


def test_g109_a_case_consultation_needs_no_score() -> None:
    files = clean(1)
    files["contacts.yaml"] += "- {date: 2026-01-19, kind: case_consultation}\n"
    assert findings(files, TODAY[1]) == []
