"""The fast reader of block files gives exactly what the event parser gives, or declines."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gga_cli import blocklines
from gga_cli.yamlread import parse

ROOT = Path(__file__).resolve().parents[1]

# Two sets of pieces: text the reader takes, and pieces near the edges of the subset
# (indicators, quotes, escapes, odd spacing). A document drawn from the first alone is read
# and compared; one with hostile pieces mostly tests that the reader declines.
SAFE_ATOMS = ["a", "b", "Zé", "😀", " ", "1", "2026-01-01", "é", "-", ",", "'", '"', "#", ":", ".", "a b", "[", "}"]
HOSTILE_ATOMS = [
    "  ", ": ", " #", "''", '\\"', "\\\\", "\\n", "- ", "?", "&x", "*x", "!x", "~", "null", "]", "{", "[]", "{}",
    "\t", "%", "@", "|", ">", ">-", "|-", "---", "...", "\r", "\u2028", "\xa0", "`",
]
SAFE_KEYS = ["id", "name", "kind", "a_b", "born", "to", "with", "from", "note", "id"]
HOSTILE_KEYS = ["null", "Null", "x y", "é", "'q'", "-k", "k ", "~"]
SAFE_TAILS = ["", " ", "  # note", " # a: b"]
HOSTILE_TAILS = ["#x", "\t# x"]
SAFE_HEADERS = [">-", ">", "|", "|-", ">-  "]
HOSTILE_HEADERS = [">+", "|2", ">- # c", "|+", ">1-"]
SAFE_LINES = ["word", "two words", "Zé: 😀 #1", "# not a comment", "- x", "a: b", "[x]"]
HOSTILE_LINES = ["", " ", "  more", "end ", "\t", "more  "]
SAFE_NOISE = ["", "blank", "comment"]
HOSTILE_NOISE = ["spaces", "odd", "deep comment"]


class Pieces:
    """What one document is drawn from: the safe pieces, with the hostile ones where `wild`."""

    def __init__(self, draw: st.DrawFn, wild: bool) -> None:
        self.draw, self.wild = draw, wild

    def one(self, safe: list[str], hostile: list[str]) -> str:
        if self.wild and self.draw(st.integers(0, 5)) == 0:
            return self.draw(st.sampled_from(hostile))
        return self.draw(st.sampled_from(safe))

    def words(self) -> str:
        return "".join(self.one(SAFE_ATOMS, HOSTILE_ATOMS) for _ in range(self.draw(st.integers(1, 4))))

    def plain(self) -> str:
        text = self.words()
        return text if self.wild else "w" + text.strip(" -:#,'\"[}") + "x"

    def scalar(self) -> str:
        kind = self.draw(st.integers(0, 4))
        if kind == 0:
            return self.plain()
        if kind == 1:
            return '"' + self.words().replace('"', '\\"' if self.draw(st.booleans()) else "'") + '"'
        if kind == 2:
            return "'" + self.words().replace("'", "''") + "'"
        if kind == 3:
            items = [self.scalar_in_flow() for _ in range(self.draw(st.integers(0, 3)))]
            return "[" + ", ".join(items) + "]"
        keys = self.draw(st.lists(st.sampled_from(["a", "b", "id", "date"]), min_size=1, max_size=3, unique=not self.wild))
        return "{" + ", ".join(f"{k}: {self.scalar_in_flow()}" for k in keys) + "}"

    def scalar_in_flow(self) -> str:
        kind = self.draw(st.integers(0, 2))
        if kind == 0:
            text = self.plain()
            return text if self.wild else text.replace(",", "").replace("[", "").replace("}", "").replace(":", "")
        if kind == 1:
            return '"' + self.words().replace('"', "") + '"'
        return "'" + self.words().replace("'", "''") + "'"


@st.composite
def document(draw: st.DrawFn) -> str:
    pieces = Pieces(draw, wild=draw(st.integers(0, 3)) == 0)
    step = draw(st.sampled_from([2, 2, 4, 1, 3]))
    lines: list[str] = []

    def noise(margin: int) -> None:
        extra = pieces.one(SAFE_NOISE, HOSTILE_NOISE) if draw(st.integers(0, 3)) == 0 else ""
        if extra == "blank":
            lines.append("")
        elif extra == "comment":
            lines.append(" " * draw(st.integers(0, margin)) + "# comment: a")
        elif extra == "deep comment":
            lines.append(" " * (margin + 5) + "# comment")
        elif extra == "spaces":
            lines.append(" " * draw(st.integers(1, 4)))
        elif extra == "odd":
            lines.append(" " * margin + pieces.words())

    def value(head: str, margin: int, depth: int, indentless_ok: bool) -> None:
        """A value after `head`, the key or dash already on the line; `margin` is the
        column of the mapping or list that holds it."""
        kind = draw(st.integers(0, 9 if depth < 3 else 3))
        if kind <= 2:
            lines.append(head + " " + pieces.scalar() + pieces.one(SAFE_TAILS, HOSTILE_TAILS))
        elif kind == 3:
            lines.append(head + " " + pieces.one(SAFE_HEADERS, HOSTILE_HEADERS))
            for _ in range(draw(st.integers(1 if not pieces.wild else 0, 3))):
                shift = draw(st.sampled_from([0, 0, 0, 0, 1, -1])) if pieces.wild else 0
                lines.append(" " * (margin + step + shift) + pieces.one(SAFE_LINES, HOSTILE_LINES))
        elif kind <= 6:
            lines.append(head + pieces.one(SAFE_TAILS, HOSTILE_TAILS))
            mapping(margin + step, depth + 1)
        else:
            lines.append(head + pieces.one(SAFE_TAILS, HOSTILE_TAILS))
            sequence(margin if indentless_ok and draw(st.booleans()) else margin + step, depth + 1)
        noise(margin)

    def mapping(margin: int, depth: int, first: str | None = None) -> None:
        keys = [pieces.one(SAFE_KEYS, HOSTILE_KEYS) for _ in range(draw(st.integers(1, 4)))]
        if not pieces.wild:
            keys = list(dict.fromkeys(keys))
        for n, key in enumerate(keys):
            colon = ":" if pieces.wild or draw(st.booleans()) else ":"
            head = (first if n == 0 and first is not None else " " * margin) + key + colon
            value(head, margin, depth, True)

    def sequence(margin: int, depth: int) -> None:
        for _ in range(draw(st.integers(1, 4))):
            dash = " " * margin + "-"
            if draw(st.booleans()):  # compact: a mapping's first key on the dash's line
                gap = draw(st.sampled_from([1, 1, 2]))
                mapping(margin + 1 + gap, depth + 1, first=dash + " " * gap)
            else:
                value(dash, margin, depth, False)

    if draw(st.integers(0, 4)) == 0:
        sequence(0, 0)
    else:
        mapping(0, 0)
    if draw(st.integers(0, 3)) == 0:
        lines.insert(0, pieces.one(["# yaml-language-server: $schema=x", ""], ["---", "%YAML 1.1", " "]))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


def agrees(text: str) -> bool:
    """Whether the fast reader took the text; where it did, it must agree with the parser."""
    fast = blocklines.read(text)
    if fast is None:
        return False
    slow, problems = parse(text, "en")
    assert slow is not None and problems == [], text
    assert fast.data == slow.data, text
    assert fast.values == slow.values, text
    assert fast.keys == slow.keys, text
    return True


@settings(max_examples=600, deadline=None)
@given(document())
def test_the_fast_reader_agrees_with_the_event_parser_or_declines(text: str) -> None:
    agrees(text)


@settings(max_examples=400, deadline=None)
@given(document(), st.data())
def test_a_changed_character_is_read_alike_or_declined(text: str, data: st.DataObject) -> None:
    if not text:
        return
    at = data.draw(st.integers(0, len(text) - 1))
    char = data.draw(st.sampled_from([" ", "\n", "-", ":", "#", '"', "'", "{", "[", ">", "|", "a", "", "  ", "\n  ", "- ", ": ", "\n\n"]))
    agrees(text[:at] + char + text[at + 1:])


def test_the_fast_reader_takes_every_block_file_of_the_examples() -> None:
    files = [p for p in (ROOT / "examples").rglob("*.yaml") if p.name not in ("scores.yaml", "contacts.yaml")]
    assert len(files) >= 10
    for path in files:
        assert agrees(path.read_text(encoding="utf-8")), path


def test_the_fast_reader_takes_the_usual_shapes() -> None:
    text = (
        "# a case\n"
        "id: 2026-0188\n"
        "family: Familie Bakker   # as the family says it\n"
        "measure:\n"
        "  kind: ots\n"
        "  end: 2027-06-06\n"
        "phases:\n"
        "- {phase: 1, start: 2026-06-06}\n"
        "- {phase: 2, start: 2026-07-17, note: \"na \\\"overleg\\\"\"}\n"
        "sharing:\n"
        "  - date: 2026-06-09\n"
        "    given_by: [els, \"oma, via telefoon\", 'de ''buurvrouw''']\n"
        "    scope: >-\n"
        "      overdracht aan\n"
        "      het jeugdteam\n"
        "\n"
        "  -   date: 2026-06-10\n"
        "      scope: |\n"
        "        regel een\n"
        "        # regel twee\n"
        "pattern: ~\n"
        "empty: []\n"
        "url: https://example.org/a#b\n"
    )
    assert agrees(text)
    data = blocklines.read(text).data  # type: ignore[union-attr]
    assert data["sharing"][0]["scope"] == "overdracht aan het jeugdteam"
    assert data["sharing"][1]["scope"] == "regel een\n# regel twee\n"
    assert data["pattern"] is None and data["empty"] == []


def test_every_hazard_goes_to_the_event_parser() -> None:
    for text in [
        "id: a\nid: b\n",  # F002
        "a: &x b\nc: *x\n",  # F003
        "a: !!str b\n",  # F003
        "%YAML 1.1\n---\na: b\n",  # F003
        "a: b\n---\nc: d\n",  # more than one document
        "a: {b: c\n",  # no YAML
        'a: "b\\x41"\n',  # an escape the fast reader leaves to libyaml
        "null: b\n",  # a key that is no text
        "a:\nb: c\n",  # a key without value
        "a: one\n  two\n",  # a plain text over two lines
        "a: >-\n  one\n\n  two\n",  # a blank line inside a block text
        "a: >-\n  one\n\n   # two\nb: c\n",  # a blank line, then text that looks like a comment
        "a: >+\n  one\n",  # keep
        "a: |2\n   one\n",  # an indentation indicator
        "a: >-\n  one \n",  # a space at the end of a text line
        "a: >-\n  one\n    two\n",  # a more indented line
        "a:\n\tb: c\n",  # a tab
        "a: b\r\nc: d\r\n",  # carriage returns
        "a: b: c\n",  # a second mapping indicator
        "a:\n  - b\n  -\n",  # an item without value
        "a:\n  - - b\n",  # a list in a list
        "  a: b\n",  # the root indented
        "a: [b, [c]]\n",  # a list in a flow list
        "a: b\n  c: d\n",  # a mapping under a text
    ]:
        assert blocklines.read(text) is None, text


def test_a_place_inside_a_flow_mapping_is_found_when_first_asked_for() -> None:
    # the keys and values inside a flow mapping are placed only when one is asked for
    text = (
        "people:\n"
        "  - {id: sem, name: Sem de Vries, sex: f, born: 1964}\n"
        "  - id: emma\n"
        "    parents: [sem, sara]\n"
        "couples:\n"
        "  - {partners: [sem,  sara], status: married}\n"
    )
    fast, (slow, _) = blocklines.read(text), parse(text, "en")
    assert fast is not None and slow is not None
    assert fast.place(("people", 1, "parents", 1)) == slow.place(("people", 1, "parents", 1)) == (4, 20)
    assert fast.place(("couples", 0, "partners", 1)) == slow.place(("couples", 0, "partners", 1)) == (6, 23)
    assert fast.place(("people", 0, "name")) == slow.place(("people", 0, "name")) == (2, 21)
    assert fast.keys[("people", 0, "born")] == slow.keys[("people", 0, "born")]
