"""The loader's check for a case file git left encrypted: no key, no plaintext, no write.

Without an age identity that opens it, a checkout of an encrypted caseload holds age
files. A command that needs the text refuses with one line naming the file instead of
reporting the ciphertext as broken YAML.
"""

from __future__ import annotations

from pathlib import Path

from gga_cli.errors import Refused

AGE_HEADER = b"age-encryption.org/v1"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"


class Encrypted(Refused):
    """A file gga needs to read is an age file it cannot decrypt here: exit 1, nothing written."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def __str__(self) -> str:
        return (f"{self.path}: versleuteld: geen sleutel "
                "(zet GGA_AGE_KEY_FILE op je age-sleutel en draai `gga crypt setup`)")


def is_age(raw: bytes) -> bool:
    """Whether the bytes are an age file (binary or armored)."""
    return raw.startswith(AGE_HEADER) or raw.lstrip().startswith(AGE_ARMOR)


def plain(raw: bytes, path: Path | str) -> bytes:
    """`raw` itself, or Encrypted where it is an age file the filter did not decrypt."""
    if raw[:1] in (b"a", b"-", b" ", b"\n") and is_age(raw):
        raise Encrypted(shown(Path(path)))
    return raw


def shown(path: Path) -> str:
    """The path as the user would type it: relative to the current folder where inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()
