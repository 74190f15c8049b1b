"""`gga score` end to end: one line appended, the case checked before the write, bad input refused
with the file untouched, and the case found from the folder you are in or by --case."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from casebuilder import case_yaml, genogram_yaml
from gga_cli.loader import load_document
from gga_cli.models import FILE_KINDS

Run = Callable[..., subprocess.CompletedProcess[str]]

CASE = "# yaml-language-server: $schema=../../schemas/case.schema.json\n" + case_yaml().replace(
    "Familie Brood\n", "Familie Brood   # een schuilnaam\n")

GENOGRAM = genogram_yaml(network=["oma"])

SCORES = """\
# yaml-language-server: $schema=../../schemas/scores.schema.json
# Scores, nieuwste onderaan.
- {date: 2026-02-04, score: 3, note: 'Eerste huisbezoek: veel spanning.'}  # na de melding
"""


@pytest.fixture
def folder(caseload: Callable[[dict[str, str]], Path]) -> Path:
    root = caseload({"cases/2026-0042/case.yaml": CASE, "cases/2026-0042/genogram.yaml": GENOGRAM,
                     "cases/2026-0042/scores.yaml": SCORES})
    return root / "cases" / "2026-0042"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_score_is_appended_as_one_line_and_reported(gga: Run, folder: Path) -> None:
    result = gga("score", "6", "--note", "Rustig: oma haalt Sjors op.", "--by", "oma", "--date", "2026-02-10",
                 "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "scores.yaml").read_text() == SCORES + '- {date: 2026-02-10, score: 6, by: oma, note: "Rustig: oma haalt Sjors op."}\n'
    assert result.stdout.splitlines()[:2] == [
        "Vastgelegd in cases/2026-0042/scores.yaml:",
        "  score 6 op 10 februari 2026 door oma",
    ]


def test_the_date_defaults_to_today_and_english_follows_lang(gga: Run, folder: Path) -> None:
    result = gga("score", "7", "--today", "2026-02-12", "--lang", "en", cwd=folder / "..")
    assert result.returncode == 2  # the caseload's cases/ folder holds no case.yaml
    result = gga("score", "7", "--today", "2026-02-12", "--lang", "en", "--case", "2026-0042", cwd=folder / "..")
    assert result.returncode == 0, result.stderr
    assert (folder / "scores.yaml").read_text().endswith("- {date: 2026-02-12, score: 7}\n")
    assert result.stdout.splitlines()[:2] == ["Recorded in cases/2026-0042/scores.yaml:", "  score 7 on 12 February 2026"]


def test_a_new_scores_file_starts_with_the_schema_modeline(gga: Run, folder: Path) -> None:
    (folder / "scores.yaml").unlink()
    result = gga("score", "4", "--today", "2026-02-12", "--case", str(folder))
    assert result.returncode == 0, result.stderr
    raw = (folder / "scores.yaml").read_bytes()
    assert raw == b"# yaml-language-server: $schema=../../schemas/scores.schema.json\n- {date: 2026-02-12, score: 4}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["11"], "F010 [1].score: 11 moet hoogstens 10 zijn"),
        (["0"], "F010 [1].score: 0 moet minstens 1 zijn"),
        (["5", "--by", "bob"], "F020 by: 'bob' is geen persoon of netwerklid van deze zaak"),
        (["5", "--by", "Els"], "F010 [1].by: 'Els' heeft niet de vorm ^[a-z][a-z0-9_-]*$"),
        (["5", "--date", "2026-02-13"], "F021 date 2026-02-13 ligt na vandaag (2026-02-12)"),
        (["5", "--date", "2026-02-02"], "F021 date 2026-02-02 ligt voor de aanmelding (2026-02-03)"),
    ],
)
def test_bad_input_is_refused_and_the_file_untouched(gga: Run, folder: Path, args: list[str], message: str) -> None:
    before = digest(folder / "scores.yaml")
    result = gga("score", *args, "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == f"gga: niets vastgelegd; de invoer klopt niet:\n  cases/2026-0042/scores.yaml: {message}\n"
    assert digest(folder / "scores.yaml") == before
    assert sorted(p.name for p in folder.iterdir()) == ["case.yaml", "genogram.yaml", "scores.yaml"]


@pytest.mark.parametrize("args", [["ten"], ["5", "--date", "2026-02-30"], ["5", "--note", "a\x01b"], ["5", "--note", " "]])
def test_wrong_use_is_refused_before_anything_is_read(gga: Run, folder: Path, args: list[str]) -> None:
    before = digest(folder / "scores.yaml")
    result = gga("score", *args, "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert digest(folder / "scores.yaml") == before


def test_a_problem_that_was_there_before_does_not_block_a_score(gga: Run, folder: Path) -> None:
    broken = SCORES + "- {date: 2026-02-05, score: 12}\n"  # an old typo: gga check reports it
    (folder / "scores.yaml").write_text(broken)
    (folder / "genogram.yaml").write_text(GENOGRAM + "bonds:\n  - {between: [els, nobody], kind: close}\n")
    result = gga("score", "5", "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "scores.yaml").read_text() == broken + "- {date: 2026-02-12, score: 5}\n"


def test_a_file_gga_cannot_parse_is_not_appended_to(gga: Run, folder: Path) -> None:
    (folder / "scores.yaml").write_text(SCORES + "<<<<<<< HEAD\n- {date: 2026-02-05, score: 4}\n=======\n>>>>>>> b\n")
    before = digest(folder / "scores.yaml")
    result = gga("score", "5", "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "gga: scores.yaml: gga schrijft niet in een bestand dat het niet kan lezen; los eerst dit op:",
        "  cases/2026-0042/scores.yaml:4: F004 merge-conflictmarkering <<<<<<<: los het conflict op",
    ]
    assert digest(folder / "scores.yaml") == before


def test_free_text_round_trips_through_the_command_line(gga: Run, folder: Path) -> None:
    note = 'Moeder: "het gaat #beter", vader: \'nee\'\nTweede regel 😀 {x: [1]}'
    result = gga("score", "5", "--note", note, "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 0, result.stderr
    scores, problems = load_document((folder / "scores.yaml").read_bytes(), FILE_KINDS["scores.yaml"], "nl")
    assert problems == []
    assert scores[-1].note == note
    assert (folder / "scores.yaml").read_bytes().count(b"\n") == SCORES.count("\n") + 1


def test_a_case_outside_any_case_folder_is_wrong_use(gga: Run, tmp_path: Path) -> None:
    result = gga("score", "5", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("gga: no case.yaml at or above")
    result = gga("score", "5", "--case", "2026-9999", cwd=tmp_path)
    assert result.returncode == 2


def test_an_unknown_case_id_is_wrong_use(gga: Run, folder: Path) -> None:
    result = gga("score", "5", "--case", "2026-0043", cwd=folder.parent.parent)
    assert result.returncode == 2
    assert result.stderr.startswith("gga: --case 2026-0043: no case with that id in the caseload at")


def test_a_score_on_a_closed_case_dated_after_closing_is_refused(gga: Run, folder: Path) -> None:
    (folder / "case.yaml").write_text(CASE + "closed: {date: 2026-02-10, reason: verhuisd}\n")
    before = digest(folder / "scores.yaml")
    result = gga("score", "5", "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 1
    assert result.stderr == "gga: zaak 2026-0042 is gesloten op 10 februari 2026; niets vastgelegd\n"
    assert digest(folder / "scores.yaml") == before
    late = gga("score", "5", "--date", "2026-02-09", "--today", "2026-02-12", cwd=folder)
    assert late.returncode == 0, late.stderr


def test_english_follows_the_caseload_settings(gga: Run, folder: Path) -> None:
    (folder.parent.parent / "gga.toml").write_text('[organisation]\nname = "Test"\nlanguage = "en"\n')
    result = gga("score", "11", "--today", "2026-02-12", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == "gga: nothing recorded; the input is not right:\n  cases/2026-0042/scores.yaml: F010 [1].score: 11 must be at most 10\n"


@pytest.mark.parametrize("edited", ["scores.yaml", "genogram.yaml"])
def test_files_validated_before_the_edit_are_reused_and_the_case_is_the_same(tmp_path: Path, edited: str) -> None:
    """The load after a recording's edit takes the unchanged files from the load before it:
    the case, its diagnostics (the checks across files among them) and its findings are
    those of a full load, in every demo case, and with a broken file left as it was."""
    import datetime as dt

    from conftest import DEMO_TODAY, demo_copy
    from gga_cli.caseload import Caseload
    from gga_cli.judging import judged
    from gga_cli.loader import Documents, load_case

    root = demo_copy(tmp_path)
    today = dt.date.fromisoformat(DEMO_TODAY)
    broken = root / "cases" / "2026-2412" / "safety-plan.yaml"
    broken.write_text(broken.read_text() + "onbekend: 1\n")  # an old problem in a file the edit leaves alone
    caseload = Caseload.open([root], today=today)
    for folder in caseload.folders:
        text = (folder / edited).read_text()
        # a new score, and in the genogram an id that breaks the references of other files
        override = {edited: (text + "- {date: 2026-11-20, score: 11, by: nobody}\n" if edited == "scores.yaml"
                             else text.replace("id: ", "id: x", 1)).encode()}
        documents: Documents = {}
        before = load_case(folder, root, "nl", today, None, documents)
        reused = load_case(folder, root, "nl", today, override, documents)
        full = load_case(folder, root, "nl", today, override)
        assert reused == full and reused != before, folder.name
        assert judged(*reused, caseload.ctx) == judged(*full, caseload.ctx), folder.name  # findings and deadlines
        unchanged = [name for name in full[0].files if name != edited]
        assert unchanged and all(getattr(reused[0], n.removesuffix(".yaml").replace("-", "_")) is
                                 getattr(before[0], n.removesuffix(".yaml").replace("-", "_")) for n in unchanged), folder.name
