"""Making and changing an encrypted caseload: what `gga init --encrypt`, `gga crypt setup`
and `gga keys` do, below their command lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gga_cli.crypt import gitsetup
from gga_cli.crypt.guard import Encrypted
from gga_cli.crypt.keys import ESCROW, RECIPIENTS, WORKER, KeyProblem, Recipient, parse_recipients, read_recipients, recipients_text, usable, valid_recipient


def _checked(keys: list[str]) -> None:
    for key in keys:
        if not valid_recipient(key):
            raise KeyProblem(f"geen age public key (age1...): {key[:24]}")


def _write_recipients(root: Path, recipients: list[Recipient]) -> None:
    from gga_cli.atomic import write_text

    usable(recipients)
    write_text(root / RECIPIENTS, recipients_text(recipients))


def encrypt_new(root: Path, workers: list[str], escrow: list[str]) -> list[Path]:
    """Make `root` (a caseload just made) an encrypted one: recipients, attributes, git config."""
    recipients = [Recipient(k, WORKER) for k in workers] + [Recipient(k, ESCROW) for k in escrow]
    _write_recipients(root, recipients)
    gitsetup.add_attributes(root)
    gitsetup.configure(root)
    return [root / RECIPIENTS]


def check_new(root: Path, workers: list[str], escrow: list[str]) -> None:
    """Refuse before anything is written: no worker or escrow key, a bad key, or a folder
    inside another repository (an encrypted caseload is its repository's root)."""
    _checked(workers + escrow)
    usable([Recipient(k, WORKER) for k in workers] + [Recipient(k, ESCROW) for k in escrow])
    try:
        top = gitsetup.top_of(root) if root.exists() else None
    except gitsetup.GitProblem:
        top = None
    if top is not None and top.resolve() != root.resolve():
        raise KeyProblem(f"{root} ligt in de git-repository {top}: een versleutelde caseload is zelf de wortel van zijn repository")


@dataclass(frozen=True)
class Setup:
    checked_out: int


def setup(root: Path) -> Setup:
    """Configure this clone of an encrypted caseload and check its files out as plaintext.
    Refuses (Encrypted, naming the file) where this worker's key opens none of them.

    A clone made with `--no-checkout` (to check out only some cases, say) has no
    .gga-recipients in its working tree yet: HEAD's is read, and the checkout that follows
    decrypts as it writes."""
    if not (root / RECIPIENTS).exists():
        try:
            committed = gitsetup.committed_file(gitsetup.top_of(root), RECIPIENTS)
        except gitsetup.GitProblem:
            committed = None
        if committed is None:
            read_recipients(root)  # refuses: no encrypted caseload here
        else:
            parse_recipients(committed.decode("utf-8", "replace"))
    else:
        read_recipients(root)
    top = gitsetup.top_of(root)
    locked = gitsetup.first_locked(top)
    if locked is not None:
        raise Encrypted(locked)
    gitsetup.configure(top)
    return Setup(gitsetup.checkout_plain(top))


def add(root: Path, key: str, role: str) -> int:
    """Add a recipient and encrypt the staged tree again for all; returns the files re-encrypted."""
    _checked([key])
    recipients = read_recipients(root)
    if any(r.key == key for r in recipients):
        raise KeyProblem(f"{key[:24]}... is al een ontvanger")
    return _change(root, [*recipients, Recipient(key, role)])


def remove(root: Path, key: str) -> int:
    """Remove a recipient and encrypt the staged tree again for the rest."""
    recipients = read_recipients(root)
    left = [r for r in recipients if r.key != key]
    if len(left) == len(recipients):
        raise KeyProblem(f"{key[:24]}... is geen ontvanger van deze caseload")
    return _change(root, left)


def _change(root: Path, recipients: list[Recipient]) -> int:
    keys = usable(recipients)
    top = gitsetup.top_of(root)
    old = (root / RECIPIENTS).read_bytes()
    _write_recipients(root, recipients)
    try:
        return gitsetup.reencrypt(top, keys)
    except BaseException:
        from gga_cli.atomic import write_bytes

        write_bytes(root / RECIPIENTS, old)
        raise
