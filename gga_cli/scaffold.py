"""Making things: a new caseload (`gga init`), the demo caseload, and a new case (`gga new-case`)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from gga_cli.atomic import write_text
from gga_cli.dates import add_days
from gga_cli.diagnostics import Severity
from gga_cli.errors import Refused
from gga_cli.locate import SETTINGS, find_cases
from gga_cli.edits import quoted
from gga_cli.i18n import Lang
from gga_cli.jsonschema import SCHEMA_DIR, modeline, render, schemas
from gga_cli.models import schema_name
from gga_cli.models.settings import Settings



class Exists(Refused):
    """The target already holds what would be made: nothing is overwritten."""

    def __init__(self, root: Path) -> None:
        super().__init__(f"{root / SETTINGS} exists already: {root} is a caseload")
        self.root = root
        self.settings = root / SETTINGS


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def settings_text() -> str:
    """gga.toml with every setting present, at its default, each explained in a comment."""
    from gga_cli.rules import REGISTRY

    defaults = Settings()
    lines = [
        "# Settings of this caseload, read by gga. Every setting is shown at its default.",
        "",
        "[organisation]",
    ]
    for name, info in type(defaults.organisation).model_fields.items():
        lines += [f"# {info.description}", f"{name} = {_toml_value(getattr(defaults.organisation, name))}"]
    lines += ["", "# Day counts of the rules: calendar days from each rule's anchor (see `gga rules`).", "[deadlines]"]
    for name, info in type(defaults.deadlines).model_fields.items():
        lines += [f"# {info.description}", f"{name} = {getattr(defaults.deadlines, name)}"]
    lines += [
        "",
        '# Severity per rule: "error", "warning" or "off". Uncomment a line to change a rule.',
        "[rules]",
    ]
    for code, rule in REGISTRY.items():
        lines.append(f'# {code} = "{rule.severity.value}"  # {rule.summary}')
    return "\n".join(lines) + "\n"


GITATTRIBUTES = """\
# Case files are text with LF line ends on every machine.
*.yaml text eol=lf
*.toml text eol=lf
# Scores and contacts are one line an entry, newest last: two workers' additions merge
# by keeping both sides.
scores.yaml merge=union
contacts.yaml merge=union
"""

GITIGNORE = """\
# gga's cache of the status board (it holds case data: never commit it)
.gga/
# the lock gga takes on a case folder while it records (on Windows)
.gga.lock
# a recording of two files, between its two writes (finished by the next recording)
.gga-journal
# rendered reports: they leave the repository only on purpose
*.pdf
*-overdracht.md
*-handover.md
reports/
"""

PRE_COMMIT = """\
# Runs `gga check` before every commit (https://pre-commit.com).
# gga must be installed where you commit: pip install gga
repos:
  - repo: local
    hooks:
      - id: gga-check
        name: gga check
        entry: gga check
        language: system
        files: '\\.(ya?ml|toml)$'
        pass_filenames: false
"""

GITHUB_WORKFLOW = """\
# Checks every case file on each push and pull request; findings show on the files.
name: gga check
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    env:
      GGA_PIP_SPEC: "gga=={version}"  # where your organisation installs gga from
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install "$GGA_PIP_SPEC"
      - run: gga check --format github
"""

GITLAB_CI = """\
# Checks every case file on each push.
gga-check:
  image: python:3.11-slim
  variables:
    GGA_PIP_SPEC: "gga=={version}"  # where your organisation installs gga from
  script:
    - pip install "$GGA_PIP_SPEC"
    - gga check
