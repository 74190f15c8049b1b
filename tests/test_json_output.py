"""JSON output is what `json.dumps(value, ensure_ascii=False, indent=2, default=str)` gives,
to the byte, with the characters a terminal hides escaped: `console.json_text` writes it
without json's own (slow) indenting encoder."""

from __future__ import annotations

import datetime as dt
import enum
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gga_cli.console import json_text


class Level(enum.Enum):
    LOW = "low"


class Code(str, enum.Enum):
    G101 = "G101"


class Count(enum.IntEnum):
    ONE = 1


SCALARS = st.one_of(
    st.text(), st.integers(), st.none(), st.booleans(), st.floats(allow_nan=True, allow_infinity=True),
    st.dates(), st.sampled_from([Level.LOW, Code.G101, Count.ONE, "\u202e", "\x85", "é\n\"\\"]),
)
KEYS = st.one_of(st.text(max_size=5), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.lists(inner, max_size=3).map(tuple),
                            st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=20,
)


def expected(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    for char in {c for c in text if 0x7F <= ord(c) <= 0x9F or c in "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"}:
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"


@given(VALUES)
def test_json_output_is_jsons_own_to_the_byte(value: Any) -> None:
    assert json_text(value) == expected(value)


def test_a_report_of_flat_entries_is_jsons_own() -> None:
    report = {"summary": {"cases": 2, "errors": 1, "ok": True, "share": 0.5},
              "diagnostics": [{"code": "G101", "line": 3, "column": None, "message": "zie \"plan\" \u202e"}, {}],
              "empty": [], "day": dt.date(2026, 12, 2), "pair": ("a", 1)}
    assert json_text(report) == expected(report)
    assert "\\u202e" in json_text(report) and json.loads(json_text(report))["diagnostics"][0]["message"].endswith("\u202e")
