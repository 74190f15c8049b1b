"""The text board: on a terminal laid out as before (rich's layout, byte for byte), piped or
with --wide every cell whole; golden files for both."""

from __future__ import annotations

import datetime as dt
import io
import os
import pty
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import DEMO_TODAY, EXAMPLES, GGA
from gga_cli.board import Row, summary
from gga_cli.views.board import status_table, summary_text
from gga_cli.views.grid import Grid, Spans

Run = Callable[..., subprocess.CompletedProcess[str]]
GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("GGA_REGEN_GOLDEN") == "1"
_OPEN = os.open  # taken before the guard on writes is installed: only golden files are written with it
TODAY = dt.date(2026, 11, 29)


def rich_lines(grid: Grid, width: int) -> str:
    """The same cells through rich's Table, as the board was printed before."""
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), header_style=grid.header_style)
    for c in grid.columns:
        table.add_column(c.header, justify=c.justify, no_wrap=True, overflow="ellipsis", min_width=c.min_width, max_width=c.max_width)
    for cells, style in grid.rows:
        table.add_row(*cells, style=style)
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, highlight=False, soft_wrap=False, markup=False, emoji=False).print(table)
    return out.getvalue()


def rich_wrap(text: Spans, width: int) -> str:
    from rich.console import Console
    from rich.text import Text

    rich_text = Text()
    for part, style in text.parts:
        rich_text.append(part, style=style)
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, highlight=False, soft_wrap=False).print(rich_text)
    return out.getvalue()


names = st.text(st.sampled_from("abcdefghij ABéëüç-'ÖşĞ王李ሰላም"), min_size=0, max_size=30)
rows = st.builds(
    Row, id=st.from_regex(r"20[0-9]{2}-[0-9]{4}", fullmatch=True), folder=st.just("cases/x"),
    family=st.one_of(st.none(), names), worker=st.one_of(st.none(), names), phase=st.one_of(st.none(), st.integers(1, 3)),
    phase_since=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), TODAY)),
    last_contact=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), TODAY)),
    scores=st.lists(st.integers(1, 10), max_size=8).map(tuple),
    next_deadline=st.one_of(st.none(), st.tuples(st.sampled_from(["G101", "G108", "G120"]), st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)))),
    overdue=st.integers(0, 120), errors=st.integers(0, 1500), warnings=st.integers(0, 30), closed=st.booleans(), alarm=st.booleans(),
)


@given(st.lists(rows, max_size=6), st.integers(1, 220), st.sampled_from(["nl", "en"]))
def test_the_board_on_a_terminal_is_laid_out_as_rich_lays_it_out(board: list[Row], width: int, lang: str) -> None:
    grid = status_table(board, TODAY, lang)  # type: ignore[arg-type]
    assert "".join(line + "\n" for line, _ in grid.lines(width)) == rich_lines(grid, width)


@given(st.lists(rows, max_size=6), st.integers(8, 220), st.sampled_from(["nl", "en"]))
def test_the_summary_on_a_terminal_breaks_where_rich_breaks_it(board: list[Row], width: int, lang: str) -> None:
    text = summary_text(summary(board), lang)  # type: ignore[arg-type]
    assert "".join("".join(part for part, _ in line) + "\n" for line in text.wrap(width)) == rich_wrap(text, width)


def test_a_grid_unfitted_keeps_every_cell_whole() -> None:
    grid = Grid()
    grid.add_column("zaak", min_width=9)
    grid.add_column("gezin", max_width=6)
    grid.add_column("laat", justify="right")
    grid.add_row("2026-0001", "Familie Van den Heuvel-Özdemir", "3")
    grid.add_row("2026-0002", "Smit", "12", style="red")
    assert grid.lines(None) == [
        ("zaak      gezin                          laat", "bold"),
        ("2026-0001 Familie Van den Heuvel-Özdemir    3", ""),
        ("2026-0002 Smit                             12", "red"),
    ]
    assert grid.lines(30)[1] == ("2026-0001 Famil…    3", "")


