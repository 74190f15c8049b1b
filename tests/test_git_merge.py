"""`--commit` and git: each recording committed alone with a message that holds no personal
data, and two workers' scores and contacts merging without conflict under gga's .gitattributes."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from casebuilder import case_yaml, genogram_yaml

Run = Callable[..., subprocess.CompletedProcess[str]]

GITATTRIBUTES = """\
*.yaml text eol=lf
*.toml text eol=lf
scores.yaml merge=union
contacts.yaml merge=union
"""

CASE = case_yaml(local_team="{name: Jeugdteam Escamp}")

GENOGRAM = genogram_yaml(network=["oma"], trusted_person="oma")

# git with no configuration of the machine it runs on: no identity, so gga's fallback is used
GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=root,
                            capture_output=True, text=True, env={**os.environ, **GIT_ENV})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def repo(caseload: Callable[[dict[str, str]], Path]) -> Path:
    root = caseload({".gitattributes": GITATTRIBUTES, "cases/2026-0042/case.yaml": CASE, "cases/2026-0042/genogram.yaml": GENOGRAM,
                     "cases/2026-0042/scores.yaml": "- {date: 2026-02-04, score: 6}\n",
                     "cases/2026-0042/contacts.yaml": "- {date: 2026-02-04, kind: home_visit, with: [els, sjors], alone: [sjors]}\n"})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    return root


def errors(gga: Run, root: Path) -> set[tuple[str, str]]:
    result = gga("check", "--format", "json", "--today", "2026-02-20", cwd=root)
    return {(d["code"], d["message"]) for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"}


def test_commit_holds_the_case_id_and_action_only(gga: Run, repo: Path) -> None:
    folder = repo / "cases" / "2026-0042"
    (repo / "unrelated.txt").write_text("staged by someone else\n")
    git(repo, "add", "unrelated.txt")
    result = gga("score", "7", "--note", "Els vertelt over Ron", "--today", "2026-02-12", "--commit", cwd=folder, env=GIT_ENV)
    assert result.returncode == 0, result.stderr
    assert git(repo, "log", "-1", "--format=%B%an") == "2026-0042: score recorded\ngga\n"  # the whole message, and the fallback author
    assert git(repo, "show", "--name-only", "--format=", "HEAD") == "cases/2026-0042/scores.yaml\n"
    assert git(repo, "status", "--porcelain") == "A  unrelated.txt\n"  # what was staged stays staged


def test_each_command_commits_with_its_own_message(gga: Run, repo: Path) -> None:
    folder = repo / "cases" / "2026-0042"
    assert gga("contact", "phone", "--with", "els", "--score", "6", "--today", "2026-02-12", "--commit", cwd=folder, env=GIT_ENV).returncode == 0
    assert git(repo, "log", "-1", "--format=%s") == "2026-0042: contact and score recorded\n"
    assert git(repo, "show", "--name-only", "--format=", "HEAD") == "cases/2026-0042/contacts.yaml\ncases/2026-0042/scores.yaml\n"


def test_commit_outside_a_repository_is_wrong_use_and_writes_nothing(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = caseload({"cases/2026-0042/case.yaml": CASE, "cases/2026-0042/genogram.yaml": GENOGRAM})
    folder = root / "cases" / "2026-0042"
    result = gga("score", "7", "--today", "2026-02-12", "--commit", cwd=folder, env={**GIT_ENV, "GIT_CEILING_DIRECTORIES": str(root.parent)})
    assert result.returncode == 2
    assert result.stderr.startswith("gga: --commit: ")
    assert "is in no git repository" in result.stderr
    assert not (folder / "scores.yaml").exists()


def test_two_branches_of_scores_and_contacts_merge_without_conflict(gga: Run, repo: Path) -> None:
    folder = repo / "cases" / "2026-0042"
    base_errors = errors(gga, repo)
    git(repo, "checkout", "-q", "-b", "anna")
    for args in (["score", "7", "--date", "2026-02-10", "--note", "Anna: rustig"],
                 ["contact", "home_visit", "--with", "els", "--alone", "sjors", "--date", "2026-02-10", "--score", "7"]):
        assert gga(*args, "--today", "2026-02-12", "--commit", cwd=folder, env=GIT_ENV).returncode == 0
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "bram")
    for args in (["contact", "phone", "--with", "oma", "--date", "2026-02-11", "--note", "Bram: oma belt"],
                 ["score", "6", "--date", "2026-02-11", "--by", "oma"]):
        assert gga(*args, "--today", "2026-02-12", "--commit", cwd=folder, env=GIT_ENV).returncode == 0
    git(repo, "merge", "-q", "--no-edit", "anna")
    assert git(repo, "status", "--porcelain") == ""
    scores = (folder / "scores.yaml").read_text().splitlines()
    contacts = (folder / "contacts.yaml").read_text().splitlines()
    assert sorted(scores) == sorted([
        "- {date: 2026-02-04, score: 6}",
        '- {date: 2026-02-10, score: 7, note: "Anna: rustig"}',
        "- {date: 2026-02-10, score: 7}",
        "- {date: 2026-02-11, score: 6, by: oma}",
    ])
    assert sorted(contacts) == sorted([
        "- {date: 2026-02-04, kind: home_visit, with: [els, sjors], alone: [sjors]}",
        "- {date: 2026-02-10, kind: home_visit, with: [els, sjors], alone: [sjors]}",
        '- {date: 2026-02-11, kind: phone, with: [oma], note: "Bram: oma belt"}',
    ])
    assert errors(gga, repo) <= base_errors
