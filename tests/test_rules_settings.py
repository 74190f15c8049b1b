"""Severities from gga.toml, waivers from case.yaml, day counts from [deadlines], and the
property that only the distances between dates matter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from casebuilder import TODAY, clean, edit, findings, upto
from gga_cli.models.settings import Deadlines, Settings
from gga_cli.rules import REGISTRY

D = dt.date
NO_SCORE_20 = ("- {date: 2026-01-20, score: 6}\n", "")  # G109 fires for the phone call of 20 January
G109 = ("G109", "warning", "contacts.yaml", 3, "het telefoongesprek van 20 januari 2026 heeft geen veiligheidsscore (uiterlijk 21 januari 2026)")


def unscored() -> dict[str, str]:
    return edit(clean(1), "scores.yaml", *NO_SCORE_20)


def test_off_silences_a_rule_and_error_upgrades_it() -> None:
    today = D(2026, 1, 22)
    assert findings(unscored(), today) == [G109]
    assert findings(unscored(), today, settings=Settings(rules={"G109": "off"})) == []
    assert findings(unscored(), today, settings=Settings(rules={"G109": "error"})) == [(G109[0], "error", *G109[2:])]


def waived(until: str) -> dict[str, str]:
    return edit(unscored(), "case.yaml", "phases:", f"waivers:\n  - {{rule: G109, {until}reason: gezin op vakantie}}\nphases:")


def test_a_waiver_waives_until_its_last_day_and_no_longer() -> None:
    assert findings(waived(""), D(2026, 1, 22)) == []
    assert findings(waived("until: 2026-01-22, "), D(2026, 1, 22)) == []
    assert findings(upto(waived("until: 2026-01-22, "), D(2026, 1, 23)), D(2026, 1, 23)) == [G109]


def test_a_waiver_of_an_unknown_rule_is_f010() -> None:
    files = edit(clean(1), "case.yaml", "phases:", "waivers:\n  - {rule: G999, reason: bestaat niet}\nphases:")
    assert [f[:2] for f in findings(files, TODAY[1])] == [("F010", "error")]


def test_day_counts_come_from_the_deadlines_settings() -> None:
    files = edit(clean(1), "contacts.yaml", "2026-01-07, kind: home_visit", "2026-01-07, kind: office")
    assert [f[0] for f in findings(files, D(2026, 1, 21))] == ["G102"]
    assert findings(files, D(2026, 1, 21), settings=Settings(deadlines=Deadlines(home_visit=16))) == []


def test_every_g_rule_has_a_check_summaries_in_both_languages_and_known_settings() -> None:
    known = set(Deadlines.model_fields)
    for code, r in REGISTRY.items():
        if code.startswith("G"):
            assert r.check is not None and r.summary and r.summary_nl, code
            assert set(r.settings) <= known, code
    deadline_rules = {"G101", "G102", "G103", "G107", "G108", "G109", "G114", "G117", "G119", "G120", "G121", "G140"}
    assert {c for c, r in REGISTRY.items() if r.deadlines is not None} == deadline_rules


# shifting every date by the same number of days ---------------------------------------

_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LONG = re.compile(r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}")


def shifted(files: dict[str, str], days: int) -> dict[str, str]:
    def move(m: re.Match[str]) -> str:
        return (D(int(m[1]), int(m[2]), int(m[3])) + dt.timedelta(days=days)).isoformat()

    return {name: _DATE.sub(move, text) for name, text in files.items()}


def without_dates(found: list[tuple[str, str, str, int | None, str]]) -> list[tuple[str, str, str, int | None, str]]:
    return [(*f[:4], _LONG.sub("<datum>", f[4])) for f in found]


VARIANTS: list[Callable[[dict[str, str]], dict[str, str]]] = [
    lambda f: f,
    lambda f: edit(f, "scores.yaml", "- {date: 2026-01-14, score: 6}", "- {date: 2026-01-14, score: 2}"),
    lambda f: edit(f, "contacts.yaml", "2026-01-07, kind: home_visit", "2026-01-07, kind: office"),
    lambda f: edit(f, "genogram.yaml", ", trusted_person: mike", ""),
    lambda f: edit(f, "safety-plan.yaml", "established: 2026-01-08\n", ""),
]


@given(
    phase=st.sampled_from([1, 2, 3, "closed"]),
    variant=st.integers(0, len(VARIANTS) - 1),
    later=st.integers(0, 120),
    shift=st.integers(-4000, 4000),
    dropped=st.sets(st.integers(0, 10), max_size=4),
)
def test_shifting_every_date_and_today_by_the_same_days_never_changes_the_findings(
    phase: int | str, variant: int, later: int, shift: int, dropped: set[int]
) -> None:
    files = VARIANTS[variant](clean(phase))
    lines = files["contacts.yaml"].splitlines(keepends=True)
    files["contacts.yaml"] = "".join(line for i, line in enumerate(lines) if i not in dropped)
    today = TODAY[phase] + dt.timedelta(days=later)
    before = findings(files, today)
    after = findings(shifted(files, shift), today + dt.timedelta(days=shift))
    assert without_dates(after) == without_dates(before)


def test_the_demo_caseload_has_no_errors_and_its_three_documented_warnings() -> None:
    from conftest import DEMO_TODAY, EXAMPLES
    from gga_cli.caseload import Caseload

    report = Caseload.open([EXAMPLES], today=dt.date.fromisoformat(DEMO_TODAY)).check()
    assert [(d.code, d.severity.value, d.case) for d in report.diagnostics] == [
        ("G120", "warning", "2026-0534"),
        ("G109", "warning", "2026-2412"),
        ("G106", "warning", "2026-2412"),
    ]