def on_terminal(args: list[str], cwd: Path, columns: int) -> str:
    """What `gga ARGS` shows on a terminal `columns` wide (a pseudo-terminal; TERM=dumb, so no escape codes)."""
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "40", "TERM": "dumb", "NO_COLOR": "1"}
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        env.pop(name, None)
    leader, follower = pty.openpty()
    child = subprocess.Popen([str(GGA), *args], stdout=follower, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    child.wait(timeout=120)
    os.close(leader)
    return out.decode("utf-8").replace("\r\n", "\n")


def check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if REGEN:
        fd = _OPEN(golden, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    assert text == golden.read_text(encoding="utf-8")


def demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES, root)  # the board writes its cache into the caseload
    return root


def test_the_demo_board_on_a_terminal_of_80_columns_matches_its_golden_file(tmp_path: Path) -> None:
    """Regenerate with GGA_REGEN_GOLDEN=1 after a deliberate change, and read the diff."""
    root = demo(tmp_path)
    for lang in ("nl", "en"):
        check_golden(f"status-terminal-80-{lang}.txt", on_terminal(["status", "--today", DEMO_TODAY, "--lang", lang], root, 80))


def test_the_demo_board_piped_matches_its_golden_file_with_every_family_name_whole(gga: Run, tmp_path: Path) -> None:
    root = demo(tmp_path)
    result = gga("status", "--today", DEMO_TODAY, "--lang", "en", cwd=root, env={"COLUMNS": "60"})
    check_golden("status-piped-en.txt", result.stdout)
    families = {line.split("family: ", 1)[1].strip() for p in (root / "cases").glob("*/case.yaml")
                for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("family: ")}
    rows = result.stdout.splitlines()[1:-1]
    assert len(rows) == len(families) and all(any(f in row for row in rows) for f in families)
    assert "…" not in result.stdout


def test_no_line_of_a_piped_table_ends_in_padding(gga: Run, tmp_path: Path) -> None:
    # a row whose last cells are empty, and a last column padded to its widest: the board
    # and the agenda (gga's own tables), the rules and a case (rich's)
    root = demo(tmp_path)
    for command in (["status", "--today", DEMO_TODAY], ["agenda", "--today", DEMO_TODAY], ["rules"],
                    ["show", "--case", "2026-0534", "--today", DEMO_TODAY]):
        out = gga(*command, "--lang", "en", cwd=root).stdout
        lines = out.splitlines()
        assert len(lines) > 3 and not [line for line in lines if line.endswith(" ")], command
    board = gga("status", "--today", DEMO_TODAY, "--lang", "en", cwd=root).stdout.splitlines()
    assert any(len(row) < len(board[0]) for row in board[1:-1])  # a row whose last cells are empty


def test_wide_keeps_every_cell_whole_on_a_terminal(gga: Run, tmp_path: Path) -> None:
    root = demo(tmp_path)
    wide = on_terminal(["status", "--today", DEMO_TODAY, "--lang", "en", "--wide"], root, 60)
    assert wide == gga("status", "--today", DEMO_TODAY, "--lang", "en", cwd=root).stdout
    assert "…" in on_terminal(["status", "--today", DEMO_TODAY, "--lang", "en"], root, 60)


@given(st.text(alphabet=st.sampled_from([chr(c) for c in range(0x100)] + ["é", "€", "中", "\u0301", "\u200b", "…"]), max_size=14),
       st.integers(min_value=0, max_value=20))
def test_a_cell_is_measured_and_cut_as_character_by_character(text: str, width: int) -> None:
    """The quick measure of a text of Latin-1 characters (a name with é or ö) gives what
    the measure of each character gives, and the cut to a width too."""
    from gga_cli.views.grid import _char_len, cell_len, set_cell_size

    sizes = [_char_len(c) for c in text]
    if not text.isascii():  # the ASCII path counts every character, as before
        assert cell_len(text) == sum(sizes)
    kept, used = [], 0
    for char, size in zip(text, sizes):
        if used + size > width:
            break
        kept.append(char)
        used += size
    if not text.isascii():
        assert set_cell_size(text, width) == ("".join(kept) + " " * (width - used) if width > 0 else "")
