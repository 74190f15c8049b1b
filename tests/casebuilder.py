"""A clean case in any phase, written as inline YAML, and the rules judged on it in memory.

`clean(phase)` is the Brood family's case as it stands on `TODAY[phase]`, doing everything
the method asks: it yields no finding at all. A test changes one thing (`edit`, or a file
of its own) and asserts the complete list of what the rules then find (`findings`).
Phases: 1, 2, 3, and "closed" (phase 3, closed on 2026-04-20).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gga_cli.caseload import Caseload
from gga_cli.judging import context, judge, settle
from gga_cli.diagnostics import Diagnostic
from gga_cli.i18n import Lang
from gga_cli.loader import load_case
from gga_cli.models.settings import Settings

Phase = int | str
ROOT = Path("/nonexistent/caseload")  # never touched: every file is handed to the loader
FOLDER = ROOT / "cases" / "2026-0042"

REGISTERED = dt.date(2026, 1, 5)
TODAY: dict[Phase, dt.date] = {
    1: dt.date(2026, 1, 21),
    2: dt.date(2026, 3, 25),
    3: dt.date(2026, 4, 22),
    "closed": dt.date(2026, 6, 1),
}
PHASE_STARTS = [(1, "2026-01-05"), (2, "2026-02-02"), (3, "2026-03-30")]

# (date, kind, alone): weekly in phase 1 and 3, within 28 days in phase 2; a score each day
CONTACTS = [
    ("2026-01-07", "home_visit", True),
    ("2026-01-14", "office", False),
    ("2026-01-20", "phone", False),
    ("2026-01-27", "home_visit", False),
    ("2026-02-02", "network_meeting", False),
    ("2026-02-27", "home_visit", True),
    ("2026-03-20", "office", False),
    ("2026-03-30", "home_visit", True),
    ("2026-04-06", "network_meeting", False),
    ("2026-04-13", "office", False),
    ("2026-04-20", "home_visit", False),
]


def _phase_number(phase: Phase) -> int:
    return 3 if phase == "closed" else int(phase)


def _until(phase: Phase) -> dt.date:
    return dt.date(2026, 4, 20) if phase == "closed" else TODAY[phase]


def _case_yaml(phase: Phase) -> str:
    n = _phase_number(phase)
    phases = "\n".join(f"  - {{phase: {p}, start: {start}}}" for p, start in PHASE_STARTS[:n])
    text = (
        "id: 2026-0042\n"
        "family: Familie Brood\n"
        "registered: 2026-01-05\n"
        "worker: Peter Brood\n"
        "measure: {kind: ots, start: 2026-01-05, end: 2027-01-05}\n"
        "local_team: {name: Jeugdteam Escamp, contact: Ilse de Wit}\n"
        f"phase: {n}\n"
        f"phases:\n{phases}\n"
    )
    if n == 3:
        text += "sharing:\n  - {date: 2026-04-15, basis: consent, given_by: [els, ron], scope: overdracht aan jeugdteam}\n"
    if phase == "closed":
        text += "closed: {date: 2026-04-20, reason: blijvend veilig, handed_over_to: Jeugdteam Escamp}\n"
    return text


GENOGRAM = """\
people:
  - {id: sjors, name: Sjors, sex: m, born: 2014-05-02, parents: [ron, els], child: true, index: true, trusted_person: mike}
  - {id: els, name: Els, sex: f, born: 1983}
  - {id: ron, name: Ron, sex: m, born: 1980}
network:
  - {id: mike, name: Mike, kind: informal, relation: beste vriend van Sjors}
  - {id: oma, name: Oma Ria, kind: informal, relation: moeder van Els}
"""


def _safety_plan(phase: Phase) -> str:
    n = _phase_number(phase)
    text = """\
reason: Melding van huiselijk geweld; Sjors gaat niet meer naar school.
assessments:
  - date: 2026-01-07
    tool: arij
    version: "2018"
    threats:
      - {kind: physical_abuse, note: klappen bij ruzie tussen de ouders}
    conclusion: unsafe
"""
    if n == 3:
        text += "  - {date: 2026-03-30, tool: arij, version: \"2018\", conclusion: safe}\n"
    text += """\
concerns: [Moeder drinkt om rustig te worden.]
strengths: [Beide ouders willen dat het goed gaat met Sjors.]
bottom_lines:
  - {id: b1, requirement: Er wordt niet geslagen., consequence: De jeugdbeschermer vraagt een uithuisplaatsing aan.}
agreements:
  - {id: a1, agreement: Oma haalt Sjors op bij elke overdracht., who: [oma], monitoring: Oma belt na elke overdracht.}
