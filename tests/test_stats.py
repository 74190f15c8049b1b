"""`gga stats`: every figure held against a count made again from the YAML (tests/stats_count.py),
on the demo caseload and on a generated one; small groups show no figures."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from tests.conftest import DEMO_TODAY, EXAMPLES, REPO
from tests.stats_count import Count, read

Gga = Callable[..., CompletedProcess[str]]
TODAY = dt.date.fromisoformat(DEMO_TODAY)


def demo(tmp_path: Path, min_group: int = 1) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES, root)
    with (root / "gga.toml").open("a", encoding="utf-8") as toml:
        toml.write(f"\n[stats]\nmin_group = {min_group}\n")
    return root


def figures(gga: Gga, root: Path, *args: str) -> dict[str, Any]:
    result = gga("stats", str(root), "--format", "json", "--today", DEMO_TODAY, *args)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def assert_counted(group: dict[str, Any], count: Count) -> None:
    """Every figure of the group equal to the count made again from the YAML: the volume, the
    seven timeliness figures, the course, safety, closure quality and returns, the cases each
    rests on and the figures held back as too few."""
    expected = count.group()
    assert (group["cases"], group["with_errors"]) == (expected["cases"], expected["with_errors"])
    assert group["volume"] == expected["volume"]
    for code, figure in group["timeliness"].items():
        assert figure == expected["timeliness"][code], code
    for name in ("phase_days", "duration_closed", "stepped_back", "goals"):
        assert group["course"][name] == expected["course"][name], name
    for name in ("score_change", "open_alarms", "low_last_score"):
        assert group["safety"][name] == expected["safety"][name], name
    assert group["closure"] == expected["closure"]
    assert group["returns"] == expected["returns"]
    assert group == {**expected, "key": group["key"]}  # and no figure more or less


def test_stats_on_the_demo_match_an_independent_count(gga: Gga, tmp_path: Path) -> None:
    root = demo(tmp_path)
    data = figures(gga, root, "--from", "2025-12-01", "--to", DEMO_TODAY)
    assert (data["from"], data["to"], data["min_group"]) == ("2025-12-01", DEMO_TODAY, 1)
    [group] = data["groups"]
    assert (group["key"], group["cases"]) == (None, 5)
    assert_counted(group, Count(read(root), dt.date(2025, 12, 1), TODAY, TODAY))


def test_stats_over_an_earlier_period_judge_each_case_up_to_its_end(gga: Gga, tmp_path: Path) -> None:
    root = demo(tmp_path)
    data = figures(gga, root, "--from", "2026-01-01", "--to", "2026-06-30")
    [group] = data["groups"]
    assert group["cases"] == 3
    assert_counted(group, Count(read(root), dt.date(2026, 1, 1), dt.date(2026, 6, 30), TODAY))


SAFEGUARDED = """\
relapse_signals: [Het kind blijft 's ochtends in bed.]
relapse_actions:
  - {{who: [oma], action: Oma belt het jeugdteam dezelfde dag.}}
continued_help:
  - {{provider: GGZ Delfland, help: nazorg moeder, until: 2027-06-01}}
{guardian}established: {established}
"""


def _close(folder: Path, day: dt.date, variant: int) -> None:
    """Close a generated case on `day`, its closure one of five: 0 as generated (the
    assessments too old for a clean handover), 1 a 100% clean handover (current safety and
    risk assessments, a complete safeguarding plan, sharing before closing), 2 as 1 with the
    ground for sharing dated after closing, 3 as 2 with G131 waived, 4 as 1 with no guardian
    of the safeguarding plan and G113 waived until after today."""
    case = folder / "case.yaml"
    text = case.read_text(encoding="utf-8")
    if variant:
        recent = day - dt.timedelta(days=10)
        plan = folder / "safety-plan.yaml"
        plan.write_text(plan.read_text(encoding="utf-8").replace(
            "concerns:\n", f'  - {{date: {recent}, tool: arij, version: "2018", threats: [], conclusion: safe}}\nconcerns:\n', 1))
        change = folder / "change-plan.yaml"
        change.write_text(change.read_text(encoding="utf-8").replace(
            "risk_assessments:\n", f'risk_assessments:\n  - {{date: {recent}, tool: arij, version: "2018", outcome: low}}\n', 1))
        guardian = "" if variant == 4 else "guardian: {name: Ilse de Wit, organisation: Jeugdteam}\n"
        (folder / "safeguarding-plan.yaml").write_text(SAFEGUARDED.format(guardian=guardian, established=day - dt.timedelta(days=5)), encoding="utf-8")
    if variant in (2, 3):
        shared = text.split("sharing:\n  - {date: ")[1][:10]
        text = text.replace(f"sharing:\n  - {{date: {shared}", f"sharing:\n  - {{date: {day + dt.timedelta(days=1)}")
    if variant == 3:
        text += "waivers:\n  - {rule: G131, reason: de rechter droeg de zaak over}\n"
    if variant == 4:
        text += f"waivers:\n  - {{rule: G113, until: {TODAY + dt.timedelta(days=30)}, reason: borging bij de kinderrechter}}\n"
    case.write_text(text + f"closed: {{date: {day}, reason: blijvend veilig}}\n", encoding="utf-8")


def _generated(tmp_path: Path, cases: int) -> Path:
    """A generated caseload with some cases closed (five kinds of closure, see `_close`), some
    families come back, some with a low last score, some stepped back from phase 3 to 2, and
    one case with a score out of range (an error in its files)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    root = tmp_path / "generated"
    generate(root, cases)
    folders = sorted((root / "cases").iterdir())
    closed: list[tuple[str, dt.date]] = []
    for n, folder in enumerate(folders):
        path = folder / "case.yaml"
        text = path.read_text(encoding="utf-8")
        registered = dt.date.fromisoformat(text.split("registered: ")[1][:10])
        if n % 4 == 0 and registered + dt.timedelta(days=200) < TODAY:
            day = registered + dt.timedelta(days=200)
            _close(folder, day, len(closed) % 5)
            closed.append((folder.name, day))
        elif n % 4 == 2 and closed:
            earlier = [c for c, day in closed if day < registered][-1:] or [closed[0][0]]
            path.write_text(text + f"previous_cases: [{earlier[0]}]\n", encoding="utf-8")
        elif n == 5:
            scores = folder / "scores.yaml"
            scores.write_text(scores.read_text(encoding="utf-8") + f"- {{date: {registered + dt.timedelta(days=1)}, score: 11}}\n", encoding="utf-8")
        elif n % 8 == 3:  # a low last score before the period's end
            scores = folder / "scores.yaml"
            scores.write_text(scores.read_text(encoding="utf-8") + "- {date: 2026-10-30, score: 3}\n", encoding="utf-8")
        elif n % 8 == 7 and "phase: 3\n" in text:  # back from phase 3 to 2, a week after entering it
            entered = dt.date.fromisoformat(text.split("{phase: 3, start: ")[1][:10])
            back = f"  - {{phase: 2, start: {entered + dt.timedelta(days=7)}}}\nsharing:\n"
            path.write_text(text.replace("phase: 3\n", "phase: 2\n", 1).replace("sharing:\n", back, 1), encoding="utf-8")
    (root / "gga.toml").write_text((root / "gga.toml").read_text() + "\n[stats]\nmin_group = 1\n")
    return root


def test_stats_on_a_generated_caseload_match_an_independent_count(gga: Gga, tmp_path: Path) -> None:
    root = _generated(tmp_path, 40)
    data = figures(gga, root, "--from", "2025-06-01", "--to", "2026-10-31")
    [group] = data["groups"]
    count = Count(read(root), dt.date(2025, 6, 1), dt.date(2026, 10, 31), TODAY)
    assert group["cases"] == len(count.counted())
    assert_counted(group, count)
    assert group["returns"]["returned_24m"] > 0  # the test data holds returns to count


def test_figures_held_back_as_too_few_match_an_independent_count(gga: Gga, tmp_path: Path) -> None:
    """With a larger min_group, the figures resting on fewer cases (or contacts) are held back
    as the count holds them back, the others shown."""
    data = figures(gga, demo(tmp_path, 5), "--from", "2025-12-01", "--to", DEMO_TODAY)
    assert_counted(data["groups"][0], Count(read(tmp_path / "demo"), dt.date(2025, 12, 1), TODAY, TODAY, min_group=5))
    root = _generated(tmp_path, 40)
    (root / "gga.toml").write_text((root / "gga.toml").read_text().replace("min_group = 1\n", "min_group = 9\n"))
    [group] = figures(gga, root, "--from", "2025-06-01", "--to", "2026-10-31")["groups"]
    assert_counted(group, Count(read(root), dt.date(2025, 6, 1), dt.date(2026, 10, 31), TODAY, min_group=9))
    assert group["closure"]["met"] is None and group["timeliness"]["G109"]["met"] is not None


def test_stats_on_a_thousand_generated_cases_match_an_independent_count(gga: Gga, tmp_path: Path) -> None:
    """At organisation scale: 1,000 realistic cases (30 to 200 contacts each)."""
    root = _generated(tmp_path, 1000)
    data = figures(gga, root, "--from", "2025-06-01", "--to", "2026-10-31")
    [group] = data["groups"]
    count = Count(read(root), dt.date(2025, 6, 1), dt.date(2026, 10, 31), TODAY)
    assert group["cases"] == len(count.counted()) > 500
    assert_counted(group, count)


def test_stats_by_team_count_each_team_on_its_own(gga: Gga, tmp_path: Path) -> None:
    root = _generated(tmp_path, 24)
    data = figures(gga, root, "--by", "team")
    everyone = read(root)
    assert [g["key"] for g in data["groups"]] == sorted({c["case"]["team"] for c in everyone if Count(everyone, dt.date(2025, 11, 29), TODAY, TODAY).touches(c)})
    for group in data["groups"]:
        team = [c for c in everyone if c["case"]["team"] == group["key"]]
        count = Count(team, dt.date(2025, 11, 29), TODAY, TODAY)
        assert group["cases"] == len(count.counted())
        assert group["timeliness"]["G109"]["total"] == count.scored()[1]
        assert group["timeliness"]["G108"]["met"] == count.rhythm()[0]


def test_a_group_smaller_than_min_group_shows_no_figures(gga: Gga, tmp_path: Path) -> None:
    data = figures(gga, demo(tmp_path, 5), "--by", "worker")
    assert data["groups"][1] == {"key": "Peter Brood", "cases": 1, "suppressed": True}
    assert data["groups"][0]["key"] == "Annelies van der Meer"
    assert data["groups"][0]["cases"] == 4
    assert "volume" not in data["groups"][0]


def test_a_figure_resting_on_too_few_cases_has_no_value_but_keeps_its_total(gga: Gga, tmp_path: Path) -> None:
    data = figures(gga, demo(tmp_path, 5), "--from", "2025-12-01")
    [group] = data["groups"]
    assert group["timeliness"]["G101"] == {
        "met": None, "total": 3, "share": None, "median_days": None, "p90_days": None, "cases": 3, "suppressed": True,
    }
    assert group["timeliness"]["G109"]["met"] == 119


def test_min_group_defaults_to_five(gga: Gga, tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES, root)
    data = figures(gga, root)
    assert data["min_group"] == 5
    assert data["from"] == "2025-11-29"


def test_stats_text_in_dutch(gga: Gga, tmp_path: Path) -> None:
    result = gga("stats", str(demo(tmp_path, 5)), "--from", "2025-12-01", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout == STATS_NL


STATS_NL = """\
Cijfers 1 december 2025 – 29 november 2026

Alle zaken · 5 zaken
  Omvang
    open bij begin 1 · open bij einde 5 · gestart 4 · afgesloten 0
    per maatregel: jeugdreclassering 1, OTS 4
    open per fase aan het einde: fase 1: 2, fase 2: 2, fase 3: 1
  Tijdigheid
    G101 ARIJ-veiligheidstaxatie binnen 5 dagen      te weinig zaken (3)
    G102 huisbezoek binnen 7 dagen                   te weinig zaken (4)
    G103 veiligheidsplan binnen 5 dagen              te weinig zaken (3)
    G107 kind alleen gesproken (hoogstens 42 dagen)  te weinig zaken (4)
    G108 contactritme gehouden (dagen)                   857 van 866  ██████████  99%  mediaan 7 d, p90 14 d
    G109 score na elk contact                            119 van 120  ██████████  99%  mediaan 0 d, p90 0 d
    G117 alarm op tijd beantwoord                    te weinig zaken (3)
  Verloop
    dagen in fase 1: te weinig zaken (3)
    dagen in fase 2: te weinig zaken (1)
    dagen in fase 3: te weinig zaken (0)
    duur afgesloten zaken: te weinig zaken (0)
    fase teruggezet: 0 van 5 zaken
    doelen: 15, bereikt 4, gestopt 1, over de streefdatum 1
  Veiligheid
    eerste tegen laatste score: beter –, gelijk –, slechter – (4 zaken)
    open alarm aan het einde: 0 van 5 open zaken
    laatste score 3 of lager: 0 van 5 open zaken
  Afsluiting
    0 afgesloten: te weinig zaken
  Terugkeer
    0 afgesloten: te weinig zaken
"""


def test_stats_text_in_english_names_measures_in_words(gga: Gga, tmp_path: Path) -> None:
    result = gga("stats", str(demo(tmp_path, 1)), "--today", DEMO_TODAY, "--lang", "en", "--by", "measure")
    assert result.returncode == 0, result.stderr
    heads = [line for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert heads == ["Figures 29 November 2025 – 29 November 2026", "Measure youth probation · 1 cases", "Measure OTS · 4 cases"]
    assert "G109 score after every contact" in result.stdout


def test_stats_csv_has_one_row_per_group_and_figure(gga: Gga, tmp_path: Path) -> None:
    root = demo(tmp_path)
    result = gga("stats", str(root), "--format", "csv", "--today", DEMO_TODAY, "--by", "worker")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    data = figures(gga, root, "--by", "worker")
    assert [(r["group"], r["figure"]) for r in rows].count(("Peter Brood", "timeliness.G109")) == 1
    g109 = next(r for r in rows if (r["group"], r["figure"]) == ("Annelies van der Meer", "timeliness.G109"))
    expected = data["groups"][0]["timeliness"]["G109"]
    assert (g109["met"], g109["total"], g109["share"]) == (str(expected["met"]), str(expected["total"]), str(expected["share"]))
    assert len({(r["group"], r["figure"]) for r in rows}) == len(rows)


def test_stats_write_to_a_file(gga: Gga, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = gga("stats", str(demo(tmp_path)), "--format", "json", "-o", str(out), "--today", DEMO_TODAY)
    assert (result.returncode, result.stdout) == (0, "")
    assert json.loads(out.read_text())["groups"][0]["cases"] == 5


def test_stats_come_from_the_cache_and_follow_a_changed_file(gga: Gga, tmp_path: Path) -> None:
    root = demo(tmp_path)
    first = figures(gga, root)
    assert (root / ".gga" / "stats.json").is_file()
    assert figures(gga, root) == first
    scores = root / "cases" / "2026-2457" / "scores.yaml"
    scores.write_text(scores.read_text() + "- {date: 2026-11-27, score: 2}\n")
    import os

    os.utime(scores, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    again = figures(gga, root)
    assert again["groups"][0]["timeliness"]["G117"]["total"] == first["groups"][0]["timeliness"]["G117"]["total"] + 1


def test_closure_quality_counts_clean_waived_and_missed_closures(gga: Gga, caseload: Callable[[dict[str, str]], Path]) -> None:
    from tests.casebuilder import clean, edit

    closed = clean("closed")
    files: dict[str, str] = {}
    variants = {
        "2026-0042": closed,
        "2026-0043": edit(closed, "case.yaml", "sharing:\n  - {date: 2026-04-15", "sharing:\n  - {date: 2026-04-25"),
        "2026-0044": edit(edit(closed, "case.yaml", "sharing:\n  - {date: 2026-04-15", "sharing:\n  - {date: 2026-04-25"),
                          "case.yaml", "closed:", "waivers:\n  - {rule: G131, reason: de rechter droeg de zaak over}\nclosed:"),
    }
    for case_id, case in variants.items():
        for name, text in case.items():
            files[f"cases/{case_id}/{name}"] = text.replace("2026-0042", case_id)
    root = caseload({**files, "gga.toml": "[stats]\nmin_group = 1\n"})
    data = figures(gga, root, "--today", "2026-06-01")
    assert data["groups"][0]["closure"] == {"closed": 3, "met": 1, "share": 0.333, "waived": 1, "waived_share": 0.333}


def test_from_after_to_is_wrong_use(gga: Gga) -> None:
    result = gga("stats", str(EXAMPLES), "--from", "2026-05-01", "--to", "2026-04-01")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "gga: --from 2026-05-01 is after --to 2026-04-01\n"


def test_an_unknown_grouping_is_wrong_use(gga: Gga) -> None:
    result = gga("stats", str(EXAMPLES), "--by", "family")
    assert result.returncode == 2
    assert "family" in result.stderr


def test_a_date_that_is_no_date_is_wrong_use(gga: Gga) -> None:
    result = gga("stats", str(EXAMPLES), "--from", "2026-13-01")
    assert result.returncode == 2
    assert "'2026-13-01' is no date YYYY-MM-DD" in result.stderr


def test_new_case_records_earlier_cases_of_the_family(gga: Gga, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = caseload({})
    result = gga("new-case", "--family", "Familie Brood", "--registered", "2026-02-03", "--worker", "Peter Brood",
                 "--measure", "voluntary", "--previous", "2024-0311", "--previous", "2025-0007", "--root", str(root), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    text = (root / "cases" / "2026-0001" / "case.yaml").read_text()
    assert "previous_cases: [2024-0311, 2025-0007]\n" in text
    assert gga("check", str(root), "--today", DEMO_TODAY).stdout.count("F010") == 0


def test_new_case_refuses_a_previous_case_that_is_no_case_id(gga: Gga, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = caseload({})
    result = gga("new-case", "--family", "F", "--registered", "2026-02-03", "--worker", "W", "--measure", "voluntary",
                 "--previous", "brood", "--root", str(root), "--today", DEMO_TODAY)
    assert (result.returncode, result.stderr) == (2, "gga: --previous brood: a case id is YYYY-NNNN\n")
    assert not (root / "cases").exists()


@pytest.mark.parametrize("value", ["[2024-311]", "2024-0311"])
def test_previous_cases_must_be_a_list_of_case_ids(gga: Gga, caseload: Callable[[dict[str, str]], Path], value: str) -> None:
    from tests.casebuilder import clean

    files = {f"cases/2026-0042/{name}": text for name, text in clean(1).items()}
    files["cases/2026-0042/case.yaml"] += f"previous_cases: {value}\n"
    result = gga("check", str(caseload(files)), "--today", "2026-01-21")
    assert result.returncode == 1
    assert "F010" in result.stdout
