"""git's long-running filter for an encrypted caseload: one process for every file of a
git command (`filter.gga.process`), cleaning to age files and smudging back to plaintext.

Clean is deterministic without a nonce of gga's own: where the plaintext equals what the
file's blob in the index (else HEAD) decrypts to, the blob itself is handed back, so an
unchanged file never gets new ciphertext and `git status` stays empty. A file that is an
age file already (a checkout without a key, or one written by `age`) passes unchanged.
Smudge without a key leaves the age file as it is: no key, no plaintext.

Run by git as `python -m gga_cli.crypt.process`; `gga crypt setup` writes that line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

from gga_cli.crypt import pktline
from gga_cli.crypt.guard import is_age
from gga_cli.crypt.keys import NoKey, decrypt, encrypt, read_recipients, usable


class Blobs:
    """The repository's blobs by name (`:path`, `HEAD:path`), through one `git cat-file --batch-command`."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self._process: subprocess.Popen[bytes] | None = None

    def _ask(self, command: str, name: str) -> list[bytes]:
        if self._process is None:
            self._process = subprocess.Popen(["git", "cat-file", "--batch-command"], cwd=self.top, stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE)
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(f"{command} {name}\n".encode())
        self._process.stdin.flush()
        return self._process.stdout.readline().split()

    def get(self, name: str) -> tuple[str, bytes] | None:
        """A blob's id and bytes by name; None where there is none."""
        if "\n" in name:
            return None
        header = self._ask("contents", name)
        if len(header) != 3:
            return None
        assert self._process is not None and self._process.stdout is not None
        data = self._process.stdout.read(int(header[2]) + 1)[:-1]
        return (header[0].decode(), data) if header[1] == b"blob" else None

    def close(self) -> None:
        if self._process is not None and self._process.stdin is not None:
            self._process.stdin.close()
            self._process.wait()


class Known:
    """What each age blob decrypts to, as a hash: blob id -> BLAKE2b of its plaintext.

    After a checkout, git asks the clean filter again about every file written in the same
    second as its index ("racily clean"). Decrypting each blob to compare costs about a
    millisecond a file; a hash of the plaintext learned when the blob was smudged or made
    answers in microseconds. The hashes live in the repository's own .git folder, next to the
    plaintext working tree they describe, and never enter the object store.
    """

    LIMIT = 200_000  # entries kept; older ones are forgotten (it is a cache)

    def __init__(self, top: Path) -> None:
        self.top = top
        self.hashes: dict[str, str] = {}
        self.changed = False
        self._file: Path | None = None

    @property
    def file(self) -> Path:
        if self._file is None:
            found = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=self.top, capture_output=True, text=True)
            self._file = Path(found.stdout.strip() or ".git") / "gga-crypt" / "plain-hashes"
            try:
                for line in self._file.read_text(encoding="ascii").splitlines():
                    oid, _, digest = line.partition(" ")
                    self.hashes[oid] = digest
            except (OSError, UnicodeDecodeError):
                pass
        return self._file

    def get(self, oid: str) -> str | None:
        _ = self.file
        return self.hashes.get(oid)

    def put(self, oid: str, plaintext: bytes) -> None:
        _ = self.file
        self.hashes[oid] = digest(plaintext)
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        import os

        entries = list(self.hashes.items())[-self.LIMIT:]
        self.file.parent.mkdir(exist_ok=True)
        scratch = self.file.with_name(f"plain-hashes.{os.getpid()}")
        scratch.write_text("".join(f"{oid} {d}\n" for oid, d in entries), encoding="ascii")
        os.replace(scratch, self.file)


def digest(plaintext: bytes) -> str:
    import hashlib

    return hashlib.blake2b(plaintext, digest_size=20).hexdigest()


def blob_id(data: bytes) -> str:
    """The id git gives a blob of these bytes (SHA-1 repositories, git's default)."""
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


class Recipients:
    """The caseload's recipient keys, read again only when .gga-recipients changes."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self._seen: tuple[int, int] | None = None
        self._keys: list[str] = []

    def keys(self) -> list[str]:
        from gga_cli.crypt.keys import RECIPIENTS

        stat = (self.top / RECIPIENTS).stat()
        if (stat.st_mtime_ns, stat.st_size) != self._seen:
            self._keys = usable(read_recipients(self.top))
            self._seen = (stat.st_mtime_ns, stat.st_size)
        return self._keys


def clean(path: str, data: bytes, blobs: Blobs, recipients: Recipients, known: Known) -> bytes:
    if is_age(data):
        return data
    for name in (f":{path}", f"HEAD:{path}"):
        found = blobs.get(name)
        if found is None:
            continue
        oid, old = found
        if known.get(oid) == digest(data):
            return old
        if is_age(old):
            try:
                if decrypt(old) == data:
                    known.put(oid, data)
                    return old
            except NoKey:
                pass
        break
    fresh = encrypt(data, recipients.keys())
    known.put(blob_id(fresh), data)
    return fresh


def smudge(data: bytes, oid: str | None, known: Known) -> bytes:
    if not is_age(data):
        return data
    try:
        plaintext = decrypt(data)
    except NoKey:
        return data
    if oid:
        known.put(oid, plaintext)
    return plaintext


def _handshake(inp: BinaryIO, out: BinaryIO) -> None:
    if pktline.read_list(inp) != [b"git-filter-client", b"version=2"]:
        raise pktline.ProtocolError("not git's filter protocol version 2")
    pktline.write_list(out, ["git-filter-server", "version=2"])
    offered = pktline.read_list(inp)
    pktline.write_list(out, [c.decode() for c in offered if c in (b"capability=clean", b"capability=smudge")])
    out.flush()


def serve(inp: BinaryIO, out: BinaryIO, top: Path) -> None:
    """Answer git's requests until it closes the pipe."""
    blobs, recipients, known = Blobs(top), Recipients(top), Known(top)
    _handshake(inp, out)
    try:
        while True:
            try:
                headers = dict(line.split(b"=", 1) for line in pktline.read_list(inp) if b"=" in line)
            except EOFError:
                return
            data = pktline.read_content(inp)
            command, path = headers.get(b"command", b""), headers.get(b"pathname", b"").decode("utf-8", "replace")
            try:
                if command == b"clean":
                    result = clean(path, data, blobs, recipients, known)
                elif command == b"smudge":
                    result = smudge(data, headers.get(b"blob", b"").decode() or None, known)
                else:
                    raise pktline.ProtocolError(f"unknown command {command.decode(errors='replace')}")
            except Exception as err:  # noqa: BLE001 - git must hear "error" and fail, never store plaintext
                sys.stderr.write(f"gga: {path}: niet versleuteld: {err}\n")
                pktline.write_list(out, ["status=error"])
                out.flush()
                continue
            pktline.write_list(out, ["status=success"])
            pktline.write_content(out, result)
            pktline.flush(out)  # an empty list: the status stays "success"
            out.flush()
    finally:
        blobs.close()
        known.save()


def main() -> None:
    try:
        serve(sys.stdin.buffer, sys.stdout.buffer, Path.cwd())
    except (pktline.ProtocolError, EOFError, BrokenPipeError) as err:
        sys.stderr.write(f"gga: filter: {err or 'git closed the pipe'}\n")
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
