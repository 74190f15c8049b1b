"""How the report names people: the family by name, the network by name or by initials."""

from __future__ import annotations

from dataclasses import dataclass

from gga_cli.models import CaseFolder
from gga_cli.models.genogram import NetworkMember


def initials(name: str) -> str:
    """Ria de Vries -> R.d.V.: enough to tell people apart, not enough to find them."""
    return "".join(f"{word[0]}." for word in name.split() if word[0].isalnum()) or "?"


@dataclass(frozen=True)
class Namer:
    case: CaseFolder
    names: bool  # the recipient may see the network's names

    def member(self, m: NetworkMember) -> str:
        return m.name if self.names else initials(m.name)

    def of(self, ident: str) -> str:
        g = self.case.genogram
        if g is not None:
            for p in g.people:
                if p.id == ident:
                    return p.name
            for m in g.network:
                if m.id == ident:
                    return self.member(m)
        return ident

    def all(self, idents: list[str] | None) -> str:
        return ", ".join(self.of(i) for i in idents or [])
