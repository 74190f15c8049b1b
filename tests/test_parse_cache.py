"""The parses of a case's block files kept in <caseload>/.gga/ for recordings: used for the
very same bytes only, read back only where whole, and a second recording needs no PyYAML."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from gga_cli.parsecache import Parses
from gga_cli.yamlread import parse
from test_show import FAMILY
from test_status import TODAY

Run = Callable[..., subprocess.CompletedProcess[str]]
Make = Callable[[dict[str, str]], Path]
CASE = "cases/2026-0001"


def score(day: str) -> tuple[str, ...]:
    return ("score", "7", "--case", "2026-0001", "--date", day, "--today", TODAY)


def kept(root: Path) -> tuple[Path, dict[str, object]]:
    [path] = (root / ".gga").glob("parsed-*.json")
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return path, data


def test_a_recording_keeps_the_parses_of_the_block_files_only(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    assert gga(*score("2026-11-20"), cwd=root).returncode == 0
    _, data = kept(root)
    block = {Path(name).name for name in FAMILY if name.startswith(CASE) and Path(name).name not in ("scores.yaml", "contacts.yaml")}
    assert set(data["files"]) == block  # type: ignore[call-overload]
    case_yaml = (root / CASE / "case.yaml").read_text(encoding="utf-8")
    assert data["files"]["case.yaml"]["data"] == parse(case_yaml, "nl")[0].data  # type: ignore[index, union-attr]


def test_the_kept_parse_is_used_for_the_same_bytes_and_never_for_others(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    assert gga(*score("2026-11-20"), cwd=root).returncode == 0
    # plant a closing in the kept parse of case.yaml (its bytes unchanged): the recording
    # after the closing day is refused, so the kept parse is what was read
    path, data = kept(root)
    data["files"]["case.yaml"]["data"]["closed"] = {"date": "2026-11-21", "reason": "blijvend veilig"}  # type: ignore[index]
    path.write_text(json.dumps(data), encoding="utf-8")
    refused = gga(*score("2026-11-25"), cwd=root)
    assert refused.returncode != 0 and "gesloten op 21 november 2026" in refused.stderr
    # the file's bytes changed since (a comment added): the kept parse is not theirs
    case_yaml = root / CASE / "case.yaml"
    case_yaml.write_text(case_yaml.read_text(encoding="utf-8") + "# nagekeken\n", encoding="utf-8")
    done = gga(*score("2026-11-25"), cwd=root)
    assert done.returncode == 0, done.stderr
    assert "closed" not in kept(root)[1]["files"]["case.yaml"]["data"]  # type: ignore[index, operator]


def test_a_kept_parse_not_as_written_is_no_parse(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    assert gga(*score("2026-11-20"), cwd=root).returncode == 0
    path, data = kept(root)
    files = data["files"]
    files["case.yaml"]["data"]["phase"] = 2  # type: ignore[index]  # a number: the parser gives text only
    files["genogram.yaml"]["values"] = "nonsense"  # type: ignore[index]
    path.write_text(json.dumps(data), encoding="utf-8")
    parses = Parses(root, CASE)
    for name in ("case.yaml", "genogram.yaml"):
        assert parses.get(name, (root / CASE / name).read_bytes()) is None
    assert gga(*score("2026-11-21"), cwd=root).returncode == 0  # parsed again, and kept right
    path.write_text("[1, 2", encoding="utf-8")  # not JSON at all
    assert gga(*score("2026-11-22"), cwd=root).returncode == 0
    assert kept(root)[1]["files"]["case.yaml"]["data"]["phase"] == "2"  # type: ignore[index]


def test_a_second_recording_imports_no_yaml(caseload: Make) -> None:
    root = caseload(FAMILY)
    env = {"PATH": "", "NO_COLOR": "1"}
    first = subprocess.run([sys.executable, "-m", "gga_cli", *score("2026-11-20")], cwd=root, env=env,
                           capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-X", "importtime", "-m", "gga_cli", *score("2026-11-21")], cwd=root, env=env,
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 0, second.stderr
    modules = {line.split("|")[-1].strip() for line in second.stderr.splitlines() if line.startswith("import time:")}
    assert "gga_cli.parsecache" in modules  # the measurement itself works
    assert not {m for m in modules if m.split(".")[0] == "yaml"}
    assert "2026-11-21" in (root / CASE / "scores.yaml").read_text(encoding="utf-8")


def test_the_board_sweeps_the_kept_texts_of_a_case_folder_that_is_gone(gga: Run, caseload: Make) -> None:
    other = {name.replace("2026-0001", "2026-0002"): text.replace("2026-0001", "2026-0002") for name, text in FAMILY.items()}
    root = caseload({**FAMILY, **other})
    for case in ("2026-0001", "2026-0002"):
        assert gga("score", "7", "--case", case, "--date", "2026-11-20", "--today", TODAY, cwd=root).returncode == 0
        assert gga("show", "--case", case, "--today", TODAY, cwd=root).returncode == 0

    def kept_files() -> set[str]:
        return {p.name.split("-")[0] for p in (root / ".gga").iterdir() if p.name.startswith(("case-", "parsed-"))}

    assert len(list((root / ".gga").glob("parsed-*.json"))) == 2 and len(list((root / ".gga").glob("case-*.json"))) == 2
    # a board of one case leaves the other case's files alone
    assert gga("status", str(root / "cases" / "2026-0001"), "--today", TODAY, cwd=root).returncode in (0, 1)
    assert len(list((root / ".gga").glob("parsed-*.json"))) == 2
    # the second case moved out of the caseload: the board of the whole caseload sweeps its files
    shutil.move(str(root / "cases" / "2026-0002"), str(root.parent / "elders"))
    assert gga("status", "--today", TODAY, cwd=root).returncode in (0, 1)
    assert len(list((root / ".gga").glob("parsed-*.json"))) == 1 and len(list((root / ".gga").glob("case-*.json"))) == 1
    assert kept_files() == {"case", "parsed"}
    assert gga("show", "--case", "2026-0001", "--today", TODAY, cwd=root).returncode == 0  # the remaining case's view still served
