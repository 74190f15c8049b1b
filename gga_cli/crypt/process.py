"""git's long-running filter for an encrypted caseload: one process for every file of a
git command (`filter.gga.process`), cleaning to age files and smudging back to plaintext.

Clean is deterministic without a nonce of gga's own: where the plaintext equals what the
file's blob in the index (else HEAD) decrypts to, the blob itself is handed back, so an
unchanged file never gets new ciphertext and `git status` stays empty. A file that is an
age file already (a checkout without a key, or one written by `age`) passes unchanged.
Smudge without a key leaves the age file as it is: no key, no plaintext.

A checkout smudges every file, and each age decryption costs about a quarter of a
millisecond of one processor (two X25519 operations a recipient stanza tried, measured
with pyrage). Where git offers its `delay` capability (a checkout does), the filter answers
"delayed" at once and decrypts in forked worker processes, one a processor, while git keeps
sending; git then asks which blobs are ready (`list_available_blobs`) and fetches them.

Run by git as `python -m gga_cli.crypt.process`; `gga crypt setup` writes that line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

from gga_cli.crypt import pktline
from gga_cli.crypt.guard import is_age
from gga_cli.crypt.keys import NoKey, decrypt, encrypt, identities, key_file, read_recipients, usable


def git_dir(top: Path) -> Path:
    """The repository's git folder, for the work tree at `top`."""
    found = top / ".git"
    # a linked worktree or a submodule (.git is a file naming the folder), or a git dir
    # given with --git-dir (git passes it on as GIT_DIR): git says where it is
    if "GIT_DIR" in os.environ or not found.is_dir():
        said = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=top, capture_output=True, text=True)
        found = Path(said.stdout.strip() or ".git")
    return found


_KINDS = frozenset({b"blob", b"tree", b"commit", b"tag"})


class Blobs:
    """The repository's blobs by name (`:path`, `HEAD:path`), through one `git cat-file --batch-command`.

    One filter process can outlive many states of the index: a rebase or a merge checks
    commits out and judges files against each, in one process. `git cat-file` reads the
    index once, when it starts, so it is started again whenever the index file changed.
    """

    def __init__(self, top: Path) -> None:
        self.top = top
        self._process: subprocess.Popen[bytes] | None = None
        self._index: Path | None = None
        self._seen: tuple[int, int, int] | None = None

    def _index_state(self) -> tuple[int, int, int] | None:
        if self._index is None:
            given = os.environ.get("GIT_INDEX_FILE")
            self._index = (self.top / given) if given else git_dir(self.top) / "index"
        try:
            seen = self._index.stat()
        except OSError:
            return None
        return (seen.st_ino, seen.st_size, seen.st_mtime_ns)

    def _ask(self, command: str, name: str) -> list[bytes]:
        """cat-file's header line for `command name`, split at its spaces."""
        state = self._index_state()
        if self._process is not None and state != self._seen:
            # not closed and waited for: a forked decryption worker may hold its pipe open
            self._process.kill()
            self._process.wait()
            self._process = None
        if self._process is None:
            self._seen = state
            self._process = subprocess.Popen(["git", "cat-file", "--batch-command"], cwd=self.top, stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE)
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(f"{command} {name}\n".encode("utf-8", "surrogateescape"))
        self._process.stdin.flush()
        return self._process.stdout.readline().split()

    def get(self, name: str) -> tuple[str, bytes] | None:
        """A blob's id and bytes by name; None where there is none."""
        if "\n" in name:
            return None
        header = self._ask("contents", name)
        # "<id> <type> <size>" where it is found; else "<name> missing", and a name may hold spaces
        if len(header) != 3 or not header[2].isdigit() or header[1] not in _KINDS:
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
            self._file = git_dir(self.top) / "gga-crypt" / "plain-hashes"
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
        self.put_digest(oid, digest(plaintext))

    def put_digest(self, oid: str, plain_digest: str) -> None:
        _ = self.file
        self.hashes[oid] = plain_digest
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
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


