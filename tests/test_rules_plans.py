"""G110-G115: the change plan after acute safety, its parts from phase 2, the LIJ, the
safeguarding plan in phase 3 and at closure, and the local team."""

from __future__ import annotations

import datetime as dt

import pytest

from casebuilder import TODAY, clean, edit, findings, without
from gga_cli.judging import context
from gga_cli.models.settings import Settings
from gga_cli.rules import change_plan_gaps, safeguarding_gaps

D = dt.date


def test_g110_active_goals_before_the_safety_plan_is_established() -> None:
    files = edit(clean(2), "safety-plan.yaml", "established: 2026-01-08\n", "")
    assert findings(files, TODAY[2]) == [
        ("G110", "error", "change-plan.yaml", 12, "doel g1 is actief terwijl het veiligheidsplan niet is vastgesteld"),
        ("G103", "warning", "safety-plan.yaml", None, "veiligheidsplan nog niet vastgesteld: uiterlijk 10 januari 2026, 74 dagen over tijd"),
        ("G117", "error", "safety-plan.yaml", 3, "veiligheidsplan niet herzien na veiligheidstaxatie 'onveilig' op 7 januari 2026: "
         "uiterlijk 12 januari 2026, 72 dagen over tijd"),
    ]


def test_g110_quiet_when_no_goal_is_active() -> None:
    files = edit(clean(1), "safety-plan.yaml", "established: 2026-01-08\n", "")
    files["change-plan.yaml"] = "goals:\n  - {id: g1, goal: Naar school., status: planned}\n"
    assert [f[0] for f in findings(upto_day5(files), D(2026, 1, 10))] == []


def upto_day5(files: dict[str, str]) -> dict[str, str]:
    from casebuilder import upto

    return upto(files, D(2026, 1, 10))


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("pattern: Moeder beschermt uit angst, vader reageert met agressie, Sjors trekt zich terug.\n", "", None,
         "het veranderplan mist het patroon"),
        ("  changeable: [Sjors gaat weer zelfstandig naar school.]\n  compensated: [Oma blijft bij overdrachten.]\n",
         "  changeable: []\n", 8, "het veranderplan mist de haalbare eindsituatie (wat kan veranderen, wat gecompenseerd blijft)"),
        (", help: {provider: Brijder, what: agressieregulatie}", "", 13, "het veranderplan mist de hulp bij doel g2"),
        ('  - {date: 2026-01-28, tool: arij, version: "2018", outcome: high}\n',
         '  - {date: 2026-01-28, tool: lij, version: "2.1", outcome: high}\n', None, "het veranderplan mist een ARIJ-risicotaxatie"),
        ("established: 2026-01-30\n", "", None, "het veranderplan mist de datum waarop het is vastgesteld"),
    ],
)
def test_g111_each_missing_part_of_the_change_plan_in_phase_2(old: str, new: str, line: int | None, message: str) -> None:
    files = edit(clean(2), "change-plan.yaml", old, new)
    assert findings(files, TODAY[2]) == [("G111", "error", "change-plan.yaml", line, message)]


def test_g111_one_empty_end_state_list_is_fine() -> None:
    files = edit(clean(2), "change-plan.yaml", "  compensated: [Oma blijft bij overdrachten.]\n", "  compensated: []\n")
    assert findings(files, TODAY[2]) == []


def test_g111_no_change_plan_and_no_goals() -> None:
    assert findings(without(clean(2), "change-plan.yaml"), TODAY[2]) == [
        ("G111", "error", "change-plan.yaml", None, "er is geen veranderplan"),
    ]
    files = clean(2)
    files["change-plan.yaml"] = files["change-plan.yaml"][: files["change-plan.yaml"].index("goals:")] + (
        "considerations: []\nestablished: 2026-01-30\n")
    assert findings(files, TODAY[2], "en") == [("G111", "error", "change-plan.yaml", None, "the change plan lacks goals")]


def test_g111_does_not_apply_in_phase_1_but_the_gate_names_the_parts() -> None:
    files = {**clean(1), "change-plan.yaml": "pattern: Nog onduidelijk.\n"}
    assert findings(files, TODAY[1]) == []
    from casebuilder import FOLDER, ROOT
    from gga_cli.loader import load_case

    case, _ = load_case(FOLDER, ROOT, "nl", TODAY[1], {k: v.encode() for k, v in files.items()})
    ctx = context(Settings(), TODAY[1], "nl")
    assert [d.message for d in change_plan_gaps(case, ctx)] == [
        "het veranderplan mist de haalbare eindsituatie (wat kan veranderen, wat gecompenseerd blijft)",
        "het veranderplan mist doelen",
        "het veranderplan mist een ARIJ-risicotaxatie",
        "het veranderplan mist de datum waarop het is vastgesteld",
    ]


def jr(files: dict[str, str]) -> dict[str, str]:
    return edit(files, "case.yaml", "measure: {kind: ots,", "measure: {kind: jr,")


