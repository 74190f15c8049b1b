"""A case's history in words, from git: who changed what and when (`gga log`).

For the chronology of a case and accountability of changes in the manner of NEN 7513:
each commit that touched a case becomes one line a case, its changes said the way a worker
says them ("score toegevoegd", "fase 2"). An encrypted caseload's blobs are decrypted with
the worker's age key; without one the command refuses, naming the file.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gga_cli.i18n import Lang, pick
from gga_cli.models import FILE_KINDS

# file -> (nl singular, nl plural, en singular, en plural) of an entry, or of the document
NOUNS = {
    "scores.yaml": ("score", "scores", "score", "scores"),
    "contacts.yaml": ("contact", "contacten", "contact", "contacts"),
    "genogram.yaml": ("genogram", "", "genogram", ""),
    "safety-plan.yaml": ("veiligheidsplan", "", "safety plan", ""),
    "change-plan.yaml": ("veranderplan", "", "change plan", ""),
    "safeguarding-plan.yaml": ("borgingsplan", "", "safeguarding plan", ""),
}


class HistoryProblem(Exception):
    """git is missing, or the caseload is in no repository."""


@dataclass(frozen=True)
class Change:
    """One commit's changes to one case."""

    date: str
    author: str
    commit: str
    case: str
    what: tuple[str, ...]


def _git(top: Path, *args: str, input: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=top, input=input, capture_output=True)
    except OSError:
        raise HistoryProblem("gga log needs git, and git is not installed") from None
    if done.returncode != 0:
        raise HistoryProblem(f"{top} is in no git repository with commits (gga log reads the history)")
    return done.stdout


def _contents(top: Path, names: list[str]) -> dict[str, bytes | None]:
    """Blobs by name (`commit:path`); None where missing."""
    out = _git(top, "cat-file", "--batch", input="".join(n + "\n" for n in names).encode())
    found: dict[str, bytes | None] = {}
    at = 0
    for name in names:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[name] = out[end + 1:end + 1 + size]
            at = end + 2 + size
        else:
            found[name] = None
            at = end + 1
    return found


def _data(raw: bytes | None, path: str, lang: Lang) -> Any:
    if raw is None:
        return None
    from gga_cli.crypt.guard import Encrypted, is_age
    from gga_cli.loader import read

    if is_age(raw):
        from gga_cli.crypt.keys import NoKey, decrypt

        try:
            raw = decrypt(raw)
        except NoKey:
            raise Encrypted(path) from None
    parsed, _ = read(raw, lang)
    return parsed.data if parsed is not None else None


def _count(n: int, nouns: tuple[str, str, str, str], verb_nl: str, verb_en: str, lang: Lang) -> str:
    nl = nouns[0] if n == 1 else f"{n} {nouns[1]}"
    en = nouns[2] if n == 1 else f"{n} {nouns[3]}"
    return pick(lang, f"{nl} {verb_nl}", f"{en} {verb_en}")


def describe(name: str, old: Any, new: Any, lang: Lang) -> list[str]:
    """A file's change in a worker's words."""
    if name == "case.yaml":
        if old is None:
            return [pick(lang, "zaak aangemaakt", "case opened")]
        if new is None:
            return [pick(lang, "zaak verwijderd", "case removed")]
        said: list[str] = []
        if not isinstance(old, dict) or not isinstance(new, dict):
            return [pick(lang, "zaakgegevens gewijzigd", "case details changed")]
        if old.get("phase") != new.get("phase") and new.get("phase") is not None:
            said.append(pick(lang, f"fase {new['phase']}", f"phase {new['phase']}"))
        if new.get("closed") is not None and old.get("closed") is None:
            said.append(pick(lang, "zaak afgesloten", "case closed"))
        if old.get("worker") != new.get("worker"):
            said.append(pick(lang, "jeugdbeschermer gewijzigd", "worker changed"))
        if old.get("measure") != new.get("measure"):
            said.append(pick(lang, "maatregel gewijzigd", "measure changed"))
        rest = {k for k in set(old) | set(new) if k not in ("phase", "phases", "closed", "worker", "measure") and old.get(k) != new.get(k)}
        if rest or not said:
            said.append(pick(lang, "zaakgegevens gewijzigd", "case details changed"))
        return said
    nouns = NOUNS.get(name)
    if nouns is None:
        return [pick(lang, f"{name} gewijzigd", f"{name} changed")]
    if FILE_KINDS[name].entries:
        before = old if isinstance(old, list) else []
        after = new if isinstance(new, list) else []
        if len(after) > len(before):
            return [_count(len(after) - len(before), nouns, "toegevoegd", "added", lang)]
        if len(after) < len(before):
            return [_count(len(before) - len(after), nouns, "verwijderd", "removed", lang)]
        return [_count(1, nouns, "gewijzigd", "changed", lang)]
    if old is None:
        return [pick(lang, f"{nouns[0]} aangemaakt", f"{nouns[2]} made")]
    if new is None:
        return [pick(lang, f"{nouns[0]} verwijderd", f"{nouns[2]} removed")]
    return [pick(lang, f"{nouns[0]} gewijzigd", f"{nouns[2]} changed")]


def history(folder: Path, case: str | None, lang: Lang) -> list[Change]:
    """Every commit touching the cases under `folder` (or only the case `case`), oldest first."""
    top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    raw = _git(folder, "-c", "format.pretty=tformat:%x1e%h%x1f%an%x1f%as", "log", "--reverse", "--no-renames",
               "--name-status", "--relative", "--", ".").decode("utf-8", "replace")
    prefix = folder.resolve().relative_to(top.resolve()).as_posix()
    commits: list[tuple[str, str, str, list[str]]] = []
    for record in raw.split("\x1e")[1:]:
        head, *lines = record.strip("\n").split("\n")
        sha, author, date = head.split("\x1f")
        paths = [line.split("\t", 1)[1] for line in lines if "\t" in line]
        paths = [p for p in paths if Path(p).name in FILE_KINDS and (case is None or Path(p).parent.name == case)]
        if paths:
            commits.append((sha, author, date, paths))
    def whole(path: str) -> str:
        return path if prefix == "." else f"{prefix}/{path}"

    names = [f"{sha}{side}:{whole(p)}" for sha, _, _, paths in commits for p in paths for side in ("^", "")]
    blobs = _contents(top, names) if names else {}
    changes: list[Change] = []
    for sha, author, date, paths in commits:
        by_case: dict[str, list[str]] = {}
        for path in paths:
            old = _data(blobs[f"{sha}^:{whole(path)}"], whole(path), lang)
            new = _data(blobs[f"{sha}:{whole(path)}"], whole(path), lang)
            by_case.setdefault(Path(path).parent.name, []).extend(describe(Path(path).name, old, new, lang))
        for case_id, what in sorted(by_case.items()):
            changes.append(Change(date, author, sha, case_id, tuple(what)))
    return changes
