"""G101-G106: the first week and the safety plan."""

from __future__ import annotations

import datetime as dt

import pytest

from casebuilder import FIRST_ASSESSMENT, TODAY, clean, edit, findings, upto, without
from gga_cli.models.settings import Settings

D = dt.date


@pytest.mark.parametrize("phase", [1, 2, 3, "closed"])
def test_a_clean_case_in_every_phase_yields_no_finding_at_all(phase: int | str) -> None:
    assert findings(clean(phase), TODAY[phase]) == []


def test_a_case_registered_today_has_nothing_due_yet() -> None:
    files = {
        "case.yaml": clean(1)["case.yaml"],
        "genogram.yaml": clean(1)["genogram.yaml"],
    }
    assert findings(files, D(2026, 1, 5)) == []


def no_assessment() -> dict[str, str]:
    return edit(clean(1), "safety-plan.yaml", "assessments:\n" + FIRST_ASSESSMENT, "assessments: []\n")


def test_g101_quiet_on_day_5_without_an_assessment() -> None:
    assert findings(upto(no_assessment(), D(2026, 1, 10)), D(2026, 1, 10)) == []


def test_g101_fires_on_day_6_without_an_assessment() -> None:
    assert findings(upto(no_assessment(), D(2026, 1, 11)), D(2026, 1, 11)) == [
        ("G101", "warning", "safety-plan.yaml", None, "nog geen ARIJ-veiligheidstaxatie: uiterlijk 10 januari 2026, 1 dag over tijd"),
    ]


def test_g101_an_assessment_on_day_5_is_in_time() -> None:
    files = edit(clean(1), "safety-plan.yaml", "  - date: 2026-01-07\n", "  - date: 2026-01-10\n")
    files = edit(files, "safety-plan.yaml", "established: 2026-01-08", "established: 2026-01-10")  # answers the alarm
    assert findings(files, TODAY[1]) == []


def test_g101_an_assessment_on_day_6_is_reported_late_at_its_line() -> None:
    files = edit(clean(1), "safety-plan.yaml", "  - date: 2026-01-07\n", "  - date: 2026-01-11\n")
    files = edit(files, "safety-plan.yaml", "established: 2026-01-08", "established: 2026-01-11")  # answers the alarm
    assert findings(files, TODAY[1]) == [
        ("G103", "warning", "safety-plan.yaml", None, "veiligheidsplan vastgesteld 1 dag te laat (uiterlijk 10 januari 2026, was 11 januari 2026)"),
        ("G101", "warning", "safety-plan.yaml", 3, "eerste veiligheidstaxatie 1 dag te laat (uiterlijk 10 januari 2026, was 11 januari 2026)"),
    ]


def test_g101_in_english() -> None:
    assert findings(upto(no_assessment(), D(2026, 1, 11)), D(2026, 1, 11), "en") == [
        ("G101", "warning", "safety-plan.yaml", None, "no ARIJ safety assessment yet: due 10 January 2026, 1 day overdue"),
    ]


def test_g101_a_closed_case_is_judged_up_to_its_closing_date() -> None:
    files = upto(no_assessment(), D(2026, 1, 9))
    files = edit(files, "case.yaml", "phases:", "closed: {date: 2026-01-09, reason: verhuisd}\nsharing: []\nphases:")
    assert [f[0] for f in findings(files, D(2026, 6, 1))] == ["G131", "G130", "G130", "G130", "G130", "G130", "G113", "G130"]


def no_home_visit(day: str) -> dict[str, str]:
    return edit(clean(1), "contacts.yaml", "2026-01-07, kind: home_visit", f"{day}, kind: office")


def test_g102_a_home_visit_on_day_7_is_in_time() -> None:
    files = edit(clean(1), "contacts.yaml", "2026-01-07, kind: home_visit", "2026-01-12, kind: home_visit")
    files = edit(files, "scores.yaml", "2026-01-07", "2026-01-12")
    assert [f for f in findings(files, TODAY[1]) if f[0] == "G102"] == []


