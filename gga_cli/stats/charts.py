"""The charts of the stats report, drawn with matplotlib as SVG: timeliness per month,
days in each phase, first against last score, and families that came back.

Each chart has a title, axis labels and a text alternative: the SVG carries `role="img"`,
a `<title>` and a `<desc>` that says the figures in words, for a screen reader and for
anyone who would rather read. A figure resting on too few cases is left out of a chart
(a gap), never drawn as zero. matplotlib is the optional extra `gga[stats]`.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gga_cli.errors import Refused
from gga_cli.i18n import Lang, pick
from gga_cli.stats.words import too_few

MONTHLY = ("G101", "G102", "G103", "G109", "G117")
MONTHS = {"nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(), "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()}


class ChartsUnavailable(Refused):
    """matplotlib is not installed: exit 1, nothing written."""


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    desc: str
    svg: str
    table: tuple[Sequence[str], Sequence[Sequence[str]]]  # header and rows: the figures beside the chart


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def _svg(figure: Any, key: str, title: str, desc: str, text_as_paths: bool) -> str:
    import matplotlib

    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path" if text_as_paths else "none", "svg.hashsalt": "gga"}):
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    text = out.getvalue()
    text = text[text.index("<svg"):]
    opening = text[: text.index(">") + 1]
    accessible = opening.replace("<svg ", f'<svg role="img" aria-labelledby="{key}-title {key}-desc" ', 1)
    accessible += f'<title id="{key}-title">{html.escape(title)}</title><desc id="{key}-desc">{html.escape(desc)}</desc>'
    return re.sub(r"\n\s*", "\n", accessible + text[len(opening):])


def _figure() -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ChartsUnavailable("charts need matplotlib: pip install 'gga[stats]'; nothing written") from None
    figure = Figure(figsize=(6.4, 3.0))
    return figure, figure.subplots()


def timeliness_chart(months: list[tuple[str, dict[str, Any]]], labels: dict[str, str], lang: Lang, paths: bool) -> Chart:
    figure, ax = _figure()
    names = [MONTHS[lang][int(m[5:7]) - 1] + " " + m[2:4] for m, _ in months]
    for code in MONTHLY:
        shares = [t[code]["share"] for _, t in months]
        ax.plot(range(len(names)), [s * 100 if s is not None else float("nan") for s in shares], marker="o", label=code)
    ax.set_xticks(range(len(names)), names)
    ax.set_ylim(0, 105)
    ax.set_xlabel(pick(lang, "maand", "month"))
    ax.set_ylabel(pick(lang, "gehaald (%)", "met (%)"))
    ax.tick_params(axis="x", labelrotation=45)
    ax.legend(fontsize=7, ncols=5, loc="lower center")
    title = pick(lang, "Tijdigheid per maand", "Timeliness per month")
    ax.set_title(title)
    rows = [(name, *(_percent(t[code]["share"]) for code in MONTHLY)) for name, (_, t) in zip(names, months)]
    desc = pick(lang, "Aandeel op tijd per maand. ", "Share met per month. ") + " ".join(
        f"{labels[code]}: " + ", ".join(f"{n} {_percent(t[code]['share'])}" for n, (_, t) in zip(names, months)) + "."
        for code in MONTHLY
    ) + pick(lang, f" Een streepje: {too_few(lang)}.", f" A dash: {too_few(lang)}.")
    return Chart("timeliness", title, desc, _svg(figure, "timeliness", title, desc, paths),
                  ((pick(lang, "maand", "month"), *MONTHLY), rows))


def phase_chart(course: dict[str, Any], lang: Lang, paths: bool) -> Chart:
    figure, ax = _figure()
    phases = ["1", "2", "3"]
    median = [course["phase_days"][p]["median_days"] for p in phases]
    p90 = [course["phase_days"][p]["p90_days"] for p in phases]
    names = [pick(lang, f"fase {p}", f"phase {p}") for p in phases]
    ax.bar([i - 0.2 for i in range(3)], [m or 0 for m in median], width=0.4, label=pick(lang, "mediaan", "median"))
    ax.bar([i + 0.2 for i in range(3)], [m or 0 for m in p90], width=0.4, label="p90")
    ax.axhspan(30, 183, color="0.9", zorder=0, label=pick(lang, "boekje: een tot zes maanden (fase 1)", "booklet: one to six months (phase 1)"))
    ax.set_xticks(range(3), names)
    ax.set_xlabel(pick(lang, "fase", "phase"))
    ax.set_ylabel(pick(lang, "dagen", "days"))
    ax.legend(fontsize=7)
    title = pick(lang, "Dagen in elke fase", "Days in each phase")
    ax.set_title(title)
    cases = [course["phase_days"][p]["cases"] for p in phases]
    rows = [(n, _n(m), _n(q), str(c)) for n, m, q, c in zip(names, median, p90, cases)]
    desc = " ".join(pick(lang, f"{n}: mediaan {_n(m)} dagen, p90 {_n(q)} dagen ({c} zaken).", f"{n}: median {_n(m)} days, p90 {_n(q)} days ({c} cases).")
                    for n, m, q, c in zip(names, median, p90, cases))
    return Chart("phases", title, desc, _svg(figure, "phases", title, desc, paths),
                 ((pick(lang, "fase", "phase"), pick(lang, "mediaan", "median"), "p90", pick(lang, "zaken", "cases")), rows))


def _n(value: Any) -> str:
    return "–" if value is None else str(value)


def _bars(key: str, title: str, xlabel: str, names: list[str], values: list[int | None], cases: int, lang: Lang, paths: bool) -> Chart:
    figure, ax = _figure()
    ax.bar(names, [v or 0 for v in values], color=["#2e7d32", "#9e9e9e", "#c62828", "#1f3a5f"][: len(names)])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(pick(lang, "zaken", "cases"))
    ax.set_title(title)
    ax.set_ylim(0, max([1, *(v for v in values if v is not None)]) * 1.1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    if all(v is None for v in values):
        ax.text(0.5, 0.5, too_few(lang), transform=ax.transAxes, ha="center")
    desc = ", ".join(f"{n}: {_n(v)}" for n, v in zip(names, values)) + pick(lang, f" (van {cases} zaken).", f" (of {cases} cases).")
    return Chart(key, title, desc, _svg(figure, key, title, desc, paths),
                 ((xlabel, pick(lang, "zaken", "cases")), [(n, _n(v)) for n, v in zip(names, values)]))


def score_chart(safety: dict[str, Any], lang: Lang, paths: bool) -> Chart:
    change = safety["score_change"]
    return _bars("scores", pick(lang, "Eerste tegen laatste veiligheidsscore", "First against last safety score"),
                 pick(lang, "laatste score tegen de eerste", "last score against the first"),
                 [pick(lang, "beter", "better"), pick(lang, "gelijk", "same"), pick(lang, "slechter", "worse")],
                 [change["improved"], change["same"], change["worse"]], change["cases"], lang, paths)


def returns_chart(returns: dict[str, Any], lang: Lang, paths: bool) -> Chart:
    return _bars("returns", pick(lang, "Gezinnen die terugkwamen", "Families that came back"),
                 pick(lang, "terug na afsluiting", "back after closure"),
                 [pick(lang, "binnen 12 maanden", "within 12 months"), pick(lang, "binnen 24 maanden", "within 24 months")],
                 [returns["returned_12m"], returns["returned_24m"]], returns["closed"], lang, paths)


def charts(whole: dict[str, Any], months: list[tuple[str, dict[str, Any]]], labels: dict[str, str], lang: Lang, paths: bool = False) -> list[Chart]:
    """The report's charts over every case of the period (`whole`: an ungrouped report that is
    not suppressed). Raises ChartsUnavailable where matplotlib is missing."""
    group = whole["groups"][0]
    return [
        timeliness_chart(months, labels, lang, paths),
        phase_chart(group["course"], lang, paths),
        score_chart(group["safety"], lang, paths),
        returns_chart(group["returns"], lang, paths),
    ]
