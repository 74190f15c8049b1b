"""The caseload's walk lists each case folder once, and loading a case uses that listing:
no second listing, no resolving, no look at a regular file before it is opened. A file
that changes between the walk and the load is judged as it is when it is read."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from pathlib import Path

import casebuilder as cb
from gga_cli.caseload import Caseload
from gga_cli.locate import resolve

TODAY = dt.date(2026, 2, 10)


def caseload(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "caseload"
    folder = root / "cases" / "2026-0042"
    folder.mkdir(parents=True)
    (root / "gga.toml").write_text("", encoding="utf-8")
    for name, text in {"case.yaml": cb.case_yaml(), "genogram.yaml": cb.genogram_yaml(),
                       "scores.yaml": cb.score_line("2026-02-04") + "\n"}.items():
        (folder / name).write_text(text, encoding="utf-8")
    kept = root / "kept"
    kept.mkdir()
    (kept / "contacts.yaml").write_text(cb.contact_line("2026-02-04", "home_visit") + "\n", encoding="utf-8")
    os.symlink(kept / "contacts.yaml", folder / "contacts.yaml")  # a link: looked at before it is read
    return root, folder


def codes(caseload: Caseload, folder: Path) -> list[tuple[str, str]]:
    return [(d.code, d.file.rsplit("/", 1)[-1]) for d in caseload.load(folder)[1] if d.code.startswith("F")]


def test_the_walk_lists_each_case_folder_with_its_regular_files(tmp_path: Path) -> None:
    root, folder = caseload(tmp_path)
    listing = resolve([root]).listings[str(folder)]
    assert listing.real == folder.resolve()
    assert listing.names == {"case.yaml", "genogram.yaml", "scores.yaml", "contacts.yaml"}
    assert listing.regular == {"case.yaml", "genogram.yaml", "scores.yaml"}


def test_the_walks_listings_go_whole_to_a_spawned_worker(tmp_path: Path) -> None:
    # where worker processes are spawned (not forked), `check` sends them the caseload pickled
    root, folder = caseload(tmp_path)
    walked = Caseload.open([root], today=TODAY, lang="en")
    copy = pickle.loads(pickle.dumps(walked.target))
    assert copy.listings == walked.target.listings and str(folder) in copy.listings


def test_a_case_loads_alike_from_the_walks_listing_and_without_it(tmp_path: Path) -> None:
    root, folder = caseload(tmp_path)
    walked = Caseload.open([root], today=TODAY, lang="en")
    assert str(folder) in walked.target.listings
    with_listing = walked.load(folder)
    assert str(folder) not in walked.target.listings  # used once
    without = walked.load(folder)
    assert with_listing == without
    case = with_listing[0]
    assert case.genogram is not None and len(case.scores) == len(case.contacts) == 1  # the link was read


def test_a_listed_file_made_a_fifo_after_the_walk_is_refused_without_waiting(tmp_path: Path) -> None:
    root, folder = caseload(tmp_path)
    walked = Caseload.open([root], today=TODAY, lang="en")
    (folder / "genogram.yaml").unlink()
    os.mkfifo(folder / "genogram.yaml")
    assert codes(walked, folder) == [("F007", "genogram.yaml")]


def test_a_listed_file_grown_too_large_after_the_walk_is_refused(tmp_path: Path) -> None:
    root, folder = caseload(tmp_path)
    walked = Caseload.open([root], today=TODAY, lang="en")
    (folder / "genogram.yaml").write_bytes(b"#" * (2 * 1024 * 1024))
    # told by its size on the open file, not read to the limit first
    assert [(d.code, d.file.rsplit("/", 1)[-1], d.message) for d in walked.load(folder)[1] if d.code.startswith("F")] == [
        ("F005", "genogram.yaml", "file is 2.0 MiB, larger than 1 MiB"),
    ]


def test_a_listed_file_gone_after_the_walk_is_told_not_crashed_on(tmp_path: Path) -> None:
    root, folder = caseload(tmp_path)
    walked = Caseload.open([root], today=TODAY, lang="en")
    (folder / "genogram.yaml").unlink()
    diagnostics = walked.load(folder)[1]
    assert [(d.code, d.message) for d in diagnostics if d.file.endswith("genogram.yaml")] == [
        ("F001", "cannot read the file: No such file or directory"),
    ]
    # the next load lists the folder again: the file is missing, not unreadable
    assert ("F030", "genogram.yaml") in codes(walked, folder)
