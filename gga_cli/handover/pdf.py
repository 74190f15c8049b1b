"""The report as PDF/A-2b, tagged, through typst and the template `handover.typ`.

The template is fixed text; the report goes in as JSON through `sys.inputs`, so no
user text is ever spliced into typst markup. Only typst's own embedded fonts are used
(system fonts ignored), so the same report looks the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from gga_cli.errors import GgaError
from gga_cli.genogram.svg import FONT

PDF_FONT = "Libertinus Serif"


class RenderError(GgaError):
    """typst could not make the PDF: exit 1, with typst's reason, nothing written."""


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


def render(report: dict[str, Any], made: dt.date) -> bytes:
    import typst

    from gga_cli.resources import data_dir

    source = (data_dir("templates") / "handover.typ").read_bytes()
    stamp = dt.datetime(made.year, made.month, made.day, 12, tzinfo=dt.UTC)
    try:
        pdf = typst.compile(
            source,
            format="pdf",
            sys_inputs={"report": json.dumps(_embeddable(report), ensure_ascii=False)},
            pdf_standards="a-2b",
            ignore_system_fonts=True,
            timestamp=stamp,
        )
    except Exception as err:  # typst.TypstError, and anything typst raises on what it is given
        reason = str(getattr(err, "message", err)).strip().splitlines()
        raise RenderError(f"typst could not make the PDF: {reason[0] if reason else type(err).__name__}") from None
    assert isinstance(pdf, bytes)
    return pdf
