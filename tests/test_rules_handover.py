"""G130, G131: the 100% clean handover at closure, and the gate `gga handover` calls; G140 retention."""

from __future__ import annotations

import datetime as dt

import pytest

from casebuilder import FOLDER, ROOT, TODAY, clean, edit, findings
from gga_cli.judging import context
from gga_cli.loader import load_case
from gga_cli.models.settings import Settings
from gga_cli.rules import handover_gaps, retention_of

D = dt.date


@pytest.mark.parametrize(
    ("file", "old", "new", "found"),
    [
        ("change-plan.yaml", "life_domains:\n  - {domain: parenting, facts: Ouders verschillen sterk in opvoedstijl.}\n", "",
         ("change-plan.yaml", None, "overdracht mist de feiten per leefgebied (life_domains)")),
        ("change-plan.yaml", 'considerations:\n  - {date: 2026-01-28, text: "Eerst de angst bij moeder, dan de behandeling van Sjors."}\n', "",
         ("change-plan.yaml", None, "overdracht mist de overwegingen achter de stappen (considerations)")),
        ("change-plan.yaml", ", result: onvoldoende", "",
         ("change-plan.yaml", 4, "overdracht mist het resultaat van de eerdere hulp van Jeugdteam Escamp")),
        ("change-plan.yaml", "previous_help:\n  - {provider: Jeugdteam Escamp, help: opvoedondersteuning, from: 2024-09-01, to: 2025-06-30, result: onvoldoende}\n",
         "", ("change-plan.yaml", None, "overdracht mist de eerder ingezette hulp (previous_help; een lege lijst als er geen was)")),
        ("change-plan.yaml", "previous_help:\n  - {provider: Jeugdteam Escamp, help: opvoedondersteuning, from: 2024-09-01, to: 2025-06-30, result: onvoldoende}\n",
         "previous_help: []\n", None),
        ("safety-plan.yaml", '  - {date: 2026-03-30, tool: arij, version: "2018", conclusion: safe}\n', "",
         ("safety-plan.yaml", None, "overdracht mist een actuele veiligheidstaxatie (20 januari 2026 – 20 april 2026)")),
        ("change-plan.yaml", '  - {date: 2026-01-28, tool: arij, version: "2018", outcome: high}\n  - {date: 2026-03-30, tool: arij,',
         '  - {date: 2026-01-19, tool: arij, version: "2018", outcome: high}\n  - {date: 2026-03-30, tool: lij,',
         ("change-plan.yaml", None, "overdracht mist een actuele ARIJ-risicotaxatie (20 januari 2026 – 20 april 2026)")),
    ],
)
def test_g130_each_part_of_the_clean_handover_at_closure(file: str, old: str, new: str, found: tuple[str, int | None, str] | None) -> None:
    files = edit(clean("closed"), file, old, new)
    if found is None:  # an empty list where there was no earlier help is fine
        assert findings(files, TODAY["closed"]) == []
        return
    assert findings(files, TODAY["closed"]) == [("G130", "error", *found)]


def test_g130_an_assessment_exactly_90_days_before_closure_is_current() -> None:
    files = edit(clean("closed"), "safety-plan.yaml", "2026-03-30, tool: arij, version: \"2018\", conclusion: safe", "2026-01-20, tool: arij, version: \"2018\", conclusion: safe")
    assert findings(files, TODAY["closed"]) == []
    files = edit(clean("closed"), "safety-plan.yaml", "2026-03-30, tool: arij, version: \"2018\", conclusion: safe", "2026-01-19, tool: arij, version: \"2018\", conclusion: safe")
    assert [f[:2] for f in findings(files, TODAY["closed"])] == [("G130", "error")]


def test_g131_closure_needs_consent_or_a_legal_basis_dated_on_or_before_it() -> None:
    files = edit(clean("closed"), "case.yaml", "{date: 2026-04-15, basis: consent", "{date: 2026-04-21, basis: consent")
    assert findings(files, TODAY["closed"]) == [
        ("G131", "error", "case.yaml", None,
         "geen toestemming en geen wettelijke grondslag om gegevens over te dragen, gedateerd op of voor 20 april 2026 (sharing)"),
    ]
    legal = edit(files, "case.yaml", "{date: 2026-04-21, basis: consent, given_by: [els, ron], scope: overdracht aan jeugdteam}",
                 "{date: 2026-04-20, basis: legal, note: art. 7.3.11 Jeugdwet}")
    assert findings(legal, TODAY["closed"]) == []


def test_g130_g131_do_not_apply_to_an_open_case_but_the_handover_gate_does() -> None:
    files = clean(2)
    assert findings(files, TODAY[2]) == []
    case, _ = load_case(FOLDER, ROOT, "en", TODAY[2], {k: v.encode() for k, v in files.items()})
    assert [(d.code, d.message) for d in handover_gaps(case, context(Settings(), TODAY[2], "en"), TODAY[2])] == [
        ("G131", "no consent and no legal basis to hand information over, dated on or before 25 March 2026 (sharing)"),
    ]


def test_g140_a_closed_case_past_its_retention_review() -> None:
    files = clean("closed")
    assert findings(files, D(2046, 4, 20)) == []
    assert findings(files, D(2046, 4, 21)) == [
        ("G140", "warning", "case.yaml", 14, "bewaartermijn beoordelen: afgesloten op 20 april 2026, te beoordelen sinds 20 april 2046; "
         "uiterlijk bewaren tot 2 mei 2062"),
    ]


def test_retention_dates_per_child_and_a_leap_day_closure() -> None:
    files = edit(clean("closed"), "case.yaml", "closed: {date: 2026-04-20", "closed: {date: 2028-02-29")
    case, _ = load_case(FOLDER, ROOT, "nl", D(2028, 3, 1), {k: v.encode() for k, v in files.items()})
    kept = retention_of(case, Settings())
    assert kept is not None
    assert (kept.review, kept.latest, kept.per_child) == (D(2048, 2, 29), D(2062, 5, 2), (("Sjors", D(2062, 5, 2)),))
    case, _ = load_case(FOLDER, ROOT, "nl", TODAY[2], {k: v.encode() for k, v in clean(2).items()})
    assert retention_of(case, Settings()) is None
