"""Records duties from git: `gga log` (who changed what, in words) and `gga erase` (erasure
on request, from the working tree and with --history from every commit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from casebuilder import clean
from crypthelp import CASE, GIT_ENV, Run, encrypted_caseload, git, make_key, no_key, objects

TODAY = "2026-01-21"


def plain_repo(caseload: Callable[[dict[str, str]], Path]) -> Path:
    root = caseload({f"{CASE}/{name}": text for name, text in clean(1).items()})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "caseload", env={**GIT_ENV, "GIT_AUTHOR_DATE": "2026-01-05T09:00:00"})
    return root


def test_log_says_who_changed_what_in_a_case_in_words(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = plain_repo(caseload)
    folder = root / CASE
    (folder / "change-plan.yaml").write_text(clean(2)["change-plan.yaml"])
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "change plan", env={**GIT_ENV, "GIT_AUTHOR_DATE": "2026-01-30T09:00:00"})
    for args, day in ((["score", "7", "--date", "2026-01-21"], "2026-01-21"),
                      (["contact", "phone", "--with", "els", "--date", "2026-01-22", "--score", "6"], "2026-01-22"),
                      (["phase", "2", "--date", "2026-02-02"], "2026-02-02")):
        result = gga(*args, "--today", day, "--commit", cwd=folder, env={**GIT_ENV, "GIT_AUTHOR_DATE": f"{day}T10:00:00"})
        assert result.returncode == 0, result.stderr
    result = gga("log", "--case", "2026-0042", cwd=root, env=GIT_ENV)
    assert result.returncode == 0, result.stderr
    lines = [line.split("  ", 1)[0] + "  " + line.split("  ", 3)[2] + "  " + line.split("  ", 3)[3] for line in result.stdout.splitlines()]
    assert lines == [
        "2026-01-05  2026-0042  Test: zaak aangemaakt, 3 contacten toegevoegd, genogram aangemaakt, veiligheidsplan aangemaakt, 3 scores toegevoegd",
        "2026-01-30  2026-0042  Test: veranderplan aangemaakt",
        "2026-01-21  2026-0042  gga: score toegevoegd",
        "2026-01-22  2026-0042  gga: contact toegevoegd, score toegevoegd",
        "2026-02-02  2026-0042  gga: fase 2",
    ]


def test_log_of_an_encrypted_caseload_reads_through_the_key(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    assert gga("score", "3", "--date", TODAY, "--today", TODAY, "--commit", cwd=root / CASE, env=anna.env()).returncode == 0
    result = gga("log", "--case", "2026-0042", cwd=root, env=anna.env())
    assert [line.split("  ", 3)[3] for line in result.stdout.splitlines()][-1] == "gga: score toegevoegd"
    locked = gga("log", cwd=root, env=no_key(tmp_path))
    assert (locked.returncode, locked.stdout) == (1, "")
    assert locked.stderr.startswith(f"gga: {CASE}/") and ": versleuteld: geen sleutel" in locked.stderr


def test_log_outside_a_repository_refuses(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = caseload({f"{CASE}/{name}": text for name, text in clean(1).items()})
    result = gga("log", cwd=root, env={**GIT_ENV, "GIT_CEILING_DIRECTORIES": str(root.parent)})
    assert result.returncode == 1
    assert result.stderr == f"gga: {root} is in no git repository with commits (gga log reads the history)\n"


def test_erase_removes_the_case_records_it_without_personal_data_and_says_history_still_holds_it(
        gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = plain_repo(caseload)
    result = gga("erase", "2026-0042", "--reason", "verzoek ouder, AVG art. 17", "--today", "2026-03-01", cwd=root,
                 env={**GIT_ENV, "LOGNAME": "anna", "USER": "anna"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2026-0042 gewist uit de werkmap\nnog te doen:\n- de git-geschiedenis bevat 2026-0042 nog: ")
    assert not (root / CASE).exists()
    assert (root / "erasures.yaml").read_text() == (
        "# Erasures on request: what was erased, when, why and by whom. No personal data:\n"
        "# the case id only. Written by `gga erase`.\n"
        '- {case: 2026-0042, date: 2026-03-01, reason: "verzoek ouder, AVG art. 17", by: "anna", history: false}\n'
    )
    assert git(root, "log", "-1", "--format=%s").decode() == "2026-0042: gewist op verzoek\n"
    assert git(root, "status", "--porcelain") == b""
    assert b"Sjors" in git(root, "show", f"HEAD~1:{CASE}/genogram.yaml")


def test_erase_history_removes_the_name_from_every_reachable_object(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = plain_repo(caseload)
    assert gga("score", "7", "--date", TODAY, "--today", TODAY, "--commit", cwd=root / CASE, env=GIT_ENV).returncode == 0
    result = gga("erase", "2026-0042", "--reason", "verzoek ouder", "--history", "--today", "2026-03-01", cwd=root, env=GIT_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "2026-0042 gewist uit de werkmap en de hele geschiedenis", "nog te doen:",
        "- force-push de herschreven geschiedenis naar de server, elke branch en tag "
        "(git-filter-repo koppelt de remote origin los: voeg hem eerst weer toe)",
    ]
    reachable = git(root, "rev-list", "--all", "--objects").decode().split()
    assert not [o for o in objects(root) if b"Sjors" in o or b"Brood" in o]
    assert not any(name.startswith("cases/2026-0042") for name in reachable)
    assert git(root, "show", "HEAD:erasures.yaml").decode().endswith("history: true}\n")


def test_erase_history_with_other_uncommitted_changes_refuses_and_changes_nothing(
        gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = plain_repo(caseload)
    (root / "gga.toml").write_text('[organisation]\nname = "Test, gewijzigd"\n')
    result = gga("erase", "2026-0042", "--reason", "verzoek ouder", "--history", cwd=root, env=GIT_ENV)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "gga: --history: eerst vastleggen of terugzetten, git herschrijft de werkmap: gga.toml\n"
    assert (root / CASE / "genogram.yaml").exists() and not (root / "erasures.yaml").exists()


def test_erase_with_an_empty_reason_refuses(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = plain_repo(caseload)
    result = gga("erase", "2026-0042", "--reason", "  ", cwd=root, env=GIT_ENV)
    assert (result.returncode, result.stderr) == (1, "gga: --reason mag niet leeg zijn\n")
    assert (root / CASE / "case.yaml").exists()


def test_erase_of_an_unknown_case_is_wrong_use(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = plain_repo(caseload)
    result = gga("erase", "2026-0099", "--reason", "verzoek", cwd=root, env=GIT_ENV)
    assert result.returncode == 2
    assert result.stderr.startswith("gga: --case 2026-0099: no case with that id")


def test_erase_history_in_an_encrypted_caseload_leaves_no_ciphertext_of_the_case(gga: Run, tmp_path: Path) -> None:
    anna, escrow = make_key(tmp_path / "keys", "anna"), make_key(tmp_path / "keys", "archief")
    root = encrypted_caseload(gga, tmp_path / "caseload", [anna], escrow)
    blobs = {git(root, "rev-parse", f"HEAD:{CASE}/{n}").strip() for n in ("case.yaml", "genogram.yaml")}
    result = gga("erase", "2026-0042", "--reason", "verzoek ouder", "--history", cwd=root, env=anna.env())
    assert result.returncode == 0, result.stderr
    left = set(git(root, "cat-file", "--batch-all-objects", "--batch-check=%(objectname)").split())
    assert blobs.isdisjoint(left)
    assert git(root, "status", "--porcelain", env=anna.env()) == b""