"""


def _vscode_settings() -> str:
    import json

    from gga_cli.models import FILE_KINDS

    mapping = {f"./{SCHEMA_DIR}/{schema_name(name)}": [f"**/{name}"] for name in FILE_KINDS}
    return json.dumps({"yaml.schemas": mapping}, indent=2) + "\n"


def write_schemas(root: Path) -> None:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, value in schemas().items():
        write_text(folder / name, render(value))


def _git_init(root: Path) -> bool:
    """`git init` where the folder is in no repository yet; False where git is not installed."""
    git = shutil.which("git")
    if git is None:
        return False
    inside = subprocess.run([git, "rev-parse", "--is-inside-work-tree"], cwd=root, capture_output=True, text=True)
    if inside.returncode != 0:
        subprocess.run([git, "init", "-q"], cwd=root, check=True, capture_output=True)
    return True


def init_caseload(root: Path, settings: str | None = None) -> list[Path]:
    """Make a caseload in `root`: settings, cases/, git attributes and ignores, schemas,
    editor settings, a pre-commit hook and CI jobs. Returns the files written."""
    from gga_cli import __version__

    if (root / SETTINGS).exists():
        raise Exists(root)
    root.mkdir(parents=True, exist_ok=True)
    files = {
        SETTINGS: settings if settings is not None else settings_text(),
        "cases/.gitkeep": "",
        ".gitattributes": GITATTRIBUTES,
        ".gitignore": GITIGNORE,
        ".vscode/settings.json": _vscode_settings(),
        ".pre-commit-config.yaml": PRE_COMMIT,
        ".github/workflows/gga-check.yml": GITHUB_WORKFLOW.replace("{version}", __version__),
        ".gitlab-ci.yml": GITLAB_CI.replace("{version}", __version__),
    }
    written: list[Path] = []
    for name, text in files.items():
        path = root / name
        if path.exists():
            continue  # a file the user has already (a CI config, an ignore list) is left alone
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, text)
        written.append(path)
    write_schemas(root)
    _git_init(root)
    return written


_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def shift_dates(text: str, days: int) -> str:
    """Every YYYY-MM-DD date in the text moved by `days`; years alone stay as they are."""

    def move(match: re.Match[str]) -> str:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return add_days(day, days).isoformat()

    return _DATE.sub(move, text) if days else text


def demo_source() -> Path:
    """The demo caseload shipped with gga."""
    from gga_cli.resources import data_dir

    return data_dir("examples")


def write_demo(root: Path, today: dt.date) -> list[Path]:
    """The demo caseload in `root`, its dates moved so that it is alive on `today`."""
    import tomllib

    source = demo_source()
    meta = tomllib.loads((source / SETTINGS).read_text(encoding="utf-8"))
    anchor = meta["demo"]["anchor"]
    shift = (today - anchor).days
    settings = re.sub(r"\n\[demo\][^\[]*", "\n", (source / SETTINGS).read_text(encoding="utf-8")).rstrip() + "\n"
    settings = settings.replace(
        "# Demo caseload of gga. Its dates are anchored on [demo].anchor; `gga init --demo DIR` writes a copy shifted to today.",
        f"# Demo caseload of gga, its dates moved to {today.isoformat()}.",
    )
    written = init_caseload(root, settings=settings)
    for folder in find_cases(source):
        target = root / "cases" / folder.name
        target.mkdir(parents=True, exist_ok=True)
        for file in sorted(folder.glob("*.yaml")):
            text = shift_dates(file.read_text(encoding="utf-8"), shift)
            text = text.replace("../../../schemas/", "../../schemas/")
            write_text(target / file.name, text)
            written.append(target / file.name)
    return written


@dataclass(frozen=True)
class NewCase:
    family: str
    registered: dt.date
    worker: str
    measure: str
    start: dt.date
    end: dt.date | None
    team: str | None = None
    local_team: str | None = None  # the wijk-/jeugdteam (G115)
    previous: tuple[str, ...] = ()  # earlier cases of the family: it came back


def needs_end(measure: str) -> bool:
    """A measure the court sets a term for has an end date (case-format.md: ots and jr)."""
    return measure in ("ots", "jr")


def default_end(measure: str, start: dt.date) -> dt.date | None:
    """The end an OTS takes where none is given: 12 months after its start, the longest a
    term runs (spec/cli.md). A JR's term is the court's to set: no default."""
    from gga_cli.rules.common import add_years

    return add_years(start, 1) if measure == "ots" else None


def planned(spec: NewCase, today: dt.date) -> NewCase:
    """The new case as asked, checked before anything is written; Invalid names what is wrong."""
    from gga_cli.errors import Invalid
    from gga_cli.text import CONTROL

    for about, text in (("family", spec.family), ("worker", spec.worker), ("team", spec.team or ""),
                        ("local-team", spec.local_team or "")):
        if CONTROL.search(text):
            raise Invalid("holds a control character", about)
    if spec.registered > today:
        raise Invalid(f"{spec.registered} is after today", "registered")
    if needs_end(spec.measure) and spec.end is None:
        raise Invalid(f"a measure {spec.measure} needs the end of its term", "end")
    for earlier in spec.previous:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{4}", earlier):
            raise Invalid(f"{earlier}: a case id is YYYY-NNNN", "previous")
    return spec


def next_id(root: Path, year: int) -> str:
    numbers = [
        int(folder.name[5:])
        for folder in find_cases(root)
        if re.fullmatch(rf"{year}-\d{{4}}", folder.name)
    ]
    return f"{year}-{max(numbers, default=0) + 1:04d}"


def _texts(root: Path, folder: Path, case_id: str, spec: NewCase) -> dict[str, str]:
    """case.yaml and genogram.yaml of a new case."""
    measure = [f"  kind: {spec.measure}", f"  start: {spec.start.isoformat()}"]
    if spec.end is not None:
        measure.append(f"  end: {spec.end.isoformat()}")
    case_lines = [
        modeline(root, folder, "case.yaml"),
        f"id: {case_id}",
        f"family: {quoted(spec.family)}",
        f"registered: {spec.registered.isoformat()}",
        f"worker: {quoted(spec.worker)}",
        *([f"team: {quoted(spec.team)}"] if spec.team else []),
        "measure:",
        *measure,
        *([f"local_team: {{name: {quoted(spec.local_team)}}}"] if spec.local_team else []),
        "phase: 1",
        "phases:",
        f"  - {{phase: 1, start: {spec.registered.isoformat()}}}",
        "sharing: []",
        *([f"previous_cases: [{', '.join(spec.previous)}]"] if spec.previous else []),
        "waivers: []",
    ]
    genogram_lines = [
        modeline(root, folder, "genogram.yaml"),
        "# The family (genogram) and its network (sociogram). Example entries:",
        "#   - {id: sjors, name: Sjors, sex: m, born: 2014-05-02, parents: [ron, els], child: true, index: true}",
        "#   - {id: mike, name: Mike, kind: informal, relation: beste vriend van Sjors}",
        "people: []",
        "couples: []",
        "bonds: []",
        "households: []",
        "network: []",
    ]
    return {"case.yaml": "\n".join(case_lines) + "\n", "genogram.yaml": "\n".join(genogram_lines) + "\n"}


def _validated(root: Path, folder: Path, texts: dict[str, str], today: dt.date, lang: Lang) -> None:
    """The new files read as `gga check` reads them; Invalid naming every error of the files."""
    from gga_cli.errors import Invalid
    from gga_cli.i18n import pick
    from gga_cli.loader import load_case

    # surrogateescape: bytes that are no UTF-8 on the command line reach the loader as they
    # are, which reports them (F001) instead of failing to encode them
    raw = {name: text.encode("utf-8", "surrogateescape") for name, text in texts.items()}
    _, found = load_case(folder, root, lang, today, raw)
    errors = [d for d in found if d.severity is Severity.ERROR]
    if errors:
        lines = "\n".join(f"  {d.file}: {d.code} {d.message}" for d in errors)
        raise Invalid(pick(lang, "niets aangemaakt; de invoer klopt niet:\n", "nothing made; the input is not right:\n") + lines)


def new_case(root: Path, spec: NewCase, today: dt.date, lang: Lang = "nl") -> Path:
    """Scaffold the next case of the registration year in `root/cases/`: case.yaml and
    genogram.yaml, validated like any recording before they are written."""
    cases = root / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    while True:
        case_id = next_id(root, spec.registered.year)
        folder = cases / case_id
        texts = _texts(root, folder, case_id, spec)
        _validated(root, folder, texts, today, lang)
        try:
            os.mkdir(folder)  # atomic: two workers at once get two ids
            break
        except FileExistsError:
            continue
    for name, text in texts.items():
        write_text(folder / name, text)
    if not (root / SCHEMA_DIR).is_dir():
        write_schemas(root)
    return folder