class Made:
    """The age files this filter process made, by their plaintext's hash and recipients.

    `git commit PATH` cleans a changed file twice in one process, for a temporary index and
    for the index itself; two fresh encryptions would leave the index holding another blob
    than the commit, and `git status` showing the file as staged. A file cleaned again gets
    the blob made the first time. Only this process's own: a blob made earlier may be for
    recipients removed since."""

    LIMIT = 64 << 20  # bytes of age files kept, at most

    def __init__(self) -> None:
        self.blobs: dict[tuple[str, tuple[str, ...]], bytes] = {}
        self.size = 0

    def get(self, plain_digest: str, keys: list[str]) -> bytes | None:
        return self.blobs.get((plain_digest, tuple(keys)))

    def put(self, plain_digest: str, keys: list[str], blob: bytes) -> None:
        if self.size + len(blob) <= self.LIMIT:
            self.blobs[(plain_digest, tuple(keys))] = blob
            self.size += len(blob)


def clean(path: str, data: bytes, blobs: Blobs, recipients: Recipients, known: Known, made: Made) -> bytes:
    if is_age(data):
        return data
    plain = digest(data)
    for name in (f":{path}", f"HEAD:{path}"):
        found = blobs.get(name)
        if found is None:
            continue
        oid, old = found
        if known.get(oid) == plain:
            return old
        if is_age(old):
            try:
                if decrypt(old) == data:
                    known.put_digest(oid, plain)
                    return old
            except NoKey:
                pass
        break
    keys = recipients.keys()
    fresh = made.get(plain, keys)
    if fresh is None:
        fresh = encrypt(data, keys)
        made.put(plain, keys, fresh)
    known.put_digest(blob_id(fresh), plain)
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


def _opened(blobs: list[bytes]) -> list[tuple[bytes, str | None] | str]:
    """In a worker: each age file's plaintext and its hash (for `Known`), the file itself
    where no key opens it (as `smudge` does), or the error's message."""
    done: list[tuple[bytes, str | None] | str] = []
    keys = identities()
    for data in blobs:
        try:
            plaintext = decrypt(data, keys)
            done.append((plaintext, digest(plaintext)))
        except NoKey:
            done.append((data, None))
        except Exception as err:  # noqa: BLE001 - reported to git as this file's error
            done.append(str(err) or type(err).__name__)
    return done


def _quiet() -> None:
    """A worker never touches git's pipes: only the filter itself speaks the protocol."""
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)


