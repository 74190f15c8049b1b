"""gga's filter process spoken to as git speaks to it (pkt-lines over pipes): smudges delayed
and decrypted in worker processes, handed back when git asks what is ready; the answers
byte for byte those of the one-at-a-time filter; a file no key opens or that is broken
reported as git expects."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyrage

from crypthelp import GIT_ENV, Key, make_key
from gga_cli.crypt import pktline


@dataclass
class Git:
    """The git side of the long-running filter protocol, for one filter process."""

    process: subprocess.Popen[bytes]
    capabilities: list[bytes] = field(default_factory=list)

    @property
    def to(self) -> IO[bytes]:
        assert self.process.stdin is not None
        return self.process.stdin

    @property
    def back(self) -> IO[bytes]:
        assert self.process.stdout is not None
        return self.process.stdout

    def handshake(self, offered: list[str]) -> None:
        pktline.write_list(self.to, ["git-filter-client", "version=2"])
        pktline.write_list(self.to, offered)
        self.to.flush()
        assert pktline.read_list(self.back) == [b"git-filter-server", b"version=2"]
        self.capabilities = pktline.read_list(self.back)

    def request(self, headers: list[str], content: bytes | None) -> list[bytes]:
        pktline.write_list(self.to, headers)
        if content is not None:
            pktline.write_content(self.to, content)
        self.to.flush()
        return pktline.read_list(self.back)

    def answer(self) -> bytes:
        data = pktline.read_content(self.back)
        assert pktline.read_list(self.back) == []  # the status stays as it was
        return data

    def close(self) -> str:
        self.to.close()
        assert self.process.stderr is not None
        errors = self.process.stderr.read().decode()
        assert self.process.wait(timeout=60) == 0, errors
        return errors


def start(top: Path, key: Key, jobs: int, held: int | None = None) -> Git:
    serve = ("import sys; from pathlib import Path; from gga_cli.crypt import process; "
             + (f"process.Delayed.HELD = {held}; " if held is not None else "")
             + f"process.serve(sys.stdin.buffer, sys.stdout.buffer, Path.cwd(), jobs={jobs})")
    process = subprocess.Popen([sys.executable, "-c", serve], cwd=top, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, **key.env()})
    return Git(process)


def repository(tmp_path: Path) -> Path:
    top = tmp_path / "repo"
    top.mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=top, check=True, env={**os.environ, **GIT_ENV})
    return top


def files(key: Key, count: int) -> dict[str, tuple[bytes, bytes]]:
    """Case files: path -> (plaintext, age file for the key)."""
    made = {}
    for n in range(count):
        plain = f"- {{date: 2026-11-{1 + n % 28:02d}, score: {1 + n % 10}, note: \"Sjors {n} 🌱\"}}\n".encode() * (1 + n % 7)
        made[f"cases/2026-{n:04d}/scores.yaml"] = (plain, bytes(pyrage.encrypt(plain, [key.identity.to_public()])))
    return made


def checkout(git: Git, wanted: dict[str, bytes]) -> tuple[dict[str, bytes], list[bytes]]:
    """Smudge every file as a checkout does: delayed where the filter may, then fetched as
    the filter names them ready. Returns the answers and the statuses of the fetches."""
    got: dict[str, bytes] = {}
    delayed = []
    for path, data in wanted.items():
        status = git.request(["command=smudge", f"pathname={path}", "can-delay=1"], data)
        if status == [b"status=delayed"]:
            delayed.append(path)
        else:
            assert status == [b"status=success"], status
            got[path] = git.answer()
    statuses: list[bytes] = []
    while b"capability=delay" in git.capabilities:  # git asks only a filter that may delay
        listed = git.request(["command=list_available_blobs"], None)
        assert pktline.read_list(git.back) == [b"status=success"]
        if not listed:
            break
        for line in listed:
            path = line.removeprefix(b"pathname=").decode()
            status = git.request(["command=smudge", f"pathname={path}"], b"")
            statuses.append(status[0])
            if status == [b"status=success"]:
                got[path] = git.answer()
            delayed.remove(path)
    assert delayed == [], "every delayed file is named ready before the filter says it is done"
    return got, statuses


def test_delayed_smudges_come_back_decrypted_byte_for_byte(tmp_path: Path) -> None:
    key = make_key(tmp_path / "keys", "worker")
    made = files(key, 120)
    git = start(repository(tmp_path), key, jobs=2)
    git.handshake(["capability=clean", "capability=smudge", "capability=delay"])
    assert b"capability=delay" in git.capabilities
    got, statuses = checkout(git, {path: age for path, (_, age) in made.items()})
    git.close()
    assert set(statuses) == {b"status=success"}
    assert got == {path: plain for path, (plain, _) in made.items()}


def test_one_process_never_delays_and_answers_the_same(tmp_path: Path) -> None:
    key = make_key(tmp_path / "keys", "worker")
    made = files(key, 12)
    git = start(repository(tmp_path), key, jobs=1)
    git.handshake(["capability=clean", "capability=smudge", "capability=delay"])
    assert b"capability=delay" not in git.capabilities
    got, statuses = checkout(git, {path: age for path, (_, age) in made.items()})
    git.close()
    assert statuses == []
    assert got == {path: plain for path, (plain, _) in made.items()}


def test_without_a_key_nothing_is_delayed_and_the_age_files_stay_as_they_are(tmp_path: Path) -> None:
    key = make_key(tmp_path / "keys", "worker")
    made = files(key, 5)
    nobody = Key(tmp_path / "no-such-key.txt", key.public, key.identity)
    git = start(repository(tmp_path), nobody, jobs=2)
    git.handshake(["capability=clean", "capability=smudge", "capability=delay"])
    assert b"capability=delay" not in git.capabilities
    got, _ = checkout(git, {path: age for path, (_, age) in made.items()})
    git.close()
    assert got == {path: age for path, (_, age) in made.items()}


def test_files_no_key_opens_come_back_as_they_are_as_from_the_one_process_filter(tmp_path: Path) -> None:
    key = make_key(tmp_path / "keys", "worker")
    other = make_key(tmp_path / "keys", "other")
    made = {path: age for path, (_, age) in files(key, 30).items()}
    foreign = bytes(pyrage.encrypt(b"- {date: 2026-11-02, score: 4}\n", [other.identity.to_public()]))
    made["cases/2026-9998/scores.yaml"] = foreign
    made["cases/2026-9999/scores.yaml"] = made["cases/2026-0001/scores.yaml"][:-40]  # cut short
    answers = []
    for jobs in (2, 1):
        git = start(repository(tmp_path / f"jobs-{jobs}"), key, jobs=jobs)
        git.handshake(["capability=clean", "capability=smudge", "capability=delay"])
        got, statuses = checkout(git, made)
        git.close()
        assert set(statuses) <= {b"status=success"}
        answers.append(got)
    delayed, one_by_one = answers
    assert delayed == one_by_one
    assert delayed["cases/2026-9998/scores.yaml"] == foreign
    assert delayed["cases/2026-9999/scores.yaml"] == made["cases/2026-9999/scores.yaml"]
    assert delayed["cases/2026-0000/scores.yaml"].startswith(b"- {date: 2026-11-01")


def test_the_plaintext_hashes_live_in_the_git_folder_of_a_repository_and_of_a_linked_worktree(tmp_path: Path) -> None:
    from gga_cli.crypt.process import Known

    top = repository(tmp_path)
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "start"],
                   cwd=top, check=True, env=env)
    subprocess.run(["git", "worktree", "add", "-q", str(tmp_path / "linked")], cwd=top, check=True, env=env)
    for where in (top, tmp_path / "linked"):
        git_dir = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=where, capture_output=True, text=True,
                                 check=True, env=env).stdout.strip()
        assert Known(where).file == Path(git_dir) / "gga-crypt" / "plain-hashes"


def test_past_the_bytes_it_may_hold_the_filter_answers_at_once_and_nothing_is_lost(tmp_path: Path) -> None:
    key = make_key(tmp_path / "keys", "worker")
    made = files(key, 60)
    git = start(repository(tmp_path), key, jobs=2, held=4_000)
    git.handshake(["capability=clean", "capability=smudge", "capability=delay"])
    got, statuses = checkout(git, {path: age for path, (_, age) in made.items()})
    git.close()
    assert 0 < len(statuses) < len(made)  # some delayed, the rest answered at once
    assert got == {path: plain for path, (plain, _) in made.items()}


def test_a_delayed_file_that_fails_to_decrypt_is_that_files_error_and_the_others_come_back(tmp_path: Path) -> None:
    # a worker's decryption failing otherwise than for want of a key (a fault in the age
    # library, say): git hears "error" for that file alone, and the filter goes on serving
    key = make_key(tmp_path / "keys", "worker")
    made = {path: age for path, (_, age) in files(key, 30).items()}
    broken = "cases/2026-0007/scores.yaml"
    top = repository(tmp_path)
    fault = ("import hashlib, sys; from pathlib import Path; from gga_cli.crypt import keys, process\n"
             "opened = keys.decrypt\n"
             "def decrypt(data, identities=None):\n"
             f"    if hashlib.sha256(data).hexdigest() == {hashlib.sha256(made[broken]).hexdigest()!r}:\n"
             "        raise RuntimeError('the age library failed')\n"
             "    return opened(data, identities)\n"
             "process.decrypt = decrypt\n"
             "process.serve(sys.stdin.buffer, sys.stdout.buffer, Path.cwd(), jobs=2)\n")
    git = Git(subprocess.Popen([sys.executable, "-c", fault], cwd=top, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, **key.env()}))
    git.handshake(["capability=clean", "capability=smudge", "capability=delay"])
    assert b"capability=delay" in git.capabilities
    got, statuses = checkout(git, made)
    errors = git.close()
    assert sorted(statuses) == sorted([b"status=success"] * 29 + [b"status=error"])
    assert broken not in got and len(got) == 29
    assert all(plain.startswith(b"- {date: 2026-11-") for plain in got.values())
    assert f"gga: {broken}: niet ontsleuteld: the age library failed" in errors
