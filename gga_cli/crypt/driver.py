"""git's merge driver and textconv for an encrypted caseload.

Merge (`merge.gga.driver`): base, ours and theirs are decrypted, merged as plain text
(scores.yaml and contacts.yaml by union, the way a plain caseload merges them; every other
file by git's three-way merge, with conflict markers that `gga check` reports as F004), and
the result is encrypted again for the caseload's recipients. The plaintexts are written
only inside the repository's own .git folder, and removed at once.

Textconv (`diff.gga.textconv`): an age file's plaintext on stdout, so `git diff` and
`git log -p` show text to a key holder. Never cached: `diff.gga.cachetextconv` would keep
the plaintext in git notes, inside the object store.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from gga_cli.crypt.guard import is_age
from gga_cli.crypt.keys import KeyProblem, NoKey, decrypt, encrypt, read_recipients, usable

UNION = ("scores.yaml", "contacts.yaml")


def _plain(data: bytes) -> bytes:
    return decrypt(data) if is_age(data) else data


def _git_dir(top: Path) -> Path:
    found = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=top, capture_output=True, text=True, check=True)
    return Path(found.stdout.strip())


def merge(base: Path, ours: Path, theirs: Path, path: str, top: Path) -> int:
    """Merge into `ours`; 0 where clean, 1 where conflicts are left marked in the file."""
    texts = [_plain(p.read_bytes()) for p in (base, ours, theirs)]
    with tempfile.TemporaryDirectory(prefix="gga-merge-", dir=_git_dir(top)) as scratch:
        names = []
        for label, text in zip(("ours", "base", "theirs"), (texts[1], texts[0], texts[2]), strict=True):
            name = Path(scratch) / label
            name.write_bytes(text)
            names.append(str(name))
        how = ["--union"] if Path(path).name in UNION else ["-L", "ours", "-L", "base", "-L", "theirs"]
        merged = subprocess.run(["git", "merge-file", "-p", *how, *names], capture_output=True)
    if merged.returncode < 0 or merged.returncode > 127:
        raise OSError(merged.stderr.decode(errors="replace").strip() or "git merge-file failed")
    ours.write_bytes(encrypt(merged.stdout, usable(read_recipients(top))))
    return 0 if merged.returncode == 0 else 1


def textconv(file: Path) -> bytes:
    """The plaintext, for `git diff` and `git log -p`. Where no key opens the file, one line
    naming the age file by its hash: git goes on with the rest of the log (it stops at a
    textconv that fails), a change still shows as a change, and nothing of the text shows."""
    data = file.read_bytes()
    try:
        return _plain(data)
    except NoKey:
        import hashlib

        return f"versleuteld: geen sleutel (age-bestand {hashlib.sha256(data).hexdigest()[:12]})\n".encode()


def main(argv: list[str]) -> int:
    try:
        if argv[:1] == ["merge"] and len(argv) == 5:
            return merge(Path(argv[1]), Path(argv[2]), Path(argv[3]), argv[4], Path.cwd())
        if argv[:1] == ["textconv"] and len(argv) == 2:
            sys.stdout.buffer.write(textconv(Path(argv[1])))
            return 0
        sys.stderr.write("usage: python -m gga_cli.crypt.driver merge BASE OURS THEIRS PATH | textconv FILE\n")
        return 2
    except NoKey:
        name = argv[4] if argv[0] == "merge" else argv[1]
        sys.stderr.write(f"gga: {name}: versleuteld: geen sleutel\n")
    except (KeyProblem, OSError, subprocess.CalledProcessError) as err:
        sys.stderr.write(f"gga: {err}\n")
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
