"""Erasure on request (AVG art. 17; the organisation has a month, at most three): the case
leaves the working tree and, with `history`, every commit, through git-filter-repo.

What stays is a record without personal data in erasures.yaml (case id, date, reason,
who), and a list of what the organisation must still do itself: no tool reaches the
server's copy, other clones or backups.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from gga_cli.errors import Refused
from gga_cli.i18n import Lang, pick

RECORD = "erasures.yaml"
HEADER = ("# Erasures on request: what was erased, when, why and by whom. No personal data:\n"
          "# the case id only. Written by `gga erase`.\n")


class ErasureRefused(Refused):
    """The erasure cannot be done safely: nothing was changed (exit 1)."""


@dataclass(frozen=True)
class Erased:
    case: str
    history: bool
    committed: bool
    todo: tuple[str, ...]


def _git(top: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=top, capture_output=True, text=True)


def _top(root: Path) -> Path | None:
    if shutil.which("git") is None:
        return None
    found = _git(root, "rev-parse", "--show-toplevel")
    return Path(found.stdout.strip()) if found.returncode == 0 else None


def _who(top: Path | None) -> str:
    if top is not None:
        name = _git(top, "config", "user.name").stdout.strip()
        if name:
            return name
    import getpass

    return getpass.getuser()


def record_line(case: str, day: dt.date, reason: str, who: str, history: bool) -> str:
    return (f"- {{case: {case}, date: {day.isoformat()}, reason: {json.dumps(reason, ensure_ascii=False)}, "
            f"by: {json.dumps(who, ensure_ascii=False)}, history: {'true' if history else 'false'}}}\n")


def _check(root: Path, folder: Path, top: Path | None, history: bool, lang: Lang) -> None:
    if not history:
        return
    if top is None:
        raise ErasureRefused(pick(lang, ": de caseload staat niet in een git-repository",
                                  ": the caseload is in no git repository"), "history")
    if top.resolve() != root.resolve():
        raise ErasureRefused(pick(lang, f": de caseload moet de wortel van zijn repository zijn ({top})",
                                  f": the caseload must be its repository's root ({top})"), "history")
    dirty = _git(top, "status", "--porcelain", "-uno").stdout.splitlines()
    rel = folder.resolve().relative_to(top.resolve()).as_posix() + "/"
    others = [line[3:] for line in dirty if not line[3:].startswith(rel)]
    if others:
        raise ErasureRefused(pick(lang, f": eerst vastleggen of terugzetten, git herschrijft de werkmap: {others[0]}",
                                  f": commit or restore first, git rewrites the working tree: {others[0]}"), "history")
    if (root / ".gga-recipients").is_file():
        from gga_cli.crypt.gitsetup import first_locked
        from gga_cli.crypt.guard import Encrypted

        locked = first_locked(top)
        if locked is not None:
            raise Encrypted(locked)


def erase(root: Path, folder: Path, reason: str, today: dt.date, history: bool, lang: Lang) -> Erased:
    """Erase the case in `folder` from the caseload at `root` (and its history)."""
    case = folder.name
    reason = " ".join(reason.split())
    if not reason:
        raise ErasureRefused(pick(lang, "mag niet leeg zijn", "must not be empty"), "reason")
    top = _top(root)
    _check(root, folder, top, history, lang)
    from gga_cli.atomic import write_text

    record = root / RECORD
    old = record.read_text(encoding="utf-8") if record.is_file() else HEADER
    write_text(record, old + ("" if old.endswith("\n") else "\n") + record_line(case, today, reason, _who(top), history))
    tracked = top is not None and _git(top, "ls-files", "--error-unmatch", "--", str(folder)).returncode == 0
    if tracked:
        assert top is not None
        _git(top, "rm", "-r", "-q", "--cached", "--", str(folder))
    shutil.rmtree(folder)
    cache = root / ".gga"
    if cache.is_dir():
        shutil.rmtree(cache)  # the board's cache holds rows of the case
    committed = False
    if top is not None:
        _git(top, "add", "--", str(record))
        identity = [] if _git(top, "config", "user.name").returncode == 0 and _git(top, "config", "user.email").returncode == 0 \
            else ["-c", "user.name=gga", "-c", "user.email=gga@localhost"]
        done = _git(top, *identity, "commit", "-q", "-m", f"{case}: gewist op verzoek", "--", str(record),
                    *([str(folder)] if tracked else []))
        committed = done.returncode == 0
    if history:
        assert top is not None
        rel = folder.resolve().relative_to(top.resolve()).as_posix() + "/"
        done = subprocess.run([sys.executable, "-m", "git_filter_repo", "--force", "--quiet", "--invert-paths", "--path", rel],
                              cwd=top, capture_output=True, text=True)
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines()
            raise ErasureRefused("git filter-repo: " + (lines[-1] if lines else f"exit {done.returncode}"))
    return Erased(case, history, committed, _todo(case, history, lang))


def _todo(case: str, history: bool, lang: Lang) -> tuple[str, ...]:
    if not history:
        command = "`gga erase ID --reason ... --history`"
        return (pick(lang, f"de git-geschiedenis bevat {case} nog: wis ook die met {command}, of laat de geschiedenis bewust staan",
                     f"the git history still holds {case}: erase it too with {command}, or keep the history on purpose"),)
    return (
        pick(lang, "force-push de herschreven geschiedenis naar de server, elke branch en tag "
                   "(git-filter-repo koppelt de remote origin los: voeg hem eerst weer toe)",
             "force-push the rewritten history to the server, every branch and tag "
             "(git-filter-repo detaches the remote origin: add it again first)"),
        pick(lang, "laat de server de oude objecten opruimen (bij GitHub/GitLab: via de beheerder of support)",
             "have the server drop the old objects (on GitHub/GitLab: through the administrator or support)"),
        pick(lang, "elke andere clone verwijderen en opnieuw clonen: een oude clone bevat de zaak nog",
             "delete every other clone and clone again: an old clone still holds the case"),
        pick(lang, "back-ups met de zaak wissen of laten verlopen volgens het back-upbeleid",
             "erase backups holding the case, or let them expire under the backup policy"),
        pick(lang, "kopieën buiten git wissen: e-mail, exports, overdrachtsrapporten",
             "erase copies outside git: e-mail, exports, handover reports"),
    )