def test_g112_a_jr_case_in_phase_2_needs_an_lij() -> None:
    assert findings(jr(clean(1)), TODAY[1]) == []
    assert findings(jr(clean(2)), TODAY[2]) == [
        ("G112", "error", "change-plan.yaml", None, "jeugdreclassering in fase 2 zonder LIJ-taxatie"),
    ]
    files = edit(jr(clean(2)), "change-plan.yaml", "risk_assessments:\n", 'risk_assessments:\n  - {date: 2026-01-29, tool: lij, version: "2.1", outcome: medium}\n')
    assert findings(files, TODAY[2]) == []


def test_g113_a_closed_case_names_each_missing_part_of_the_safeguarding_plan() -> None:
    files = {**clean("closed"), "safeguarding-plan.yaml": "relapse_signals: []\nrelapse_actions:\n  - {action: Oma belt.}\n"}
    assert findings(files, TODAY["closed"]) == [  # closed on 20 April, before G114's deadline of 27 April
        ("G113", "error", "safeguarding-plan.yaml", None, "het borgingsplan mist signalen van terugval"),
        ("G113", "error", "safeguarding-plan.yaml", None, "het borgingsplan mist hoe de hulp wordt voortgezet"),
        ("G113", "error", "safeguarding-plan.yaml", None, "het borgingsplan mist wie van het wijk-/jeugdteam het bewaakt"),
        ("G113", "error", "safeguarding-plan.yaml", None, "het borgingsplan mist de datum waarop het is vastgesteld"),
        ("G113", "error", "safeguarding-plan.yaml", 3, "het borgingsplan mist wie ingrijpt bij 'Oma belt.'"),
    ]


def test_g113_closed_without_a_safeguarding_plan() -> None:
    assert findings(without(clean("closed"), "safeguarding-plan.yaml"), TODAY["closed"]) == [
        ("G113", "error", "safeguarding-plan.yaml", None, "er is geen borgingsplan"),
    ]


def test_g114_phase_3_for_28_days_is_in_time_29_is_not() -> None:
    files = without(clean(3), "safeguarding-plan.yaml")
    assert findings(files, D(2026, 4, 27)) == []
    assert findings(files, D(2026, 4, 28)) == [
        ("G108", "warning", "contacts.yaml", 11, "geen contact met het gezin sinds 20 april 2026: uiterlijk 27 april 2026, "
         "1 dag over tijd (fase 3: hoogstens 7 dagen)"),
        ("G114", "warning", "safeguarding-plan.yaml", None,
         "nog geen borgingsplan: uiterlijk 27 april 2026, 1 dag over tijd"),
    ]


def test_g114_a_plan_agreed_after_the_deadline_is_reported_late() -> None:
    files = edit(clean(3), "safeguarding-plan.yaml", "established: 2026-04-13", "established: 2026-04-29")
    assert findings(files, D(2026, 4, 29)) == [
        ("G108", "warning", "contacts.yaml", 11, "geen contact met het gezin sinds 20 april 2026: uiterlijk 27 april 2026, "
         "2 dagen over tijd (fase 3: hoogstens 7 dagen)"),
        ("G114", "warning", "safeguarding-plan.yaml", None,
         "borgingsplan vastgesteld 2 dagen te laat (uiterlijk 27 april 2026, was 29 april 2026)"),
    ]


def test_the_safeguarding_gate_names_each_part() -> None:
    from casebuilder import FOLDER, ROOT
    from gga_cli.loader import load_case

    files = {**clean(3), "safeguarding-plan.yaml": "relapse_signals: [Sjors blijft thuis.]\n"}
    case, _ = load_case(FOLDER, ROOT, "en", TODAY[3], {k: v.encode() for k, v in files.items()})
    assert [(d.code, d.message) for d in safeguarding_gaps(case, context(Settings(), TODAY[3], "en"))] == [
        ("G113", "the safeguarding plan lacks who steps in and how"),
        ("G113", "the safeguarding plan lacks how help continues"),
        ("G113", "the safeguarding plan lacks who in the local team guards it"),
        ("G113", "the safeguarding plan lacks the date it was agreed"),
    ]


def test_g115_no_local_team() -> None:
    files = edit(clean(1), "case.yaml", "local_team: {name: Jeugdteam Escamp, contact: Ilse de Wit}\n", "")
    assert findings(files, TODAY[1]) == [("G115", "warning", "case.yaml", None, "geen wijk-/jeugdteam vastgelegd (local_team)")]


def test_g114_an_incomplete_plan_names_what_it_lacks() -> None:
    files = edit(clean(3), "safeguarding-plan.yaml", "guardian: {name: Ilse de Wit, organisation: Jeugdteam Escamp}\n", "")
    assert findings(files, D(2026, 4, 27)) == []
    assert findings(files, D(2026, 4, 28), "en") == [
        ("G108", "warning", "contacts.yaml", 11, "no contact with the family since 20 April 2026: due 27 April 2026, "
         "1 day overdue (phase 3: at most 7 days)"),
        ("G114", "warning", "safeguarding-plan.yaml", None,
         "safeguarding plan incomplete (lacks: who in the local team guards it): due 27 April 2026, 1 day overdue"),
    ]
