"""`gga export`: pseudonymised tables; no name, note or free text of the demo leaves."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
import yaml

from tests.conftest import DEMO_TODAY, EXAMPLES

Gga = Callable[..., CompletedProcess[str]]
KEY = "a-long-and-secret-export-key"
TABLES = ["assessments", "cases", "contacts", "findings", "goals", "phases", "scores"]
# the export's own column names
COLUMNS = {"case", "registered", "closed", "measure", "phase", "team", "worker", "children", "date", "kind", "family",
           "others", "score", "rater", "goal", "status", "due", "tool", "version", "outcome", "threats", "code", "file", "line"}
# values of these keys are the method's enumerations and versions, which the export keeps
ENUMS = {"kind", "sex", "status", "tool", "version", "conclusion", "outcome", "basis", "domain", "rule"}


def _strings(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif isinstance(value, str) and key not in ENUMS:
        yield value
        if key in ("name", "family", "worker", "contact", "handed_over_to", "provider"):
            yield from (word for word in value.split() if len(word) > 3)


def _enum_values(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _enum_values(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _enum_values(v, key)
    elif key in ENUMS:
        yield str(value)


def secrets() -> set[str]:
    """Every name, note, id and free text of the demo caseload (an id that is also one of
    the method's words, like the network member `school`, excepted)."""
    found: set[str] = set()
    words: set[str] = set()
    for path in (EXAMPLES / "cases").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found |= set(_strings(data))
        words |= set(_enum_values(data))
    found |= {path.name for path in (EXAMPLES / "cases").iterdir()}  # the case ids
    return {s for s in found if len(s) >= 3 and s not in words | COLUMNS}


def leaked(text: str) -> list[str]:
    """The secrets in an export: a text of several words anywhere, a single word as a word."""
    text = text.casefold()
    tokens = set(re.findall(r"[\w-]+", text))
    return sorted(s for s in secrets() if (s.casefold() in text if " " in s.strip() else s.casefold().strip() in tokens))


def export(gga: Gga, out: Path, *args: str, key: str | None = KEY) -> CompletedProcess[str]:
    return gga("export", str(EXAMPLES), "-o", str(out), "--today", DEMO_TODAY, *args, env={"GGA_EXPORT_KEY": key} if key else None)


def test_the_csv_export_holds_no_name_note_or_id_of_the_demo(gga: Gga, tmp_path: Path) -> None:
    result = export(gga, tmp_path / "bi")
    assert (result.returncode, result.stderr) == (0, f"5 cases, 7 tables in {tmp_path / 'bi'}\n")
    assert sorted(p.stem for p in (tmp_path / "bi").iterdir()) == TABLES
    text = "\n".join((tmp_path / "bi" / f"{t}.csv").read_text() for t in TABLES).casefold()
    assert leaked(text) == []
    assert len(secrets()) > 200  # the demo holds many names and notes to look for


def test_the_parquet_export_reads_back_the_same_rows_and_holds_no_name(gga: Gga, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow (the export extra) is not installed")
    assert export(gga, tmp_path / "pq", "--format", "parquet").returncode == 0
    assert export(gga, tmp_path / "csv").returncode == 0
    for table in TABLES:
        back = pq.read_table(tmp_path / "pq" / f"{table}.parquet").to_pylist()
        rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / f"{table}.csv").read_text())))
        assert len(back) == len(rows), table
        assert leaked(repr(back)) == [], table
    cases = pq.read_table(tmp_path / "pq" / "cases.parquet").to_pylist()
    assert sorted(c["index_child_born"] for c in cases) == [2009, 2011, 2014, 2018, 2023]


def test_a_case_gets_the_keyed_hash_of_its_id_the_same_in_every_export(gga: Gga, tmp_path: Path) -> None:
    export(gga, tmp_path / "one")
    export(gga, tmp_path / "two")
    export(gga, tmp_path / "other", key="another-key-of-enough-length")
    one = (tmp_path / "one" / "cases.csv").read_text()
    assert one == (tmp_path / "two" / "cases.csv").read_text()
    assert one != (tmp_path / "other" / "cases.csv").read_text()
    expected = hmac.new(KEY.encode(), b"2025-2391", hashlib.sha256).hexdigest()
    first = list(csv.DictReader(io.StringIO(one)))[0]
    assert (first["case"], first["registered"], first["measure"], first["index_child_born"]) == (expected, "2025-10-27", "ots", "2014")


def test_the_key_may_come_from_gga_toml(gga: Gga, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES, root)
    with (root / "gga.toml").open("a") as toml:
        toml.write(f'\n[stats]\nexport_key = "{KEY}"\n')
    result = gga("export", str(root), "-o", str(tmp_path / "bi"), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert hmac.new(KEY.encode(), b"2025-2391", hashlib.sha256).hexdigest() in (tmp_path / "bi" / "cases.csv").read_text()


def test_export_refuses_without_a_key(gga: Gga, tmp_path: Path) -> None:
    result = export(gga, tmp_path / "bi", key=None)
    assert (result.returncode, result.stderr) == (
        1, "gga: no key for the pseudonyms: set GGA_EXPORT_KEY or [stats] export_key in gga.toml; nothing written\n")
    assert not (tmp_path / "bi").exists()


def test_export_refuses_a_short_key(gga: Gga, tmp_path: Path) -> None:
    result = export(gga, tmp_path / "bi", key="short")
    assert (result.returncode, result.stderr) == (1, "gga: the export key is shorter than 16 characters; nothing written\n")
    assert not (tmp_path / "bi").exists()


def test_parquet_without_pyarrow_says_how_to_get_it(gga: Gga, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # gga runs in this process: a module set to None in sys.modules fails to import, for this test only
    for name in ["pyarrow", *(n for n in sys.modules if n.startswith("pyarrow."))]:
        monkeypatch.setitem(sys.modules, name, None)
    result = gga("export", str(EXAMPLES), "-o", str(tmp_path / "bi"), "--format", "parquet", env={"GGA_EXPORT_KEY": KEY})
    assert (result.returncode, result.stderr) == (1, "gga: --format parquet needs pyarrow: pip install 'gga[export]'; nothing written\n")
    assert not (tmp_path / "bi").exists()


def test_export_without_a_folder_is_wrong_use(gga: Gga) -> None:
    result = gga("export", str(EXAMPLES), env={"GGA_EXPORT_KEY": KEY})
    assert (result.returncode, result.stderr) == (2, "gga: name the folder to write to: -o DIR\n")
