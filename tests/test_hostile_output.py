"""What gga writes, tried as an attacker and an unlucky user would: `-o` onto case files,
devices, links and folders; full disks and read-only places; private considerations
passing the handover gate; a contact and its score torn apart by a kill; commit messages
naming a family; a failing pre-commit hook; names in every script in a PDF; a genogram
of thousands of generations. Each attack is performed, and the safe outcome asserted."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from casebuilder import TODAY, clean, edit
from conftest import GGA

Run = Callable[..., subprocess.CompletedProcess[str]]
ID = "2026-0042"
DAY = TODAY[3].isoformat()  # the clean case in phase 3: every rule quiet, the handover complete
PROFILES = '[organisation]\nname = "Test"\n[profiles.jeugdteam]\nname = "Jeugdteam Escamp"\nsections = ["considerations", "scores"]\n'


def make(caseload: Callable[[dict[str, str]], Path], files: dict[str, str] | None = None, folder: str = ID) -> Path:
    """A caseload holding the clean phase-3 case (or `files`) in cases/<folder>; returns the case folder."""
    case = files if files is not None else clean(3)
    root = caseload({"gga.toml": PROFILES, **{f"cases/{folder}/{name}": text for name, text in case.items()}})
    return root / "cases" / folder


def digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` by its bytes: a command that refused must leave them all."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The refusal's message: exactly one line on stderr starting `gga: `, no traceback."""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gga: "), result.stderr
    return lines[0]


# --- 1. -o never replaces a case file, a device, a pipe, a link or a folder ----------------


@pytest.mark.parametrize("target", ["cases/2026-0042/genogram.yaml", "cases/2026-0042/scores.yaml", "gga.toml",
                                    "cases/2026-0042/new-file.yaml"])
def test_genogram_o_never_replaces_a_case_file(gga: Run, caseload: Callable[[dict[str, str]], Path], target: str) -> None:
    folder = make(caseload)
    root = folder.parent.parent
    before = digest(root)
    result = gga("genogram", "--case", ID, "--today", DAY, "-o", target, cwd=root)
    assert result.returncode == 2
    assert one_line_error(result).startswith(f"gga: {target} ")
    assert digest(root) == before


