"""The stats report as one self-contained HTML page (no network: styles inline, charts as
inline SVG) and as the data of the typst template `stats.typ` for the PDF."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from gga_cli.i18n import Lang, long_date, pick
from gga_cli.models.settings import Deadlines
from gga_cli.stats.charts import Chart
from gga_cli.rules.registry import Context
from gga_cli.stats.facts import CaseFacts
from gga_cli.stats.figures import TIMELINESS, Period
from gga_cli.stats.text import _group
from gga_cli.stats.words import key_label, timeliness_label, too_few

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1b1b1b; padding: 0 1rem; }
h1, h2 { color: #1f3a5f; }
.chart { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; margin-bottom: 2rem; }
.chart figure { margin: 0; flex: 2 1 28rem; }
.chart svg { width: 100%; height: auto; }
.chart table { flex: 1 1 14rem; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.few { font-style: italic; color: #555; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def title(report: dict[str, Any], lang: Lang) -> str:
    start, end = dt.date.fromisoformat(report["from"]), dt.date.fromisoformat(report["to"])
    return pick(lang, f"Cijfers {long_date(start, lang)} – {long_date(end, lang)}", f"Figures {long_date(start, lang)} – {long_date(end, lang)}")


def timeliness_rows(group: dict[str, Any], d: Deadlines, lang: Lang) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for code in TIMELINESS:
        f = group["timeliness"][code]
        if f["met"] is None:
            rows.append((code, timeliness_label(code, d, lang), f"{too_few(lang)} ({f['cases']})", "–", "–", "–"))
        else:
            rows.append((code, timeliness_label(code, d, lang), pick(lang, f"{f['met']} van {f['total']}", f"{f['met']} of {f['total']}"),
                         f"{round(f['share'] * 100)}%", f"{f['median_days']} d", f"{f['p90_days']} d"))
    return rows


def timeliness_header(lang: Lang) -> tuple[str, ...]:
    return ("", pick(lang, "regel", "rule"), pick(lang, "gehaald", "met"), pick(lang, "aandeel", "share"),
            pick(lang, "mediaan", "median"), "p90")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], caption: str | None = None) -> str:
    head = "".join(f"<th scope=\"col\">{_e(h)}</th>" for h in header)
    number = ' class="n"'
    body = "".join("<tr>" + "".join(f"<td{number if i and cell[:1].isdigit() else ''}>{_e(cell)}</td>"
                                    for i, cell in enumerate(row)) + "</tr>" for row in rows)
    cap = f"<caption>{_e(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _rest(text: str) -> str:
    """The group's other figures (volume, course, safety, closure, returns) from its text, as lists."""
    out, items = [], []
    for line in text.splitlines()[1:]:
        if line.startswith("    "):
            items.append(f"<li>{_e(line.strip())}</li>")
        elif line.startswith("  "):
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
                items = []
            out.append(f"<h3>{_e(line.strip())}</h3>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "".join(out)


def html_page(report: dict[str, Any], by: str | None, charts: list[Chart], d: Deadlines, lang: Lang) -> str:
    parts = [f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">",
             f"<title>{_e(title(report, lang))}</title><style>{STYLE}</style></head><body>",
             f"<h1>{_e(title(report, lang))}</h1>"]
    if charts:
        parts.append(f"<h2>{_e(pick(lang, 'Alle zaken in beeld', 'All cases at a glance'))}</h2>")
    for chart in charts:
        parts.append(f"<section class=\"chart\"><figure>{chart.svg}<figcaption>{_e(chart.title)}</figcaption></figure>"
                     f"{_table(chart.table[0], chart.table[1], chart.title)}</section>")
    for group in report["groups"]:
        parts.append(f"<h2>{_e(key_label(by, group['key'], lang))} · {group['cases']} {_e(pick(lang, 'zaken', 'cases'))}</h2>")
        if group.get("suppressed"):
            parts.append(f"<p class=\"few\">{_e(too_few(lang))}</p>")
            continue
        parts.append(f"<h3>{_e(pick(lang, 'Tijdigheid', 'Timeliness'))}</h3>")
        parts.append(_table(timeliness_header(lang), timeliness_rows(group, d, lang)))
        parts.append(_rest("\n".join(line for line in _group(group, by, d, lang).splitlines()
                                     if not line.startswith("    G1"))).replace(f"<h3>{_e(pick(lang, 'Tijdigheid', 'Timeliness'))}</h3>", ""))
    parts.append("</body></html>\n")
    return "".join(parts)


def pdf_data(report: dict[str, Any], by: str | None, charts: list[Chart], d: Deadlines, lang: Lang) -> dict[str, Any]:
    """What `stats.typ` reads: plain strings only, never typst markup."""
    groups = []
    for group in report["groups"]:
        entry: dict[str, Any] = {"title": f"{key_label(by, group['key'], lang)} · {group['cases']} {pick(lang, 'zaken', 'cases')}"}
        if group.get("suppressed"):
            entry["few"] = too_few(lang)
        else:
            entry["header"] = list(timeliness_header(lang))
            entry["rows"] = [list(r) for r in timeliness_rows(group, d, lang)]
            entry["lines"] = [line.strip() for line in _group(group, by, d, lang).splitlines()[1:] if not line.startswith("    G1")]
        groups.append(entry)
    return {
        "title": title(report, lang),
        "lang": lang,
        "charts": [{"title": c.title, "alt": c.desc, "svg": c.svg, "header": list(c.table[0]), "rows": [list(r) for r in c.table[1]]}
                   for c in charts],
        "groups": groups,
    }


def render_pdf(data: dict[str, Any], made: dt.date) -> bytes:
    import json

    import typst

    from gga_cli.handover.pdf import RenderError
    from gga_cli.resources import data_dir

    source = (data_dir("templates") / "stats.typ").read_bytes()
    try:
        pdf = typst.compile(source, format="pdf", sys_inputs={"report": json.dumps(data, ensure_ascii=False)},
                            ignore_system_fonts=True, timestamp=dt.datetime(made.year, made.month, made.day, 12, tzinfo=dt.UTC))
    except Exception as err:  # typst.TypstError, and anything typst raises on what it is given
        reason = str(getattr(err, "message", err)).strip().splitlines()
        raise RenderError(f"typst could not make the PDF: {reason[0] if reason else type(err).__name__}") from None
    assert isinstance(pdf, bytes)
    return pdf


def document(found: list[CaseFacts], ctx: Context, period: Period, by: str | None, min_group: int, deadlines: Deadlines, pdf: bool) -> str | bytes:
    """The whole report, HTML or PDF: the charts over every case, the tables per group.
    Raises ChartsUnavailable where matplotlib is missing."""
    from gga_cli.stats.charts import charts
    from gga_cli.stats.figures import months, stats

    report = stats(found, ctx, period, by, min_group)
    whole = stats(found, ctx, period, None, min_group) if by else report
    labels = {code: code for code in TIMELINESS}
    drawn = [] if whole["groups"][0].get("suppressed") else charts(whole, months(found, ctx, period, min_group), labels, ctx.lang, paths=pdf)
    if pdf:
        return render_pdf(pdf_data(report, by, drawn, deadlines, ctx.lang), ctx.today)
    return html_page(report, by, drawn, deadlines, ctx.lang)
