"""age identities (the worker's secret key) and recipients (the caseload's public keys).

The identity file is found as SOPS finds it, so one key serves both: GGA_AGE_KEY_FILE,
else SOPS_AGE_KEY_FILE, else <config>/sops/age/keys.txt. A passphrase-protected identity
file (made with `age -p`) is opened with GGA_AGE_PASSPHRASE or, on a terminal, a prompt.
All cryptography is age's (pyrage): gga only chooses keys and files.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from gga_cli.crypt.guard import is_age

if TYPE_CHECKING:
    from pyrage import x25519

RECIPIENTS = ".gga-recipients"
WORKER = "worker"
ESCROW = "escrow"


class KeyProblem(Exception):
    """A key or recipients file that cannot be used: the message says which and why."""


def key_file() -> Path:
    """Where the identity is looked for (it may not exist)."""
    for variable in ("GGA_AGE_KEY_FILE", "SOPS_AGE_KEY_FILE"):
        value = os.environ.get(variable)
        if value:
            return Path(value).expanduser()
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "sops" / "age" / "keys.txt"


def _passphrase(path: Path) -> str | None:
    given = os.environ.get("GGA_AGE_PASSPHRASE")
    if given is not None:
        return given
    try:
        import getpass

        with open("/dev/tty"):  # noqa: SIM115 - only asks whether there is a terminal to prompt on
            pass
        return getpass.getpass(f"wachtwoord van {path}: ")
    except (OSError, EOFError):
        return None


def identities() -> tuple[x25519.Identity, ...]:
    """The worker's age identities; empty where there is no usable key file. Read once for
    each key file (its path and state) and passphrase the environment names now: a caller
    that runs many commands in one process (a test, an editor plugin) gets the key of each."""
    path = key_file()
    try:
        seen = path.stat()
    except OSError:
        return ()
    return _identities(str(path), (seen.st_ino, seen.st_size, seen.st_mtime_ns), os.environ.get("GGA_AGE_PASSPHRASE"))


@cache
def _identities(name: str, _state: tuple[int, int, int], _given: str | None) -> tuple[x25519.Identity, ...]:
    import pyrage
    from pyrage import x25519

    path = Path(name)
    try:
        raw = path.read_bytes()
    except OSError:
        return ()
    if is_age(raw):
        secret = _passphrase(path)
        if secret is None:
            return ()
        try:
            raw = pyrage.passphrase.decrypt(raw, secret)
        except pyrage.DecryptError:
            return ()
    found = []
    for line in raw.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-"):
            try:
                found.append(x25519.Identity.from_str(line))
            except Exception:  # noqa: BLE001 - pyrage raises its own error types for a bad key
                continue
    return tuple(found)


class NoKey(Exception):
    """The data is an age file no identity of this worker opens."""


def decrypt(data: bytes, keys: tuple[x25519.Identity, ...] | None = None) -> bytes:
    """The plaintext of an age file; NoKey where no identity opens it (`keys`: the
    identities, where the caller has them at hand for many files)."""
    import pyrage

    keys = identities() if keys is None else keys
    if not keys:
        raise NoKey
    try:
        return bytes(pyrage.decrypt(data, list(keys)))
    except pyrage.DecryptError:
        raise NoKey from None


def encrypt(plaintext: bytes, recipients: list[str]) -> bytes:
    """A fresh age file of `plaintext` for every recipient (binary, as `age -r ... -o` writes)."""
    import pyrage
    from pyrage import x25519

    return bytes(pyrage.encrypt(plaintext, [x25519.Recipient.from_str(r) for r in recipients]))


def valid_recipient(key: str) -> bool:
    from pyrage import x25519

    try:
        x25519.Recipient.from_str(key)
    except Exception:  # noqa: BLE001 - pyrage raises its own error types for a bad key
        return False
    return key.startswith("age1")


class Recipient(NamedTuple):  # not a dataclass: git's filter process starts without importing dataclasses
    key: str
    role: str  # WORKER or ESCROW


HEADER = """\
# Recipients of this caseload's case files: age public keys, one a line, each under a
# comment naming its role (worker or escrow). gga encrypts every file under cases/ for
# all of them; `age -d -i KEY` reads any file of the repository without gga.
"""


def read_recipients(root: Path) -> list[Recipient]:
    """The caseload's recipients, from .gga-recipients; a key's role is the comment above it."""
    path = root / RECIPIENTS
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise KeyProblem(f"{RECIPIENTS} ontbreekt in {root}: geen versleutelde caseload (gga init --encrypt)") from None
    return parse_recipients(text)


def parse_recipients(text: str) -> list[Recipient]:
    """The recipients a .gga-recipients text names (KeyProblem at a line that is no key)."""
    found: list[Recipient] = []
    role = WORKER
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            word = line.lstrip("#").strip().split(":")[0].strip().lower()
            if word in (WORKER, ESCROW):
                role = word
            continue
        if not valid_recipient(line):
            raise KeyProblem(f"{RECIPIENTS}:{number}: geen age public key: {line[:20]}")
        found.append(Recipient(line, role))
        role = WORKER
    return found


def recipients_text(recipients: list[Recipient]) -> str:
    lines = [HEADER]
    for r in recipients:
        lines.append(f"# {r.role}\n{r.key}\n")
    return "\n".join(lines)


def usable(recipients: list[Recipient]) -> list[str]:
    """The keys to encrypt for; KeyProblem where there is no worker or no escrow recipient."""
    if not any(r.role == ESCROW for r in recipients):
        raise KeyProblem(f"{RECIPIENTS}: geen escrow-sleutel van de organisatie; gga versleutelt niet zonder")
    if not any(r.role == WORKER for r in recipients):
        raise KeyProblem(f"{RECIPIENTS}: geen sleutel van een medewerker")
    return [r.key for r in recipients]
