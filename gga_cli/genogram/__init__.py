"""The genogram and sociogram as SVG, in the notation of McGoldrick & Gerson.

Pure Python: the layout is computed here and the SVG written as text, every piece of
user text XML-escaped. `drawing` gives both side by side (what `gga genogram` writes);
`family_svg` and `network_svg` give each alone (the handover report places them apart).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gga_cli.genogram.family import FamilyDrawing
from gga_cli.genogram.legend import legend
from gga_cli.genogram.sociogram import Sociogram
from gga_cli.genogram.svg import Canvas
from gga_cli.i18n import Lang, long_date, pick
from gga_cli.models.genogram import Genogram, NetworkMember

NameOf = Callable[[NetworkMember], str]
HEADER = 40.0
PAD = 20.0


def _full_name(m: NetworkMember) -> str:
    return m.name


def _heading(c: Canvas, title: str, today: dt.date, lang: Lang) -> None:
    c.text(PAD, 26, title, size=15, anchor="start", font_weight="bold")
    c.text(PAD, 42, pick(lang, f"leeftijden op {long_date(today, lang)}", f"ages on {long_date(today, lang)}"),
           size=10, anchor="start", fill="#555")


def drawing(g: Genogram, today: dt.date, lang: Lang, title: str, name_of: NameOf = _full_name, network: bool = True) -> str:
    """The genogram with its legend, and the sociogram beside it."""
    family = FamilyDrawing(g, today)
    social = Sociogram(g.network, lang, name_of) if network and g.network else None
    width = max(family.width, 520.0) + (social.width + PAD if social else 0.0)
    key, key_height = legend(lang, width - 2 * PAD)
    body = max(family.height, social.height if social else 0.0)
    c = Canvas()
    _heading(c, title, today, lang)
    c.group(family.draw(), 0, HEADER + 10)
    if social:
        c.group(social.draw(), max(family.width, 520.0) + PAD, HEADER + 10)
    c.group(key, PAD, HEADER + 10 + body + 10)
    return c.document(width, HEADER + 10 + body + 20 + key_height, title)


def family_svg(g: Genogram, today: dt.date, lang: Lang, title: str) -> str:
    """The genogram and its legend alone."""
    return drawing(g, today, lang, title, network=False)


def network_svg(members: list[NetworkMember], lang: Lang, name_of: NameOf = _full_name) -> str:
    """The sociogram alone."""
    social = Sociogram(members, lang, name_of)
    c = Canvas()
    c.group(social.draw(), 0, 0)
    return c.document(social.width, social.height, pick(lang, "Netwerk", "Network"))


__all__ = ["drawing", "family_svg", "network_svg"]
