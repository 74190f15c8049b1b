"""scores.yaml and contacts.yaml: one flow mapping a line, newest last."""


from typing import Literal, get_args

from pydantic import Field

from gga_cli.models.common import Date, Flag, Id, Model, ScoreValue, Text, described, empty

ContactKind = Literal[
    "home_visit",
    "office",
    "phone",
    "video",
    "network_meeting",
    "supervised_visit",
    "school",
    "case_consultation",
    "other",
]
CONTACT_KINDS: tuple[str, ...] = get_args(ContactKind)

# The Dutch names a worker types for each kind (spec/cli.md); the file keeps the canonical kind.
DUTCH_CONTACT_KINDS: dict[str, str] = {
    "huisbezoek": "home_visit",
    "kantoor": "office",
    "telefoon": "phone",
    "beeldbellen": "video",
    "netwerkbijeenkomst": "network_meeting",
    "begeleide-omgang": "supervised_visit",
    "school": "school",
    "casuistiekbespreking": "case_consultation",
    "overig": "other",
}


def canonical_contact_kind(word: str) -> str | None:
    """The file's kind for a kind or its Dutch name, in any case (casuïstiekbespreking with
    or without its diaeresis); None where the word names no kind."""
    key = word.strip().casefold().replace("ï", "i")
    if key in CONTACT_KINDS:
        return key
    return DUTCH_CONTACT_KINDS.get(key)


class Score(Model):
    date: Date = described("datum", "the day of the score")
    score: ScoreValue = described("veiligheidsscore", "safety on a scale of 1 (unsafe) to 10 (safe)")
    by: Id | None = described("door", "person or network id; absent means the worker", default=None)
    note: Text | None = described("notitie", "what the score rests on", default=None)
    private: Flag = described("vertrouwelijk", "never leaves the case in a report", default=False)


class Contact(Model):
    date: Date = described("datum", "the day of the contact")
    kind: ContactKind = described("soort", "home_visit, office, phone, video, network_meeting, supervised_visit, school, case_consultation or other")
    with_: list[Id] = Field(default_factory=empty, alias="with", description="met: ids of who took part")
    alone: list[Id] = described("alleen gesproken", "ids of the children spoken to alone", default_factory=empty)
    note: Text | None = described("notitie", "what happened", default=None)
    private: Flag = described("vertrouwelijk", "never leaves the case in a report", default=False)

