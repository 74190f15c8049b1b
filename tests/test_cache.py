"""The board's cache in <caseload>/.gga/: used while nothing changed, never stale, rebuilt when broken."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from test_status import CASELOAD, TODAY

Run = Callable[..., subprocess.CompletedProcess[str]]
Make = Callable[[dict[str, str]], Path]
LONG_AGO_NS = 1_700_000_000 * 10**9  # November 2023: well clear of the racy window


def age(root: Path) -> None:
    """Date every file back, as files are that were not just written."""
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(LONG_AGO_NS, LONG_AGO_NS))


def board(gga: Run, root: Path, *args: str) -> dict[str, dict[str, object]]:
    result = gga("status", str(root), "--format", "json", "--today", TODAY, *args)
    assert result.returncode == 1, result.stderr  # every board here holds a case with errors
    return {row["id"]: row for row in json.loads(result.stdout)["cases"]}


def cache_file(root: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((root / ".gga" / "board.json").read_text(encoding="utf-8"))
    return data


def test_an_unchanged_case_is_served_from_the_cache(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    board(gga, root)
    data = cache_file(root)
    cases = data["cases"]
    assert isinstance(cases, dict) and sorted(cases) == ["cases/2026-0001", "cases/2026-0002", "cases/2026-0003"]
    # prove the second run reads the cache: a row changed there (and only there) shows
    cases["cases/2026-0001"]["row"]["family"] = "Uit de cache"
    (root / ".gga" / "board.json").write_text(json.dumps(data), encoding="utf-8")
    assert board(gga, root)["2026-0001"]["family"] == "Uit de cache"


def test_editing_one_file_shows_at_once(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    assert board(gga, root)["2026-0001"]["last_score"] == 7
    with (root / "cases/2026-0001/scores.yaml").open("a", encoding="utf-8") as scores:
        scores.write("- {date: 2026-11-28, score: 2}\n")
    assert board(gga, root)["2026-0001"]["last_score"] == 2
    # and when the cache was written after the edit had settled, too
    age(root)
    with (root / "cases/2026-0001/scores.yaml").open("a", encoding="utf-8") as scores:
        scores.write("- {date: 2026-11-29, score: 9}\n")
    os.utime(root / "cases/2026-0001/scores.yaml", ns=(LONG_AGO_NS + 10**9, LONG_AGO_NS + 10**9))
    assert board(gga, root)["2026-0001"]["last_score"] == 9


def test_another_day_or_language_or_settings_is_judged_afresh(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    board(gga, root)
    data = cache_file(root)
    data["cases"]["cases/2026-0001"]["row"]["family"] = "Uit de cache"  # type: ignore[index]
    (root / ".gga" / "board.json").write_text(json.dumps(data), encoding="utf-8")
    result = gga("status", str(root), "--format", "json", "--today", "2026-11-30")
    assert "Uit de cache" not in result.stdout
    (root / ".gga" / "board.json").write_text(json.dumps(data), encoding="utf-8")
    (root / "gga.toml").write_text('[organisation]\nname = "Ander"\n', encoding="utf-8")
    assert board(gga, root)["2026-0001"]["family"] == "Familie Brood"


def test_a_corrupt_cache_is_ignored_and_rebuilt(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    fresh = board(gga, root)
    for garbage in ("{not json", '{"key": 1, "cases": []}', "", json.dumps({**cache_file(root), "cases": {
            "cases/2026-0001": {"signature": [], "row": {"id": 5}}}})):
        (root / ".gga" / "board.json").write_text(garbage, encoding="utf-8")
        assert board(gga, root) == fresh
    assert sorted(cache_file(root)["cases"]) == ["cases/2026-0001", "cases/2026-0002", "cases/2026-0003"]  # type: ignore[arg-type]


def test_a_row_whose_signature_matches_but_is_malformed_is_judged_afresh(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    fresh = board(gga, root)
    data = cache_file(root)
    data["cases"]["cases/2026-0001"]["row"]["scores"] = "7"  # type: ignore[index]
    (root / ".gga" / "board.json").write_text(json.dumps(data), encoding="utf-8")
    assert board(gga, root) == fresh


def test_the_cache_keeps_no_notes_and_stays_out_of_git(gga: Run, caseload: Make) -> None:
    root = caseload({**CASELOAD, "cases/2026-0002/contacts.yaml": (
        '- {date: 2026-11-27, kind: phone, with: [els], note: "Moeder vertelt over de ruzie van gisteren"}\n')})
    age(root)
    board(gga, root)
    text = (root / ".gga" / "board.json").read_text(encoding="utf-8")
    assert "ruzie" not in text
    assert (root / ".gga" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (root / ".gga" / "board.json").stat().st_mode & 0o077 == 0


def test_a_removed_case_leaves_the_board_and_the_cache(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    board(gga, root)
    for path in (root / "cases/2026-0002").iterdir():
        path.unlink()
    (root / "cases/2026-0002").rmdir()
    assert sorted(board(gga, root)) == ["2026-0001", "2026-0003"]
    assert sorted(cache_file(root)["cases"]) == ["cases/2026-0001", "cases/2026-0003"]  # type: ignore[arg-type]


def test_a_case_folder_outside_any_caseload_writes_no_cache(gga: Run, tmp_path: Path) -> None:
    folder = tmp_path / "2026-0001"
    folder.mkdir()
    (folder / "case.yaml").write_text(CASELOAD["cases/2026-0001/case.yaml"], encoding="utf-8")
    (folder / "genogram.yaml").write_text(CASELOAD["cases/2026-0001/genogram.yaml"], encoding="utf-8")
    age(folder)
    assert list(board(gga, folder)) == ["2026-0001"]
    assert not any(p.name == ".gga" for p in tmp_path.rglob("*"))


def test_a_symlinked_cache_folder_is_never_written_through(gga: Run, caseload: Make, tmp_path: Path) -> None:
    root = caseload(CASELOAD)
    age(root)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".gga").symlink_to(elsewhere, target_is_directory=True)
    fresh = board(gga, root)
    assert sorted(fresh) == ["2026-0001", "2026-0002", "2026-0003"]
    assert list(elsewhere.iterdir()) == []
    assert board(gga, root) == fresh and list(elsewhere.iterdir()) == []


def test_a_cache_folder_that_is_a_file_is_left_alone(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    (root / ".gga").write_text("not a folder\n", encoding="utf-8")
    assert sorted(board(gga, root)) == ["2026-0001", "2026-0002", "2026-0003"]
    assert (root / ".gga").read_text(encoding="utf-8") == "not a folder\n"


def test_an_edit_that_keeps_size_and_mtime_is_never_served_stale(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    scores = root / "cases/2026-0001/scores.yaml"
    assert board(gga, root)["2026-0001"]["last_score"] == 7
    before = scores.stat()
    # what `cp -p` or `touch -r` leaves: other bytes, the same size and the same mtime
    scores.write_text(scores.read_text(encoding="utf-8").replace("score: 7", "score: 2"), encoding="utf-8")
    os.utime(scores, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert scores.stat().st_size == before.st_size and scores.stat().st_mtime_ns == before.st_mtime_ns
    assert board(gga, root)["2026-0001"]["last_score"] == 2


def test_a_file_copied_over_with_cp_p_is_judged_afresh(gga: Run, caseload: Make, tmp_path: Path) -> None:
    root = caseload(CASELOAD)
    age(root)
    scores = root / "cases/2026-0001/scores.yaml"
    assert board(gga, root)["2026-0001"]["last_score"] == 7
    other = tmp_path / "scores.yaml"
    other.write_text(scores.read_text(encoding="utf-8").replace("score: 7", "score: 3"), encoding="utf-8")
    os.utime(other, ns=(LONG_AGO_NS, LONG_AGO_NS))
    subprocess.run(["cp", "-p", str(other), str(scores)], check=True)
    assert board(gga, root)["2026-0001"]["last_score"] == 3


def test_a_deeply_nested_cache_is_discarded_and_rebuilt(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    fresh = board(gga, root)
    for hostile in ("[" * 100_000 + "]" * 100_000, '{"key": ' + "[" * 5_000 + "]" * 5_000 + ', "cases": {}}',
                    json.dumps({**cache_file(root), "cases": {"cases/2026-0001": {"signature": [[[[[]]]]], "row": []}}}),
                    json.dumps({**cache_file(root), "cases": {"cases/2026-0001": ["signature", "row"]}})):
        (root / ".gga" / "board.json").write_text(hostile, encoding="utf-8")
        result = gga("status", str(root), "--format", "json", "--today", TODAY)
        assert "Traceback" not in result.stderr and result.stderr == ""
        assert {row["id"]: row for row in json.loads(result.stdout)["cases"]} == fresh
    assert sorted(cache_file(root)["cases"]) == ["cases/2026-0001", "cases/2026-0002", "cases/2026-0003"]  # type: ignore[arg-type]


def test_a_cache_file_that_is_no_regular_file_is_ignored(gga: Run, caseload: Make) -> None:
    root = caseload(CASELOAD)
    age(root)
    fresh = board(gga, root)
    (root / ".gga" / "board.json").unlink()
    (root / ".gga" / "board.json").symlink_to("/dev/zero")
    assert board(gga, root) == fresh
    (root / ".gga" / "board.json").unlink()
    os.mkfifo(root / ".gga" / "board.json")
    assert board(gga, root) == fresh  # no hang on a pipe nobody writes to


def test_a_board_from_the_cache_speaks_the_language_of_gga_toml(gga: Run, caseload: Make) -> None:
    root = caseload({**CASELOAD, "gga.toml": '[organisation]\nname = "Test"\nlanguage = "en"\n'})
    age(root)
    first = gga("status", str(root), "--today", TODAY)
    second = gga("status", str(root), "--today", TODAY)
    assert first.stdout == second.stdout and second.stdout.startswith("case ")
    (root / "gga.toml").write_text('[organisation]\nname = "Test"\nlanguage = "nl"\n', encoding="utf-8")
    assert gga("status", str(root), "--today", TODAY).stdout.startswith("zaak ")


def test_a_board_from_the_cache_builds_no_model(caseload: Make) -> None:
    import sys

    root = caseload(CASELOAD)
    age(root)
    env = {"PATH": "", "NO_COLOR": "1", "COLUMNS": "100"}
    command = [sys.executable, "-m", "gga_cli", "status", "--today", TODAY]
    subprocess.run(command, cwd=root, env=env, capture_output=True, timeout=60)
    result = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert "Familie Brood" in result.stdout
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "gga_cli.cache" in modules
    assert not {m for m in modules if m.startswith(("gga_cli.models", "gga_cli.loader", "gga_cli.rules", "yaml", "rich"))}
