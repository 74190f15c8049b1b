"""`gga stats` as text for the terminal and as CSV: plain strings built from the figures."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import TYPE_CHECKING, Any

from gga_cli.i18n import Lang, long_date, pick
from gga_cli.models.settings import Deadlines
from gga_cli.stats.facts import CaseFacts
from gga_cli.stats.figures import TIMELINESS, Period, stats
from gga_cli.stats.words import key_label, measure_word, timeliness_label, too_few

if TYPE_CHECKING:
    from gga_cli.rules.registry import Context

BAR = 10


def bar(part: float | None) -> str:
    """A share as a bar of ten cells: ██████░░░░."""
    if part is None:
        return " " * BAR
    full = round(part * BAR)
    return "█" * full + "░" * (BAR - full)


def _n(value: Any) -> str:
    return "–" if value is None else str(value)


def _spread(lang: Lang, figure: dict[str, Any]) -> str:
    if figure.get("suppressed"):
        return pick(lang, f"{too_few(lang)} ({figure['cases']})", f"{too_few(lang)} ({figure['cases']})")
    return pick(lang, f"mediaan {figure['median_days']} d, p90 {figure['p90_days']} d ({figure['cases']} zaken)",
                f"median {figure['median_days']} d, p90 {figure['p90_days']} d ({figure['cases']} cases)")


def text(report: dict[str, Any], by: str | None, deadlines: Deadlines, lang: Lang) -> str:
    start, end = dt.date.fromisoformat(report["from"]), dt.date.fromisoformat(report["to"])
    lines = [pick(lang, f"Cijfers {long_date(start, lang)} – {long_date(end, lang)}", f"Figures {long_date(start, lang)} – {long_date(end, lang)}")]
    if report["unreadable"]:
        lines.append(pick(lang, f"{report['unreadable']} zaken zonder leesbare case.yaml zijn niet meegeteld",
                          f"{report['unreadable']} cases without a readable case.yaml are not counted"))
    for group in report["groups"]:
        lines += ["", _group(group, by, deadlines, lang)]
    return "\n".join(lines) + "\n"


def _group(g: dict[str, Any], by: str | None, d: Deadlines, lang: Lang) -> str:
    head = f"{key_label(by, g['key'], lang)} · {g['cases']} " + pick(lang, "zaken", "cases")
    if g.get("suppressed"):
        return f"{head}: {too_few(lang)}"
    if g["with_errors"]:
        head += pick(lang, f" ({g['with_errors']} met fouten in hun bestanden, geteld voor zover geldig)",
                     f" ({g['with_errors']} with errors in their files, counted as far as valid)")
    v, c, s, cl, r = g["volume"], g["course"], g["safety"], g["closure"], g["returns"]
    out = [head, pick(lang, "  Omvang", "  Volume")]
    out.append(pick(lang, f"    open bij begin {v['open_at_start']} · open bij einde {v['open_at_end']} · gestart {v['started']} · afgesloten {v['closed']}",
                    f"    open at start {v['open_at_start']} · open at end {v['open_at_end']} · started {v['started']} · closed {v['closed']}"))
    out.append(pick(lang, "    per maatregel: ", "    by measure: ") + ", ".join(f"{measure_word(k, lang)} {n}" for k, n in v["by_measure"].items()))
    out.append(pick(lang, "    open per fase aan het einde: ", "    open by phase at the end: ") + ", ".join(
        pick(lang, f"fase {k}: {n}", f"phase {k}: {n}") for k, n in v["by_phase"].items()))
    out.append(pick(lang, "  Tijdigheid", "  Timeliness"))
    width = max(len(timeliness_label(code, d, lang)) for code in TIMELINESS)
    for code in TIMELINESS:
        f = g["timeliness"][code]
        label = f"    {code} {timeliness_label(code, d, lang):<{width}}"
        if f["met"] is None:
            out.append(f"{label}  {too_few(lang)} ({f['cases']})")
            continue
        count = pick(lang, f"{f['met']} van {f['total']}", f"{f['met']} of {f['total']}")
        out.append(f"{label}  {count:>15}  {bar(f['share'])} {round(f['share'] * 100):>3}%  "
                   + pick(lang, f"mediaan {_n(f['median_days'])} d, p90 {_n(f['p90_days'])} d",
                          f"median {_n(f['median_days'])} d, p90 {_n(f['p90_days'])} d"))
    out.append(pick(lang, "  Verloop", "  Course"))
    for phase, f in c["phase_days"].items():
        line = pick(lang, f"    dagen in fase {phase}: ", f"    days in phase {phase}: ") + _spread(lang, f)
        if phase == "1" and f.get("within_one_to_six_months") is not None:
            line += pick(lang, f"; {f['within_one_to_six_months']} binnen een tot zes maanden", f"; {f['within_one_to_six_months']} within one to six months")
        out.append(line)
    out.append(pick(lang, "    duur afgesloten zaken: ", "    duration of closed cases: ") + _spread(lang, c["duration_closed"]))
    sb = c["stepped_back"]
    out.append(pick(lang, f"    fase teruggezet: {_n(sb['count'])} van {sb['cases']} zaken", f"    stepped back a phase: {_n(sb['count'])} of {sb['cases']} cases"))
    gl = c["goals"]
    out.append(pick(lang, f"    doelen: {gl['total']}, bereikt {_n(gl['achieved'])}, gestopt {_n(gl['stopped'])}, over de streefdatum {_n(gl['overdue'])}",
                    f"    goals: {gl['total']}, reached {_n(gl['achieved'])}, stopped {_n(gl['stopped'])}, past their due date {_n(gl['overdue'])}"))
    out.append(pick(lang, "  Veiligheid", "  Safety"))
    sc = s["score_change"]
    out.append(pick(lang, f"    eerste tegen laatste score: beter {_n(sc['improved'])}, gelijk {_n(sc['same'])}, slechter {_n(sc['worse'])} ({sc['cases']} zaken)",
                    f"    first against last score: better {_n(sc['improved'])}, same {_n(sc['same'])}, worse {_n(sc['worse'])} ({sc['cases']} cases)"))
    oa, low = s["open_alarms"], s["low_last_score"]
    out.append(pick(lang, f"    open alarm aan het einde: {_n(oa['with_open_alarm'])} van {oa['cases']} open zaken",
                    f"    open alarm at the end: {_n(oa['with_open_alarm'])} of {oa['cases']} open cases"))
    out.append(pick(lang, f"    laatste score {low['at_or_below']} of lager: {_n(low['count'])} van {low['cases']} open zaken",
                    f"    last score {low['at_or_below']} or lower: {_n(low['count'])} of {low['cases']} open cases"))
    out.append(pick(lang, "  Afsluiting", "  Closure"))
    if cl["met"] is None:
        out.append(pick(lang, f"    {cl['closed']} afgesloten: {too_few(lang)}", f"    {cl['closed']} closed: {too_few(lang)}"))
    else:
        out.append(pick(lang, f"    100% schone overdracht: {cl['met']} van {cl['closed']} {bar(cl['share'])}; met uitzondering: {cl['waived']}",
                        f"    100% clean handover: {cl['met']} of {cl['closed']} {bar(cl['share'])}; with a waiver: {cl['waived']}"))
    out.append(pick(lang, "  Terugkeer", "  Returns"))
    if r["returned_12m"] is None:
        out.append(pick(lang, f"    {r['closed']} afgesloten: {too_few(lang)}", f"    {r['closed']} closed: {too_few(lang)}"))
    else:
        out.append(pick(lang, f"    terug binnen 12 maanden: {r['returned_12m']} van {r['closed']}, binnen 24 maanden: {r['returned_24m']}; mediaan {_n(r['median_days'])} d",
                        f"    back within 12 months: {r['returned_12m']} of {r['closed']}, within 24 months: {r['returned_24m']}; median {_n(r['median_days'])} d"))
    return "\n".join(out)


def render(fmt: str, cases: list[CaseFacts], ctx: Context, period: Period, by: str | None, min_group: int, deadlines: Deadlines) -> str:
    """The figures as `gga stats` prints them: json (the contract), csv or text."""
    report = stats(cases, ctx, period, by, min_group)
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return csv_text(report)
    return text(report, by, deadlines, ctx.lang)


COLUMNS = ["group", "figure", "value", "met", "total", "share", "median_days", "p90_days", "cases", "suppressed"]
_RATE = ("met", "total", "share", "median_days", "p90_days", "cases", "suppressed")


def csv_text(report: dict[str, Any]) -> str:
    """One row per group and figure; a group's key is its name, or empty for all cases."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for g in report["groups"]:
        key = "" if g["key"] is None else str(g["key"])
        writer.writerow({"group": key, "figure": "cases", "value": g["cases"], "suppressed": bool(g.get("suppressed"))})
        if g.get("suppressed"):
            continue
        writer.writerow({"group": key, "figure": "with_errors", "value": g["with_errors"], "suppressed": False})
        for section in ("volume", "timeliness", "course", "safety", "closure", "returns"):
            for row in _rows(section, g[section]):
                writer.writerow({"group": key, "suppressed": False, **row})
    return out.getvalue()


def _rows(path: str, value: dict[str, Any]) -> list[dict[str, Any]]:
    if "met" in value and "total" in value:
        return [{"figure": path, **{k: value.get(k) for k in _RATE}, "suppressed": bool(value.get("suppressed"))}]
    rows: list[dict[str, Any]] = []
    cases = value.get("cases", value.get("closed"))
    for k, v in value.items():
        if isinstance(v, dict):
            rows += _rows(f"{path}.{k}", v)
        elif k not in ("cases", "suppressed"):
            rows.append({"figure": f"{path}.{k}", "value": v, "cases": cases, "suppressed": v is None})
    return rows