established: 2026-01-08
"""
    return text


def _change_plan(phase: Phase) -> str:
    n = _phase_number(phase)
    risk = "  - {date: 2026-01-28, tool: arij, version: \"2018\", outcome: high}\n"
    if n == 3:
        risk += "  - {date: 2026-03-30, tool: arij, version: \"2018\", outcome: low}\n"
    return (
        "life_domains:\n"
        "  - {domain: parenting, facts: Ouders verschillen sterk in opvoedstijl.}\n"
        "previous_help:\n"
        "  - {provider: Jeugdteam Escamp, help: opvoedondersteuning, from: 2024-09-01, to: 2025-06-30, result: onvoldoende}\n"
        f"risk_assessments:\n{risk}"
        "pattern: Moeder beschermt uit angst, vader reageert met agressie, Sjors trekt zich terug.\n"
        "end_state:\n"
        "  changeable: [Sjors gaat weer zelfstandig naar school.]\n"
        "  compensated: [Oma blijft bij overdrachten.]\n"
        "goals:\n"
        "  - {id: g1, goal: Moeder laat Sjors alleen naar school gaan., for: [els], help: {provider: GGZ Delfland, what: traumabehandeling}, due: 2026-09-01, status: active}\n"
        "  - {id: g2, goal: Vader houdt zijn agressie in de hand., for: [ron], help: {provider: Brijder, what: agressieregulatie}, status: planned}\n"
        "considerations:\n"
        "  - {date: 2026-01-28, text: \"Eerst de angst bij moeder, dan de behandeling van Sjors.\"}\n"
        "established: 2026-01-30\n"
    )


SAFEGUARDING_PLAN = """\
relapse_signals: [Sjors blijft 's ochtends in bed.]
relapse_actions:
  - {who: [oma], action: Oma belt het jeugdteam dezelfde dag.}
continued_help:
  - {provider: GGZ Delfland, help: nazorg moeder, until: 2027-06-01}
guardian: {name: Ilse de Wit, organisation: Jeugdteam Escamp}
established: 2026-04-13
"""


def contact_line(day: str, kind: str, alone: bool = False) -> str:
    spoken = ", alone: [sjors]" if alone else ""
    return f"- {{date: {day}, kind: {kind}, with: [els, sjors]{spoken}}}\n"


def score_line(day: str, score: int = 6, by: str | None = None) -> str:
    rater = f", by: {by}" if by else ""
    return f"- {{date: {day}, score: {score}{rater}}}\n"


def clean(phase: Phase = 1) -> dict[str, str]:
    """The files of a case that does all the method asks, as it stands on TODAY[phase]."""
    until = _until(phase).isoformat()
    contacts = [c for c in CONTACTS if c[0] <= until]
    files = {
        "case.yaml": _case_yaml(phase),
        "genogram.yaml": GENOGRAM,
        "safety-plan.yaml": _safety_plan(phase),
        "contacts.yaml": "".join(contact_line(*c) for c in contacts),
        "scores.yaml": "".join(score_line(c[0], 5 if i == 0 else 6) for i, c in enumerate(contacts)),
    }
    if _phase_number(phase) >= 2:
        files["change-plan.yaml"] = _change_plan(phase)
    if _phase_number(phase) == 3:
        files["safeguarding-plan.yaml"] = SAFEGUARDING_PLAN
    return files


def edit(files: dict[str, str], name: str, old: str, new: str) -> dict[str, str]:
    """The files with one piece of text in one file replaced (it must be there, once)."""
    assert files[name].count(old) == 1, f"{old!r} is not once in {name}"
    return {**files, name: files[name].replace(old, new)}


def diagnostics(files: dict[str, str], today: dt.date, lang: Lang = "nl", settings: Settings | None = None) -> list[Diagnostic]:
    """What `gga check` reports for a case made of these files, judged on `today`."""
    case, loaded = load_case(FOLDER, ROOT, lang, today, {name: text.encode("utf-8") for name, text in files.items()})
    ctx = context(settings or Settings(), today, lang)
    return sorted(settle(loaded + judge(case, ctx), case, ctx), key=Diagnostic.sort_key)


Found = tuple[str, str, str, int | None, str]


def findings(files: dict[str, str], today: dt.date, lang: Lang = "nl", settings: Settings | None = None) -> list[Found]:
    """(code, severity, file name, line, message) of every diagnostic, in report order."""
    return [
        (d.code, d.severity.value, (d.file or "").rsplit("/", 1)[-1], d.line, d.message)
        for d in diagnostics(files, today, lang, settings)
    ]


def upto(files: dict[str, str], day: dt.date) -> dict[str, str]:
    """The files without the contacts and scores dated after `day` (the case as it was then)."""
    out = dict(files)
    for name in ("contacts.yaml", "scores.yaml"):
        if name in out:
            out[name] = "".join(line for line in out[name].splitlines(keepends=True) if line[9:19] <= day.isoformat())
    return out


def without(files: dict[str, str], *names: str) -> dict[str, str]:
    return {name: text for name, text in files.items() if name not in names}


def opened(folder: Path, today: dt.date, lang: Lang | None = None) -> tuple[Caseload, Path]:
    """The caseload of a case folder on disk, judged on `today`, and the folder: what a
    recording function takes."""
    return Caseload.of_case(str(folder), today=today, lang=lang)
