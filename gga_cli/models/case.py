"""case.yaml: the case's facts, measure, phase, grounds for sharing and waivers."""


import datetime as dt
from typing import Literal

from pydantic import model_validator

from gga_cli.models.common import CaseId, Date, Id, Model, Phase, Text, described, empty, fail

MeasureKind = Literal["ots", "voogdij", "jr", "voluntary"]
ExtensionOutcome = Literal["requested", "granted", "refused", "not_needed"]
SharingBasis = Literal["consent", "legal"]


class Extension(Model):
    date: Date = described("besluit verlenging", "date of the decision on extending the measure")
    outcome: ExtensionOutcome = described("uitkomst", "requested, granted, refused or not_needed")


class Measure(Model):
    kind: MeasureKind = described(
        "maatregel", "ots (ondertoezichtstelling), voogdij, jr (jeugdreclassering) or voluntary"
    )
    start: Date = described("ingangsdatum", "start of the measure")
    end: Date | None = described("einddatum", "end of the measure; required for ots and jr", default=None)
    extension: Extension | None = described("verlenging", "decision on extending the measure", default=None)

    @model_validator(mode="after")
    def _end_where_required(self) -> "Measure":
        if self.kind in ("ots", "jr") and self.end is None:
            raise fail(f"een maatregel {self.kind} heeft een einddatum (end) nodig", f"a measure of kind {self.kind} needs an end date (end)")
        return self


class LocalTeam(Model):
    name: Text = described("wijk-/jeugdteam", "the local team, process director throughout")
    contact: Text | None = described("contactpersoon", "the local team's contact", default=None)


class PhaseEntry(Model):
    phase: Phase = described("fase", "1 verbinden en motiveren, 2 ondersteunen en regie voeren, 3 generaliseren en borgen")
    start: Date = described("startdatum", "the day the phase began")


class Sharing(Model):
    date: Date = described("datum", "the day consent was given or the legal basis was recorded")
    basis: SharingBasis = described("grondslag", "consent (toestemming) or legal (wettelijke grondslag)")
    given_by: list[Id] | None = described("gegeven door", "ids of who gave consent", default=None)
    scope: Text | None = described("reikwijdte", "what may be shared with whom", default=None)
    note: Text | None = described("toelichting", "e.g. the article of law", default=None)


class Closed(Model):
    date: Date = described("afsluitdatum", "the day the case was closed")
    reason: Text = described("reden", "why the case was closed")
    handed_over_to: Text | None = described("overgedragen aan", "the next care provider", default=None)


class Waiver(Model):
    rule: str = described("regel", "the code of the rule not applied to this case, e.g. G108 (a code gga knows: see `gga rules`)")
    until: Date | None = described("tot", "the last day the waiver stands; absent: until removed", default=None)
    reason: Text = described("reden", "why the rule does not apply")

    def waives(self, code: str, today: dt.date) -> bool:
        return self.rule == code and (self.until is None or today <= self.until)


class Case(Model):
    id: CaseId = described("zaaknummer", "YYYY-NNNN, equal to the case folder's name")
    family: Text = described("gezin", "how people refer to the family (a pseudonym is fine)")
    registered: Date = described("aanmelding", "registration date: day 0 of every deadline")
    worker: Text = described("jeugdbeschermer", "the one worker of this family")
    team: Text | None = described("team", "the worker's team", default=None)
    measure: Measure = described("maatregel", "the measure the family is under")
    local_team: LocalTeam | None = described("wijk-/jeugdteam", "the local team", default=None)
    phase: Phase = described("fase", "the current phase: 1, 2 or 3")
    phases: list[PhaseEntry] = described("fasegeschiedenis", "phase history, oldest first", default_factory=empty)
    sharing: list[Sharing] = described("gegevensdeling", "grounds for handing information over", default_factory=empty)
    closed: Closed | None = described("afgesloten", "absent or null while the case is open", default=None)
    previous_cases: list[CaseId] = described(
        "eerdere zaken", "ids of this family's earlier cases: the family came back after closure", default_factory=empty
    )
    waivers: list[Waiver] = described("uitzonderingen", "rules not applied to this case, each with a reason", default_factory=empty)

    def waived(self, code: str, today: dt.date) -> bool:
        return any(w.waives(code, today) for w in self.waivers)
