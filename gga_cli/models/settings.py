"""gga.toml: the organisation's settings, at the root of a caseload."""


import datetime as dt
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

RuleSetting = Literal["error", "warning", "off"]


MAX_DAYS = 3650
"""The longest day count a deadline may have: ten years. A larger one is a typo, and the
dates it would give lie past any case."""


class _Table(BaseModel):
    # built on first use, as one tree from Settings (see models.common.Model); strict: TOML
    # has its own types, and `safety_assessment = true` is no number of days
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, strict=True)


class Organisation(_Table):
    name: str = Field(default="", description="name of the organisation, on reports")
    language: Literal["nl", "en"] = Field(default="nl", description="report language: nl or en")


class Deadlines(_Table):
    """Day counts of the rules, in calendar days from their anchor."""

    safety_assessment: int = Field(default=5, ge=0, le=MAX_DAYS, description="G101: days from registration to the first ARIJ safety assessment")
    home_visit: int = Field(default=7, ge=0, le=MAX_DAYS, description="G102: days from registration to the first home visit")
    safety_plan: int = Field(default=5, ge=0, le=MAX_DAYS, description="G103: days from registration to the established safety plan")
    child_alone: int = Field(default=42, ge=1, le=MAX_DAYS, description="G107: most days between two times a child is spoken alone")
    alone_min_age: int = Field(default=4, ge=0, le=18, description="G107: the age from which a child is spoken alone (younger: seen, not interviewed)")
    contact_gap_phase1: int = Field(default=7, ge=1, le=MAX_DAYS, description="G108: most days between family contacts in phase 1")
    contact_gap_phase2: int = Field(default=28, ge=1, le=MAX_DAYS, description="G108: most days between family contacts in phase 2")
    contact_gap_phase3: int = Field(default=7, ge=1, le=MAX_DAYS, description="G108: most days between family contacts in phase 3")
    contact_gap_alarm: int = Field(default=7, ge=1, le=MAX_DAYS, description="G108: most days between family contacts in phase 2 for a gap starting soon after an alarm")
    alarm_watch: int = Field(default=28, ge=0, le=MAX_DAYS, description="G108: days after an alarm during which phase 2 keeps the tighter contact gap")
    score_after_contact: int = Field(default=1, ge=0, le=MAX_DAYS, description="G109: days after a contact by which its safety score is due")
    safeguarding_plan: int = Field(default=28, ge=0, le=MAX_DAYS, description="G114: days in phase 3 before the safeguarding plan must be complete")
    alarm_score: int = Field(default=3, ge=1, le=10, description="G117: a score at or below this is an alarm")
    alarm_drop: int = Field(default=3, ge=1, le=9, description="G117: a drop of at least this from the rater's previous score is an alarm")
    alarm_assessment: int = Field(default=1, ge=0, le=MAX_DAYS, description="G117: days after an alarm by which a new ARIJ safety assessment is due")
    alarm_review: int = Field(
        default=5, ge=0, le=MAX_DAYS, validation_alias=AliasChoices("alarm_review", "alarm_response"),
        description="G117: days after an alarm by which the safety plan is established or reviewed (alarm_response: the older name)",
    )
    measure_end: int = Field(default=56, ge=0, le=MAX_DAYS, description="G119: days before the measure ends by which a decision on extending it is due")
    network_first: int = Field(default=42, ge=1, le=MAX_DAYS, description="G121: days from registration to the first network meeting (phase 1)")
    network_meeting: int = Field(default=90, ge=1, le=MAX_DAYS, description="G121: most days in phase 2 without a network meeting")
    assessment_age: int = Field(default=90, ge=0, le=MAX_DAYS, description="G130: most days between the latest assessments and a handover or closure")
    retention_years: int = Field(default=20, ge=1, le=100, description="G140: years after closure until the retention review")


# The day counts the booklet itself fixes, with its words; every other number of
# [deadlines] is a default of gga, the organisation's to set (method.md, "Which numbers
# are the booklet's"). A team leader must never take a default of the tool for the booklet.
BOOKLET_NUMBERS: dict[str, str] = {
    "safety_assessment": "Binnen vijf dagen maakt de jeugdbeschermer met het gezin een inschatting van de acute veiligheid",
    "home_visit": "uiterlijk binnen een week na aanmelding op huisbezoek",
    "contact_gap_phase1": "lager dan het wekelijkse contact in fase 1",
    "contact_gap_phase3": "De contactfrequentie is in deze fase weer hoger (wekelijks contact)",
}


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
