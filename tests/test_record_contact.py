"""`gga contact` end to end: one line in contacts.yaml (and one in scores.yaml with --score),
bad input refused with both files untouched."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from casebuilder import case_yaml, genogram_yaml

Run = Callable[..., subprocess.CompletedProcess[str]]

CASE = case_yaml()

GENOGRAM = genogram_yaml(network=["ggz"])

CONTACTS = """\
# Contacten met het gezin.\r
- {date: 2026-02-04, kind: home_visit, with: [els, sjors], alone: [sjors], note: "Eerste bezoek."}\r
"""


@pytest.fixture
def folder(caseload: Callable[[dict[str, str]], Path]) -> Path:
    root = caseload({"cases/2026-0042/case.yaml": CASE, "cases/2026-0042/genogram.yaml": GENOGRAM})
    folder = root / "cases" / "2026-0042"
    (folder / "contacts.yaml").write_bytes(CONTACTS.encode())
    return folder


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_contact_with_its_score_is_one_line_in_each_file(gga: Run, folder: Path) -> None:
    result = gga("contact", "home_visit", "--with", "els", "--alone", "sjors", "--score", "6", "--note", "Rustig, goed gesprek.",
                 "--date", "2026-02-11", "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "contacts.yaml").read_bytes() == (
        CONTACTS + '- {date: 2026-02-11, kind: home_visit, with: [els, sjors], alone: [sjors], note: "Rustig, goed gesprek."}\r\n'
    ).encode()
    assert (folder / "scores.yaml").read_text() == (
        "# yaml-language-server: $schema=../../schemas/scores.schema.json\n- {date: 2026-02-11, score: 6}\n"
    )
    assert result.stdout.splitlines()[:3] == [
        "Vastgelegd in cases/2026-0042/contacts.yaml, cases/2026-0042/scores.yaml:",
        "  contact huisbezoek op 11 februari 2026 met els, sjors (alleen gesproken: sjors)",
        "  score 6 op 11 februari 2026",
    ]


def test_a_private_phone_call_without_a_note(gga: Run, folder: Path) -> None:
    result = gga("contact", "phone", "--with", "ggz", "--private", "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "contacts.yaml").read_bytes().endswith(b"- {date: 2026-02-12, kind: phone, with: [ggz], private: true}\r\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["home_visit", "--with", "els,bob"], "contacts.yaml: F020 with: 'bob' is geen persoon of netwerklid van deze zaak"),
        (["home_visit", "--alone", "els"], "contacts.yaml: F020 alone: 'els' is geen kind van deze zaak"),
        (["phone", "--with", "els", "--date", "2026-03-01"], "contacts.yaml: F021 date 2026-03-01 ligt na vandaag (2026-02-12)"),
        (["phone", "--with", "els", "--score", "11"], "scores.yaml: F010 [0].score: 11 moet hoogstens 10 zijn"),
    ],
)
def test_bad_input_is_refused_and_no_file_changes(gga: Run, folder: Path, args: list[str], message: str) -> None:
    before = digests(folder)
    result = gga("contact", *args, "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == f"gga: niets vastgelegd; de invoer klopt niet:\n  cases/2026-0042/{message}\n"
    assert digests(folder) == before


@pytest.mark.parametrize(
    ("word", "kind"),
    [("huisbezoek", "home_visit"), ("kantoor", "office"), ("telefoon", "phone"), ("beeldbellen", "video"),
     ("netwerkbijeenkomst", "network_meeting"), ("begeleide-omgang", "supervised_visit"), ("school", "school"),
     ("casuistiekbespreking", "case_consultation"), ("Casuïstiekbespreking", "case_consultation"), ("overig", "other"),
     ("Home_Visit", "home_visit")],
)
def test_the_dutch_name_of_a_kind_is_written_as_the_files_kind(gga: Run, folder: Path, word: str, kind: str) -> None:
    result = gga("contact", word, "--with", "els", "--date", "2026-02-11", "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "contacts.yaml").read_bytes().endswith(f"- {{date: 2026-02-11, kind: {kind}, with: [els]}}\r\n".encode())


def test_an_unknown_kind_is_wrong_use_naming_the_kinds(gga: Run, folder: Path) -> None:
    before = digests(folder)
    result = gga("contact", "visit", "--with", "els", "--today", "2026-02-12", cwd=folder)
    assert (result.returncode, result.stderr) == (2, (
        "gga: soort contact 'visit' bestaat niet; kies uit: huisbezoek, kantoor, telefoon, beeldbellen, netwerkbijeenkomst, "
        "begeleide-omgang, school, casuistiekbespreking, overig (of home_visit, office, phone, video, network_meeting, "
        "supervised_visit, school, case_consultation, other)\n"))
    assert digests(folder) == before


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_with_naming_nobody_is_wrong_use(gga: Run, folder: Path, value: str) -> None:
    before = digests(folder)
    result = gga("contact", "phone", "--with", value, "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 2
    assert result.stderr.startswith(f"gga: --with '{value}' names nobody")
    assert digests(folder) == before
