"""The report as PDF/A-2b, tagged, through typst and the template `handover.typ`.

The template is fixed text; the report goes in as JSON through `sys.inputs`, so no
user text is ever spliced into typst markup. typst's own embedded fonts set the report,
so the same report looks the same on every machine. Families in the Netherlands write
their names in many scripts (Ge'ez, Arabic, Chinese) and with emoji: where the embedded
fonts lack a character, the fonts of the system are added (typst takes the glyph from
the first that has it; `GGA_FONT_PATH` names more folders). A character no font on the
machine can show, and any control character, is printed as U+FFFD, and said so: a PDF/A
may hold no invisible glyph, and a report never fails on a name.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gga_cli.errors import GgaError
from gga_cli.genogram.svg import FONT

PDF_FONT = "Libertinus Serif"
FONT_PATH_ENV = "GGA_FONT_PATH"
# where systems keep fonts (Debian's fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji
# land in the first); typst reads the folders given, nothing else
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
             "/Library/Fonts", "~/Library/Fonts", "C:/Windows/Fonts")
REPLACEMENT = "\ufffd"
TRIES = 12  # each try names one run of text no font can show; past this, every rare character goes
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_UNSHOWN = re.compile(r'the text `"(.*)"` could not be displayed')
_RUST_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]+)\}|\\(.)")
# beyond Latin, Greek and Cyrillic and the common punctuation, what the last resort replaces
_COMMON = re.compile("[\t\n\x20-\x7e\xa0-\u052f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20bf\u2100-\u214f\ufffd]")


class RenderError(GgaError):
    """typst could not make the PDF: exit 1, with typst's reason, nothing written."""


@dataclass
class Rendered:
    pdf: bytes
    controls: list[str] = field(default_factory=list)  # control characters shown as U+FFFD, each once
    unshown: list[str] = field(default_factory=list)  # characters no font has, shown as U+FFFD


def font_dirs() -> list[str]:
    """The font folders of this machine that exist, those of GGA_FONT_PATH first."""
    named = [p for p in os.environ.get(FONT_PATH_ENV, "").split(os.pathsep) if p]
    found = [str(Path(p).expanduser()) for p in (*named, *FONT_DIRS)]
    return [p for p in dict.fromkeys(found) if Path(p).is_dir()]


def _embeddable(report: dict[str, Any]) -> dict[str, Any]:
    """The report with its drawings set in the PDF's font (typst embeds only its own fonts)."""
    sections = []
    for section in report["sections"]:
        blocks = []
        for block in section["blocks"]:
            if block["type"] == "image":
                head, _, rest = block["svg"].partition("\n")
                block = {**block, "svg": head.replace(f'font-family="{FONT}"', f'font-family="{PDF_FONT}"') + "\n" + rest}
            blocks.append(block)
        sections.append({**section, "blocks": blocks})
    return {**report, "sections": sections}


def _replace(value: Any, unshown: re.Pattern[str], found: dict[str, None]) -> Any:
    """Every string in the report with the characters `unshown` matches as U+FFFD."""
    if isinstance(value, str):
        for char in unshown.findall(value):
            found.setdefault(char)
        return unshown.sub(REPLACEMENT, value)
    if isinstance(value, list):
        return [_replace(v, unshown, found) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, unshown, found) for k, v in value.items()}
    return value


def _unshown_text(message: str) -> str | None:
    """The text typst names as undisplayable, its Rust escapes undone; None for any other error."""
    match = _UNSHOWN.search(message)
    if match is None:
        return None

    def undo(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return chr(int(m.group(1), 16))
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(m.group(2), m.group(2))

    return _RUST_ESCAPE.sub(undo, match.group(1))


def _compile(source: bytes, report: dict[str, Any], made: dt.date, dirs: list[str]) -> bytes:
    import typst

    stamp = dt.datetime(made.year, made.month, made.day, 12, tzinfo=dt.UTC)
    # typst's stubs tie the source's type to the font folders' (bytes here, str there)
    compile_: Any = typst.compile
    pdf = compile_(
        source,
        format="pdf",
        sys_inputs={"report": json.dumps(report, ensure_ascii=False)},
        pdf_standards="a-2b",
        ignore_system_fonts=True,
        font_paths=dirs,
        timestamp=stamp,
    )
    assert isinstance(pdf, bytes)
    return pdf


def render(report: dict[str, Any], made: dt.date) -> Rendered:
    from gga_cli.resources import data_dir

    source = (data_dir("templates") / "handover.typ").read_bytes()
    controls: dict[str, None] = {}
    replaced: dict[str, None] = {}
    data = _replace(_embeddable(report), _CONTROL, controls)
    dirs: list[str] = []
    for attempt in range(TRIES + 1):
        try:
            return Rendered(_compile(source, data, made, dirs), list(controls), list(replaced))
        except Exception as err:  # typst.TypstError, and anything typst raises on what it is given
            message = str(getattr(err, "message", err)).strip()
            text = _unshown_text(message)
            if text is None:
                raise RenderError(f"typst could not make the PDF: {message.splitlines()[0] if message else type(err).__name__}") from None
        if not dirs and (system := font_dirs()):
            dirs = system  # the embedded fonts lack a character: the machine's fonts may have it
            continue
        chars = {c for c in text if not c.isspace()}
        unshown = re.compile("|".join(map(re.escape, chars))) if chars and attempt < TRIES - 1 else re.compile(f"[^{_COMMON.pattern[1:-1]}]")
        data = _replace(data, unshown, replaced)
    raise RenderError("typst could not make the PDF: some text cannot be shown with any font on this machine")
