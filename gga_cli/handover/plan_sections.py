"""Report sections from the family plan: safety, change and safeguarding plans, and the clean handover's parts."""

from __future__ import annotations

from gga_cli.handover import blocks as b
from gga_cli.handover.family_sections import Ctx
from gga_cli.words import heading, threat
from gga_cli.models import CaseFolder


def safety_plan_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    sp = case.safety_plan
    if sp is None:
        return [b.nothing(r.l("not_recorded"))]
    out: list[b.Block] = [b.fields([(r.l("reason"), sp.reason), (r.l("established"), r.date(sp.established) or r.l("not_recorded"))])]
    assessments = []
    for a in sp.assessments:
        threats = "; ".join(threat(t.kind, r.lang) + (f" ({t.note})" if t.note else "") for t in a.threats) or r.l("no_threats")
        assessments.append(f"{r.date(a.date)}, ARIJ {a.version}: {r.l('conclusion')} {r.v(a.conclusion)}. {r.l('threats').capitalize()}: {threats}")
    out += b.listed(r.l("assessments"), assessments, r.l("none"))
    out += b.listed(r.l("concerns"), list(sp.concerns), r.l("none"))
    out += b.listed(r.l("strengths"), list(sp.strengths), r.l("none"))
    out += [b.subheading(r.l("bottom_lines"))]
    out += [b.table([r.l("bottom_lines"), r.l("consequence").capitalize()], [[x.requirement, x.consequence or r.l("not_recorded")] for x in sp.bottom_lines])] if sp.bottom_lines else [b.nothing(r.l("none"))]
    out += [b.subheading(r.l("agreements"))]
    rows = [[a.agreement, r.namer.all(a.who) or r.l("not_recorded"), a.monitoring or r.l("not_recorded")] for a in sp.agreements]
    out += [b.table([r.l("agreements"), r.l("who").capitalize(), r.l("monitoring").capitalize()], rows)] if rows else [b.nothing(r.l("none"))]
    if sp.conditions:
        out += b.listed(r.l("conditions"), list(sp.conditions), r.l("none"))
    if sp.reviews:
        out += [b.subheading(r.l("reviews")),
                b.table([r.l("date"), r.l("reason"), r.l("changes").capitalize()], [[r.short(v.date), v.reason or "", v.changes or ""] for v in sp.reviews])]
    return out


def change_plan_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    cp = case.change_plan
    if cp is None:
        return [b.nothing(r.l("not_recorded"))]
    out: list[b.Block] = [b.fields([(r.l("pattern"), cp.pattern or r.l("not_recorded")), (r.l("established"), r.date(cp.established) or r.l("not_recorded"))])]
    out += b.listed(r.l("sustaining_factors"), list(cp.sustaining_factors), r.l("none"))
    out += b.listed(r.l("risk_assessments"), [
        f"{r.date(a.date)}, {r.v(a.tool)} {a.version}: {r.v(a.outcome)}" for a in cp.risk_assessments
    ], r.l("none"))
    out += [b.subheading(r.l("end_state"))]
    if cp.end_state is None:
        out += [b.nothing(r.l("not_recorded"))]
    else:
        out += [b.text(r.l("changeable") + ":"), b.items(list(cp.end_state.changeable or [])) if cp.end_state.changeable else b.nothing(r.l("none")),
                b.text(r.l("compensated") + ":"), b.items(list(cp.end_state.compensated or [])) if cp.end_state.compensated else b.nothing(r.l("none"))]
    out += [b.subheading(r.l("goals"))]
    rows = [[g.goal, r.namer.all(g.for_), f"{g.help.provider}: {g.help.what}" if g.help else r.l("not_recorded"), r.short(g.due), r.v(g.status)] for g in cp.goals]
    out += [b.table([r.l("goal"), r.l("goal_for"), r.l("help"), r.l("due"), r.l("status")], rows)] if rows else [b.nothing(r.l("none"))]
    if cp.information_needed:
        out += b.listed(r.l("information_needed"), list(cp.information_needed), r.l("none"))
    return out


def safeguarding_plan_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    sg = case.safeguarding_plan
    if sg is None:
        return [b.nothing(r.l("not_recorded"))]
    guardian = f"{sg.guardian.name}" + (f", {sg.guardian.organisation}" if sg.guardian.organisation else "") if sg.guardian else r.l("not_recorded")
    out: list[b.Block] = [b.fields([(r.l("guardian"), guardian), (r.l("established"), r.date(sg.established) or r.l("not_recorded"))])]
    out += b.listed(r.l("relapse_signals"), list(sg.relapse_signals), r.l("none"))
    out += b.listed(r.l("relapse_actions"), [f"{r.namer.all(a.who)}: {a.action}" if a.who else a.action for a in sg.relapse_actions], r.l("none"))
    out += b.listed(r.l("continued_help"), [
        f"{h.provider}: {h.help}" + (f" ({r.l('until')} {r.date(h.until)})" if h.until else "") for h in sg.continued_help
    ], r.l("none"))
    return out


def life_domains_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    cp = case.change_plan
    if cp is None or not cp.life_domains:
        return [b.nothing(r.l("not_recorded"))]
    out: list[b.Block] = []
    for d in cp.life_domains:
        out += [b.subheading(r.v(d.domain).capitalize()), b.text(d.facts)]
    return out


def previous_help_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    cp = case.change_plan
    if cp is None or cp.previous_help is None:
        return [b.nothing(r.l("not_recorded"))]
    if not cp.previous_help:
        return [b.nothing(r.l("none"))]
    rows = [[h.provider, h.help, r.period(h.from_, h.to), h.result or r.l("not_recorded")] for h in cp.previous_help]
    return [b.table([r.l("provider"), r.l("help"), r.l("period"), r.l("result")], rows)]


def considerations_section(case: CaseFolder, r: Ctx) -> list[b.Block]:
    cp = case.change_plan
    shown = [c for c in (cp.considerations if cp else []) if not c.private]
    if not shown:
        return [b.nothing(r.l("none"))]
    title = heading("considerations", r.lang)
    return [b.table([r.l("date"), title], [[r.short(c.date), c.text] for c in sorted(shown, key=lambda c: c.date)])]
