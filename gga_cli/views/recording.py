"""Pure builder of the feedback after a recording: what was recorded, how the findings changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gga_cli.i18n import long_date, pick
from gga_cli.words import value

if TYPE_CHECKING:
    from gga_cli.transaction import Outcome


def feedback(outcome: Outcome) -> list[str]:
    """The lines shown after a recording, in the report language."""
    from gga_cli.loader import relative
    from gga_cli.locate import caseload_root

    lang = outcome.lang
    root = caseload_root(outcome.folder)
    where = ", ".join(relative(path, root) for path in outcome.written)
    lines = []
    if outcome.finished:
        done = ", ".join(outcome.finished)
        lines.append(pick(lang, f"Eerst afgemaakt: een onderbroken vastlegging in {done}.",
                          f"Finished first: an interrupted recording in {done}."))
    lines.append(pick(lang, f"Vastgelegd in {where}:", f"Recorded in {where}:"))
    lines += [f"  {said}" for said in outcome.recorded]
    for d in outcome.resolved:
        lines.append(pick(lang, f"{d.code} opgelost: {d.message}", f"{d.code} resolved: {d.message}"))
    for d in outcome.new:
        severity = value(d.severity.value, lang)
        lines.append(pick(lang, f"nieuw ({severity}) {d.code}: {d.message}", f"new ({severity}) {d.code}: {d.message}"))
    for deadline in outcome.met:
        lines.append(pick(lang, f"{deadline.code} gedaan: {deadline.what}", f"{deadline.code} done: {deadline.what}"))
    for deadline in outcome.coming:
        lines.append(pick(lang, f"{deadline.code}: {deadline.what}, uiterlijk {long_date(deadline.due, lang)}",
                          f"{deadline.code}: {deadline.what}, due {long_date(deadline.due, lang)}"))
    return lines
