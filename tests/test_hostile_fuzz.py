"""Every command, driven with generated hostile case folders and settings: never a traceback,
an exit code of the contract (0, 1, 2), and no file changed but those the command may write.

Each example runs fifteen commands. They run through `gga_cli.cli.main`, the function the
`gga` entry point calls, in this process: a subprocess each would cost about a second of
interpreter start for every command and make this test minutes long. An exception escaping
`main` is exactly what would reach the user as a traceback, and fails the example.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import casebuilder as cb
from gga_cli.cli import main
from test_loader_fuzz import YAMLISH

TODAY = cb.TODAY[3].isoformat()
CASE = "cases/2026-0042"
NAMES = sorted(cb.clean(3))
VALID_SETTINGS = '[organisation]\nname = "Test"\n\n[profiles.jeugdteam]\nsections = ["scores", "contacts", "considerations"]\n'

SUBSTITUTIONS = [
    ("case.yaml", "registered: 2026-01-05", "registered: 9999-12-31"),
    ("case.yaml", "end: 2027-01-05", "end: 0001-01-01"),
    ("case.yaml", "phase: 3\n", "phase: 3\nclosed: {date: 9990-01-01, reason: verhuisd}\n"),
    ("case.yaml", "family: Familie Brood", 'family: "Familie \\e[2J\\e]0;titel\\a"'),
    ("case.yaml", "family: Familie Brood", "family: Familie \u202eDOORB\u200b"),
    ("case.yaml", "id: 2026-0042", '"id\\nforged:1:1: error G999": 1\nid: 2026-0042'),
    ("genogram.yaml", "born: 1983", "born: 0000"),
    ("genogram.yaml", "parents: [ron, els]", "parents: [sjors, sjors]"),
    ("genogram.yaml", "born: 1980}", "born: 1980, parents: [sjors]}"),
    ("genogram.yaml", "born: 2014-05-02", "born: 2199-12-31"),
    ("change-plan.yaml", 'text: "Eerst', 'Private: yes, text: "Eerst'),
    ("safety-plan.yaml", "established: 2026-01-08", "established: 1900-01-01"),
]
APPENDS = [
    ("scores.yaml", "- {date: 0001-01-01, score: 5}\n"),
    ("scores.yaml", "- {date: 2026-04-21, score: 7, note: geheim, private: True}\n"),
    ("scores.yaml", '- {date: 2026-04-21, score: 7, note: "\\x07\\u2066"}\n'),
    ("contacts.yaml", "- {date: 9999-12-31, kind: phone, private: yes}\n"),
    ("contacts.yaml", "- {date: 2026-04-21, kind: home_visit, with: [sjors, sjors], alone: [sjors]}\n"),
    ("genogram.yaml", "couples:\n  - {partners: [els, els], status: married, from: 2010, to: 2000}\n"
                      "bonds:\n  - {between: [ron, ron], kind: close}\n"
                      "households:\n  - {name: Thuis, members: [els, els]}\n"),
]
SPECIALS = ["fifo", "dev-zero", "self-loop", "dangling", "folder", "too-large"]
SETTINGS_TEXTS = [
    VALID_SETTINGS,
    "[deadlines]\nsafety_assessment = true\n",
    "[deadlines]\nhome_visit = 100000000\nretention_years = 9000\n",
    "[deadlines]\nalarm_score = -5\n[rules]\nG999 = \"off\"\nF010 = \"off\"\n",
    '[organisation]\nlanguage = "xx"\n',
    "[[[\n",
    "\x00\x1b[2J",
]
TOMLISH = st.lists(
    st.sampled_from(list("[]=\"'.#\n 019") + ["deadlines", "organisation", "language", "true", "1e400", "nan", "profiles"]),
    max_size=40,
).map("".join)

# valid settings more often than not: a broken gga.toml stops most commands at the start
SETTINGS_STRATEGY = st.one_of(st.just(VALID_SETTINGS), st.just(VALID_SETTINGS), st.sampled_from(SETTINGS_TEXTS), TOMLISH)

Attack = tuple[str, int, str]
ATTACKS = st.one_of(
    st.tuples(st.just("replace"), st.integers(0, len(NAMES) - 1), YAMLISH),
    st.tuples(st.just("substitute"), st.integers(0, len(SUBSTITUTIONS) - 1), st.just("")),
    st.tuples(st.just("append"), st.integers(0, len(APPENDS) - 1), st.just("")),
    st.tuples(st.just("special"), st.integers(0, len(NAMES) - 1), st.sampled_from(SPECIALS)),
)


def _attack(folder: Path, outside: Path, attack: Attack) -> None:
    kind, index, text = attack
    if kind == "replace":
        _replace(folder / NAMES[index], text)
    elif kind == "substitute":
        name, old, new = SUBSTITUTIONS[index]
        path = folder / name
        if path.is_file() and not path.is_symlink():
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    elif kind == "append":
        name, line = APPENDS[index]
        path = folder / name
        if path.is_file() and not path.is_symlink():
            path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    else:
        path = folder / NAMES[index]
        _remove(path)
        if text == "fifo":
            os.mkfifo(path)
        elif text == "dev-zero":
            path.symlink_to("/dev/zero")
        elif text == "self-loop":
            path.symlink_to(path.name)
        elif text == "dangling":
            path.symlink_to("weg.yaml")
        elif text == "folder":
            path.mkdir()
        else:
            big = outside / f"groot-{NAMES[index]}"
            big.write_bytes(b"# " + b"x" * (1024 * 1024 + 10) + b"\n")
            path.symlink_to(big)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        path.rmdir()
    elif path.exists() or path.is_symlink():
        path.unlink()


def _replace(path: Path, text: str) -> None:
    _remove(path)
    path.write_text(text, encoding="utf-8")


def _tree(top: Path, leave_out: tuple[str, ...] = ()) -> dict[str, str]:
    """Every entry under top, hashed; links and special files by what they are, never read."""
    out: dict[str, str] = {}
    for path in sorted(top.rglob("*")):
        key = path.relative_to(top).as_posix()
        if any(key == part or key.startswith(part + "/") for part in leave_out):
            continue
        if path.is_symlink():
            out[key] = "link:" + os.readlink(path)
        elif path.is_file():
            out[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[key] = "folder" if path.is_dir() else "special"
    return out


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError("a command hung")


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _gga(*args: str) -> tuple[int, str, str]:
    """Run one command as the entry point does: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["gga", *args]
    code: object = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _deadline(60):
            main()
    except SystemExit as exit_:
        code = exit_.code
    finally:
        sys.argv = argv
    return (code if isinstance(code, int) else 0 if code is None else 1), out.getvalue(), err.getvalue()


