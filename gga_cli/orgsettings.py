"""The organisation's settings must hold before a command judges or records a case.

A command never runs on defaults in place of a broken gga.toml: the organisation's
deadlines, severities and recipient profiles would silently be others. `gga check`
reports the same problems as findings among the rest; every other command that works on
cases refuses (exit 1) with each problem on its own line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.errors import Refused
from gga_cli.i18n import pick

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload


class BrokenSettings(Refused):
    """gga.toml cannot be read or breaks its schema: exit 1, nothing done."""


def _where(d: Diagnostic) -> str:
    return ":".join(str(part) for part in (d.file or "gga.toml", d.line, d.column) if part is not None)


_HELD = "settings.json"


def _fingerprint(caseload: Caseload) -> str | None:
    """gga.toml's bytes and gga's code, hashed: what a verdict on the settings rests on."""
    import hashlib

    from gga_cli.cachedir import code_version

    try:
        raw = (caseload.root / "gga.toml").read_bytes()
    except OSError:
        return None
    return hashlib.blake2b(raw + b"\0" + code_version().encode(), digest_size=16).hexdigest()


def settings_hold(caseload: Caseload, cached: bool = True) -> Caseload:
    """The caseload, where its gga.toml holds (or it has none); BrokenSettings otherwise.

    A gga.toml found sound before, byte for byte under the same code of gga, is not read
    into its model again (`.gga/settings.json`): a board or a case served from the cache
    then builds no model at all. The verdict is written only beside a cache the command
    writes anyway (`remember`): a command that refuses or writes nothing leaves no file.
    A command that is never served from a cache (`cached` False: a recording, which judges
    the case and so builds the model anyway) neither reads nor keeps the verdict: its
    fingerprint, a hash over the state of gga's code, would be work for nothing."""
    fingerprint = _fingerprint(caseload) if cached and caseload.target.has_settings else None
    if fingerprint is not None:
        from gga_cli import cachedir

        if cachedir.read(caseload.root, _HELD) == {"sound": fingerprint}:
            return caseload
    errors = [d for d in caseload.settings_problems if d.severity is Severity.ERROR]
    if not errors and fingerprint is not None:
        caseload.sound_settings = fingerprint  # kept by `remember` once the command writes its caches
    if errors:
        path = caseload.root / "gga.toml"
        lines = [f"  {_where(d)}: {d.code} {d.message}" for d in errors]
        raise BrokenSettings("\n".join([pick(caseload.lang, f"{path} klopt niet; niets gedaan:",
                                             f"{path} is not right; nothing done:"), *lines]))
    return caseload


def remember(caseload: Caseload) -> None:
    """Keep the verdict that gga.toml is sound, where this command found it so."""
    from gga_cli import cachedir

    fingerprint = getattr(caseload, "sound_settings", None)
    if fingerprint is not None:
        cachedir.write(caseload.root, _HELD, {"sound": fingerprint})
