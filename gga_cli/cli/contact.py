"""`gga contact`: record a contact with the family or its network in contacts.yaml."""

from __future__ import annotations

from typing import Annotated

import typer

from gga_cli.cli.common import CaseOpt, DateOpt, LangOpt, TodayOpt, day, handles_errors, one_case
from gga_cli.cli.recording import CommitOpt, check_git, finish, ids, text


@handles_errors
def contact(
    kind: Annotated[str, typer.Argument(
        metavar="KIND", show_default=False,
        help="huisbezoek, kantoor, telefoon, beeldbellen, netwerkbijeenkomst, begeleide-omgang, school, casuistiekbespreking "
             "or overig; or the file's own kind: home_visit, office, phone, video, network_meeting, supervised_visit, school, "
             "case_consultation or other.")],
    with_: Annotated[str | None, typer.Option("--with", metavar="IDS", help="Who took part: ids, comma-separated.")] = None,
    alone: Annotated[str | None, typer.Option("--alone", metavar="IDS", help="Children spoken to alone: ids, comma-separated.")] = None,
    date: DateOpt = None,
    note: Annotated[str | None, typer.Option("--note", help="What happened.")] = None,
    score: Annotated[int | None, typer.Option("--score", metavar="N", help="Also record the worker's safety score (1-10) of that day.")] = None,
    private: Annotated[bool, typer.Option("--private", help="The contact never leaves the case in a report.")] = False,
    case: CaseOpt = None,
    today_: TodayOpt = None,
    commit: CommitOpt = False,
    lang: LangOpt = None,
) -> int:
    """Record a contact, with its safety score if given: one line each, the case checked before it is written.

    Children named in --alone are added to --with. KIND may be given in Dutch (huisbezoek);
    the file keeps its own kind (home_visit).

    Example: gga contact huisbezoek --with els,sjors --alone sjors --score 6 --note "Rustig bezoek."
    """
    from gga_cli.recordings import record_contact

    with_ids, alone_ids, note = ids(with_, "--with"), ids(alone, "--alone"), text(note, "--note")
    found, folder = one_case(case, today_, lang, cached=False)
    check_git(commit, folder)
    outcome = record_contact(found, folder, kind, day(date, found.today), with_=with_ids, alone=alone_ids, note=note,
                             score=score, private=private)
    return finish(outcome, commit, "contact and score recorded" if score is not None else "contact recorded")


def register(app: typer.Typer) -> None:
    app.command("contact")(contact)
