"""`gga init` and `gga new-case` end to end: what they write, and that it checks clean."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from gga_cli.scaffold import shift_dates

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_init_writes_a_complete_caseload_in_a_new_git_repository(gga: Run, tmp_path: Path) -> None:
    root = tmp_path / "caseload"
    result = gga("init", str(root))
    assert result.returncode == 0, result.stderr
    for name in ("gga.toml", "cases/.gitkeep", ".gitattributes", ".gitignore", ".vscode/settings.json",
                 ".pre-commit-config.yaml", ".github/workflows/gga-check.yml", ".gitlab-ci.yml",
                 "schemas/case.schema.json", "schemas/contacts.schema.json"):
        assert (root / name).is_file(), name
    assert (root / ".git").is_dir()
    attributes = (root / ".gitattributes").read_text(encoding="utf-8")
    assert "*.yaml text eol=lf" in attributes
    assert "scores.yaml merge=union" in attributes and "contacts.yaml merge=union" in attributes
    assert ".gga/" in (root / ".gitignore").read_text(encoding="utf-8")
    assert "gga check --format github" in (root / ".github/workflows/gga-check.yml").read_text(encoding="utf-8")
    assert "id: gga-check" in (root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    vscode = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert vscode["yaml.schemas"]["./schemas/case.schema.json"] == ["**/case.yaml"]


def test_init_writes_every_setting_commented_and_valid(gga: Run, tmp_path: Path) -> None:
    import tomllib

    from gga_cli.models.settings import Deadlines

    root = tmp_path / "caseload"
    gga("init", str(root))
    text = (root / "gga.toml").read_text(encoding="utf-8")
    settings = tomllib.loads(text)
    assert set(settings["deadlines"]) == set(Deadlines.model_fields)
    assert "# G102: days from registration to the first home visit\nhome_visit = 7" in text
    check = gga("check", str(root))
    assert check.returncode == 0, check.stdout + check.stderr


def test_init_refuses_an_existing_caseload(gga: Run, tmp_path: Path) -> None:
    root = tmp_path / "caseload"
    gga("init", str(root))
    (root / "gga.toml").write_text("# mine\n", encoding="utf-8")
    result = gga("init", str(root))
    assert result.returncode == 1
    assert result.stderr == f"gga: {root / 'gga.toml'} bestaat al: {root} is al een caseload; niets aangemaakt\n"
    assert gga("init", str(root), "--lang", "en").stderr == f"gga: {root / 'gga.toml'} exists already: {root} is a caseload\n"
    assert (root / "gga.toml").read_text(encoding="utf-8") == "# mine\n"


def test_init_says_where_the_caseload_is_in_the_language_asked(gga: Run, tmp_path: Path) -> None:
    assert gga("init", "nieuw").stderr == "caseload klaar in nieuw: gga check nieuw\n"
    assert gga("init", "new", "--lang", "en").stderr == "caseload ready in new: gga check new\n"


def test_new_case_scaffolds_the_next_id_with_modelines_and_checks_clean(gga: Run, tmp_path: Path) -> None:
    root = tmp_path / "caseload"
    gga("init", str(root))
    args = ("new-case", "--family", "Familie Saïd", "--registered", "2026-11-25", "--worker", "Annelies van der Meer",
            "--measure", "ots", "--end", "2027-11-25", "--today", "2026-11-29")
    first = gga(*args, cwd=root)
    second = gga(*args, cwd=root / "cases")
    assert first.returncode == 0, first.stderr
    assert Path(first.stdout.strip()) == root / "cases" / "2026-0001"
    assert Path(second.stdout.strip()) == root / "cases" / "2026-0002"
    for name in ("case.yaml", "genogram.yaml"):
        text = (root / "cases/2026-0001" / name).read_text(encoding="utf-8")
        schema = name.replace(".yaml", ".schema.json")
        assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{schema}\n")
    assert 'family: "Familie Saïd"' in (root / "cases/2026-0001/case.yaml").read_text(encoding="utf-8")
    report = json.loads(gga("check", str(root), "--format", "json", "--today", "2026-11-29").stdout)
    assert report["summary"]["errors"] == 0
    assert report["summary"]["cases"] == 2


def test_an_ots_without_end_ends_12_months_after_its_start_and_checks_clean_on_its_registration_day(gga: Run, tmp_path: Path) -> None:
    root = tmp_path / "caseload"
    gga("init", str(root))
    made = gga("new-case", "--family", "F", "--registered", "2026-02-03", "--worker", "W", "--measure", "ots",
               "--today", "2026-02-03", cwd=root, input="")
    assert made.returncode == 0, made.stderr
    assert made.stdout == f"{root / 'cases' / '2026-0001'}\n"
    assert " ".join(made.stderr.split()) == (
        "OTS zonder --end: einde op 2027-02-03, 12 maanden na de start (een OTS loopt hoogstens een jaar per termijn); "
        "geef --end voor een andere datum")
    assert "measure:\n  kind: ots\n  start: 2026-02-03\n  end: 2027-02-03\n" in (root / "cases/2026-0001/case.yaml").read_text(encoding="utf-8")
    checked = gga("check", str(root), "--format", "json", "--today", "2026-02-03")
    assert checked.returncode == 0
    assert [(d["code"], d["severity"]) for d in json.loads(checked.stdout)["diagnostics"]] == [("G115", "warning")]


def test_a_new_case_with_its_local_team_has_no_finding_at_all_on_its_registration_day(gga: Run, tmp_path: Path) -> None:
    root = tmp_path / "caseload"
    gga("init", str(root))
    made = gga("new-case", "--family", "F", "--registered", "2026-02-03", "--worker", "W", "--measure", "ots",
               "--local-team", "Jeugdteam Escamp", "--today", "2026-02-03", cwd=root, input="")
    assert made.returncode == 0, made.stderr
    checked = gga("check", str(root), "--format", "json", "--today", "2026-02-03")
    assert (checked.returncode, json.loads(checked.stdout)["diagnostics"]) == (0, [])


def test_a_jr_without_end_and_without_a_terminal_is_refused_naming_end(gga: Run, tmp_path: Path) -> None:
    root = tmp_path / "caseload"
    gga("init", str(root))
    result = gga("new-case", "--family", "F", "--registered", "2026-02-03", "--worker", "W", "--measure", "jr",
                 "--today", "2026-02-03", cwd=root, input="")
    assert (result.returncode, result.stdout) == (2, "")
    assert " ".join(result.stderr.split()) == "gga: een JR heeft een einddatum nodig: de rechter bepaalt de termijn; geef --end YYYY-MM-DD"
    assert not list((root / "cases").glob("20*"))


def test_the_scaffolded_files_are_validated_before_anything_is_written(gga: Run, tmp_path: Path) -> None:
    root = tmp_path / "caseload"
    gga("init", str(root))
    result = gga("new-case", "--family", "Familie \udcff", "--registered", "2026-02-03", "--worker", "W", "--measure", "voluntary",
                 "--today", "2026-02-03", cwd=root, input="")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("gga: niets aangemaakt; de invoer klopt niet:\n"
                             "  cases/2026-0001/case.yaml: F001 geen geldige YAML: found invalid Unicode character escape code\n")
    assert not list((root / "cases").glob("20*"))


def test_new_case_without_a_terminal_names_the_missing_option(gga: Run, tmp_path: Path) -> None:
    root = tmp_path / "caseload"
    gga("init", str(root))
    result = gga("new-case", "--family", "Familie X", "--registered", "2026-11-25", "--measure", "voluntary", cwd=root, input="")
    assert result.returncode == 2
    assert result.stderr == "gga: --worker ontbreekt\n"
    english = gga("new-case", "--family", "Familie X", "--registered", "2026-11-25", "--measure", "voluntary", "--lang", "en",
                  cwd=root, input="")
    assert english.stderr == "gga: missing --worker\n"
    assert not list((root / "cases").glob("20*"))


def test_new_case_outside_a_caseload_is_wrong_use(gga: Run, tmp_path: Path) -> None:
    result = gga("new-case", "--family", "F", "--registered", "2026-11-25", "--worker", "W", "--measure", "voluntary")
    assert result.returncode == 2
    assert "gga init" in result.stderr


def test_the_demo_is_alive_and_clean_on_any_day(gga: Run, tmp_path: Path) -> None:
    for today in ("2026-11-29", "2027-08-14", "2031-02-28"):
        root = tmp_path / f"demo-{today}"
        assert gga("init", "--demo", str(root), "--today", today).returncode == 0
        result = gga("check", str(root), "--format", "json", "--today", today)
        report = json.loads(result.stdout)
        assert report["summary"]["errors"] == 0, report["diagnostics"]
        assert report["summary"]["cases"] == 5
        assert "[demo]" not in (root / "gga.toml").read_text(encoding="utf-8")


def test_shifting_moves_dates_and_leaves_years_and_ids() -> None:
    text = "id: 2026-0042\nregistered: 2026-02-27\nborn: 1983\nnote: \"op 2026-03-01 gebeld\"\n"
    assert shift_dates(text, 2) == "id: 2026-0042\nregistered: 2026-03-01\nborn: 1983\nnote: \"op 2026-03-03 gebeld\"\n"
