"""docs/rules.md, generated from the registry: every rule's code, default severity, the
settings it reads (with their defaults), what it checks, the booklet's words, and how gga
reads it (the check's docstring).

Regenerate after changing a rule: `python -m gga_cli.rulesdoc` (writes docs/rules.md in
the source checkout; `--check` fails when the file is stale).
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from gga_cli.models.settings import BOOKLET_NUMBERS, Deadlines

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

HEADER = """\
# The rules of gga

<!-- Generated from the rule registry by `python -m gga_cli.rulesdoc`; do not edit by hand.
     A test fails when this file is stale. -->

Every rule `gga check` applies. `F` rules are about the files themselves, `G` rules about
the method (*Gezinsgerichte Aanpak*, after the booklet *Ieder kind blijvend veilig*).

- **Severity** is the default; an organisation changes it in `gga.toml`
  (`[rules]`, e.g. `G108 = "off"`, `G120 = "error"`). Where a rule judges one finding more
  severe than its default (G119 once the measure has ended), only such a setting overrides it.
- **Settings** are the day counts of `[deadlines]` in `gga.toml`, shown with their defaults.
  Each says whose number it is: *booklet* where the booklet itself fixes it (its words are
  quoted under the rule), *gga default* where the booklet names no number and gga proposes
  one for the organisation to set. Never read a gga default as the booklet's word.
- A case waives a rule in `case.yaml` (`waivers: [{rule: G108, until: 2026-08-15, reason: ...}]`);
  from the day after `until` the rule applies again.
- A deadline counts calendar days from its anchor. On the due day it is still in time; a
  deadline met late ("3 dagen te laat") and one overdue now are both findings; one not yet
  due is none, and `gga agenda` lists it as coming. An open case is judged up to today, a
  closed case up to its closing date (G140 on today). The phase of a stretch of time is the
  phase in force on its first day. Scores and contacts are judged in date order (file order
  breaks ties).
"""


def _settings(names: tuple[str, ...]) -> str:
    fields = Deadlines.model_fields
    return ", ".join(f"`{n}` = {fields[n].default} ({_whose(n)})" for n in names) if names else "–"


def _whose(name: str) -> str:
    return "booklet" if name in BOOKLET_NUMBERS else "gga default"


def _booklet_numbers(names: tuple[str, ...]) -> str:
    """The booklet's words for each of the rule's numbers that the booklet fixes."""
    return "; ".join(f"`{n}`: *\"{BOOKLET_NUMBERS[n]}\"*" for n in names if n in BOOKLET_NUMBERS)


def _how(code: str) -> str:
    from gga_cli.rules import REGISTRY

    check = REGISTRY[code].check
    doc = inspect.getdoc(check) if check is not None else None
    return " ".join(doc.split()) if doc else ""


def render() -> str:
    """The text of docs/rules.md."""
    from gga_cli.rules import REGISTRY

    out = [HEADER, "\n## Overview\n\n| code | severity | settings | what it checks |\n|---|---|---|---|\n"]
    for r in REGISTRY.values():
        out.append(f"| [{r.code}](#{r.code.lower()}) | {r.severity.value} | {_settings(r.settings)} | {_cell(r.summary)} |\n")
    out.append("\n## The rules\n")
    for r in REGISTRY.values():
        out.append(f"\n### {r.code}\n\n")
        out.append(f"- **severity:** {r.severity.value}\n")
        out.append(f"- **settings:** {_settings(r.settings)}\n")
        out.append(f"- **checks:** {r.summary}\n")
        out.append(f"- **controleert:** {r.summary_nl}\n")
        if r.booklet:
            out.append(f"- **booklet:** *\"{r.booklet}\"*\n")
        numbers = _booklet_numbers(r.settings)
        if numbers:
            out.append(f"- **the booklet's numbers:** {numbers}\n")
        if r.deadlines is not None:
            out.append("- **deadlines:** listed by `gga agenda` while not met\n")
        how = _how(r.code)
        if how:
            out.append(f"- **how gga reads it:** {how}\n")
    return "".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = DOC.read_text(encoding="utf-8") if DOC.is_file() else ""
        if current != text:
            sys.stderr.write(f"{DOC} is stale: run python -m gga_cli.rulesdoc\n")
            return 1
        return 0
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