def test_g102_the_first_home_visit_three_days_late() -> None:
    # the first contact is at the office; the home visit comes on 27 January
    files = no_home_visit("2026-01-07")
    assert findings(files, D(2026, 1, 27)) == [  # 7 days after the last contact: G108 not yet
        ("G102", "warning", "contacts.yaml", None, "nog geen huisbezoek: uiterlijk 12 januari 2026, 15 dagen over tijd"),
    ]
    late = edit(files, "contacts.yaml", "2026-01-20, kind: phone", "2026-01-15, kind: home_visit")
    late = edit(late, "scores.yaml", "2026-01-20", "2026-01-15")
    assert findings(late, D(2026, 1, 21)) == [
        ("G102", "warning", "contacts.yaml", 3, "eerste huisbezoek 3 dagen te laat (uiterlijk 12 januari 2026, was 15 januari 2026)"),
    ]


def test_g102_no_contacts_at_all() -> None:
    files = without(clean(1), "contacts.yaml", "scores.yaml")
    assert findings(files, D(2026, 1, 12)) == []
    assert findings(files, D(2026, 1, 13)) == [
        ("G102", "warning", "contacts.yaml", None, "nog geen huisbezoek: uiterlijk 12 januari 2026, 1 dag over tijd"),
    ]


def test_g102_a_home_visit_without_anyone_of_the_family_does_not_count() -> None:
    # only the neighbour (a network member) was at home; the family is seen on 13 January
    files = edit(clean(1), "contacts.yaml", "- {date: 2026-01-07, kind: home_visit, with: [els, sjors], alone: [sjors]}",
                 "- {date: 2026-01-07, kind: home_visit, with: [oma]}\n- {date: 2026-01-13, kind: home_visit, with: [els, sjors], alone: [sjors]}")
    files = edit(files, "scores.yaml", "- {date: 2026-01-07, score: 5}", "- {date: 2026-01-13, score: 5}")
    assert findings(files, TODAY[1]) == [
        ("G102", "warning", "contacts.yaml", 2, "eerste huisbezoek 1 dag te laat (uiterlijk 12 januari 2026, was 13 januari 2026)"),
    ]


def test_g103_no_safety_plan_at_all() -> None:
    files = upto(without(clean(1), "safety-plan.yaml"), D(2026, 1, 11))
    assert findings(files, D(2026, 1, 11)) == [
        ("G101", "warning", "safety-plan.yaml", None, "nog geen ARIJ-veiligheidstaxatie: uiterlijk 10 januari 2026, 1 dag over tijd"),
        ("G103", "warning", "safety-plan.yaml", None, "veiligheidsplan nog niet vastgesteld: uiterlijk 10 januari 2026, 1 dag over tijd"),
    ]
    assert findings(upto(files, D(2026, 1, 10)), D(2026, 1, 10)) == []


def test_g104_a_bottom_line_without_consequence() -> None:
    files = edit(clean(1), "safety-plan.yaml", ", consequence: De jeugdbeschermer vraagt een uithuisplaatsing aan.", "")
    assert findings(files, TODAY[1]) == [("G104", "error", "safety-plan.yaml", 12, "bodemeis b1 heeft geen consequentie")]
    assert findings(files, TODAY[1], "en") == [("G104", "error", "safety-plan.yaml", 12, "bottom line b1 has no consequence")]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (", who: [oma]", "", "veiligheidsafspraak a1 noemt niemand die haar uitvoert"),
        (", who: [oma]", ", who: []", "veiligheidsafspraak a1 noemt niemand die haar uitvoert"),
        (", monitoring: Oma belt na elke overdracht.", "", "veiligheidsafspraak a1 zegt niet hoe we er zicht op houden"),
        (", who: [oma], monitoring: Oma belt na elke overdracht.", "",
         "veiligheidsafspraak a1 noemt niemand die haar uitvoert en niet hoe we er zicht op houden"),
    ],
)
def test_g105_an_agreement_without_who_or_monitoring(old: str, new: str, message: str) -> None:
    files = edit(clean(1), "safety-plan.yaml", old, new)
    assert findings(files, TODAY[1]) == [("G105", "error", "safety-plan.yaml", 14, message)]


def test_g106_every_child_needs_a_trusted_person_not_only_the_registered_one() -> None:
    files = edit(clean(1), "genogram.yaml", "  - {id: els,",
                 "  - {id: lotte, name: Lotte, sex: f, born: 2018-03-01, parents: [ron, els], child: true}\n"
                 "  - {id: oud, name: Opa Kees, sex: m, born: 2010, child: true, died: 2020}\n  - {id: els,")
    assert findings(files, TODAY[1]) == [("G106", "warning", "genogram.yaml", 3, "Lotte heeft geen vertrouwenspersoon")]