def _commands(root: Path) -> list[tuple[list[str], tuple[str, ...] | None]]:
    """Each command, and what it may change under the example's folder: a path prefix
    (relative to it), or None for a command that may change nothing."""
    case = str(root / CASE)
    on = ["--today", TODAY]
    cache = ("caseload/.gga",)  # show, the Markdown handover and the genogram are kept in the one-case cache there
    may_record = ("caseload/" + CASE,)
    return [
        (["check", str(root), *on], None),
        (["check", str(root), "--format", "github", "--strict", *on], None),
        (["status", str(root), *on], cache),
        (["status", str(root), "--format", "json", *on], cache),
        (["show", "--case", case, *on], cache),
        (["agenda", str(root), "--days", "10000000", *on], None),
        (["score", "5", "--note", "rustig \u202e", "--case", case, *on], may_record),
        (["contact", "phone", "--with", "els", "--case", case, *on], may_record),
        (["phase", "next", "--case", case, *on], may_record),
        (["close", "--reason", "verhuisd", "--case", case, *on], may_record),
        (["handover", "--draft", "--case", case, *on], cache),
        (["handover", "--draft", "--to", "jeugdteam", "--case", case, *on], cache),
        (["genogram", "--case", case, *on], cache),
        (["rules"], None),
        (["schema", "--check", "--out", str(root / "schemas")], None),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(signal, "SIGALRM"), reason="FIFOs and alarms are POSIX")
@settings(max_examples=30, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(attacks=st.lists(ATTACKS, min_size=1, max_size=4), toml=SETTINGS_STRATEGY, linked=st.booleans())
def test_every_command_survives_hostile_case_folders_and_settings(tmp_path: Path, attacks: list[Attack], toml: str, linked: bool) -> None:
    top = Path(tempfile.mkdtemp(dir=tmp_path))
    root, outside = top / "caseload", top / "outside"
    folder = root / CASE
    folder.mkdir(parents=True)
    outside.mkdir()
    (root / "gga.toml").write_text(toml, encoding="utf-8")
    for name, text in cb.clean(3).items():
        (folder / name).write_text(text, encoding="utf-8")
    if linked:  # a second case, linked in from outside the caseload
        other = outside / "2026-0043"
        other.mkdir()
        for name, text in cb.clean(3).items():
            (other / name).write_text(text.replace("2026-0042", "2026-0043"), encoding="utf-8")
        (root / "cases" / "2026-0043").symlink_to(other)
    for attack in attacks:
        _attack(folder, outside, attack)
    for args, may_change in _commands(root):
        before = _tree(top, may_change or ())
        code, _, err = _gga(*args)
        assert code in (0, 1, 2), (args, code, err)
        assert "Traceback" not in err, (args, err)
        assert _tree(top, may_change or ()) == before, args
