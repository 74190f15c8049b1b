"""The handover report as data: which sections, in which words, for which recipient.

Without a profile the report is the full case file. A profile (`[profiles.NAME]` in
gga.toml) names the sections its recipient may see and whether the network appears by
name; the case itself and the ground for sharing always travel, since the one says who
the report is about and the other why it may be sent. Entries marked `private: true`
(scores, contacts, considerations) never leave in any report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, get_args

from gga_cli.errors import UsageError
from gga_cli.handover import blocks as b
from gga_cli.handover import family_sections as fam
from gga_cli.handover import plan_sections as plan
from gga_cli.handover.people import Namer
from gga_cli.words import heading, label
from gga_cli.i18n import Lang, long_date
from gga_cli.models import CaseFolder
from gga_cli.models.settings import Profile, ReportSection, Settings

SECTIONS: tuple[str, ...] = get_args(ReportSection)
ALWAYS = ("case", "sharing")
Builder = Callable[[CaseFolder, fam.Ctx], list[b.Block]]
BUILDERS: dict[str, Builder] = {
    "case": fam.case_section,
    "genogram": fam.genogram_section,
    "network": fam.network_section,
    "safety_plan": plan.safety_plan_section,
    "change_plan": plan.change_plan_section,
    "safeguarding_plan": plan.safeguarding_plan_section,
    "life_domains": plan.life_domains_section,
    "previous_help": plan.previous_help_section,
    "considerations": plan.considerations_section,
    "scores": fam.scores_section,
    "contacts": fam.contacts_section,
    "sharing": fam.sharing_section,
}


class UnknownProfile(UsageError):
    """`--to` named no profile of gga.toml."""


@dataclass(frozen=True)
class Recipient:
    key: str | None  # None: the full case file
    profile: Profile | None


def recipient(settings: Settings, name: str | None, lang: Lang) -> Recipient:
    if name is None:
        return Recipient(None, None)
    if name not in settings.profiles:
        known = ", ".join(sorted(settings.profiles)) or ("geen" if lang == "nl" else "none")
        raise UnknownProfile(
            f"onbekend profiel '{name}'; gga.toml kent: {known}" if lang == "nl" else f"unknown profile '{name}'; gga.toml knows: {known}"
        )
    return Recipient(name, settings.profiles[name])


def build(case: CaseFolder, settings: Settings, today: dt.date, lang: Lang, to: Recipient, draft: bool) -> dict[str, Any]:
    """Everything the templates show, as plain data (strings, lists, dicts)."""
    c = case.case
    assert c is not None and case.genogram is not None
    profile = to.profile
    wanted = set(SECTIONS) if profile is None else set(profile.sections) | set(ALWAYS)
    names = profile is None or profile.names
    ctx = fam.Ctx(lang, today, Namer(case, names), settings.deadlines.alarm_score)
    sections: list[dict[str, Any]] = [
        {"key": key, "title": heading(key, lang), "blocks": BUILDERS[key](case, ctx)} for key in SECTIONS if key in wanted
    ]
    notes = [label("private_left_out", lang)]
    if not names:
        notes.append(label("initials_note", lang))
    if profile is not None:
        notes.append(f"{label('sections_note', lang)}: " + ", ".join(s["title"] for s in sections) + ".")
    title = f"{label('report', lang)} {case.id}"
    author = settings.organisation.name or c.worker
    return {
        "lang": lang,
        "title": title,
        "case_id": case.id,
        "author": f"{settings.organisation.name} / {c.worker}" if settings.organisation.name else c.worker,
        "organisation": author,
        "draft": draft,
        "draft_mark": label("draft", lang),
        "header": [
            [label("case_id", lang), case.id],
            [label("made", lang), long_date(today, lang)],
            [label("by", lang), c.worker + (f", {settings.organisation.name}" if settings.organisation.name else "")],
            [label("for", lang), (profile.name or to.key) if profile is not None and to.key else label("full", lang)],
        ],
        "notes": notes,
        "page": label("page", lang),
        "sections": sections,
    }
