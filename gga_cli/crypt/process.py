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
    """The repository's blobs by name (`:path`, `HEAD:path`), through one `git cat-file --batch`."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self._process: subprocess.Popen[bytes] | None = None

    def get(self, name: str) -> bytes | None:
        if "\n" in name:
            return None
        if self._process is None:
            self._process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.top, stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE)
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(name.encode() + b"\n")
        self._process.stdin.flush()
        header = self._process.stdout.readline().split()
        if len(header) != 3:
            return None
        data = self._process.stdout.read(int(header[2]) + 1)[:-1]
        return data if header[1] == b"blob" else None

    def close(self) -> None:
        if self._process is not None and self._process.stdin is not None:
            self._process.stdin.close()
            self._process.wait()


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


def clean(path: str, data: bytes, blobs: Blobs, recipients: Recipients) -> bytes:
    if is_age(data):
        return data
    for name in (f":{path}", f"HEAD:{path}"):
        old = blobs.get(name)
        if old is None:
            continue
        if is_age(old):
            try:
                if decrypt(old) == data:
                    return old
            except NoKey:
                pass
        break
    return encrypt(data, recipients.keys())


def smudge(data: bytes) -> bytes:
    if not is_age(data):
        return data
    try:
        return decrypt(data)
    except NoKey:
        return data


def _handshake(inp: BinaryIO, out: BinaryIO) -> None:
    if pktline.read_list(inp) != [b"git-filter-client", b"version=2"]:
        raise pktline.ProtocolError("not git's filter protocol version 2")
    pktline.write_list(out, ["git-filter-server", "version=2"])
    offered = pktline.read_list(inp)
    pktline.write_list(out, [c.decode() for c in offered if c in (b"capability=clean", b"capability=smudge")])
    out.flush()


def serve(inp: BinaryIO, out: BinaryIO, top: Path) -> None:
    """Answer git's requests until it closes the pipe."""
    blobs, recipients = Blobs(top), Recipients(top)
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
                    result = clean(path, data, blobs, recipients)
                elif command == b"smudge":
                    result = smudge(data)
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


def main() -> None:
    try:
        serve(sys.stdin.buffer, sys.stdout.buffer, Path.cwd())
    except (pktline.ProtocolError, EOFError, BrokenPipeError) as err:
        sys.stderr.write(f"gga: filter: {err or 'git closed the pipe'}\n")
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