class Delayed:
    """Smudges git let the filter delay: decrypted in worker processes, handed over when git
    asks for what is ready. Blobs go out in batches, so that a worker's round trip is paid
    once for many files."""

    BATCH = 24
    HELD = 256 << 20
    """At most this many bytes of delayed files held at once (their age files, then their
    plaintext until git takes it); past it, a smudge is answered at once, in the filter."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.held = 0
        self._sizes: dict[bytes, int] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._batch: list[tuple[bytes, str | None, bytes]] = []  # path, blob id, age file
        self._running: dict[Future[list[tuple[bytes, str | None] | str]], list[tuple[bytes, str | None]]] = {}
        self._ready: dict[bytes, tuple[str | None, tuple[bytes, str | None] | str]] = {}
        self._listed: set[bytes] = set()

    def room(self, data: bytes) -> bool:
        return self.held + len(data) <= self.HELD

    def add(self, path: bytes, oid: str | None, data: bytes) -> None:
        self.held += len(data)
        self._sizes[path] = self._sizes.get(path, 0) + len(data)
        self._batch.append((path, oid, data))
        if len(self._batch) >= self.BATCH:
            self._send()

    def _send(self) -> None:
        if not self._batch:
            return
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            identities()  # read before the workers are forked: a passphrase is asked for once

            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"), initializer=_quiet)
        future = self._pool.submit(_opened, [data for _, _, data in self._batch])
        self._running[future] = [(path, oid) for path, oid, _ in self._batch]
        self._batch = []

    def available(self) -> list[bytes]:
        """Paths ready and not yet named to git, waiting for one batch if none is; empty once
        every delayed blob has been named (git then stops asking)."""
        from concurrent.futures import FIRST_COMPLETED, wait

        self._send()
        if self._running and not any(path not in self._listed for path in self._ready):
            done, _ = wait(self._running, return_when=FIRST_COMPLETED)
            for future in done:
                for (path, oid), result in zip(self._running.pop(future), future.result()):
                    self._ready[path] = (oid, result)
        fresh = [path for path in self._ready if path not in self._listed]
        self._listed.update(fresh)
        return fresh

    def take(self, path: bytes, known: Known) -> bytes | None:
        """The plaintext of a delayed blob git fetches now (None: no such blob was delayed);
        an error where it could not be decrypted."""
        found = self._ready.pop(path, None)
        if found is None:
            return None
        self._listed.discard(path)
        self.held -= self._sizes.pop(path, 0)
        oid, result = found
        if isinstance(result, str):
            raise ValueError(result)
        data, plain_digest = result
        if oid and plain_digest is not None:
            known.put_digest(oid, plain_digest)
        return data

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def _jobs() -> int:
    from gga_cli.pool import default_jobs

    return default_jobs()


def _handshake(inp: BinaryIO, out: BinaryIO, delay: bool) -> bool:
    """Agree on the capabilities; True where git will let smudges be delayed."""
    if pktline.read_list(inp) != [b"git-filter-client", b"version=2"]:
        raise pktline.ProtocolError("not git's filter protocol version 2")
    pktline.write_list(out, ["git-filter-server", "version=2"])
    offered = pktline.read_list(inp)
    wanted = (b"capability=clean", b"capability=smudge", *((b"capability=delay",) if delay else ()))
    chosen = [c for c in offered if c in wanted]
    pktline.write_list(out, [c.decode() for c in chosen])
    out.flush()
    return b"capability=delay" in chosen


def serve(inp: BinaryIO, out: BinaryIO, top: Path, jobs: int | None = None) -> None:
    """Answer git's requests until it closes the pipe (`jobs` worker processes decrypt the
    smudges git lets the filter delay; None: one a processor, 1: none)."""
    blobs, recipients, known, made = Blobs(top), Recipients(top), Known(top), Made()
    jobs = _jobs() if jobs is None else jobs
    # without a key file nothing is decrypted, so nothing is worth delaying (and a command
    # that only cleans, such as `git status`, never imports age)
    delayed = Delayed(jobs) if _handshake(inp, out, jobs > 1 and key_file().is_file()) else None
    try:
        while True:
            try:
                headers = dict(line.split(b"=", 1) for line in pktline.read_list(inp) if b"=" in line)
            except EOFError:
                return
            command, raw_path = headers.get(b"command", b""), headers.get(b"pathname", b"")
            data = b"" if command == b"list_available_blobs" else pktline.read_content(inp)  # the one request without content
            path = raw_path.decode("utf-8", "surrogateescape")  # a name not UTF-8 is still looked up byte for byte
            try:
                if command == b"list_available_blobs" and delayed is not None:
                    for ready in delayed.available():
                        pktline.write_packet(out, b"pathname=" + ready + b"\n")
                    pktline.flush(out)
                    pktline.write_list(out, ["status=success"])
                    out.flush()
                    continue
                oid = headers.get(b"blob", b"").decode() or None
                if command == b"smudge" and delayed is not None and headers.get(b"can-delay") == b"1" and is_age(data) \
                        and delayed.room(data):
                    delayed.add(raw_path, oid, data)
                    pktline.write_list(out, ["status=delayed"])
                    out.flush()
                    continue
                if command == b"clean":
                    result = clean(path, data, blobs, recipients, known, made)
                elif command == b"smudge":
                    taken = delayed.take(raw_path, known) if delayed is not None and not data else None
                    result = taken if taken is not None else smudge(data, oid, known)
                else:
                    raise pktline.ProtocolError(f"unknown command {command.decode(errors='replace')}")
            except Exception as err:  # noqa: BLE001 - git must hear "error" and fail, never store plaintext
                failed = "niet ontsleuteld" if command == b"smudge" else "niet versleuteld"
                sys.stderr.write(f"gga: {path}: {failed}: {err}\n")
                pktline.write_list(out, ["status=error"])
                out.flush()
                continue
            pktline.write_list(out, ["status=success"])
            pktline.write_content(out, result)
            pktline.flush(out)  # an empty list: the status stays "success"
            out.flush()
    finally:
        if delayed is not None:
            delayed.close()
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
