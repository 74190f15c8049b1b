"""The fast reader of one-entry-a-line files gives exactly what the event parser gives, or declines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gga_cli import flowlines
from gga_cli.yamlread import parse

# pieces near the edges of the subset: indicators, quotes, escapes, comments, odd spacing
ATOMS = st.sampled_from([
    "a", "b", "Zé", "😀", " ", "  ", ",", ":", ": ", "#", " #", "'", "''", '"', '\\"', "\\\\", "\\n", "-", "?",
    "&x", "*x", "!x", "~", "null", "[", "]", "{", "}", "[]", "2026-01-01", "1", "\t", "é", "%", "@", "|", ">",
])
SCALAR = st.one_of(
    st.lists(ATOMS, min_size=1, max_size=5).map("".join),
    st.lists(ATOMS, max_size=5).map(lambda p: '"' + "".join(p) + '"'),
    st.lists(ATOMS, max_size=5).map(lambda p: "'" + "".join(p) + "'"),
    st.lists(st.lists(ATOMS, min_size=1, max_size=3).map("".join), max_size=3).map(lambda i: "[" + ", ".join(i) + "]"),
)
KEY = st.sampled_from(["date", "score", "note", "with", "by", "null", "a_b", "x y", "date"])
ENTRY = st.lists(st.tuples(KEY, st.sampled_from([": ", ":  ", ":"]), SCALAR), min_size=1, max_size=4).map(
    lambda items: "- {" + ", ".join(k + sep + v for k, sep, v in items) + "}")
LINE = st.one_of(ENTRY, ENTRY.map(lambda e: e + "  # ok"), ENTRY.map(lambda e: e + "#x"), st.just(""), st.just("# note"),
                 st.just("  # indented"), ENTRY.map(lambda e: " " + e), st.just("---"))


def same(text: str) -> bool:
    fast = flowlines.read(text)
    if fast is None:
        return True
    slow, problems = parse(text, "en")
    assert slow is not None and problems == []
    assert (fast.data, fast.values, fast.keys) == (slow.data, slow.values, slow.keys)
    return False


@given(st.lists(LINE, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_the_fast_reader_agrees_with_the_event_parser_or_declines(lines: list[str], newline: str) -> None:
    same(newline.join(lines) + newline)


@st.composite
def same_keys(draw: st.DrawFn) -> str:
    """Lines of one or two shapes (keys in one order), as in a real file: the reader matches
    each line whole against the shapes of the lines before it."""
    shapes = draw(st.lists(st.lists(KEY, min_size=1, max_size=4, unique=True), min_size=1, max_size=2))
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        keys = draw(st.sampled_from(shapes))
        line = "- {" + ", ".join(k + draw(st.sampled_from([": ", ":  "])) + draw(SCALAR) for k in keys) + "}"
        lines.append(line + draw(st.sampled_from(["", "  # ok", "#x", " "])))
    return "\n".join(lines) + "\n"


@given(same_keys())
def test_lines_of_a_shape_seen_before_are_read_alike(text: str) -> None:
    same(text)


def test_a_null_or_a_list_in_a_line_of_a_known_shape() -> None:
    text = (
        "- {date: 2026-02-04, kind: phone, with: [els, sjors], note: a}\n"
        "- {date: 2026-02-05, kind: ~, with: [els , ~,sjors], note: b}\n"
        "- {date: 2026-02-06, kind: null, with: [], note: c}\n"
        "- {date: 2026-02-07, kind: phone, with: [ ], note: d}\n"
        "- {date: 2026-02-08, kind: phone, with: [ els ,sjors  ,  piet ], note: e}\n"
        "- {date: 2026-02-09, kind: phone, with: [els,null], note: f}\n"
    )
    assert not same(text)
    data = flowlines.read(text).data  # type: ignore[union-attr]
    assert [entry["kind"] for entry in data] == ["phone", None, None, "phone", "phone", "phone"]
    assert [entry["with"] for entry in data] == [
        ["els", "sjors"], ["els", None, "sjors"], [], [], ["els", "sjors", "piet"], ["els", None],
    ]


def test_a_line_of_known_keys_whose_plain_texts_are_no_single_words() -> None:
    # the first line makes a shape of one-word values (a date, a kind, ids); the lines after
    # it hold texts with spaces, a null, words that start with null, a word with a hyphen,
    # and a list with a null, each read as the event parser reads it
    text = (
        "- {date: 2026-02-04, kind: phone, with: [els, sjors], note: a}\n"
        "- {date: 2026-02-05, kind: home visit, with: [els van dijk, sjors], note: b c}\n"
        "- {date: 2026-02-06, kind: nulla, with: [null_x, NULL-y], note: Null}\n"
        "- {date: 2026-02-07, kind: é, with: [els, null], note: x-}\n"
        "- {date: 2026-02-08, kind: phone, with: [els, sjors], note: a}\n"
    )
    assert not same(text)
    data = flowlines.read(text).data  # type: ignore[union-attr]
    assert [entry["kind"] for entry in data] == ["phone", "home visit", "nulla", "é", "phone"]
    assert [entry["note"] for entry in data] == ["a", "b c", None, "x-", "a"]
    assert data[2]["with"] == ["null_x", "NULL-y"] and data[3]["with"] == ["els", None]


def test_the_fast_reader_takes_the_usual_scores_and_contacts() -> None:
    text = (
        "# yaml-language-server: $schema=../../../schemas/contacts.schema.json\n"
        '- {date: 2026-02-04, kind: home_visit, with: [els, sjors], alone: [sjors], note: "Ruzie, en \\"boos\\"."}\n'
        "- {date: 2026-02-11, score: 4, by: els, note: Moeders eigen inschatting.}\n"
        "- {date: 2026-02-12, kind: phone, with: [], note: 'Oma''s telefoon'}   # na het bezoek\n"
    )
    assert not same(text)


def test_every_hazard_goes_to_the_event_parser() -> None:
    for text in [
        "- {date: 2026-02-04, date: 2026-02-05}\n",  # F002
        "- &a {date: 2026-02-04}\n- *a\n",  # F003
        "- {date: !!str 2026-02-04}\n",  # F003
        "%YAML 1.1\n---\n- {date: 2026-02-04}\n",  # F003
        "- {date: 2026-02-04}\n---\n- {date: 2026-02-05}\n",  # more than one document
        "- {date: 2026-02-04\n",  # no YAML
        "- {note: \"a\\x41\"}\n",  # an escape the fast reader leaves to libyaml
        "- {null: 1}\n",  # a key that is no text
        "- {date: 2026-02-04}\n  - {date: 2026-02-05}\n",
        "- {a: b}\n\u2028- {a: c}\n",
    ]:
        assert flowlines.read(text) is None, text


def test_the_entries_places_are_the_lines_they_start_on() -> None:
    text = "# scores\n- {date: 2026-02-04, score: 3}\n\n- {date: 2026-02-05, score: 4}  # x\n- {date: 2026-02-06, score: 5}\n"
    fast, (slow, _) = flowlines.read(text), parse(text, "en")
    assert fast is not None and slow is not None
    assert fast.entry_places((), [0, 2]) == [slow.place((0,)), slow.place((2,))] == [(2, 3), (5, 3)]
    assert fast.place(()) == slow.place(()) == (2, 1)
    assert fast.place((1, "score")) == slow.place((1, "score")) == (4, 29)
