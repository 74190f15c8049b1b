"""genogram.yaml: people, couples, bonds and households (genogram) and the network (sociogram)."""


from typing import Literal

from pydantic import Field

from gga_cli.models.common import Flag, Id, Model, Text, YearOrDate, described, empty

Sex = Literal["m", "f", "x"]
CoupleStatus = Literal["married", "cohabiting", "separated", "divorced"]
BondKind = Literal["close", "fused", "conflict", "distant", "cut_off", "violence"]
NetworkKind = Literal["informal", "professional"]


class Person(Model):
    id: Id = described("", "id of the person, unique in the case")
    name: Text = described("naam", "the name used in the family")
    sex: Sex = described("geslacht", "m, f or x")
    born: YearOrDate | None = described("geboren", "birth date or year", default=None)
    died: YearOrDate | None = described("overleden", "date or year of death", default=None)
    parents: list[Id] = described("ouders", "ids of the parents; leave an unknown parent out", default_factory=empty, max_length=2)
    child: Flag = described("kind", "a child this case is about; the plan covers every one", default=False)
    index: Flag = described("aangemeld kind", "the registered child", default=False)
    trusted_person: Id | None = described("vertrouwenspersoon", "a person or network id the child can turn to", default=None)
    note: Text | None = described("notitie", "a remark about this person", default=None)


class Couple(Model):
    partners: list[Id] = described("partners", "the two partners", min_length=2, max_length=2)
    status: CoupleStatus = described("status", "married, cohabiting, separated or divorced")
    from_: YearOrDate | None = Field(default=None, alias="from", description="van: year or date the relation began")
    to: YearOrDate | None = described("tot", "year or date it ended", default=None)


class Bond(Model):
    between: list[Id] = described("tussen", "the two people", min_length=2, max_length=2)
    kind: BondKind = described("soort", "close, fused, conflict, distant, cut_off or violence")


class Household(Model):
    name: Text = described("huishouden", "e.g. Bij moeder")
    members: list[Id] = described("leden", "ids of who lives there", min_length=1)


class NetworkMember(Model):
    id: Id = described("", "id of the network member, unique in the case")
    name: Text = described("naam", "name of the person or organisation")
    kind: NetworkKind = described("soort", "informal (eigen netwerk) or professional")
    relation: Text | None = described("relatie", "how they are connected to the family", default=None)


class Genogram(Model):
    people: list[Person] = described("personen", "the family members (genogram)", default_factory=empty)
    couples: list[Couple] = described("paren", "couples and their status", default_factory=empty)
    bonds: list[Bond] = described("relaties", "emotional lines between people", default_factory=empty)
    households: list[Household] = described("huishoudens", "who lives together", default_factory=empty)
    network: list[NetworkMember] = described("netwerk", "informal and professional network (sociogram)", default_factory=empty)

    def children(self) -> list[Person]:
        return [p for p in self.people if p.child]

    def ids(self) -> set[str]:
        return {p.id for p in self.people} | {n.id for n in self.network}
