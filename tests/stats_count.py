"""The figures of `gga stats`, counted again from the YAML text with PyYAML, day by day
where the specification speaks of days: an independent count for the tests to hold
gga's figures against. Deliberately plain: no gga code is imported here."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import yaml

DAY = dt.timedelta(days=1)
GAP = {1: 7, 2: 28, 3: 7}


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: the same data, faster


def read(root: Path) -> list[dict[str, Any]]:
    cases = []
    for folder in sorted((root / "cases").iterdir()):
        files = {}
        for name in ("case", "genogram", "safety-plan", "change-plan", "contacts", "scores"):
            path = folder / f"{name}.yaml"
            files[name] = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) if path.exists() else None
        cases.append(files)
    return cases


def nearest_rank(values: list[int], q: float) -> int | None:
    if not values:
        return None
    values = sorted(values)
    return values[max(1, math.ceil(q * len(values))) - 1]


class Count:
    def __init__(self, cases: list[dict[str, Any]], start: dt.date, end: dt.date, today: dt.date) -> None:
        self.cases, self.start, self.end, self.today = cases, start, end, today

    # what a case is -------------------------------------------------------------------

    @staticmethod
    def closed(c: dict[str, Any]) -> dt.date | None:
        closed = c["case"].get("closed")
        return closed["date"] if closed else None

    def horizon(self, c: dict[str, Any]) -> dt.date:
        """Judged up to today or its closing date (the data)."""
        closed = self.closed(c)
        return min(self.today, closed) if closed else self.today

    def until(self, c: dict[str, Any]) -> dt.date:
        return min(self.end, self.horizon(c))

    def touches(self, c: dict[str, Any]) -> bool:
        closed = self.closed(c)
        return c["case"]["registered"] <= self.end and (closed is None or closed >= self.start)

    def open_on(self, c: dict[str, Any], day: dt.date) -> bool:
        closed = self.closed(c)
        return c["case"]["registered"] <= day and (closed is None or closed > day)

    def counted(self) -> list[dict[str, Any]]:
        return [c for c in self.cases if self.touches(c)]

    def phase_on(self, c: dict[str, Any], day: dt.date) -> int:
        phase = c["case"]["phases"][0]["phase"]
        for entry in c["case"]["phases"]:
            if entry["start"] <= day:
                phase = entry["phase"]
        return int(phase)

    def family_contacts(self, c: dict[str, Any]) -> list[dict[str, Any]]:
        people = {p["id"] for p in c["genogram"]["people"]}
        found = [
            x for x in (c["contacts"] or [])
            if x["kind"] != "case_consultation" and people & set(x.get("with", []) + x.get("alone", [])) and x["date"] <= self.horizon(c)
        ]
        return sorted(found, key=lambda x: x["date"])

    def score_list(self, c: dict[str, Any]) -> list[dict[str, Any]]:
        return sorted((s for s in (c["scores"] or []) if s["date"] <= self.horizon(c)), key=lambda s: s["date"])

    def assessments(self, c: dict[str, Any]) -> list[dict[str, Any]]:
        plan = c["safety-plan"] or {}
        return [a for a in plan.get("assessments", []) if a["date"] <= self.horizon(c)]

    def alarm_days(self, c: dict[str, Any]) -> list[dt.date]:
        days, last = [], {}
        for s in self.score_list(c):
            before = last.get(s.get("by"))
            last[s.get("by")] = s["score"]
            if s["score"] <= 3 or (before is not None and before - s["score"] >= 3):
                days.append(s["date"])
        days += [a["date"] for a in self.assessments(c) if a["conclusion"] == "unsafe"]
        return sorted(days)

    def plan_updates(self, c: dict[str, Any]) -> list[dt.date]:
        plan = c["safety-plan"] or {}
        days = [r["date"] for r in plan.get("reviews", [])] + ([plan["established"]] if plan.get("established") else [])
        return sorted(d for d in days if d <= self.horizon(c))

    # figures --------------------------------------------------------------------------

    def volume(self) -> dict[str, Any]:
        return {
            "open_at_start": sum(self.open_on(c, self.start) for c in self.cases),
            "open_at_end": sum(self.open_on(c, self.end) for c in self.cases),
            "started": sum(self.start <= c["case"]["registered"] <= self.end for c in self.cases),
            "closed": sum(self.closed(c) is not None and self.start <= self.closed(c) <= self.end for c in self.cases),
        }

    def first_deed(self, code: str) -> tuple[int, int, list[int]]:
        met = total = 0
        days = []
        for c in self.cases:
            registered = c["case"]["registered"]
            if not self.start <= registered <= self.end:
                continue
            until = self.until(c)
            if code == "G101":
                deeds, due = [a["date"] for a in self.assessments(c)], 5
            elif code == "G102":
                deeds, due = [x["date"] for x in self.family_contacts(c) if x["kind"] == "home_visit"], 7
            else:
                established = (c["safety-plan"] or {}).get("established")
                deeds, due = ([established] if established else []), 5
            done = min((d for d in deeds if d <= until), default=None)
            deadline = registered + dt.timedelta(days=due)
            if done is None and until <= deadline:
                continue
            total += 1
            if done is not None:
                met += done <= deadline
                days.append((done - registered).days)
        return met, total, days

    def child_alone(self) -> tuple[int, int, list[int]]:
        met = total = 0
        days = []
        for c in self.counted():
            until = self.until(c)
            for p in c["genogram"]["people"]:
                if not p.get("child") or p.get("died"):
                    continue
                born = p.get("born")
                born = dt.date(born, 1, 1) if isinstance(born, int) else born
                if born is not None and dt.date(born.year + 4, born.month, min(born.day, 28) if born.month == 2 else born.day) > until:
                    continue
                spoken = [x["date"] for x in (c["contacts"] or []) if p["id"] in x.get("alone", []) and x["date"] <= until]
                anchor = max(spoken) if spoken else max(c["case"]["registered"], born) if born else c["case"]["registered"]
                total += 1
                met += (until - anchor).days <= 42
                days.append((until - anchor).days)
        return met, total, days

    def gap_after(self, c: dict[str, Any], day: dt.date) -> int:
        phase = self.phase_on(c, day)
        if phase == 2 and any(a <= day <= a + dt.timedelta(days=28) for a in self.alarm_days(c)):
            return 7
        return GAP[phase]

    def rhythm(self) -> tuple[int, int, list[int]]:
        met = total = 0
        gaps = []
        for c in self.counted():
            contacts = self.family_contacts(c)
            until = self.until(c)
            day = max(self.start, c["case"]["registered"])
            while day <= until:
                total += 1
                before = [x["date"] for x in contacts if x["date"] <= day]
                met += not before or day == before[-1] or (day - before[-1]).days <= self.gap_after(c, before[-1])
                day += DAY
            dates = [x["date"] for x in contacts if x["date"] <= until]
            gaps += [(b - a).days for a, b in zip(dates, dates[1:]) if b >= self.start]
        return met, total, gaps

    def scored(self) -> tuple[int, int, list[int]]:
        met = total = 0
        days = []
        for c in self.cases:
            scores = [s["date"] for s in self.score_list(c)]
            for x in self.family_contacts(c):
                if self.start <= x["date"] <= self.until(c):
                    total += 1
                    met += any(x["date"] <= s <= x["date"] + DAY for s in scores)
                    later = [s for s in scores if s >= x["date"]]
                    if later:
                        days.append((min(later) - x["date"]).days)
        return met, total, days

    def alarms(self) -> tuple[int, int, list[int]]:
        met = total = 0
        days = []
        for c in self.cases:
            assessed = sorted(a["date"] for a in self.assessments(c))
            updates = self.plan_updates(c)
            for a in self.alarm_days(c):
                if not self.start <= a <= self.until(c):
                    continue
                total += 1
                first_assessment = next((d for d in assessed if d >= a), None)
                first_update = next((d for d in updates if d >= a), None)
                if first_assessment and first_update:
                    met += (first_assessment - a).days <= 1 and (first_update - a).days <= 5
                    days.append((max(first_assessment, first_update) - a).days)
        return met, total, days

    def timeliness(self) -> dict[str, dict[str, Any]]:
        out = {}
        for code, (met, total, days) in {
            "G101": self.first_deed("G101"), "G102": self.first_deed("G102"), "G103": self.first_deed("G103"),
            "G107": self.child_alone(), "G108": self.rhythm(), "G109": self.scored(), "G117": self.alarms(),
        }.items():
            out[code] = {"met": met, "total": total, "share": round(met / total, 3) if total else None,
                         "median_days": nearest_rank(days, 0.5), "p90_days": nearest_rank(days, 0.9)}
        return out

    def score_change(self) -> dict[str, int]:
        out = {"improved": 0, "same": 0, "worse": 0}
        for c in self.counted():
            scores = [s["score"] for s in self.score_list(c) if s["date"] <= self.until(c)]
            if len(scores) > 1:
                out["improved" if scores[-1] > scores[0] else "worse" if scores[-1] < scores[0] else "same"] += 1
        return out

    def goals(self) -> dict[str, int]:
        out = {"total": 0, "achieved": 0, "stopped": 0, "overdue": 0}
        for c in self.counted():
            for g in (c["change-plan"] or {}).get("goals", []):
                out["total"] += 1
                if g["status"] in ("achieved", "stopped"):
                    out[g["status"]] += 1
                if g["status"] == "active" and g.get("due") and g["due"] < self.until(c):
                    out["overdue"] += 1
        return out

    def returns(self) -> dict[str, int]:
        closed = [c for c in self.cases if self.closed(c) and self.start <= self.closed(c) <= self.end]
        back12 = back24 = 0
        for c in closed:
            ends = self.closed(c)
            assert ends is not None
            came = [o["case"]["registered"] for o in self.cases if c["case"]["id"] in o["case"].get("previous_cases", []) and o["case"]["registered"] > ends]
            back12 += any(d <= ends.replace(year=ends.year + 1) for d in came)
            back24 += any(d <= ends.replace(year=ends.year + 2) for d in came)
        return {"closed": len(closed), "returned_12m": back12, "returned_24m": back24}


def workload(cases: list[dict[str, Any]], today: dt.date, per: str) -> dict[str, dict[str, int]]:
    """Per worker (or team): open cases, open alarms, cases out of touch; counted again."""
    count = Count(cases, today, today, today)
    out: dict[str, dict[str, int]] = {}
    for c in cases:
        if count.closed(c) is not None:
            continue
        row = out.setdefault(c["case"].get(per) or "", {"open_cases": 0, "open_alarms": 0, "without_contact": 0})
        row["open_cases"] += 1
        assessed = [a["date"] for a in count.assessments(c)]
        updates = count.plan_updates(c)
        row["open_alarms"] += any(not any(d >= a for d in assessed) or not any(d >= a for d in updates) for a in count.alarm_days(c))
        contacts = [x["date"] for x in count.family_contacts(c)]
        if contacts:
            row["without_contact"] += (today - contacts[-1]).days > count.gap_after(c, contacts[-1])
        else:
            row["without_contact"] += (today - c["case"]["registered"]).days > 7
    return out
