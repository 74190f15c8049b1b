"""The one place that prints: consoles, colour, width, and the machine formats.

Command modules hand renderables or plain values to the functions here; nothing else
writes to the terminal. Colour follows rich's rules (NO_COLOR, TERM=dumb, a pipe).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from gga_cli.text import INVISIBLE_CLASS, holds_any

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment

    from gga_cli.diagnostics import Diagnostic
    from gga_cli.views.grid import Grid, Spans


@cache
def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


# Control characters (ESC clears the screen or sets the window title, BEL rings) and the
# characters that change how text reads unseen (bidi overrides, zero-width ones): user text
# holding them is shown with their code point instead, `[U+202E]`, never as they are.
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f" + INVISIBLE_CLASS + "]")


def _code(match: re.Match[str]) -> str:
    return f"[U+{ord(match.group(0)):04X}]"


def visible(text: str, keep: str = "\n\t") -> str:
    """The text with every control and invisible character but those in `keep` shown as
    its code point: what every piece of user text passes through on its way out."""
    if not _HIDDEN.search(text):
        return text
    return _HIDDEN.sub(lambda m: m.group(0) if m.group(0) in keep else _code(m), text)


class _Visible:
    """A renderable drawn as given, its text segments passed through `visible`."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        for segment in console.render(self.renderable, options):
            if segment.control or not _HIDDEN.search(segment.text):
                yield segment
            else:
                yield Segment(visible(segment.text), segment.style)


def show(renderable: RenderableType) -> None:
    if screen().terminal:
        stdout().print(_Visible(renderable))
    else:
        sys.stdout.write(rendered(renderable))


@dataclass(frozen=True)
class Screen:
    """Where stdout goes, by rich's rules but without loading rich: a terminal or not, its
    width, and which styles it shows (none on a pipe or a dumb terminal, no colours with NO_COLOR)."""

    terminal: bool
    width: int
    styles: bool
    colours: bool


def screen(stream: Any = None) -> Screen:
    """What stdout (or `stream`, stderr) is."""
    return _screen(stream if stream is not None else sys.stdout)


@cache
def _screen(stream: Any) -> Screen:
    env = os.environ
    compatible = env.get("TTY_COMPATIBLE", "")
    force = env.get("FORCE_COLOR")
    if compatible in ("0", "1"):
        terminal = compatible == "1"
    elif force is not None:
        terminal = force != ""
    else:
        try:
            terminal = stream.isatty()
        except (AttributeError, ValueError):
            terminal = False
    dumb = terminal and env.get("TERM", "").lower() in ("dumb", "unknown")
    columns, lines = env.get("COLUMNS", ""), env.get("LINES", "")
    width = None
    if dumb and not (columns.isdigit() and lines.isdigit()):
        width = 80
    elif columns.isdigit():
        width = int(columns)
    else:
        for fd in (0, 1, 2):
            try:
                width = os.get_terminal_size(fd).columns
            except (AttributeError, ValueError, OSError):
                continue
            break
    styles = terminal and not dumb
    return Screen(terminal, width or 80, styles, styles and env.get("NO_COLOR", "") == "")


_SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33"}
_COLOURS = {"red", "green", "yellow"}


def _styled(text: str, style: str, where: Screen) -> str:
    if not style or not where.styles or not text:
        return text
    codes = [_SGR[word] for word in style.split() if word in _SGR and (where.colours or word not in _COLOURS)]
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes else text


def screen_key() -> str:
    """Everything about stdout a rendered view depends on, as one string (for caching it)."""
    where = screen()
    env = os.environ
    return f"{int(where.terminal)}{int(where.styles)}{int(where.colours)}:{where.width}:{env.get('TERM', '')}:{env.get('COLORTERM', '')}"


def rendered(renderable: RenderableType) -> str:
    """What `show` prints, as a string (escape codes and all). On a pipe, which shows no
    styles, no line ends in the padding rich gives a table's last cells."""
    out = stdout()
    with out.capture() as captured:
        out.print(_Visible(renderable))
    text = captured.get()
    return text if screen().terminal else "\n".join(line.rstrip(" ") for line in text.split("\n"))


def write(text: str) -> None:
    """Text to stdout exactly as given (a view rendered before)."""
    sys.stdout.write(text)


def table(grid: Grid, wide: bool = False) -> None:
    """A table of plain cells: fitted to the terminal's width, or (on a pipe, or `wide`)
    every cell whole, one row a line, for grep and awk."""
    sys.stdout.write(table_text(grid, wide))


def table_text(grid: Grid, wide: bool = False) -> str:
    """What `table` prints, as a string."""
    where = screen()
    width = where.width if where.terminal and not wide else None
    return "".join(_styled(text, style, where) + "\n" for text, style in grid.lines(width))


def spans(text: Spans, wide: bool = False) -> None:
    """A line of styled parts, broken at spaces to the terminal's width (whole on a pipe, or `wide`)."""
    where = screen()
    width = where.width if where.terminal and not wide else None
    for parts in text.wrap(width):
        sys.stdout.write("".join(_styled(part, style, where) for part, style in parts) + "\n")


