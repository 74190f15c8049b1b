"""`gga handover` as functions: pass the gate, build the report, render it.

`produce` returns what to write (files) and what to print (Markdown on stdout); the
command writes them. Nothing is produced while the gate (G130, G131) fails, unless the
report is a draft, which is then marked CONCEPT on every page.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.errors import Refusals
from gga_cli.i18n import Lang, pick
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Settings
from gga_cli.rules.registry import Context

Format = Literal["md", "pdf"]
GATE = ("G130", "G131")


class Incomplete(Refusals):
    """The handover is not complete (or its files have errors): the report may not be made
    but as a draft. Each reason on its own line."""


@dataclass
class Product:
    files: dict[Path, bytes] = field(default_factory=dict)
    stdout: str | None = None


def gaps(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """What the 100% clean handover lacks today (G130) and a missing ground for sharing (G131),
    with the organisation's severities and the case's waivers applied."""
    from gga_cli.judging import settle
    from gga_cli.rules import handover_gaps

    return [d for d in settle(handover_gaps(case, ctx, ctx.today), case, ctx) if d.severity is Severity.ERROR]


def file_name(case_id: str, lang: Lang) -> str:
    """The PDF's name where no -o is given: the case id, never the family name."""
    return f"{case_id}-{pick(lang, 'overdracht', 'handover')}.pdf"


def produce(
    case: CaseFolder, settings: Settings, ctx: Context, problems: list[Diagnostic],
    fmt: Format, to: str | None, out: Path | None, draft: bool, cwd: Path,
) -> Product:
    """The report of a loaded case with its file errors (`problems`): refused with each reason
    while the files have errors or the handover is incomplete, unless it is a draft."""
    from gga_cli.diagnostics import listing
    from gga_cli.handover.report import build, recipient

    lang = ctx.lang
    if case.case is None or case.genogram is None:
        raise Refusals([pick(lang, "de zaak mist een leesbaar case.yaml of genogram.yaml:", "the case lacks a readable case.yaml or genogram.yaml:")]
                       + listing(problems))
    who = recipient(settings, to, lang)
    if not draft:
        reasons = []
        if problems:
            reasons.append(pick(lang, "de bestanden hebben fouten (gga check):", "the files have errors (gga check):"))
            reasons += listing(problems)
        missing = gaps(case, ctx)
        if missing:
            reasons.append(pick(lang, "de overdracht is niet compleet:", "the handover is not complete:"))
            reasons += listing(missing, "none")
        if reasons:
            raise Incomplete(reasons)
    report = build(case, settings, ctx.today, lang, who, draft)
    if fmt == "pdf":
        from gga_cli.handover.pdf import render as render_pdf

        return Product(files={out or cwd / file_name(case.id, lang): render_pdf(report, ctx.today)})
    from gga_cli.handover.markdown import render as render_md

    svgs = {block["name"]: block["svg"] for s in report["sections"] for block in s["blocks"] if block["type"] == "image"}
    if out is None:
        links = {name: "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode() for name, svg in svgs.items()}
        return Product(stdout=render_md(report, links))
    product = Product()
    links = {}
    for name, svg in svgs.items():
        path = out.with_name(f"{out.stem}-{name}.svg")
        product.files[path] = svg.encode("utf-8")
        links[name] = path.name
    product.files[out] = render_md(report, links).encode("utf-8")
    return product
