"""The one place that prints: consoles, colour, width, and the machine formats.

Command modules hand renderables or plain values to the functions here; nothing else
writes to the terminal. Colour follows rich's rules (NO_COLOR, TERM=dumb, a pipe).
"""

from __future__ import annotations

import json
import sys
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from gga_cli.diagnostics import Diagnostic


@cache
def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def show(renderable: RenderableType) -> None:
    stdout().print(renderable)


def line(text: str = "") -> None:
    """Plain text to stdout, as is: no markup, no wrapping (file paths and messages)."""
    sys.stdout.write(text + "\n")


def error(message: str) -> None:
    """A message for the user on stderr: why a command refused or could not run."""
    from rich.text import Text

    stderr().print(Text("gga: ", style="bold red") + Text(message))


def note(message: str) -> None:
    """A remark on stderr that is not an error (progress, what a command did)."""
    from rich.text import Text

    stderr().print(Text(message, style="dim"))


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _place(d: Diagnostic) -> str:
    parts = [d.file or "gga.toml"]
    if d.line is not None:
        parts.append(str(d.line))
        if d.column is not None:
            parts.append(str(d.column))
    return ":".join(parts)


def diagnostic_text(d: Diagnostic) -> str:
    """`file:line:column: severity code message`, the form editors jump to."""
    return f"{_place(d)}: {d.severity.value} {d.code} {d.message}"


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
