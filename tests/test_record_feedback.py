"""After a write the command says what it recorded and how the case's findings changed: what was
solved, what is new, and which deadlines the recording set."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gga_cli.views.recording import feedback
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.models import CaseFolder
from gga_cli.recordings import record_contact, record_score
from gga_cli.rules import REGISTRY, Context, Deadline, Rule
from gga_cli.rules.registry import finding

from casebuilder import case_yaml, genogram_yaml, opened, standing_in

Run = Callable[..., subprocess.CompletedProcess[str]]
TODAY = dt.date(2026, 12, 1)

CASE = case_yaml([(1, "2026-02-03"), (2, "2026-04-20")])

GENOGRAM = genogram_yaml("els")


@pytest.fixture
def folder(caseload: Callable[[dict[str, str]], Path]) -> Path:
    root = caseload({"cases/2026-0042/case.yaml": CASE, "cases/2026-0042/genogram.yaml": GENOGRAM})
    return root / "cases" / "2026-0042"


@pytest.fixture
def stand_ins() -> Iterator[None]:
    """Stand-ins for G109 (a contact without its score) and G117's deadline (an alarm to answer),
    so that the feedback is tested whatever the real rules say."""

    def unscored(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
        scored = {s.date for s in case.scores}
        return [finding("G109", case, "contacts.yaml", c, f"contact van {c.date} heeft geen veiligheidsscore")
                for c in case.contacts if c.date not in scored]

    def alarms(case: CaseFolder, ctx: Context) -> list[Deadline]:
        return [Deadline("G117", case.id, s.date + dt.timedelta(days=5),
                         f"score {s.score} is een veiligheidsalarm: herzie het veiligheidsplan") for s in case.scores if s.score <= 3]

    with standing_in(Rule("G109", Severity.WARNING, "score after contact", "score na contact", check=unscored),
                     Rule("G117", Severity.ERROR, "alarm", "alarm", check=lambda case, ctx: [], deadlines=alarms),
                     leaving_out=[code for code in REGISTRY if code.startswith("G")]):
        yield


def test_a_new_finding_and_a_solved_one_are_reported(folder: Path, stand_ins: None) -> None:
    contact = record_contact(*opened(folder, TODAY), "home_visit", TODAY, with_=["els"])
    assert feedback(contact) == [
        "Vastgelegd in cases/2026-0042/contacts.yaml:",
        "  contact huisbezoek op 1 december 2026 met els",
        "nieuw (waarschuwing) G109: contact van 2026-12-01 heeft geen veiligheidsscore",
    ]
    score = record_score(*opened(folder, TODAY, "en"), 2, TODAY)
    assert feedback(score) == [
        "Recorded in cases/2026-0042/scores.yaml:",
        "  score 2 on 1 December 2026",
        "G109 resolved: contact van 2026-12-01 heeft geen veiligheidsscore",
        "G117: score 2 is een veiligheidsalarm: herzie het veiligheidsplan, due 6 December 2026",
    ]
    better = record_score(*opened(folder, TODAY), 8, TODAY)
    assert feedback(better)[2:] == []  # the alarm stands: a better score does not answer it


def test_a_deadline_the_recording_met_is_reported(folder: Path, stand_ins: None) -> None:
    def first_visit(case: CaseFolder, ctx: Context) -> list[Deadline]:
        visited = any(c.kind == "home_visit" for c in case.contacts)
        return [] if visited else [Deadline("G102", case.id, dt.date(2026, 12, 3), "eerste huisbezoek")]

    REGISTRY["G102"] = Rule("G102", Severity.WARNING, "home visit", "huisbezoek", check=lambda case, ctx: [], deadlines=first_visit)
    outcome = record_contact(*opened(folder, TODAY), "home_visit", TODAY, with_=["els"], score=6)
    assert feedback(outcome)[3:] == ["G102 gedaan: eerste huisbezoek"]


def test_the_feedback_reaches_the_terminal(gga: Run, folder: Path) -> None:
    result = gga("contact", "office", "--with", "els", "--score", "8", "--today", "2026-12-01", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "Vastgelegd in cases/2026-0042/contacts.yaml, cases/2026-0042/scores.yaml:",
        "  contact op kantoor op 1 december 2026 met els",
        "  score 8 op 1 december 2026",
    ]
