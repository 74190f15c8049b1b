"""The four recordings of the work: a safety score, a contact, a phase step, closing the case.

Each builds its edit as text (`edits`) and hands it to `Caseload.record` (`transaction.apply`),
which validates the whole case with it and writes it atomically under the case's lock.
Free text comes in checked by the caller (`text.checked`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from gga_cli.edits import append_entry, append_item, flow_list, flow_mapping, quoted, set_block, set_value, token
from gga_cli.errors import Invalid, Refused
from gga_cli.i18n import Lang, long_date, pick
from gga_cli.models import CaseFolder
from gga_cli.models.entries import CONTACT_KINDS, DUTCH_CONTACT_KINDS, canonical_contact_kind
from gga_cli.rules import Context
from gga_cli.transaction import Edit, Files, Outcome
from gga_cli.words import value

if TYPE_CHECKING:
    from gga_cli.caseload import Caseload

# Going forward, phase 1 must end with a plan the family supports (G111), acute safety
# established before the change plan's goals run (G110), and an LIJ beside the ARIJ for a
# JR case (G112): the rules that start to apply from phase 2 on. Phase 3 asks the same, and
# the end state reached: no goal still planned or active (G123, "Als de haalbare
# eindsituatie is gerealiseerd ... Dan begint de borgingsfase"); its own safeguarding plan
# is due later (G114) and is checked when the case closes (G113).
PHASE_GATE = ("G110", "G111", "G112")
PHASE3_GATE = (*PHASE_GATE, "G123")
CLOSE_GATE = ("G113", "G130", "G131")

def _open_on(case: CaseFolder, day: dt.date, lang: Lang) -> None:
    """An entry may be recorded late on a closed case, never dated after its closing."""
    closed = case.case.closed if case.case is not None else None
    if closed is not None and day > closed.date:
        raise Refused(pick(lang, f"zaak {case.id} is gesloten op {long_date(closed.date, lang)}; niets vastgelegd",
                           f"case {case.id} was closed on {long_date(closed.date, lang)}; nothing recorded"))


def score_entry(day: dt.date, score: int, by: str | None = None, note: str | None = None, private: bool = False) -> str:
    """`{date: ..., score: ..., by: ..., note: "...", private: true}`, absent parts left out."""
    pairs = [("date", day.isoformat()), ("score", str(score))]
    if by is not None:
        pairs.append(("by", token(by)))
    if note is not None:
        pairs.append(("note", quoted(note)))
    if private:
        pairs.append(("private", "true"))
    return flow_mapping(pairs)


def contact_entry(day: dt.date, kind: str, with_: list[str], alone: list[str], note: str | None = None,
                  private: bool = False) -> str:
    pairs = [("date", day.isoformat()), ("kind", token(kind))]
    if with_:
        pairs.append(("with", flow_list(with_)))
    if alone:
        pairs.append(("alone", flow_list(alone)))
    if note is not None:
        pairs.append(("note", quoted(note)))
    if private:
        pairs.append(("private", "true"))
    return flow_mapping(pairs)


def _score_said(score: int, day: dt.date, by: str | None, lang: Lang) -> str:
    rater = pick(lang, f" door {by}", f" by {by}") if by else ""
    return pick(lang, f"score {score} op {long_date(day, lang)}{rater}", f"score {score} on {long_date(day, lang)}{rater}")


def record_score(caseload: Caseload, folder: Path, score: int, day: dt.date, *, by: str | None = None, note: str | None = None,
                 private: bool = False) -> Outcome:
    """Append one safety score to scores.yaml."""

    def plan(case: CaseFolder, files: Files, ctx: Context) -> Edit:
        _open_on(case, day, ctx.lang)
        text = append_entry(files.text("scores.yaml"), score_entry(day, score, by, note, private), files.modeline("scores.yaml"))
        return Edit({"scores.yaml": text}, [_score_said(score, day, by, ctx.lang)])

    return caseload.record(folder, plan)


def _contact_kind(word: str, lang: Lang) -> str:
    """The canonical kind of contact for a kind or its Dutch name; Invalid naming both lists otherwise."""
    kind = canonical_contact_kind(word)
    if kind is not None:
        return kind
    dutch, canonical = ", ".join(DUTCH_CONTACT_KINDS), ", ".join(CONTACT_KINDS)
    raise Invalid(pick(lang, f"soort contact '{word}' bestaat niet; kies uit: {dutch} (of {canonical})",
                       f"kind of contact '{word}' does not exist; choose from: {canonical} (or {dutch})"))


def record_contact(caseload: Caseload, folder: Path, given_kind: str, day: dt.date, *, with_: list[str] | None = None,
                   alone: list[str] | None = None, note: str | None = None, score: int | None = None,
                   private: bool = False) -> Outcome:
    """Append one contact to contacts.yaml; with `score`, also the worker's score of that day.

    A child spoken alone took part in the contact, so `alone` ids are added to `with`.
    """
    alone = list(dict.fromkeys(alone or []))
    with_ = list(dict.fromkeys([*(with_ or []), *alone]))

    def plan(case: CaseFolder, files: Files, ctx: Context) -> Edit:
        kind = _contact_kind(given_kind, ctx.lang)
        _open_on(case, day, ctx.lang)
        # contacts first: were the second write to fail, G109 shows the contact without its score
        entry = contact_entry(day, kind, with_, alone, note, private)
        edit = Edit({"contacts.yaml": append_entry(files.text("contacts.yaml"), entry, files.modeline("contacts.yaml"))})
        people = ", ".join(with_)
        spoken = pick(ctx.lang, f" (alleen gesproken: {', '.join(alone)})", f" (spoken alone: {', '.join(alone)})") if alone else ""
        edit.recorded.append(pick(ctx.lang, f"contact {value(kind, ctx.lang)} op {long_date(day, ctx.lang)}" + (f" met {people}" if people else ""),
                                  f"contact {value(kind, ctx.lang)} on {long_date(day, ctx.lang)}" + (f" with {people}" if people else "")) + spoken)
        if score is not None:
            edit.texts["scores.yaml"] = append_entry(files.text("scores.yaml"), score_entry(day, score), files.modeline("scores.yaml"))
            edit.recorded.append(_score_said(score, day, None, ctx.lang))
        return edit

    return caseload.record(folder, plan)


def _case_text(case: CaseFolder, files: Files, lang: Lang) -> str:
    text = files.text("case.yaml")
    if case.case is None or text is None:
        raise Refused(pick(lang, "case.yaml is niet te lezen: los eerst op wat `gga check` meldt",
                           "case.yaml cannot be read: first fix what `gga check` reports"))
    return text


def target_phase(current: int, to: str, lang: Lang) -> int:
    """The phase asked for: `next`, or 1, 2 or 3; one step forward at a time, back freely."""
    if to == "next":
        if current >= 3:
            raise Refused(pick(lang, "de zaak is in fase 3, de laatste fase", "the case is in phase 3, the last phase"))
        return current + 1
    if to not in ("1", "2", "3"):
        raise Invalid(f"phase '{to}': give next, 1, 2 or 3")
    target = int(to)
    if target == current:
        raise Refused(pick(lang, f"de zaak is al in fase {current}", f"the case is in phase {current} already"))
    if target > current + 1:  # G122: the history never skips a phase going forward
        raise Refused(pick(lang, f"een fase overslaan kan niet: eerst fase {current + 1}",
                           f"a phase cannot be skipped: phase {current + 1} comes first"))
    return target


def record_phase(caseload: Caseload, folder: Path, to: str, day: dt.date, *, force_reason: str | None = None) -> Outcome:
    """Move the case to a phase: the `phase:` value changed, one `{phase, start}` line added to `phases:`."""

    def plan(case: CaseFolder, files: Files, ctx: Context) -> Edit:
        text = _case_text(case, files, ctx.lang)
        assert case.case is not None
        if case.case.closed is not None:
            raise Refused(pick(ctx.lang, f"zaak {case.id} is gesloten", f"case {case.id} is closed"))
        target = target_phase(case.case.phase, to, ctx.lang)
        since = case.case.phases[-1].start if case.case.phases else case.case.registered
        if day < since:
            raise Invalid(pick(ctx.lang, f"{day} ligt voor het begin van fase {case.case.phase} ({since})",
                               f"{day} is before phase {case.case.phase} began ({since})"), about="date")
        text = set_value(text, "phase", str(target))
        text = append_item(text, "phases", flow_mapping([("phase", str(target)), ("start", day.isoformat())]))
        said = pick(ctx.lang, f"fase {target} vanaf {long_date(day, ctx.lang)} (was fase {case.case.phase})",
                    f"phase {target} from {long_date(day, ctx.lang)} (was phase {case.case.phase})")
        gate = () if target <= case.case.phase else PHASE3_GATE if target == 3 else PHASE_GATE
        return Edit({"case.yaml": text}, [said], gate)

    return caseload.record(folder, plan, force_reason)


def record_close(caseload: Caseload, folder: Path, reason: str, day: dt.date, *, to: str | None = None,
                 force_reason: str | None = None) -> Outcome:
    """Close the case: the `closed:` block added (where absent or null), judged by G113, G130 and G131."""
    reason_text = reason

    def plan(case: CaseFolder, files: Files, ctx: Context) -> Edit:
        text = _case_text(case, files, ctx.lang)
        assert case.case is not None
        if case.case.closed is not None:
            raise Refused(pick(ctx.lang, f"zaak {case.id} is al gesloten op {long_date(case.case.closed.date, ctx.lang)}",
                               f"case {case.id} was closed on {long_date(case.case.closed.date, ctx.lang)} already"))
        # the closing date is no entry the loader dates (F021), so it is checked here
        if day > ctx.today:
            raise Invalid(pick(ctx.lang, f"{day} ligt na vandaag ({ctx.today})", f"{day} is after today ({ctx.today})"), about="date")
        since = case.case.phases[-1].start if case.case.phases else case.case.registered
        if day < since:
            raise Invalid(pick(ctx.lang, f"{day} ligt voor het begin van fase {case.case.phase} ({since})",
                               f"{day} is before phase {case.case.phase} began ({since})"), about="date")
        lines = [f"date: {day.isoformat()}", f"reason: {quoted(reason_text or '')}"]
        if to is not None:
            lines.append(f"handed_over_to: {quoted(to)}")
        said = pick(ctx.lang, f"zaak gesloten op {long_date(day, ctx.lang)}: {reason_text}",
                    f"case closed on {long_date(day, ctx.lang)}: {reason_text}")
        return Edit({"case.yaml": set_block(text, "closed", lines)}, [said], CLOSE_GATE)

    return caseload.record(folder, plan, force_reason)
