"""Whatever text the loader is given, it answers with diagnostics or a case, never an exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gga_cli.loader import load_case
from gga_cli.models import FILE_KINDS
from gga_cli.loader import read

TOKENS = list("abc:-{}[],#&*!|>'\"%@` \n\t019.") + ["\u0085", "\u00a0", "é", "<<<<<<< ", "---\n", "? ", "score: ", "- {date: "]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)


@given(st.binary(max_size=300))
def test_any_bytes_read_without_exception(raw: bytes) -> None:
    parsed, problems = read(raw, "nl")
    assert parsed is not None or problems


@given(YAMLISH)
def test_any_yamlish_text_reads_without_exception(text: str) -> None:
    parsed, problems = read(text.encode("utf-8"), "en")
    assert parsed is not None or problems


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(FILE_KINDS)), YAMLISH)
def test_any_file_content_loads_as_diagnostics_or_a_case(tmp_path: Path, name: str, text: str) -> None:
    folder = tmp_path / "cases" / "2026-0001"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / name).write_text(text, encoding="utf-8")
    case, diagnostics = load_case(folder, tmp_path, "nl", dt.date(2026, 11, 29))
    assert case.id == "2026-0001"
    assert all(d.code.startswith("F") for d in diagnostics)
