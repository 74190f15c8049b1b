"""One-case commands from the case's cache in <caseload>/.gga/: used while nothing changed,
never stale, never code, rebuilt when broken."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from test_cache import LONG_AGO_NS, age
from test_show import FAMILY
from test_status import TODAY

Run = Callable[..., subprocess.CompletedProcess[str]]
Make = Callable[[dict[str, str]], Path]
SHOW = ("show", "--case", "2026-0001", "--today", TODAY)


def cached(root: Path) -> tuple[Path, dict[str, object]]:
    [path] = (root / ".gga").glob("case-*.json")
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return path, data


def plant(root: Path, text: str) -> None:
    """Put `text` where the cache holds the printed view (and only there)."""
    path, data = cached(root)
    for view in data["views"].values():  # type: ignore[attr-defined]
        view["stdout"] = text
    path.write_text(json.dumps(data), encoding="utf-8")


def test_an_unchanged_case_is_shown_from_the_cache(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    fresh = gga(*SHOW, cwd=root)
    assert fresh.returncode == 0 and "Familie Brood" in fresh.stdout
    plant(root, "uit de cache\n")
    assert gga(*SHOW, cwd=root).stdout == "uit de cache\n"


def test_the_cached_view_is_the_view(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    first, second = gga(*SHOW, cwd=root), gga(*SHOW, cwd=root)
    assert first.stdout == second.stdout and "Oma Ria" in second.stdout
    (root / ".gga" / cached(root)[0].name).unlink()
    assert gga(*SHOW, cwd=root).stdout == first.stdout


def test_an_edit_keeping_size_and_mtime_is_shown_at_once(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    gga(*SHOW, cwd=root)
    plant(root, "uit de cache\n")
    scores = root / "cases/2026-0001/scores.yaml"
    before = scores.stat()
    scores.write_text(scores.read_text(encoding="utf-8").replace("score: 8", "score: 2"), encoding="utf-8")
    os.utime(scores, ns=(before.st_atime_ns, before.st_mtime_ns))
    shown = gga(*SHOW, cwd=root).stdout
    assert "uit de cache" not in shown and "Familie Brood" in shown


def test_another_day_language_width_or_settings_is_made_afresh(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    gga(*SHOW, cwd=root)
    plant(root, "uit de cache\n")
    assert "uit de cache" not in gga("show", "--case", "2026-0001", "--today", "2026-11-30", cwd=root).stdout
    plant(root, "uit de cache\n")
    assert "uit de cache" not in gga(*SHOW, "--lang", "en", cwd=root).stdout
    plant(root, "uit de cache\n")
    assert "uit de cache" not in gga(*SHOW, cwd=root, env={"COLUMNS": "120"}).stdout
    plant(root, "uit de cache\n")
    (root / "gga.toml").write_text('[organisation]\nname = "Ander"\n', encoding="utf-8")
    assert "uit de cache" not in gga(*SHOW, cwd=root).stdout


def test_a_broken_or_hostile_case_cache_is_made_again(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    fresh = gga(*SHOW, cwd=root).stdout
    path, data = cached(root)
    for hostile in ("[" * 100_000 + "]" * 100_000, "{kapot", json.dumps({**data, "views": []}),
                    json.dumps({**data, "views": {k: {"stdout": 5, "files": {}, "notes": []} for k in data["views"]}}),  # type: ignore[attr-defined]
                    json.dumps({**data, "views": {k: {"stdout": "x", "files": {"/etc/x": 1}, "notes": []} for k in data["views"]}})):  # type: ignore[attr-defined]
        path.write_text(hostile, encoding="utf-8")
        result = gga(*SHOW, cwd=root)
        assert (result.returncode, result.stdout, result.stderr) == (0, fresh, "")
    assert gga(*SHOW, cwd=root).stdout == fresh


def test_a_symlinked_cache_folder_gets_no_case_written_through_it(gga: Run, caseload: Make, tmp_path: Path) -> None:
    root = caseload(FAMILY)
    age(root)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".gga").symlink_to(elsewhere, target_is_directory=True)
    assert "Familie Brood" in gga(*SHOW, cwd=root).stdout
    assert list(elsewhere.iterdir()) == []


def test_a_case_shown_from_the_cache_loads_no_model_yaml_or_rich(caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    env = {"PATH": "", "NO_COLOR": "1", "COLUMNS": "100"}
    subprocess.run([sys.executable, "-m", "gga_cli", *SHOW], cwd=root, env=env, capture_output=True, check=True, timeout=60)
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "gga_cli", *SHOW], cwd=root, env=env,
                            capture_output=True, text=True, timeout=60)
    assert "Familie Brood" in result.stdout
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "gga_cli.casecache" in modules  # the measurement itself works
    assert not {m for m in modules if m.split(".")[0] in ("rich", "yaml", "jinja2") or m.startswith("gga_cli.models")}


def test_a_case_outside_a_caseload_keeps_no_cache(gga: Run, tmp_path: Path) -> None:
    folder = tmp_path / "2026-0001"
    folder.mkdir()
    for name, text in FAMILY.items():
        (folder / Path(name).name).write_text(text, encoding="utf-8")
    os.utime(folder / "case.yaml", ns=(LONG_AGO_NS, LONG_AGO_NS))
    assert "Familie Brood" in gga("show", "--today", TODAY, cwd=folder).stdout
    assert not any(p.name == ".gga" for p in tmp_path.rglob("*"))


def demo(tmp_path: Path) -> Path:
    import shutil

    from conftest import EXAMPLES

    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns(".gga"))
    age(root)
    return root


def test_a_markdown_handover_of_an_unchanged_case_comes_from_the_cache(gga: Run, tmp_path: Path) -> None:
    from conftest import DEMO_TODAY

    root = demo(tmp_path)
    args = ("handover", "--case", "2025-2391", "--today", DEMO_TODAY, "-o", str(tmp_path / "report.md"))
    first = gga(*args, cwd=root)
    assert first.returncode == 0, first.stderr
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    path, data = cached(root)
    [view] = data["views"].values()  # type: ignore[attr-defined]
    assert view["files"][str(tmp_path / "report.md")] == report
    view["files"][str(tmp_path / "report.md")] = "uit de cache\n"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert gga(*args, cwd=root).returncode == 0
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == "uit de cache\n"
    assert gga(*args[:-2], cwd=root).stdout.startswith("# ")  # to stdout: another view, made afresh


def test_a_refused_handover_is_never_kept(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    for _ in range(2):
        result = gga("handover", "--case", "2026-0001", "--today", TODAY, cwd=root)
        assert result.returncode == 1 and "--draft" in result.stderr
    assert not list((root / ".gga").glob("case-*.json")) if (root / ".gga").exists() else True


def test_the_genogram_of_an_unchanged_case_comes_from_the_cache(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    fresh = gga("genogram", "--case", "2026-0001", "--today", TODAY, cwd=root)
    assert fresh.stdout.startswith("<svg") or "<svg" in fresh.stdout
    assert gga("genogram", "--case", "2026-0001", "--today", TODAY, cwd=root).stdout == fresh.stdout
    plant(root, "<svg/>\n")
    assert gga("genogram", "--case", "2026-0001", "--today", TODAY, cwd=root).stdout == "<svg/>\n"


AGENDA = ("agenda", "--case", "2026-0001", "--today", TODAY, "--days", "60")


def test_the_agenda_of_one_case_comes_from_the_cache_and_is_the_caseloads_lines_of_it(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    age(root)
    whole = gga("agenda", str(root), "--today", TODAY, "--days", "60", "--format", "json", cwd=root)
    fresh = gga(*AGENDA, "--format", "json", cwd=root)
    assert fresh.returncode == 0 and json.loads(fresh.stdout)["deadlines"]
    assert json.loads(fresh.stdout)["deadlines"] == [d for d in json.loads(whole.stdout)["deadlines"] if d["case"] == "2026-0001"]
    text = gga(*AGENDA, cwd=root)
    assert "2026-0001" in text.stdout
    assert gga(*AGENDA, cwd=root).stdout == text.stdout
    plant(root, "uit de cache\n")
    assert gga(*AGENDA, cwd=root).stdout == "uit de cache\n"
    assert gga(*AGENDA, "--format", "json", cwd=root).stdout == "uit de cache\n"


def test_an_agenda_with_nothing_due_says_so_from_the_cache_too(gga: Run, caseload: Make) -> None:
    closed = dict(FAMILY)
    closed["cases/2026-0001/case.yaml"] += "closed: {date: 2026-11-28, reason: blijvend veilig}\n"
    root = caseload(closed)
    age(root)
    for _ in range(2):  # made, then from the cache
        quiet = gga("agenda", "--case", "2026-0001", "--today", TODAY, "--lang", "en", cwd=root)
        assert (quiet.returncode, quiet.stdout) == (0, "") and "nothing due in this period" in quiet.stderr
    assert list((root / ".gga").glob("case-*.json"))


def test_the_agenda_takes_a_caseload_or_a_case_not_both(gga: Run, caseload: Make) -> None:
    root = caseload(FAMILY)
    result = gga("agenda", str(root), "--case", "2026-0001", "--today", TODAY, cwd=root)
    assert result.returncode == 2 and "--case" in result.stderr
    assert not (root / ".gga").exists()


def test_the_board_sweeps_the_views_of_a_case_folder_that_is_gone(gga: Run, caseload: Make) -> None:
    other = {name.replace("2026-0001", "2026-0002"): text.replace("2026-0001", "2026-0002") for name, text in FAMILY.items()}
    root = caseload({**FAMILY, **other})
    for case in ("2026-0001", "2026-0002"):
        assert gga("show", "--case", case, "--today", TODAY, cwd=root).returncode == 0
    # the parsed text of a block file, as an earlier gga kept it: no gga reads it now
    leftover = root / ".gga" / "parsed-0123456789abcdef01234567.json"
    leftover.write_text('{"files": {"case.yaml": {"data": {"family": "Familie Brood"}}}}', encoding="utf-8")

    def views() -> int:
        return len(list((root / ".gga").glob("case-*.json")))

    assert views() == 2
    # a board of one case leaves the other case's view, and the leftover, alone
    assert gga("status", str(root / "cases" / "2026-0001"), "--today", TODAY, cwd=root).returncode in (0, 1)
    assert views() == 2 and leftover.exists()
    # the second case moved out of the caseload: the board of the whole caseload sweeps its view
    os.rename(root / "cases" / "2026-0002", root.parent / "elders")
    assert gga("status", "--today", TODAY, cwd=root).returncode in (0, 1)
    assert views() == 1 and not leftover.exists()
    assert gga(*SHOW, cwd=root).returncode == 0  # the remaining case's view still served
