"""gga.toml: the organisation's settings, at the root of a caseload."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RuleSetting = Literal["error", "warning", "off"]


class _Table(BaseModel):
    # built on first use, as one tree from Settings (see models.common.Model)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Organisation(_Table):
    name: str = Field(default="", description="name of the organisation, on reports")
    language: Literal["nl", "en"] = Field(default="nl", description="report language: nl or en")


class Deadlines(_Table):
    """Day counts of the rules, in calendar days from their anchor."""

    safety_assessment: int = Field(default=5, ge=0, description="G101: days from registration to the first ARIJ safety assessment")
    home_visit: int = Field(default=7, ge=0, description="G102: days from registration to the first home visit")
    safety_plan: int = Field(default=5, ge=0, description="G103: days from registration to the established safety plan")
    child_alone: int = Field(default=42, ge=1, description="G107: most days between two times a child is spoken alone")
    contact_gap_phase1: int = Field(default=7, ge=1, description="G108: most days between family contacts in phase 1")
    contact_gap_phase2: int = Field(default=28, ge=1, description="G108: most days between family contacts in phase 2")
    contact_gap_phase3: int = Field(default=7, ge=1, description="G108: most days between family contacts in phase 3")
    score_after_contact: int = Field(default=1, ge=0, description="G109: days after a contact by which its safety score is due")
    safeguarding_plan: int = Field(default=28, ge=0, description="G114: days in phase 3 before the safeguarding plan must be complete")
    alarm_score: int = Field(default=3, ge=1, le=10, description="G117: a score at or below this is an alarm")
    alarm_drop: int = Field(default=3, ge=1, le=9, description="G117: a drop of at least this from the rater's previous score is an alarm")
    alarm_response: int = Field(default=5, ge=0, description="G117: days to establish or review the safety plan after an alarm")
    measure_end: int = Field(default=56, ge=0, description="G119: days before the measure ends by which a decision on extending it is due")
    network_meeting: int = Field(default=90, ge=1, description="G121: most days in phase 2 without a network meeting")
    assessment_age: int = Field(default=90, ge=0, description="G130: most days between the latest assessments and a handover or closure")
    retention_years: int = Field(default=20, ge=1, description="G140: years after closure until the retention review")


class Stats(_Table):
    min_group: int = Field(
        default=5, ge=1, description="gga stats: a group or figure resting on fewer cases than this shows no figures (te weinig zaken)"
    )
    export_key: str = Field(
        default="", description="gga export: the key of the case ids' pseudonyms; the environment's GGA_EXPORT_KEY goes first"
    )


class Demo(_Table):
    anchor: dt.date | None = Field(default=None, description="the day the demo's dates are written for")


ReportSection = Literal[
    "case",
    "genogram",
    "network",
    "safety_plan",
    "change_plan",
    "safeguarding_plan",
    "life_domains",
    "previous_help",
    "considerations",
    "scores",
    "contacts",
    "sharing",
]


class Profile(_Table):
    """A recipient of handover reports (`gga handover --to NAME`): what they may see."""

    name: str = Field(default="", description="the recipient as written on the report, e.g. Jeugdteam Escamp")
    sections: list[ReportSection] = Field(
        description="the report sections this recipient may see; the case and the ground for sharing always travel"
    )
    names: bool = Field(default=False, description="network members by name (true) or by initials (false)")


class Settings(_Table):
    organisation: Organisation = Field(default_factory=Organisation)
    deadlines: Deadlines = Field(default_factory=Deadlines)
    rules: dict[str, RuleSetting] = Field(default_factory=dict, description="severity per rule code: error, warning or off")
    stats: Stats = Field(default_factory=Stats)
    demo: Demo = Field(default_factory=Demo)
    profiles: dict[str, Profile] = Field(default_factory=dict, description="recipients of handover reports and what each may see")
