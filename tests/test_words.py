"""A screen speaks the report language: every command on the demo caseload, in Dutch and in
English, shows no internal value of the case files (`home_visit`, `active`, `ots`) and, in
English, no Dutch word of gga's vocabulary, except inside text a user typed."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic import BaseModel

import gga_cli.models
from conftest import DEMO_TODAY, EXAMPLES
from gga_cli import words
from gga_cli.rules import REGISTRY
from gga_cli.models.settings import Deadlines

Run = Callable[..., subprocess.CompletedProcess[str]]

OPEN_CASE = "2026-0534"  # phase 2: goals, supervised visits, a late goal
CASES = sorted(p.name for p in (EXAMPLES / "cases").iterdir() if (p / "case.yaml").is_file())

# every command a person reads the output of; JSON and SVG are for programs and files
SCREENS: list[tuple[str, ...]] = [
    ("check",),
    ("status",),
    ("agenda", "--days", "400"),
    ("rules",),
    ("schema", "--check"),
    *[("show", "--case", case) for case in CASES],
    *[("handover", "--case", case) for case in CASES],
    ("score", "5", "--case", OPEN_CASE, "--note", "rustig"),
    ("contact", "supervised_visit", "--with", "wouter,maarten", "--score", "6", "--case", OPEN_CASE),
    ("contact", "home_visit", "--with", "anne", "--case", "2026-2412"),
    ("phase", "next", "--case", OPEN_CASE),
    ("phase", "next", "--case", "2026-2457"),
    ("close", "--reason", "klaar", "--case", OPEN_CASE),
    ("init", "fresh"),
    ("init", "."),
    ("new-case", "--family", "Familie Nieuw", "--registered", "2026-11-25", "--worker", "Peter Brood",
     "--measure", "voluntary"),
    ("new-case", "--family", "Familie Nieuw"),
]

NO_DAY = {"rules", "schema"}  # commands that judge no case take no --today


def _literals(annotation: Any) -> Iterator[str]:
    if get_origin(annotation) is Literal:
        yield from (a for a in get_args(annotation) if isinstance(a, str))
    else:
        for inner in get_args(annotation):
            yield from _literals(inner)


def _models() -> Iterator[tuple[type[BaseModel] | None, Any]]:
    for info in pkgutil.iter_modules(gga_cli.models.__path__):
        module = importlib.import_module(f"gga_cli.models.{info.name}")
        for obj in vars(module).values():
            yield (obj, None) if inspect.isclass(obj) and issubclass(obj, BaseModel) else (None, obj)


def enum_values() -> set[str]:
    """Every value of a Literal type in the models: their fields and their type aliases."""
    found: set[str] = set()
    for model, alias in _models():
        if model is not None:
            for field in model.model_fields.values():
                found.update(_literals(field.annotation))
        else:
            found.update(_literals(alias))
    return found


def file_keys() -> set[str]:
    """The keys of the case files and gga.toml, as a worker types them."""
    return {field.alias or name for model, _ in _models() if model is not None for name, field in model.model_fields.items()}


def _vocabulary_words(side: int) -> set[str]:
    """The words gga's vocabulary itself uses in one language (0: Dutch, 1: English)."""
    tables = [words.VALUES, words.LABELS, words.HEADINGS, words.PHASE_NAMES]
    found = {w for table in tables for pair in table.values() for w in re.findall(r"[\w-]+", pair[side])}
    return found | {w.lower() for w in found if w.istitle()}  # "Considerations" heads a section


