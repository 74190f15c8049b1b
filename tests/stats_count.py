"""The figures of `gga stats`, counted again from the YAML text with PyYAML, day by day
where the specification speaks of days: an independent count for the tests to hold
gga's figures against. Deliberately plain: no gga code is imported here.

Where spec/stats.md and spec/method.md leave a figure open, the count reads it as gga
documents it (README, gga_cli/stats/figures.py, docs/rules.md): days in a phase over the
stays that ended in the period, phase 1 against 30 to 183 days; by measure over the cases
open in the period; stepped back anywhere in a case's history up to the day judged; the
returns' median over the returns within 24 months; G113 asks for the plan's agreed date, not
that it is on or before the closing; G130's risk assessment is an ARIJ one and its
considerations those not private; a waiver stands on the day the stats are made (--today)."""

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
        for name in ("case", "genogram", "safety-plan", "change-plan", "safeguarding-plan", "contacts", "scores"):
            path = folder / f"{name}.yaml"
            files[name] = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) if path.exists() else None
        cases.append(files)
    return cases


def nearest_rank(values: list[int], q: float) -> int | None:
    if not values:
        return None
    values = sorted(values)
    return values[max(1, math.ceil(q * len(values))) - 1]


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February."""
    return day.replace(year=day.year + years, day=28 if (day.month, day.day) == (2, 29) else day.day)


class Count:
    def __init__(self, cases: list[dict[str, Any]], start: dt.date, end: dt.date, today: dt.date, min_group: int = 1) -> None:
        self.cases, self.start, self.end, self.today, self.min_group = cases, start, end, today, min_group

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
        valid = (s for s in (c["scores"] or []) if 1 <= s["score"] <= 10)  # another score fails the schema: left out
        return sorted((s for s in valid if s["date"] <= self.horizon(c)), key=lambda s: s["date"])

    def assessments(self, c: dict[str, Any]) -> list[dict[str, Any]]:
        plan = c["safety-plan"] or {}
        return [a for a in plan.get("assessments", []) if a["date"] <= self.horizon(c)]

    def alarm_days(self, c: dict[str, Any]) -> list[dt.date]:
        days: list[dt.date] = []
        last: dict[Any, int] = {}
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

    def in_period(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def open_at_end(self) -> list[dict[str, Any]]:
        return [c for c in self.cases if self.open_on(c, self.end)]

    def volume(self) -> dict[str, Any]:
        by_measure: dict[str, int] = {}
        for c in self.counted():
            by_measure[c["case"]["measure"]["kind"]] = by_measure.get(c["case"]["measure"]["kind"], 0) + 1
        by_phase: dict[str, int] = {}
        for c in self.open_at_end():
            phase = str(self.phase_on(c, self.end))
            by_phase[phase] = by_phase.get(phase, 0) + 1
        return {
            "open_at_start": sum(self.open_on(c, self.start) for c in self.cases),
            "open_at_end": sum(self.open_on(c, self.end) for c in self.cases),
            "started": sum(self.start <= c["case"]["registered"] <= self.end for c in self.cases),
            "closed": sum(self.in_period(self.closed(c)) for c in self.cases),
            "by_measure": dict(sorted(by_measure.items())),
            "by_phase": dict(sorted(by_phase.items())),
        }

    def with_errors(self) -> int:
        """Cases with errors in their files, of the kinds a test caseload holds: a file missing
        that a case needs (F030), a score out of 1..10 (F010), a score or contact dated after
        today or before registration (F021)."""
        def wrong(c: dict[str, Any]) -> bool:
            if c["case"] is None or c["genogram"] is None:
                return True
            registered = c["case"]["registered"]
            entries = (c["scores"] or []) + (c["contacts"] or [])
            return any(not 1 <= s["score"] <= 10 for s in c["scores"] or []) or any(not registered <= e["date"] <= self.today for e in entries)
        return sum(wrong(c) for c in self.counted())

    def first_deed(self, code: str) -> tuple[int, int, list[int], int]:
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
        return met, total, days, total  # each case counted once

    def child_alone(self) -> tuple[int, int, list[int], int]:
        met = total = cases = 0
        days = []
        for c in self.counted():
            until = self.until(c)
            before = total
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
            cases += total > before
        return met, total, days, cases

    def gap_after(self, c: dict[str, Any], day: dt.date) -> int:
        phase = self.phase_on(c, day)
        if phase == 2 and any(a <= day <= a + dt.timedelta(days=28) for a in self.alarm_days(c)):
            return 7
        return GAP[phase]

    def rhythm(self) -> tuple[int, int, list[int], int]:
        met = total = cases = 0
        gaps = []
        for c in self.counted():
            contacts = self.family_contacts(c)
            until = self.until(c)
            day = max(self.start, c["case"]["registered"])
            cases += day <= until
            while day <= until:
                total += 1
                before = [x["date"] for x in contacts if x["date"] <= day]
                met += not before or day == before[-1] or (day - before[-1]).days <= self.gap_after(c, before[-1])
                day += DAY
            dates = [x["date"] for x in contacts if x["date"] <= until]
            gaps += [(b - a).days for a, b in zip(dates, dates[1:]) if b >= self.start]
        return met, total, gaps, cases

    def scored(self) -> tuple[int, int, list[int], int]:
        met = total = cases = 0
        days = []
        for c in self.cases:
            scores = [s["date"] for s in self.score_list(c)]
            before = total
            for x in self.family_contacts(c):
                if self.start <= x["date"] <= self.until(c):
                    total += 1
                    met += any(x["date"] <= s <= x["date"] + DAY for s in scores)
                    later = [s for s in scores if s >= x["date"]]
                    if later:
                        days.append((min(later) - x["date"]).days)
            cases += total > before
        return met, total, days, cases

    def alarms(self) -> tuple[int, int, list[int], int]:
        met = total = cases = 0
        days = []
        for c in self.cases:
            assessed = sorted(a["date"] for a in self.assessments(c))
            updates = self.plan_updates(c)
            before = total
            for a in self.alarm_days(c):
                if not self.start <= a <= self.until(c):
                    continue
                total += 1
                first_assessment = next((d for d in assessed if d >= a), None)
                first_update = next((d for d in updates if d >= a), None)
                if first_assessment and first_update:
                    met += (first_assessment - a).days <= 1 and (first_update - a).days <= 5
                    days.append((max(first_assessment, first_update) - a).days)
            cases += total > before
        return met, total, days, cases

    def timeliness(self) -> dict[str, dict[str, Any]]:
        """Each figure with the cases it rests on; held back (its total kept) where the
        cases or the total are fewer than `min_group`."""
        out: dict[str, dict[str, Any]] = {}
        for code, (met, total, days, cases) in {
            "G101": self.first_deed("G101"), "G102": self.first_deed("G102"), "G103": self.first_deed("G103"),
            "G107": self.child_alone(), "G108": self.rhythm(), "G109": self.scored(), "G117": self.alarms(),
        }.items():
            if total < self.min_group or cases < self.min_group:
                out[code] = {"met": None, "total": total, "share": None, "median_days": None, "p90_days": None,
                             "cases": cases, "suppressed": True}
            else:
                out[code] = {"met": met, "total": total, "share": share(met, total),
                             "median_days": nearest_rank(days, 0.5), "p90_days": nearest_rank(days, 0.9), "cases": cases}
        return out

    def few(self, n: int) -> bool:
        return n < self.min_group

    def score_change(self) -> dict[str, int]:
        out = {"improved": 0, "same": 0, "worse": 0}
        for c in self.counted():
            scores = [s["score"] for s in self.score_list(c) if s["date"] <= self.until(c)]
            if len(scores) > 1:
                out["improved" if scores[-1] > scores[0] else "worse" if scores[-1] < scores[0] else "same"] += 1
        return out

    def safety(self) -> dict[str, Any]:
        """First against last score (cases with two at least); at the period's end (or today,
        if earlier) the open cases with an alarm not yet answered in full and those whose
        last score is 3 or lower."""
        change = self.score_change()
        scored = sum(change.values())
        last = min(self.end, self.today)
        at_end = self.open_at_end()
        with_alarm = low = 0
        for c in at_end:
            assessed = [a["date"] for a in self.assessments(c) if a["date"] <= last]
            updates = [d for d in self.plan_updates(c) if d <= last]
            with_alarm += any(not any(d >= a for d in assessed) or not any(d >= a for d in updates)
                              for a in self.alarm_days(c) if a <= last)
            scores = [s["score"] for s in self.score_list(c) if s["date"] <= last]
            low += bool(scores) and scores[-1] <= 3
        few_end = self.few(len(at_end))
        return {
            "score_change": {"cases": scored, **{k: None if self.few(scored) else v for k, v in change.items()}},
            "open_alarms": {"cases": len(at_end), "with_open_alarm": None if few_end else with_alarm},
            "low_last_score": {"cases": len(at_end), "at_or_below": 3, "count": None if few_end else low},
        }

    def spread(self, days: list[int]) -> dict[str, Any]:
        if self.few(len(days)):
            return {"cases": len(days), "median_days": None, "p90_days": None, "suppressed": True}
        return {"cases": len(days), "median_days": nearest_rank(days, 0.5), "p90_days": nearest_rank(days, 0.9)}

    def course(self) -> dict[str, Any]:
        """Days in each phase: a stay from its start to the next phase's start (to the closing
        date for the last), counted where that end falls in the period; phase 1 against the
        booklet's one month (30 days) to half a year (183 days). Closed cases' duration from
        registration to closing; cases that stepped back a phase (3 to 2) by the day judged."""
        stays: dict[int, list[int]] = {1: [], 2: [], 3: []}
        stepped = 0
        for c in self.counted():
            history = [(int(e["phase"]), e["start"]) for e in c["case"]["phases"] if e["start"] <= self.until(c)]
            ends = [start for _, start in history[1:]] + [self.closed(c)]
            for (phase, start), end in zip(history, ends):
                if end is not None and self.in_period(end):
                    stays[phase].append((end - start).days)
            stepped += any(later < earlier for (earlier, _), (later, _) in zip(history, history[1:]))
        phase_days = {str(phase): self.spread(days) for phase, days in stays.items()}
        phase_days["1"]["within_one_to_six_months"] = None if self.few(len(stays[1])) else sum(30 <= d <= 183 for d in stays[1])
        closed = [c for c in self.counted() if self.in_period(self.closed(c))]
        touching = len(self.counted())
        goals = self.goals()
        few = self.few(touching)
        return {
            "phase_days": phase_days,
            "duration_closed": self.spread([(self.closed(c) - c["case"]["registered"]).days for c in closed]),
            "stepped_back": {"cases": touching, "count": None if few else stepped, "share": None if few else share(stepped, touching)},
            "goals": {"cases": touching, "total": goals["total"], **{k: None if few else goals[k] for k in ("achieved", "stopped", "overdue")}},
        }

    # closure: G113, G130 and G131 read from the files, on the closing date -----------------

    @staticmethod
    def safeguarded(c: dict[str, Any]) -> bool:
        """G113: a safeguarding plan with relapse signals, who steps in (each action someone)
        and how, continued help, the local team's guardian and the date it was agreed."""
        plan = c["safeguarding-plan"]
        if not plan:
            return False
        actions = plan.get("relapse_actions") or []
        return bool(plan.get("relapse_signals") and actions and all(a.get("who") for a in actions) and plan.get("continued_help")
                    and plan.get("guardian") and plan.get("established"))

    @staticmethod
    def clean_handover(c: dict[str, Any], on: dt.date) -> bool:
        """G130 on the closing date: facts per life domain, considerations (that may leave the
        case), the earlier help each with its result (the list present), a safety and an ARIJ
        risk assessment in the 90 days up to it, the end state."""
        plan = c["change-plan"] or {}
        recent = [d for d in (a["date"] for a in (c["safety-plan"] or {}).get("assessments", [])) if on - dt.timedelta(days=90) <= d <= on]
        risk = [r for r in plan.get("risk_assessments", []) if r["tool"] == "arij" and on - dt.timedelta(days=90) <= r["date"] <= on]
        end_state = plan.get("end_state") or {}
        return bool(
            plan.get("life_domains") and any(not x.get("private") for x in plan.get("considerations", []))
            and plan.get("previous_help") is not None and all(h.get("result") for h in plan["previous_help"])
            and recent and risk and (end_state.get("changeable") or end_state.get("compensated"))
        )

    def closure_of(self, c: dict[str, Any]) -> str:
        on = self.closed(c)
        assert on is not None
        failing = [code for code, met in (
            ("G113", self.safeguarded(c)),
            ("G130", self.clean_handover(c, on)),
            ("G131", any(s["date"] <= on for s in c["case"].get("sharing", []))),
        ) if not met]
        if not failing:
            return "met"
        waivers = c["case"].get("waivers") or []
        standing = {w["rule"] for w in waivers if w.get("until") is None or self.today <= w["until"]}
        return "waived" if set(failing) <= standing else "missed"

    def closure(self) -> dict[str, Any]:
        verdicts = [self.closure_of(c) for c in self.counted() if self.in_period(self.closed(c))]
        if self.few(len(verdicts)):
            return {"closed": len(verdicts), "met": None, "share": None, "waived": None, "waived_share": None}
        met, waived = verdicts.count("met"), verdicts.count("waived")
        return {"closed": len(verdicts), "met": met, "share": share(met, len(verdicts)), "waived": waived, "waived_share": share(waived, len(verdicts))}

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

    def returns(self) -> dict[str, Any]:
        """Over the cases closed in the period: the family back in a later case (naming it in
        `previous_cases`) within 12 and 24 months; `median_days` from the closing to the first
        such registration, over the returns within 24 months."""
        closed = [c for c in self.cases if self.in_period(self.closed(c))]
        back12 = back24 = 0
        days = []
        for c in closed:
            ends = self.closed(c)
            assert ends is not None
            came = [o["case"]["registered"] for o in self.cases if c["case"]["id"] in o["case"].get("previous_cases", []) and o["case"]["registered"] > ends]
            back12 += any(d <= add_years(ends, 1) for d in came)
            back24 += any(d <= add_years(ends, 2) for d in came)
            if any(d <= add_years(ends, 2) for d in came):
                days.append((min(came) - ends).days)
        if self.few(len(closed)):
            return {"closed": len(closed), "returned_12m": None, "share_12m": None, "returned_24m": None, "share_24m": None, "median_days": None}
        return {"closed": len(closed), "returned_12m": back12, "share_12m": share(back12, len(closed)),
                "returned_24m": back24, "share_24m": share(back24, len(closed)),
                "median_days": None if self.few(len(days)) else nearest_rank(days, 0.5)}

    def group(self) -> dict[str, Any]:
        """The whole group as `gga stats --format json` shows it, every figure counted here;
        a group of fewer than `min_group` cases shows none."""
        cases = len(self.counted())
        if self.few(cases):
            return {"key": None, "cases": cases, "suppressed": True}
        return {"key": None, "cases": cases, "with_errors": self.with_errors(), "volume": self.volume(),
                "timeliness": self.timeliness(), "course": self.course(), "safety": self.safety(),
                "closure": self.closure(), "returns": self.returns()}


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
