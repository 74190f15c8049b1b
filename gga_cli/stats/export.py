"""`gga export`: pseudonymised tables of a caseload for the organisation's BI.

One table a kind of entry (cases, phases, contacts, scores, goals, assessments, findings),
each a list of flat rows holding dates, codes, counts and the method's enumerations only:
no name, no note, no free text, no person id (ids are first names). A case id becomes a
keyed hash (HMAC-SHA256), so the same case gets the same pseudonym in every export made
with the same key and nobody without the key can tell which case it is; so do the
worker and the team. A birth date becomes its year. Privacy fails closed: without a key, no export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gga_cli.judging import Judged

TABLES = ("cases", "phases", "contacts", "scores", "goals", "assessments", "findings")
MIN_KEY = 16  # characters: a short key could be guessed by trying


class Pseudonyms:
    def __init__(self, key: str) -> None:
        self._key = key.encode("utf-8")

    def __call__(self, value: str | None) -> str | None:
        if value is None:
            return None
        return hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def _year(value: int | dt.date | None) -> int | None:
    return value.year if isinstance(value, dt.date) else value


def rows(cases: Iterable[Judged], key: str) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows over the judged cases."""
    alias = Pseudonyms(key)
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for judged in cases:
        case, diagnostics = judged.case, judged.diagnostics
        facts = case.case
        ref = alias(facts.id if facts is not None else case.id)
        tables["findings"] += [
            {"case": ref, "code": d.code, "severity": d.severity.value, "file": (d.file or "").rsplit("/", 1)[-1] or None, "line": d.line}
            for d in diagnostics
        ]
        if facts is None:
            continue
        people = {p.id: p for p in case.genogram.people} if case.genogram is not None else {}
        children = [p for p in people.values() if p.child]
        index = next((p for p in children if p.index), None)
        tables["cases"].append({
            "case": ref,
            "registered": facts.registered,
            "closed": facts.closed.date if facts.closed is not None else None,
            "measure": facts.measure.kind,
            "measure_start": facts.measure.start,
            "measure_end": facts.measure.end,
            "phase": facts.phase,
            "team": alias(facts.team),
            "worker": alias(facts.worker),
            "children": len(children),
            "index_child_born": _year(index.born) if index is not None else None,
            "previous_cases": len(facts.previous_cases),
        })
        tables["phases"] += [{"case": ref, "phase": e.phase, "start": e.start} for e in facts.phases]
        tables["contacts"] += [
            {"case": ref, "date": c.date, "kind": c.kind,
             "family": sum(1 for i in c.with_ if i in people), "others": sum(1 for i in c.with_ if i not in people),
             "children_alone": len(c.alone)}
            for c in case.contacts
        ]
        tables["scores"] += [
            {"case": ref, "date": s.date, "score": s.score,
             "rater": "worker" if s.by is None else "family" if s.by in people else "network"}
            for s in case.scores
        ]
        if case.change_plan is not None:
            tables["goals"] += [
                {"case": ref, "goal": n, "status": g.status, "due": g.due, "with_help": g.help is not None}
                for n, g in enumerate(case.change_plan.goals, 1)
            ]
            tables["assessments"] += [
                {"case": ref, "date": r.date, "kind": "risk", "tool": r.tool, "version": r.version, "outcome": r.outcome, "threats": None}
                for r in case.change_plan.risk_assessments
            ]
        if case.safety_plan is not None:
            tables["assessments"] += [
                {"case": ref, "date": a.date, "kind": "safety", "tool": a.tool, "version": a.version, "outcome": a.conclusion,
                 "threats": len(a.threats)}
                for a in case.safety_plan.assessments
            ]
    return tables


COLUMNS: dict[str, list[str]] = {
    "cases": ["case", "registered", "closed", "measure", "measure_start", "measure_end", "phase", "team", "worker",
              "children", "index_child_born", "previous_cases"],
    "phases": ["case", "phase", "start"],
    "contacts": ["case", "date", "kind", "family", "others", "children_alone"],
    "scores": ["case", "date", "score", "rater"],
    "goals": ["case", "goal", "status", "due", "with_help"],
    "assessments": ["case", "date", "kind", "tool", "version", "outcome", "threats"],
    "findings": ["case", "code", "severity", "file", "line"],
}


def csv_bytes(table: str, found: list[dict[str, Any]]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS[table], lineterminator="\n")
    writer.writeheader()
    for row in found:
        writer.writerow({k: ("" if v is None else v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()})
    return out.getvalue().encode("utf-8")


def parquet_bytes(table: str, found: list[dict[str, Any]]) -> bytes:
    """Raises ImportError where pyarrow (the `export` extra) is not installed."""
    import io

    import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]

    columns = {name: [row[name] for row in found] for name in COLUMNS[table]}
    sink = io.BytesIO()
    pq.write_table(pa.table(columns), sink)
    return sink.getvalue()
