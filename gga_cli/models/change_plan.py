"""change-plan.yaml: the veranderplan, for lasting safety."""


from typing import Literal

from pydantic import Field

from gga_cli.models.common import Date, Flag, Id, Model, Text, described, empty

Domain = Literal[
    "parenting",
    "child_development",
    "school_work",
    "health",
    "mental_health",
    "addiction",
    "finances",
    "housing",
    "social_network",
    "justice",
    "other",
]
GoalStatus = Literal["planned", "active", "achieved", "stopped"]


class LifeDomain(Model):
    domain: Domain = described("leefgebied", "the life domain")
    facts: Text = described("feiten", "the facts in this domain")


class PreviousHelp(Model):
    provider: Text = described("aanbieder", "who gave the help")
    help: Text = described("hulp", "what help")
    from_: Date | None = Field(default=None, alias="from", description="van: start of the help")
    to: Date | None = described("tot", "end of the help", default=None)
    result: Text | None = described("resultaat", "what it achieved", default=None)


class RiskAssessment(Model):
    date: Date = described("datum", "date of the assessment")
    tool: Literal["arij", "lij"] = described("instrument", "arij (risicotaxatie) or lij (recidive, JR)")
    version: Text = described("versie", "version of the instrument")
    outcome: Literal["low", "medium", "high"] = described("uitkomst", "low, medium or high")


class EndState(Model):
    changeable: list[Text] | None = described("veranderbaar", "what can change", default=None)
    compensated: list[Text] | None = described("te compenseren", "what stays compensated by help", default=None)


class GoalHelp(Model):
    provider: Text = described("aanbieder", "who helps")
    what: Text = described("hulp", "what help")


class Goal(Model):
    id: Id = described("", "id of the goal")
    goal: Text = described("doel", "what the family works towards")
    for_: list[Id] = Field(default_factory=empty, alias="for", description="voor: ids of the people the goal is about")
    help: GoalHelp | None = described("hulp", "the help this goal needs", default=None)
    due: Date | None = described("streefdatum", "when it should be reached", default=None)
    status: GoalStatus = described("status", "planned, active, achieved or stopped")


class Consideration(Model):
    date: Date = described("datum", "when the step was considered")
    text: Text = described("overweging", "the consideration behind a step")
    private: Flag = described("vertrouwelijk", "never leaves the case in a report", default=False)


class ChangePlan(Model):
    life_domains: list[LifeDomain] = described("leefgebieden", "facts per life domain", default_factory=empty)
    previous_help: list[PreviousHelp] | None = described("eerdere hulp", "help given before and its result", default=None)
    risk_assessments: list[RiskAssessment] = described("risicotaxaties", "ARIJ risk and LIJ assessments", default_factory=empty)
    pattern: Text | None = described("patroon", "the pattern to break", default=None)
    sustaining_factors: list[Text] = described("instandhoudende factoren", "what keeps the pattern going", default_factory=empty)
    end_state: EndState | None = described("haalbare eindsituatie", "the feasible end state: good enough", default=None)
    goals: list[Goal] = described("doelen", "goals towards the end state", default_factory=empty)
    considerations: list[Consideration] = described("overwegingen", "considerations behind steps taken", default_factory=empty)
    information_needed: list[Text] = described("benodigde informatie", "information still needed", default_factory=empty)
    established: Date | None = described("vastgesteld", "the day the family agreed the plan", default=None)
