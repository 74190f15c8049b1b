"""`gga handover` as functions: load the case, pass the gate, build the report, render it.

`produce` returns what to write (files) and what to print (Markdown on stdout); the
command writes them. Nothing is produced while the gate (G130, G131) fails, unless the
report is a draft, which is then marked CONCEPT on every page.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.i18n import Lang, pick
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Settings
from gga_cli.rules.registry import Context

Format = Literal["md", "pdf"]
GATE = ("G130", "G131")


class Refusal(Exception):
    """The report may not be made: each reason on its own line."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.reasons = reasons


@dataclass
class Loaded:
    case: CaseFolder
    settings: Settings
    ctx: Context
    problems: list[Diagnostic] = field(default_factory=list)  # file errors (F codes)


@dataclass
class Product:
    files: dict[Path, bytes] = field(default_factory=dict)
    stdout: str | None = None
    warnings: list[str] = field(default_factory=list)  # said on stderr; the report is made


def load(folder: Path, today: dt.date, lang: Lang | None) -> Loaded:
    """The case as loaded, with the settings of its caseload and any file errors."""
    from gga_cli.casefind import caseload_root
    from gga_cli.checking import context
    from gga_cli.caseload import load_settings
    from gga_cli.loader import load_case

    root = caseload_root(folder)
    settings, setting_problems = load_settings(root, lang)
    ctx = context(settings, today, lang)
    case, diagnostics = load_case(folder, root, ctx.lang, today)
    problems = [d for d in setting_problems + diagnostics if d.severity is Severity.ERROR]
    return Loaded(case, settings, ctx, problems)


def gaps(case: CaseFolder, ctx: Context) -> list[Diagnostic]:
    """What the 100% clean handover lacks today (G130) and a missing ground for sharing (G131),
    with the organisation's severities and the case's waivers applied."""
    from gga_cli import rules
    from gga_cli.checking import judge, settle

    finder = getattr(rules, "handover_gaps", None)
    found = finder(case, ctx, ctx.today) if finder is not None else [d for d in judge(case, ctx) if d.code in GATE]
    return [d for d in settle(found, case, ctx) if d.severity is Severity.ERROR]


def _codes(chars: list[str]) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in chars[:10]) + (" …" if len(chars) > 10 else "")


def file_name(case_id: str, lang: Lang) -> str:
    """The PDF's name where no -o is given: the case id, never the family name."""
    return f"{case_id}-{pick(lang, 'overdracht', 'handover')}.pdf"


def produce(
    loaded: Loaded, fmt: Format, to: str | None, out: Path | None, draft: bool, cwd: Path
) -> Product:
    from gga_cli.handover.report import build, recipient

    case, ctx = loaded.case, loaded.ctx
    lang = ctx.lang
    if case.case is None or case.genogram is None:
        raise Refusal([pick(lang, "de zaak mist een leesbaar case.yaml of genogram.yaml:", "the case lacks a readable case.yaml or genogram.yaml:")]
                      + [f"  {d.file}:{d.line or ''} {d.code} {d.message}" for d in loaded.problems])
    who = recipient(loaded.settings, to, lang)
    if not draft:
        reasons = []
        if loaded.problems:
            reasons.append(pick(lang, "de bestanden hebben fouten (gga check):", "the files have errors (gga check):"))
            reasons += [f"  {d.file}:{d.line or ''} {d.code} {d.message}" for d in loaded.problems]
        missing = gaps(case, ctx)
        if missing:
            reasons.append(pick(lang, "de overdracht is niet compleet:", "the handover is not complete:"))
            reasons += [f"  {d.code} {d.message}" for d in missing]
        if reasons:
            reasons.append(pick(lang, "maak een concept met --draft", "make a draft with --draft"))
            raise Refusal(reasons)
    report = build(case, loaded.settings, ctx.today, lang, who, draft)
    if fmt == "pdf":
        from gga_cli.handover.pdf import render as render_pdf

        rendered = render_pdf(report, ctx.today)
        product = Product(files={out or cwd / file_name(case.id, lang): rendered.pdf})
        if rendered.controls:
            product.warnings.append(pick(lang, f"stuurtekens {_codes(rendered.controls)} staan in de PDF als \ufffd",
                                         f"control characters {_codes(rendered.controls)} are shown as \ufffd in the PDF"))
        if rendered.unshown:
            product.warnings.append(pick(
                lang, f"geen lettertype op deze computer toont {_codes(rendered.unshown)}: in de PDF staat daar \ufffd "
                "(installeer bijv. fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji)",
                f"no font on this machine shows {_codes(rendered.unshown)}: the PDF has \ufffd in its place "
                "(install e.g. fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji)"))
        return product
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
