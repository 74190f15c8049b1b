"""The report in Markdown, through the Jinja template `handover.md.j2`.

User text is escaped for Markdown, so it renders as the very characters typed: emphasis,
links, HTML, math and code marks in a note stay text. Jinja never evaluates data, so
`{{ }}` in a note is text as well.
"""

from __future__ import annotations

import re
from typing import Any

_SIGNIFICANT = re.compile(r"([\\`*_{}\[\]<>()#+!|~$&])")
_LINE_START = re.compile(r"^(\s*)([-=])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def md(text: object) -> str:
    """Text escaped so CommonMark (and GitHub's math) shows it verbatim; line breaks kept.

    Every punctuation mark with a meaning in Markdown gets a backslash; so does a line
    that starts like a list item or a heading underline (`-`, `=`, `1.`).
    """
    escaped = _SIGNIFICANT.sub(r"\\\1", str(text))
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    escaped = _NUMBERED.sub(r"\1\\\2", escaped)
    return escaped.replace("\r\n", "\n").replace("\n", "\\\n")


def cell(text: object) -> str:
    """Text for a table cell: escaped, on one line."""
    return md(" ".join(str(text).split()))


def render(report: dict[str, Any], images: dict[str, str]) -> str:
    """The Markdown; `images` maps an image's name (genogram, network, scores) to its link."""
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = md
    env.filters["cell"] = cell
    from gga_cli.resources import data_dir

    source = (data_dir("templates") / "handover.md.j2").read_text(encoding="utf-8")
    return env.from_string(source).render(report=report, images=images)