def line(text: str = "") -> None:
    """Plain text to stdout: no markup, no wrapping (file paths, messages, reports), with
    control and invisible characters shown by their code point."""
    sys.stdout.write(visible(text) + "\n")


def error(message: str) -> None:
    """A message for the user on stderr: why a command refused or could not run."""
    where = screen(sys.stderr)
    sys.stderr.write(_styled("gga: ", "bold red", where) + visible(message) + "\n")


def note(message: str) -> None:
    """A remark on stderr that is not an error (progress, what a command did)."""
    sys.stderr.write(_styled(visible(message), "dim", screen(sys.stderr)) + "\n")


_JSON_HIDDEN = "".join(map(chr, range(0x7F, 0xA0))) + INVISIBLE_CLASS  # json escapes the C0 controls itself
"""What JSON output escapes beyond json's own escapes: DEL, the C1 controls, the invisible characters."""


@cache
def _json_hidden() -> re.Pattern[str]:
    """Compiled on first use, as json is imported: a command printing text needs neither."""
    return re.compile("[" + _JSON_HIDDEN + "]")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def json_text(value: Any) -> str:
    """What `emit_json` prints, as a string."""
    import json

    text = _indented(value, "", json.encoder.encode_basestring)
    if holds_any(text, _JSON_HIDDEN):  # most output holds none: a scan for each is ten times faster
        text = _json_hidden().sub(_json_escape, text)
    return text + "\n"


def _indented(value: Any, indent: str, text: Callable[[str], str]) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=2, default=str)` writes it,
    to the byte (a test compares the two), where `indent` is the indentation of the
    value's own line and `text` json's encoder of a string.

    json's own indenting encoder is pure Python, one generator step a token: the 2.5 MB of
    `gga check` over 300 cases took 443 M instructions. Here a string or a number in a
    mapping or list is written in line, without a call of its own: 244 M.
    """
    kind = type(value)
    if kind is str:
        return text(value)
    if kind is dict or (kind is not list and kind is not tuple and isinstance(value, dict)):
        if not value:
            return "{}"
        inner = indent + "  "
        items = [
            text(key if type(key) is str else _json_key(key)) + ": "
            + (text(item) if type(item) is str else int.__repr__(item) if type(item) is int
               else "null" if item is None else _indented(item, inner, text))
            for key, item in value.items()
        ]
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "}"
    if kind is list or kind is tuple or isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = indent + "  "
        items = [
            text(item) if type(item) is str else int.__repr__(item) if type(item) is int
            else "null" if item is None else _indented(item, inner, text)
            for item in value
        ]
        return "[\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "]"
    return _json_scalar(value, text)


def _json_scalar(value: Any, text: Callable[[str], str]) -> str:
    """A value that is neither a mapping nor a list, as json writes it (`default=str`)."""
    if isinstance(value, str):
        return text(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _json_float(value)
    return _indented(str(value), "", text)


def _json_key(key: Any) -> str:
    """A mapping's key that is no string, as json writes it."""
    if isinstance(key, str):
        return str.__str__(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    if isinstance(key, float):
        return _json_float(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _json_float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return float.__repr__(value)


def emit_json(value: Any) -> None:
    """JSON on stdout; invisible characters escaped (`\\u202e`), so the data is whole and a
    terminal shows what it holds."""
    sys.stdout.write(json_text(value))


def present(fmt: str, as_json: Callable[[], Any], as_text: Callable[[], None]) -> None:
    """The one `--format` dispatch: `json` prints the document `as_json` builds (no rich is
    loaded for it); any other format is text, printed by `as_text`."""
    if fmt == "json":
        emit_json(as_json())
    else:
        as_text()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def diagnostic_github(d: Diagnostic) -> str:
    """A GitHub Actions workflow command, so the finding shows on the file in a pull request."""
    props = [f"file={_escape_property(d.file or 'gga.toml')}"]
    if d.line is not None:
        props.append(f"line={d.line}")
        if d.column is not None:
            props.append(f"col={d.column}")
    props.append(f"title={_escape_property(d.code)}")
    return f"::{d.severity.value} {','.join(props)}::{_escape_data(d.message)}"


PROGRESS_FROM = 50  # fewer cases than this load too fast to need a bar


@contextmanager
def progress(label: str | Callable[[], str]) -> Iterator[Callable[[int], Callable[[], None]]]:
    """A progress bar on stderr while many cases load, only where stderr is a terminal.

    Yields `start(total)`, which returns the function to call after each step. Where no bar
    is shown (stderr a pipe or a dumb terminal, or few steps) that function does nothing.
    """
    bars: list[Any] = []

    def start(total: int) -> Callable[[], None]:
        if total < PROGRESS_FROM or not screen(sys.stderr).styles:  # rich only where a bar is drawn
            return lambda: None
        console = stderr()
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=console, transient=True,
        )
        task = bar.add_task(label if isinstance(label, str) else label(), total=total)
        bar.start()
        bars.append(bar)
        return lambda: bar.advance(task)

    try:
        yield start
    finally:
        for bar in bars:
            bar.stop()
