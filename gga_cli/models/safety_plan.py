"""safety-plan.yaml: the veiligheidsplan, from day 1."""


from typing import Literal

from gga_cli.models.common import Date, Id, Model, Text, described, empty

ThreatKind = Literal[
    "physical_abuse",
    "psychological_abuse",
    "sexual_abuse",
    "neglect",
    "carer_psychiatric",
    "abduction",
    "honour_violence",
    "child_behaviour",
    "other",
]


class Threat(Model):
    kind: ThreatKind = described("acute bedreiging", "an acute threat present in the preceding three months")
    note: Text | None = described("toelichting", "what happened, concretely", default=None)


class SafetyAssessment(Model):
    date: Date = described("datum", "date of the ARIJ veiligheidstaxatie")
    tool: Literal["arij"] = described("instrument", "arij")
    version: Text = described("versie", "version of the instrument")
    threats: list[Threat] = described("bedreigingen", "acute threats present", default_factory=empty)
    conclusion: Literal["safe", "unsafe"] = described("conclusie", "safe (veilig) or unsafe (onveilig)")


class BottomLine(Model):
    id: Id = described("", "id of the bottom line")
    requirement: Text = described("bodemeis", "what must not happen again")
    consequence: Text | None = described("consequentie", "what follows if it is broken", default=None)


class Agreement(Model):
    id: Id = described("", "id of the agreement")
    agreement: Text = described("veiligheidsafspraak", "the safety agreement")
    who: list[Id] | None = described("wie", "ids of who carries it out", default=None)
    monitoring: Text | None = described("zicht", "how everyone keeps an eye on it", default=None)


class Review(Model):
    date: Date = described("datum", "the day the plan was reviewed")
    reason: Text | None = described("aanleiding", "why it was reviewed", default=None)
    changes: Text | None = described("wijzigingen", "what changed", default=None)


class SafetyPlan(Model):
    reason: Text | None = described("aanleiding", "why the family is under protection", default=None)
    assessments: list[SafetyAssessment] = described("veiligheidstaxaties", "ARIJ safety assessments", default_factory=empty)
    concerns: list[Text] = described("zorgen", "concerns", default_factory=empty)
    strengths: list[Text] = described("krachten", "strengths", default_factory=empty)
    bottom_lines: list[BottomLine] = described("bodemeisen", "bottom-line requirements", default_factory=empty)
    agreements: list[Agreement] = described("veiligheidsafspraken", "safety agreements", default_factory=empty)
    conditions: list[Text] = described("voorwaarden", "JR conditions", default_factory=empty)
    established: Date | None = described("vastgesteld", "agreed with family and network", default=None)
    reviews: list[Review] = described("herzieningen", "reviews of the plan", default_factory=empty)