def test_g102_counts_calendar_days_across_a_leap_day() -> None:
    files = without(clean(1), "contacts.yaml", "scores.yaml", "safety-plan.yaml")
    files = edit(files, "case.yaml", "registered: 2026-01-05", "registered: 2028-02-25")
    files = edit(files, "case.yaml", "{phase: 1, start: 2026-01-05}", "{phase: 1, start: 2028-02-25}")
    files = edit(files, "case.yaml", "start: 2026-01-05, end: 2027-01-05", "start: 2028-02-25, end: 2029-02-25")
    settings = Settings(rules={"G101": "off", "G103": "off"})
    assert findings(files, D(2028, 3, 3), settings=settings) == []
    assert findings(files, D(2028, 3, 4), settings=settings) == [
        ("G102", "warning", "contacts.yaml", None, "nog geen huisbezoek: uiterlijk 3 maart 2028, 1 dag over tijd"),
    ]


# G116 ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("reason: Melding van huiselijk geweld; Sjors gaat niet meer naar school.\n", "", "de aanleiding"),
        ("concerns: [Moeder drinkt om rustig te worden.]", "concerns: []", "een zorg"),
        ("strengths: [Beide ouders willen dat het goed gaat met Sjors.]\n", "", "een kracht"),
    ],
)
def test_g116_an_established_safety_plan_names_each_part_it_lacks(old: str, new: str, message: str) -> None:
    files = edit(clean(1), "safety-plan.yaml", old, new)
    assert findings(files, TODAY[1]) == [
        ("G116", "warning", "safety-plan.yaml", None, f"het veiligheidsplan is vastgesteld maar mist {message}"),
    ]


def test_g116_one_finding_names_every_missing_part() -> None:
    files = {**clean(1), "safety-plan.yaml": "assessments:\n" + FIRST_ASSESSMENT + "established: 2026-01-08\n"}
    assert findings(files, TODAY[1], "en") == [
        ("G116", "warning", "safety-plan.yaml", None,
         "the safety plan is established but lacks its reason, a concern, a strength, a bottom-line requirement and a safety agreement"),
    ]


def test_g116_a_plan_in_progress_may_lack_parts_until_it_is_established() -> None:
    files = {**clean(1), "safety-plan.yaml": "assessments:\n" + FIRST_ASSESSMENT + "established: 2026-01-08\n"}
    files = edit(files, "safety-plan.yaml", "established: 2026-01-08\n", "")
    assert [f[0] for f in findings(upto(files, D(2026, 1, 10)), D(2026, 1, 10))] == []
    # from the day it is established, the parts are asked for
    dated = edit(files, "safety-plan.yaml", "    conclusion: unsafe\n", "    conclusion: unsafe\nestablished: 2026-01-10\n")
    assert [f[0] for f in findings(upto(dated, D(2026, 1, 9)), D(2026, 1, 9))] == ["F021"]
    assert [f[0] for f in findings(upto(dated, D(2026, 1, 10)), D(2026, 1, 10))] == ["G116"]


# G118 ---------------------------------------------------------------------------------

def test_g118_a_genogram_without_a_child_of_the_case() -> None:
    files = edit(clean(1), "genogram.yaml", "parents: [ron, els], child: true, index: true, trusted_person: mike", "parents: [ron, els]")
    files = edit(files, "contacts.yaml", ", alone: [sjors]", "")
    assert findings(files, TODAY[1]) == [
        ("G118", "error", "genogram.yaml", None, "het genogram noemt geen kind van de zaak (child: true)"),
    ]


def test_g118_children_without_an_index_child() -> None:
    files = edit(clean(1), "genogram.yaml", "child: true, index: true,", "child: true,")
    assert findings(files, TODAY[1], "en") == [
        ("G118", "error", "genogram.yaml", None, "the genogram names no index child (index: true on a child)"),
    ]


def test_g118_quiet_with_an_index_child() -> None:
    assert [f for f in findings(clean(1), TODAY[1]) if f[0] == "G118"] == []


def test_g118_a_genogram_not_drawn_yet_is_due_with_the_safety_plan() -> None:
    files = {"case.yaml": clean(1)["case.yaml"], "genogram.yaml": "people: []\n",
             "safety-plan.yaml": "established: 2026-01-08\n"}
    assert [f[0] for f in findings(files, D(2026, 1, 10)) if f[0] == "G118"] == []
    assert [f[:3] for f in findings(files, D(2026, 1, 11)) if f[0] == "G118"] == [("G118", "error", "genogram.yaml")]