def _free_text() -> list[str]:
    """What users typed in the demo's files: every string that is not a coded value."""
    coded = enum_values()
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str) and node not in coded:
            out.append(" ".join(node.split()))

    for path in sorted((EXAMPLES / "cases").rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


# text no vocabulary speaks: what users typed, and the booklet's own words that `gga rules`
# quotes in every language
QUOTED = _free_text() + [" ".join(rule.booklet.split()) for rule in REGISTRY.values() if rule.booklet]


def _quoted(line: str, start: int, end: int) -> bool:
    """The hit stands in quoted text: its cell of the line (the run between gaps of two or
    more spaces), or the hit with the word before or after it, is part of a quoted text.
    Markdown's escapes (`\\(`) and a cell cut short (`…`) are the screen's, not the quote's."""
    cell_start = max(line.rfind("  ", 0, start) + 2 if "  " in line[:start] else 0, line.rfind("|", 0, start) + 1)
    gap = [i for i in (line.find("  ", end), line.find("|", end)) if i >= 0]
    cell = line[cell_start:min(gap) if gap else len(line)]
    after = re.match(r"[ \t]*[^\s…]+", line[end:])
    before = re.search(r"[^\s…]+[ \t]*$", line[:start])
    pieces = [cell, line[start:end + after.end()] if after else "", line[before.start():end] if before else ""]
    unescaped = [re.sub(r"\\(?=[^\w\s])", "", p).strip().rstrip("…") for p in pieces]
    return any(p and p in text for p in unescaped for text in QUOTED)


def _hits(output: str, forbidden: set[str]) -> list[str]:
    keys = file_keys()
    found = []
    for line in output.splitlines():
        # `gga check --format text` prints `file:line:column: severity code message` (cli.md),
        # a line for editors to jump to: its severity is the contract's word, not prose
        line = re.sub(r"^(\S+:\d+(?::\d+)?: |\S+: )(error|warning) ", r"\1", line)
        for word in forbidden:
            # a whole word: not part of a longer one, a file name (`case.yaml`) or a word cut short (`f…`)
            for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w…-]|\.\w)", line):
                # a message may name the key to fill in after saying it in words: "(life_domains)"
                if word in keys and line[m.start() - 1:m.start()] == "(":
                    continue
                # `gga rules` names each day count by its key in gga.toml, where the user sets
                # it: `home_visit 7 (boekje)` is the setting, not a contact kind
                if word in SETTING_KEYS and re.match(r" \d+\b|\s*$|  ", line[m.end():]):
                    continue
                if not _quoted(line, m.start(), m.end()):
                    found.append(f"{word!r} in: {line.strip()}")
    return found


SETTING_KEYS = set(Deadlines.model_fields)


def _caseload(tmp_path: Path, lang: str) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES, root)
    settings = root / "gga.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('language = "nl"', f'language = "{lang}"'), encoding="utf-8")
    return root


def _screens(gga: Run, tmp_path: Path, lang: str) -> str:
    root = _caseload(tmp_path, lang)
    outputs = []
    for args in SCREENS:
        result = gga(*args, *(() if args[0] in NO_DAY else ("--today", DEMO_TODAY)), cwd=root)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        outputs.append(result.stdout + result.stderr)
    return "\n".join(outputs)


def test_the_raw_values_of_the_models_are_found_in_the_models() -> None:
    found = enum_values()
    assert {"home_visit", "supervised_visit", "active", "granted", "ots", "unsafe", "planned", "error"} <= found


def test_every_coded_value_has_a_word_in_both_languages() -> None:
    assert sorted(enum_values() - set(words.VALUES) - set(words.HEADINGS) - {"nl", "en"}) == []


def test_a_dutch_screen_shows_no_raw_value_of_the_case_files(gga: Run, tmp_path: Path) -> None:
    # a value that is itself a Dutch word of the vocabulary ("school", "professional") may stand
    forbidden = enum_values() - _vocabulary_words(0)
    assert _hits(_screens(gga, tmp_path, "nl"), forbidden) == []


def test_an_english_screen_shows_no_raw_value_and_no_dutch_word_of_the_vocabulary(gga: Run, tmp_path: Path) -> None:
    english = _vocabulary_words(1)
    dutch_words = {nl for nl, en in words.VALUES.values() if nl != en and not set(re.findall(r"[\w-]+", nl)) <= english}
    forbidden = (enum_values() - english) | dutch_words
    assert _hits(_screens(gga, tmp_path, "en"), forbidden) == []
