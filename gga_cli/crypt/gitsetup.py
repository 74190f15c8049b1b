"""The git side of an encrypted caseload: attributes, configuration, a plain checkout after
setup, and the tree encrypted again when the recipients change."""

from __future__ import annotations

import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from gga_cli.crypt.guard import Encrypted, is_age
from gga_cli.crypt.keys import RECIPIENTS, NoKey, decrypt, encrypt

CASES = "cases"

ATTRIBUTES = """\
# An encrypted caseload: every file under cases/ is an age file in the repository and plain
# in the working tree (`gga crypt setup` configures the filter in each clone). -text: git
# must never change a byte of the ciphertext; the merge driver merges scores and contacts
# by union after decrypting. The empty placeholder of a new caseload needs no key.
cases/** filter=gga diff=gga merge=gga -text
cases/.gitkeep -filter -diff -merge
"""


class GitProblem(Exception):
    """git is missing or refused; the message is git's last line."""


def git(top: Path, *args: str, input: bytes | None = None) -> bytes:
    done = subprocess.run(["git", *args], cwd=top, input=input, capture_output=True)
    if done.returncode != 0:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        raise GitProblem(f"git {args[0]}: " + (lines[-1] if lines else f"exit {done.returncode}"))
    return done.stdout


def top_of(folder: Path) -> Path:
    """The work tree holding `folder`."""
    try:
        return Path(git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except (GitProblem, OSError):
        raise GitProblem(f"{folder} is in no git repository") from None


def _python(module: str) -> str:
    return f"{shlex.quote(sys.executable)} -m gga_cli.crypt.{module}"


CONFIG = {
    "filter.gga.process": _python("process"),
    "filter.gga.required": "true",
    "diff.gga.textconv": _python("driver") + " textconv",
    "merge.gga.name": "gga: decrypt, merge (scores and contacts by union), encrypt",
    "merge.gga.driver": _python("driver") + " merge %O %A %B %P",
}


def configure(top: Path) -> None:
    """Write the filter, textconv and merge driver into the repository's git config."""
    for key, value in CONFIG.items():
        git(top, "config", key, value)


def add_attributes(top: Path) -> None:
    """Append the encryption lines to .gitattributes (after the union lines, so they win)."""
    path = top / ".gitattributes"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if ATTRIBUTES not in text:
        from gga_cli.atomic import write_text

        write_text(path, text + ("\n" if text and not text.endswith("\n\n") else "") + ATTRIBUTES)


def _name(raw: bytes) -> str:
    """A path as git gives it: bytes not UTF-8 (a name made on another system) kept as
    surrogates, as Python's own file functions keep them, so the file is still found."""
    return raw.decode("utf-8", "surrogateescape")


def _raw(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _records(listing: bytes) -> list[tuple[list[str], str]]:
    """(fields, path) of each record of a `-z` listing of git (`ls-files -s`, `ls-tree -r`)."""
    found = []
    for record in listing.split(b"\0"):
        if record:
            info, path = record.split(b"\t", 1)
            found.append((info.decode().split(), _name(path)))
    return found


def tracked(top: Path) -> list[tuple[str, str, str]]:
    """(mode, blob, path) of every stage-0 index entry under cases/."""
    listing = git(top, "ls-files", "-s", "-z", "--", CASES)
    return [(mode, blob, path) for (mode, blob, stage), path in _records(listing) if stage == "0"]


def committed(top: Path) -> list[tuple[str, str, str]]:
    """(mode, blob, path) of every file under cases/ in HEAD's tree: what a clone made with
    `--no-checkout` will check out (its index is still empty)."""
    listing = git(top, "ls-tree", "-r", "-z", "HEAD", "--", CASES)
    return [(mode, blob, path) for (mode, kind, blob), path in _records(listing) if kind == "blob"]


def committed_file(top: Path, name: str) -> bytes | None:
    """A file of HEAD's tree at the top of the repository; None where HEAD has none."""
    done = subprocess.run(["git", "cat-file", "blob", f"HEAD:{name}"], cwd=top, capture_output=True)
    return done.stdout if done.returncode == 0 else None


def _blobs(top: Path, blobs: list[str]) -> list[bytes]:
    out = git(top, "cat-file", "--batch", input="".join(b + "\n" for b in blobs).encode())
    found, at = [], 0
    for _ in blobs:
        end = out.index(b"\n", at)
        size = int(out[at:end].split()[2])
        found.append(out[end + 1:end + 1 + size])
        at = end + 2 + size
    return found


def first_locked(top: Path) -> str | None:
    """The first encrypted file under cases/ that no identity of this worker opens (in the
    index, else in HEAD's tree where nothing is checked out yet)."""
    entries = tracked(top) or committed(top)
    for (_, _, path), data in zip(entries, _blobs(top, [b for _, b, _ in entries]), strict=True):
        if is_age(data):
            try:
                decrypt(data)
            except NoKey:
                return path
            return None
    return None


def checkout_plain(top: Path) -> int:
    """Check out again every file under cases/ the working tree still holds encrypted
    (a clone made before the filter was configured); returns how many."""
    paths = []
    for _, _, path in tracked(top):
        file = top / path
        try:
            with file.open("rb") as handle:
                head = handle.read(64)
        except OSError:
            continue
        if is_age(head):
            paths.append(path)
    if not paths:
        return 0
    modified = set(_name(git(top, "diff", "--name-only", "-z", "--", *paths)).split("\0"))
    paths = [p for p in paths if p not in modified]
    for path in paths:
        (top / path).unlink()
    git(top, "checkout", "--pathspec-from-file", "-", "--pathspec-file-nul", "--", input=_raw("\0".join(paths)))
    return len(paths)


def reencrypt(top: Path, recipients: list[str]) -> int:
    """Encrypt every staged file under cases/ again for `recipients`, in the index only (the
    working tree stays as it is); returns how many. Encrypted where one cannot be opened:
    then nothing has changed."""
    entries, plain = [], []
    found = tracked(top)
    for entry, data in zip(found, _blobs(top, [b for _, b, _ in found]), strict=True):
        if not is_age(data):
            continue  # a file the filter leaves plain (the placeholder of cases/)
        try:
            plain.append(decrypt(data))
        except NoKey:
            raise Encrypted(entry[2]) from None
        entries.append(entry)
    if not entries:
        return 0
    git_dir = Path(git(top, "rev-parse", "--absolute-git-dir").decode().strip())
    with tempfile.TemporaryDirectory(prefix="gga-keys-", dir=git_dir) as scratch:
        names = []
        for number, text in enumerate(plain):
            name = Path(scratch) / str(number)
            name.write_bytes(encrypt(text, recipients))  # ciphertext only: never plaintext on disk here
            names.append(str(name))
        blobs = git(top, "hash-object", "-w", "--no-filters", "--stdin-paths", input="\n".join(names).encode()).decode().split()
    info = "".join(f"{mode} {blob}\t{path}\0" for (mode, _, path), blob in zip(entries, blobs, strict=True))
    git(top, "update-index", "-z", "--index-info", input=_raw(info))
    git(top, "add", "--", RECIPIENTS)
    return len(entries)
