"""The words of the figures in both report languages; no internal value reaches a Dutch screen."""

from __future__ import annotations

from typing import Any

from gga_cli.i18n import Lang, pick
from gga_cli.models.settings import Deadlines

MEASURES = {
    "ots": ("OTS", "OTS"),
    "voogdij": ("voogdij", "guardianship"),
    "jr": ("jeugdreclassering", "youth probation"),
    "voluntary": ("vrijwillig", "voluntary"),
}


def timeliness_label(code: str, d: Deadlines, lang: Lang) -> str:
    labels = {
        "G101": (f"ARIJ-veiligheidstaxatie binnen {d.safety_assessment} dagen", f"ARIJ safety assessment within {d.safety_assessment} days"),
        "G102": (f"huisbezoek binnen {d.home_visit} dagen", f"home visit within {d.home_visit} days"),
        "G103": (f"veiligheidsplan binnen {d.safety_plan} dagen", f"safety plan within {d.safety_plan} days"),
        "G107": (f"kind alleen gesproken (hoogstens {d.child_alone} dagen)", f"child spoken alone (at most {d.child_alone} days)"),
        "G108": ("contactritme gehouden (dagen)", "contact rhythm kept (days)"),
        "G109": ("score na elk contact", "score after every contact"),
        "G117": ("alarm op tijd beantwoord", "alarm answered in time"),
    }
    nl, en = labels[code]
    return pick(lang, nl, en)


def key_label(by: str | None, key: Any, lang: Lang) -> str:
    """The group's name: a team, worker, measure or phase; everything without --by."""
    if by is None:
        return pick(lang, "Alle zaken", "All cases")
    if by == "measure":
        nl, en = MEASURES.get(str(key), (str(key) or "?", str(key) or "?"))
        return pick(lang, f"Maatregel {nl}", f"Measure {en}")
    if by == "phase":
        return pick(lang, f"Fase {key}", f"Phase {key}") if key else pick(lang, "Fase onbekend", "Phase unknown")
    if not key:
        return pick(lang, "(geen team)", "(no team)") if by == "team" else pick(lang, "(geen naam)", "(no name)")
    return str(key)


def measure_word(kind: str, lang: Lang) -> str:
    nl, en = MEASURES.get(kind, (kind or "?", kind or "?"))
    return pick(lang, nl, en)


def too_few(lang: Lang) -> str:
    return pick(lang, "te weinig zaken", "too few cases")