def test_handover_o_never_replaces_a_case_file(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    folder = make(caseload)
    before = digest(folder)
    result = gga("handover", "--today", DAY, "-o", "scores.yaml", cwd=folder)
    assert result.returncode == 2
    assert one_line_error(result) == (
        "gga: scores.yaml is in case folder 2026-0042: a report never takes the place of a case file; write it elsewhere")
    assert digest(folder) == before


def test_handover_pdf_may_replace_its_own_earlier_pdf_in_the_case_folder(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    folder = make(caseload)
    for _ in range(2):
        result = gga("handover", "--format", "pdf", "--today", DAY, cwd=folder)
        assert result.returncode == 0, result.stderr
    assert (folder / f"{ID}-overdracht.pdf").read_bytes().startswith(b"%PDF-")


def test_o_onto_a_device_a_pipe_or_a_link_is_refused_and_leaves_it(gga: Run, caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    folder = make(caseload)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.svg"
    link.symlink_to(os.devnull)
    report = tmp_path / "old.md"
    report.write_text("old report\n")
    to_report = tmp_path / "to-report.md"
    to_report.symlink_to(report)
    for target, why in ((os.devnull, "is no regular file (a device, pipe or socket): a report is written to a file only"),
                        (str(fifo), "is no regular file (a device, pipe or socket): a report is written to a file only"),
                        (str(link), "is a symbolic link: name the file itself (a report never writes through a link)"),
                        (str(to_report), "is a symbolic link: name the file itself (a report never writes through a link)")):
        result = gga("genogram", "--case", str(folder), "--today", DAY, "-o", target)
        assert result.returncode == 2
        assert one_line_error(result) == f"gga: {target} {why}"
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink() and to_report.is_symlink()
    assert report.read_text() == "old report\n"


def test_o_onto_a_folder_is_wrong_use(gga: Run, caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    folder = make(caseload)
    result = gga("handover", "--case", str(folder), "--today", DAY, "-o", str(tmp_path))
    assert result.returncode == 2
    assert one_line_error(result) == f"gga: {tmp_path} is a folder: give the name of a file in it"


def test_markdown_report_checks_every_file_before_writing_any(gga: Run, caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    folder = make(caseload)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "r-genogram.svg").mkdir()  # where a drawing of the report would go
    result = gga("handover", "--case", str(folder), "--today", DAY, "-o", str(tmp_path / "out" / "r.md"))
    assert result.returncode == 2
    assert one_line_error(result) == f"gga: {tmp_path / 'out' / 'r-genogram.svg'} is a folder: give the name of a file in it"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["r-genogram.svg"]


def test_report_is_created_owner_only_and_never_inherits_a_looser_mode(caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    folder = make(caseload)
    old = tmp_path / "genogram.svg"
    old.write_text("<svg/>\n")
    old.chmod(0o666)
    new = tmp_path / "new.svg"
    for umask in (0o022, 0o077, 0o000):
        for path in (old, new):
            done = subprocess.run(
                ["sh", "-c", f'umask {umask:03o} && exec "$0" "$@"', str(GGA), "genogram", "--case", str(folder), "--today", DAY,
                 "-o", str(path)], capture_output=True, text=True, cwd=tmp_path)
            assert done.returncode == 0, done.stderr
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert path.read_text().startswith("<svg")


def test_report_mode_narrows_with_a_strict_umask(caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    folder = make(caseload)
    path = tmp_path / "genogram.svg"
    done = subprocess.run(["sh", "-c", 'umask 277 && exec "$0" "$@"', str(GGA), "genogram", "--case", str(folder), "--today", DAY,
                           "-o", str(path)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o400


# --- 14. output errors: one line, exit 1 or 2 --------------------------------------------


def test_o_in_proc_is_one_line_and_exit_1(gga_process: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    # a process of its own: the in-process guard fails any test that so much as tries to write outside tmp_path
    folder = make(caseload)
    result = gga_process("genogram", "--case", str(folder), "--today", DAY, "-o", "/proc/gga-report.svg")
    assert result.returncode == 1
    assert one_line_error(result).startswith("gga: cannot write /proc/gga-report.svg: ")
    assert one_line_error(result).endswith("; nothing written")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_o_in_a_read_only_folder_is_one_line_and_exit_1(gga: Run, caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    folder = make(caseload)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = gga("handover", "--case", str(folder), "--today", DAY, "-o", str(locked / "r.md"))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1
    assert one_line_error(result) == f"gga: cannot write {locked / 'r-genogram.svg'}: Permission denied; nothing written"
    assert list(locked.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [["status", "--today", DAY], ["status", "--format", "json", "--today", DAY], ["handover", "--case", ID, "--today", DAY],
                                     ["genogram", "--case", ID, "--today", DAY], ["show", "--case", ID, "--today", DAY],
                                     ["agenda", "--days", "400", "--today", DAY], ["rules"]])
def test_stdout_on_a_full_disk_is_one_line_and_exit_1(caseload: Callable[[dict[str, str]], Path], command: list[str]) -> None:
    root = make(caseload).parent.parent
    done = subprocess.run(["sh", "-c", 'exec "$0" "$@" >/dev/full', str(GGA), *command], capture_output=True, text=True,
                          cwd=root, env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"})
    assert done.returncode == 1
    assert done.stderr == "gga: cannot write the output: No space left on device\n"


def test_a_closed_pipe_is_no_error(caseload: Callable[[dict[str, str]], Path]) -> None:
    root = make(caseload).parent.parent
    done = subprocess.run(f'"{GGA}" handover --case {ID} --today {DAY} | head -c 10 >/dev/null; exit "${{PIPESTATUS[0]}}"',
                          shell=True, executable="/bin/bash", capture_output=True, text=True, cwd=root)
    assert done.returncode == 0
    assert done.stderr == ""


def test_init_on_a_file_is_wrong_use(gga: Run, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x\n")
    result = gga("init", "afile")
    assert result.returncode == 2
    assert one_line_error(result) == "gga: afile is a file: gga init makes a caseload in a folder"
    assert (tmp_path / "afile").read_text() == "x\n"


def test_init_in_proc_is_one_line_and_exit_1(gga_process: Run) -> None:
    # a process of its own: the in-process guard fails any test that so much as tries to write outside tmp_path
    result = gga_process("init", "/proc")
    assert result.returncode == 1
    assert one_line_error(result).startswith("gga: cannot make a caseload in /proc: ")


def test_schema_out_on_a_file_is_wrong_use(gga: Run, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x\n")
    for args in (["schema", "--out", "afile"], ["schema", "--check", "--out", "afile"], ["schema", "-o", "afile"]):
        result = gga(*args)
        assert result.returncode == 2
        assert one_line_error(result) == "gga: --out afile is a file: give the folder the schemas go in"
    assert (tmp_path / "afile").read_text() == "x\n"


def test_schema_out_in_proc_is_one_line_and_exit_1(gga: Run) -> None:
    result = gga("schema", "--out", "/proc/gga-schemas")
    assert result.returncode == 1
    assert one_line_error(result).startswith("gga: cannot write /proc/gga-schemas/case.schema.json: ")


def test_settings_nested_a_hundred_thousand_deep_are_an_error_not_a_crash(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    root = make(caseload).parent.parent
    (root / "gga.toml").write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = gga("check", "--today", DAY, cwd=root)
    assert result.returncode == 1
    assert result.stdout == "gga.toml: error F001 gga.toml is geen geldige TOML: nested too deep\n"
    for command in (["status"], ["agenda"], ["show", "--case", ID], ["handover", "--case", ID, "--draft"]):
        result = gga(*command, "--today", DAY, cwd=root)
        assert "Traceback" not in result.stderr
        assert result.returncode in (0, 1, 2)


# --- 3. the handover gate judges what the report will hold ----------------------------------


def all_private(files: dict[str, str]) -> dict[str, str]:
    return edit(files, "change-plan.yaml", "text: \"Eerst de angst bij moeder, dan de behandeling van Sjors.\"}",
                "text: \"Eerst de angst bij moeder, dan de behandeling van Sjors.\", private: true}")


G130_PRIVATE = ("  G130 overdracht mist de overwegingen achter de stappen die mee mogen (considerations): "
                "alle zijn vertrouwelijk (private)")


def test_private_considerations_do_not_satisfy_the_handover_gate(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    folder = make(caseload, all_private(clean(3)))
    for to in ([], ["--to", "jeugdteam"]):
        result = gga("handover", *to, "--today", DAY, cwd=folder)
        assert result.returncode == 1
        assert result.stderr == f"gga: de overdracht is niet compleet:\n{G130_PRIVATE}\nmaak een concept met --draft\n"
        assert result.stdout == ""


def test_close_refuses_while_every_consideration_is_private(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    folder = make(caseload, all_private(clean(3)))
    before = digest(folder)
    result = gga("close", "--reason", "blijvend veilig", "--to", "Jeugdteam Escamp", "--today", DAY, cwd=folder)
    assert result.returncode == 1
    assert result.stderr.startswith("gga: niets veranderd; eerst moet dit in orde zijn:\n  G130 overdracht mist de overwegingen achter "
                                    "de stappen die mee mogen (considerations): alle zijn vertrouwelijk (private)\n")
    assert digest(folder) == before


def test_one_shared_consideration_satisfies_the_gate(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    files = all_private(clean(3))
    files = edit(files, "change-plan.yaml", "established:", "  - {date: 2026-02-02, text: \"Netwerk eerst.\"}\nestablished:")
    folder = make(caseload, files)
    result = gga("handover", "--to", "jeugdteam", "--today", DAY, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "Netwerk eerst." in result.stdout
    assert "Eerst de angst bij moeder" not in result.stdout


# --- 4. a contact with its score: both lines or neither, whenever gga is killed -----------


def dates(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {line[9:19] for line in path.read_text().splitlines() if line.startswith("- {date: ")}


def test_contact_with_score_survives_sixty_kills_whole_or_not_at_all(caseload: Callable[[dict[str, str]], Path]) -> None:
    """Killed at random times, and half of the times the moment contacts.yaml changes (the
    window between the two writes, which a gga writing the files one after the other tears):
    after the next recording, each day has both lines or neither, and nothing is left over."""
    files = {name: text for name, text in clean(3).items() if name not in ("contacts.yaml", "scores.yaml")}
    folder = make(caseload, files)
    contacts = folder / "contacts.yaml"
    env = {**os.environ, "NO_COLOR": "1"}
    rng = random.Random(13)

    def contact(day: dt.date) -> subprocess.Popen[bytes]:
        return subprocess.Popen([str(GGA), "contact", "phone", "--with", "els", "--score", "6", "--date", day.isoformat(),
                                 "--today", DAY], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

    def state() -> tuple[int, int]:
        try:
            info = contacts.stat()
        except FileNotFoundError:
            return (0, 0)
        return (info.st_ino, info.st_size)

    start = time.monotonic()
    assert contact(dt.date(2026, 1, 10)).wait() == 0
    whole = time.monotonic() - start
    first = dt.date(2026, 1, 11)
    for n in range(60):
        before = state()
        process = contact(first + dt.timedelta(days=n))
        if n % 2:
            time.sleep(rng.uniform(0.3, 1.3) * whole)
        else:
            deadline = time.monotonic() + 20 * whole + 5
            while process.poll() is None and state() == before and time.monotonic() < deadline:
                time.sleep(0.0002)  # a stat every 0.2 ms: inside the window between two fsync'ed writes
        process.send_signal(signal.SIGKILL)
        process.wait()
    last = subprocess.run([str(GGA), "score", "6", "--date", "2026-04-21", "--today", DAY], cwd=folder, capture_output=True,
                          text=True, env=env)
    assert last.returncode == 0, last.stderr
    assert dates(folder / "contacts.yaml") == dates(folder / "scores.yaml") - {"2026-04-21"}
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_an_interrupted_contact_is_finished_by_the_next_recording(caseload: Callable[[dict[str, str]], Path], gga: Run,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The kill between the two writes, made certain: the first file replaced, the second not."""
    from gga_cli import atomic, journal

    folder = make(caseload)
    contacts, scores = (folder / "contacts.yaml").read_text(), (folder / "scores.yaml").read_text()
    new_contacts = contacts + "- {date: 2026-04-21, kind: phone, with: [els]}\n"
    new_scores = scores + "- {date: 2026-04-21, score: 7}\n"
    real = atomic.write_bytes
    calls = []

    def killed_after_one(path: Path, data: bytes) -> None:
        calls.append(path.name)
        if path.name == "scores.yaml":
            raise KeyboardInterrupt  # as a kill: nothing after this line runs
        real(path, data)

    monkeypatch.setattr(atomic, "write_bytes", killed_after_one)
    with pytest.raises(KeyboardInterrupt):
        journal.write_together(folder, {"contacts.yaml": new_contacts, "scores.yaml": new_scores})
    monkeypatch.setattr(atomic, "write_bytes", real)
    assert calls == [".gga-journal", "contacts.yaml", "scores.yaml"]
    assert (folder / "contacts.yaml").read_text() == new_contacts and (folder / "scores.yaml").read_text() == scores
    result = gga("score", "6", "--date", "2026-04-22", "--today", DAY, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Eerst afgemaakt: een onderbroken vastlegging in scores.yaml."
    assert (folder / "scores.yaml").read_text() == new_scores + "- {date: 2026-04-22, score: 6}\n"
    assert not (folder / ".gga-journal").exists()


def test_a_failing_second_write_puts_the_first_back(caseload: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from gga_cli.caseload import Caseload
    from gga_cli.errors import Refused
    from gga_cli.recordings import record_contact

    folder = make(caseload)
    found, _ = Caseload.of_case(str(folder), today=TODAY[3])
    before = digest(folder)
    real = os.replace

    def full_at_scores(src: str, dst: str) -> None:
        if Path(dst).name == "scores.yaml":
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", full_at_scores)
    with pytest.raises(Refused) as refused:
        record_contact(found, folder, "phone", TODAY[3], with_=["els"], score=6)
    assert str(refused.value) == ("kan contacts.yaml, scores.yaml niet schrijven: No space left on device; "
                                  "contacts.yaml, scores.yaml zijn niet veranderd")
    assert digest(folder) == before


def test_an_interrupted_contact_is_not_replayed_over_a_file_changed_since(caseload: Callable[[dict[str, str]], Path], gga: Run) -> None:
    from gga_cli.journal import JOURNAL

    folder = make(caseload)
    scores = (folder / "scores.yaml").read_text()
    entry = {"before": hashlib.sha256(b"something else").hexdigest(), "text": scores + "- {date: 2026-04-21, score: 7}\n"}
    entry["after"] = hashlib.sha256(entry["text"].encode()).hexdigest()
    (folder / JOURNAL).write_text(json.dumps({"gga-journal": 1, "files": {"scores.yaml": entry}}))
    before = digest(folder)
    result = gga("score", "6", "--today", DAY, cwd=folder)
    assert result.returncode == 1
    assert one_line_error(result) == (
        f"gga: a recording in {ID} was interrupted, and scores.yaml changed since; its new text is in {ID}/.gga-journal: "
        "compare, then remove the journal to record again")
    assert digest(folder) == before


def test_a_forged_journal_never_writes_outside_the_case_files(caseload: Callable[[dict[str, str]], Path], gga: Run, tmp_path: Path) -> None:
    from gga_cli.journal import JOURNAL

    folder = make(caseload)
    text = "stolen\n"
    entry = {"before": None, "after": hashlib.sha256(text.encode()).hexdigest(), "text": text}
    (folder / JOURNAL).write_text(json.dumps({"gga-journal": 1, "files": {"../../../escaped.txt": entry}}))
    before = digest(tmp_path)
    result = gga("score", "6", "--today", DAY, cwd=folder)
    assert result.returncode == 1
    assert one_line_error(result) == f"gga: {ID}/.gga-journal is no journal gga wrote; look at it, and remove it to record again"
    assert digest(tmp_path) == before


def test_init_ignores_the_journal_in_git(gga: Run, tmp_path: Path) -> None:
    assert gga("init", "caseload").returncode == 0
    assert ".gga-journal\n" in (tmp_path / "caseload" / ".gitignore").read_text().splitlines(keepends=True)


# --- 5, 6. --commit: the id from case.yaml only; a failed commit after a write is exit 3 --------


GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=root, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV})
    assert done.returncode == 0, done.stderr
    return done.stdout


def repository(caseload: Callable[[dict[str, str]], Path], folder: str = ID) -> Path:
    case = make(caseload, folder=folder)
    root = case.parent.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    return case


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_commit_is_refused_where_the_folder_is_named_after_the_family(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    folder = repository(caseload, folder="familie-brood")
    before = digest(folder)
    result = gga("score", "6", "--today", DAY, "--commit", cwd=folder, env=GIT_ENV)
    assert result.returncode == 1
    assert one_line_error(result) == ("gga: --commit: the case folder is not named after its id 2026-0042 in case.yaml; "
                                      "nothing changed (rename the folder to the id, or record without committing)")
    assert digest(folder) == before
    assert git(folder, "log", "--format=%s") == "base\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_commit_names_the_id_of_case_yaml(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    folder = repository(caseload)
    result = gga("score", "6", "--today", DAY, "--commit", cwd=folder, env=GIT_ENV)
    assert result.returncode == 0, result.stderr
    assert git(folder, "log", "-1", "--format=%B") == "2026-0042: score recorded\n\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_commit_refused_by_a_hook_after_the_write_is_exit_3_and_says_the_file_changed(gga: Run, caseload: Callable[[dict[str, str]], Path]) -> None:
    folder = repository(caseload)
    root = folder.parent.parent
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'gga check found errors' >&2\nexit 1\n")
    hook.chmod(0o755)
    scores = (folder / "scores.yaml").read_text()
    result = gga("score", "6", "--today", DAY, "--commit", cwd=folder, env=GIT_ENV)
    assert result.returncode == 3
    assert one_line_error(result) == ("gga: the recording WAS written to scores.yaml, but NOT committed (git commit failed: gga check "
                                      "found errors): commit it yourself, or undo it with git")
    assert (folder / "scores.yaml").read_text() == scores + f"- {{date: {DAY}, score: 6}}\n"
    assert git(root, "log", "--format=%s") == "base\n"


def test_readme_documents_exit_code_3() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert "3 `--commit` only: the files WERE changed, the git commit failed" in readme


# --- 10. a PDF of names in every script ---------------------------------------------------


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


NOTO = [Path("/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf"), Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")]
NAMES = 'name: "Sjors 😀 王小明 ተስፋይ ሰላም"'


@pytest.mark.skipif(not all(p.is_file() for p in NOTO), reason="Debian's fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji are not installed (.ci/run installs them)")
def test_pdf_draws_emoji_chinese_and_geez_names_with_the_systems_fonts(gga: Run, caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    folder = make(caseload, edit(clean(3), "genogram.yaml", "name: Sjors", NAMES))
    result = gga("handover", "--format", "pdf", "--draft", "--today", DAY, "-o", str(tmp_path / "r.pdf"), cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"geschreven: {tmp_path / 'r.pdf'}\n"  # in the report language (gga.toml names none: Dutch)
    text = pdf_text(tmp_path / "r.pdf")
    assert "Sjors 😀 王小明 ተስፋይ ሰላም" in text


def test_pdf_shows_a_control_character_as_a_visible_mark(caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    """The loader keeps control characters out of the case; were one to reach the report, the PDF still comes."""
    from gga_cli.caseload import Caseload
    from gga_cli.handover.pdf import render
    from gga_cli.handover.report import Recipient, build

    found, folder = Caseload.of_case(str(make(caseload)), today=TODAY[3], lang="nl")
    case, _ = found.load(folder)
    report = build(case, found.settings, TODAY[3], "nl", Recipient(None, None), draft=False)
    report["header"][0][1] = "2026-0042 \x1b[2J\x00"
    rendered = render(report, TODAY[3])
    assert (rendered.controls, rendered.unshown) == (["\x1b", "\x00"], [])
    (tmp_path / "r.pdf").write_bytes(rendered.pdf)
    text = pdf_text(tmp_path / "r.pdf")
    assert "\x1b" not in text and "2026-0042 \ufffd[2J\ufffd" in text


def test_genogram_svg_never_holds_a_control_character() -> None:
    import xml.dom.minidom

    from gga_cli.genogram import drawing
    from gga_cli.models.genogram import Genogram

    genogram = Genogram.model_validate({"people": [{"id": "sjors", "name": "Sjors \x1b[2J\x07", "sex": "m"}]})
    svg = drawing(genogram, TODAY[3], "nl", "Genogram \x1b]0;titel\x07")
    assert "\x1b" not in svg and "\x07" not in svg and "Sjors \ufffd[2J\ufffd" in svg
    xml.dom.minidom.parseString(svg)  # well-formed XML


def test_pdf_replaces_what_no_font_shows_with_a_visible_mark_and_a_warning(gga: Run, caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    files = edit(clean(3), "genogram.yaml", "name: Sjors", 'name: "Sjors \\u0378"')  # U+0378: no character, so in no font
    folder = make(caseload, files)
    result = gga("handover", "--format", "pdf", "--draft", "--lang", "en", "--today", DAY, "-o", str(tmp_path / "r.pdf"), cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("warning: no font on this machine shows U+0378: the PDF has \ufffd in its place")
    assert "Sjors \ufffd" in pdf_text(tmp_path / "r.pdf")


def test_junk_in_a_font_folder_does_not_matter(gga: Run, caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    folder = make(caseload, edit(clean(3), "genogram.yaml", "name: Sjors", 'name: "Sjors 王"'))
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "broken.ttf").write_bytes(b"\0" * 64)
    result = gga("handover", "--format", "pdf", "--today", DAY, "-o", str(tmp_path / "r.pdf"), cwd=folder, env={"GGA_FONT_PATH": str(fonts)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")


def test_a_typst_error_reaches_the_user_as_one_line_and_exit_1(caseload: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from gga_cli.cli import app
    from gga_cli.handover import pdf

    def failing(*args: object) -> bytes:
        raise RuntimeError("layout did not converge\nhint: none")

    folder = make(caseload)
    monkeypatch.setattr(pdf, "_compile", failing)
    result = CliRunner().invoke(app, ["handover", "--format", "pdf", "--case", str(folder), "--today", DAY])
    assert result.exit_code == 1
    assert result.stderr == "gga: typst could not make the PDF: layout did not converge\n"
    assert not (folder / f"{ID}-overdracht.pdf").exists()


def test_typst_names_the_text_it_cannot_show_in_rust_escapes() -> None:
    from gga_cli.handover.pdf import _unshown_text

    assert _unshown_text('PDF/A-2b error: the text `"\\u{1b}x\\"y"` could not be displayed with font `"Libertinus Serif"`') == '\x1bx"y'
    assert _unshown_text("failed to parse SVG") is None


# --- 15. a genogram of thousands of generations -----------------------------------------


def test_a_genogram_of_three_thousand_generations_is_drawn_one_row_each(gga: Run, caseload: Callable[[dict[str, str]], Path], tmp_path: Path) -> None:
    people = "".join(f"  - {{id: p{i}, name: P{i}, sex: m" + (f", parents: [p{i - 1}]" if i else "") + "}\n"
                     for i in range(3000))
    files = {"case.yaml": clean(1)["case.yaml"], "genogram.yaml": "people:\n" + people}
    folder = make(caseload, files)
    result = gga("genogram", "--today", DAY, "-o", str(tmp_path / "g.svg"), cwd=folder)
    assert result.returncode == 0, result.stderr
    from gga_cli.genogram.layout import layout
    from gga_cli.models.genogram import Genogram

    reversed_chain = Genogram.model_validate({"people": [{"id": f"p{i}", "name": "P", "sex": "m", **({"parents": [f"p{i - 1}"]} if i else {})}
                                                         for i in reversed(range(3000))]})
    assert layout(reversed_chain).gen == {f"p{i}": i for i in range(3000)}


def test_generations_of_a_cycle_in_the_data_end(caseload: Callable[[dict[str, str]], Path]) -> None:
    from gga_cli.genogram.layout import layout
    from gga_cli.models.genogram import Genogram

    cycle = Genogram.model_validate({"people": [{"id": f"p{i}", "name": "P", "sex": "m", "parents": [f"p{(i - 1) % 500}"]} for i in range(500)],
                                     "couples": [{"partners": ["p0", "p1"], "status": "married"}]})
    assert len(layout(cycle).gen) == 500


def test_a_couple_with_a_thousand_children_bonded_in_households_is_drawn() -> None:
    from gga_cli.genogram import drawing
    from gga_cli.genogram.layout import layout
    from gga_cli.models.genogram import Genogram

    n = 1000
    genogram = Genogram.model_validate({
        "people": [{"id": "els", "name": "Els", "sex": "f"}, {"id": "ron", "name": "Ron", "sex": "m"}]
        + [{"id": f"k{i}", "name": f"Kind {i}", "sex": "m", "parents": ["els", "ron"]} for i in range(n)],
        "bonds": [{"between": [f"k{i}", f"k{i + 1}"], "kind": "conflict"} for i in range(n - 1)],
        "households": [{"name": f"Huis {i}", "members": [f"k{i}", f"k{i + 1}"]} for i in range(0, n, 2)],
    })
    assert layout(genogram).gen == {"els": 0, "ron": 0, **{f"k{i}": 1 for i in range(n)}}
    svg = drawing(genogram, TODAY[3], "nl", "Genogram")
    # one outline a household (its two children stand side by side), and the legend's
    assert svg.count('stroke-dasharray="6 4"') == n // 2 + 1
