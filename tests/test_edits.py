"""Edits keep the user's text: one line appended, one value changed, one block added; every
other byte (comments, blank lines, quotes, key order, line ends) stays as it was."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from gga_cli.edits import EditError, append_entry, append_item, parse, quoted, set_block, set_value, token
from gga_cli.loader import load_document
from gga_cli.models import FILE_KINDS
from gga_cli.yamlread import _CONTROL, INVISIBLE
from gga_cli.recordings import contact_entry, score_entry

SCORES = FILE_KINDS["scores.yaml"]
CONTACTS = FILE_KINDS["contacts.yaml"]
CASE = FILE_KINDS["case.yaml"]

COMMENTED_SCORES = """\
# yaml-language-server: $schema=../../schemas/scores.schema.json
# Scores van de familie, nieuwste onderaan.

- {date: 2026-02-04, score: 3, note: 'Eerste huisbezoek: veel spanning.'}   # na de melding
  # moeder huilde

- {date: 2026-02-11, score: 4, by: els, note: "Moeders eigen inschatting."}
# einde
"""

CASE_YAML = """\
# yaml-language-server: $schema=../../schemas/case.schema.json
id: 2026-0042                 # YYYY-NNNN, equal to the folder name
family: 'Familie Brood'
registered: 2026-02-03        # aanmelding

worker: "Peter Brood"
measure:
  kind: ots                   # ots | voogdij | jr | voluntary
  start: 2026-02-01
  end: 2027-02-01
phase: 1                      # 1 | 2 | 3
phases:                       # history, oldest first
  - {phase: 1, start: 2026-02-03}
    # the first phase began at registration
sharing: []
closed: null                  # absent or null while the case is open
waivers:
  - {rule: G108, until: 2026-08-15, reason: gezin drie weken op vakantie}
    # without `until` a waiver stands until it is removed
# the end
"""


def entry(note: str) -> str:
    return score_entry(dt.date(2026, 2, 18), 5, note=note)


def test_a_score_is_one_line_appended_and_all_else_stays() -> None:
    new = append_entry(COMMENTED_SCORES, entry("Rustig."))
    assert new == COMMENTED_SCORES + '- {date: 2026-02-18, score: 5, note: "Rustig."}\n'


def test_crlf_files_keep_their_line_ends() -> None:
    old = COMMENTED_SCORES.replace("\n", "\r\n")
    assert append_entry(old, entry("x")) == old + '- {date: 2026-02-18, score: 5, note: "x"}\r\n'


def test_a_file_without_a_last_line_end_gets_one_before_the_entry() -> None:
    old = "- {date: 2026-02-04, score: 3}  # geen regeleinde"
    assert append_entry(old, entry("x")) == old + '\n- {date: 2026-02-18, score: 5, note: "x"}\n'


@pytest.mark.parametrize("old", [
    "COMMENTED",
    "CRLF",
    "- {date: 2026-02-04, score: 3}  # geen regeleinde",
    "\n\n- {date: 2026-02-04, score: 3}\n\n  # inspringend commentaar\n\n",
    '- {date: 2026-02-04, kind: phone, with: [els, sjors], note: "a, b: {c}"}\n- {date: 2026-02-05, score: 7}\n',
])
def test_a_file_of_entry_lines_gets_its_line_without_the_parse_and_the_same(old: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the line reader takes whole (one flow mapping a line from the first column) is
    appended to without libyaml: the text is what the parse would have made of it."""
    from gga_cli import flowlines

    old = {"COMMENTED": COMMENTED_SCORES, "CRLF": COMMENTED_SCORES.replace("\n", "\r\n")}.get(old, old)
    assert flowlines.read(old) is not None
    fast = append_entry(old, entry("x"))
    monkeypatch.setattr(flowlines, "read", lambda text: None)
    assert append_entry(old, entry("x")) == fast


def test_a_last_entry_in_block_style_still_gets_a_correct_flow_line() -> None:
    old = "- date: 2026-02-04\n  score: 3\n  note: |\n    Twee\n    regels\n"
    new = append_entry(old, entry("x"))
    assert new == old + '- {date: 2026-02-18, score: 5, note: "x"}\n'
    scores, problems = load_document(new.encode(), SCORES, "en")
    assert problems == []
    assert [(s.score, s.note) for s in scores] == [(3, "Twee\nregels\n"), (5, "x")]


def test_an_empty_flow_list_is_replaced_by_the_first_entry() -> None:
    assert append_entry("# geen scores\n[]  # nog niets\n", entry("x")) == (
        '# geen scores\n- {date: 2026-02-18, score: 5, note: "x"}  # nog niets\n'
    )


def test_a_file_of_comments_only_gets_the_entry_after_them() -> None:
    assert append_entry("# alleen commentaar", entry("x")) == '# alleen commentaar\n- {date: 2026-02-18, score: 5, note: "x"}\n'


def test_a_new_file_starts_with_the_schema_modeline() -> None:
    modeline = "# yaml-language-server: $schema=../../schemas/scores.schema.json"
    assert append_entry(None, entry("x"), modeline) == modeline + '\n- {date: 2026-02-18, score: 5, note: "x"}\n'


def test_an_indented_list_gets_its_entry_at_the_same_indent() -> None:
    assert append_entry("  - {date: 2026-02-04, score: 3}\n", entry("x")) == (
        '  - {date: 2026-02-04, score: 3}\n  - {date: 2026-02-18, score: 5, note: "x"}\n'
    )


def test_an_entry_goes_before_an_explicit_document_end() -> None:
    old = "- {date: 2026-02-04, score: 3}\n...\n# na het document\n"
    assert append_entry(old, entry("x")) == (
        '- {date: 2026-02-04, score: 3}\n- {date: 2026-02-18, score: 5, note: "x"}\n...\n# na het document\n'
    )


def test_a_file_that_is_no_list_is_not_edited() -> None:
    with pytest.raises(EditError):
        append_entry("date: 2026-02-04\n", entry("x"))
    with pytest.raises(EditError):
        append_entry("- {date: [\n", entry("x"))


def test_a_phase_step_changes_the_one_value_and_appends_one_history_line() -> None:
    new = append_item(set_value(CASE_YAML, "phase", "2"), "phases", "{phase: 2, start: 2026-04-20}")
    expected = CASE_YAML.replace("phase: 1                      # 1 | 2 | 3", "phase: 2                      # 1 | 2 | 3").replace(
        "    # the first phase began at registration\n",
        "    # the first phase began at registration\n  - {phase: 2, start: 2026-04-20}\n",
    )
    assert new == expected


def test_a_quoted_value_keeps_its_quotes() -> None:
    assert set_value("phase: '1'  # x\n", "phase", "2") == "phase: '2'  # x\n"


def test_closing_replaces_closed_null_and_keeps_its_comment() -> None:
    new = set_block(CASE_YAML, "closed", ["date: 2026-11-20", 'reason: "blijvend veilig"'])
    assert new == CASE_YAML.replace(
        "closed: null                  # absent",
        'closed:\n  date: 2026-11-20\n  reason: "blijvend veilig"                  # absent',
    )
    case, problems = load_document(new.encode(), CASE, "en")
    assert [p for p in problems if not p.message.startswith("waivers")] == []  # G108 may not be registered yet
    assert case.closed.reason == "blijvend veilig"


def test_closing_adds_the_block_at_the_end_where_closed_is_absent() -> None:
    old = CASE_YAML.replace("closed: null                  # absent or null while the case is open\n", "")
    new = set_block(old, "closed", ["date: 2026-11-20", 'reason: "klaar"'])
    assert new == old + 'closed:\n  date: 2026-11-20\n  reason: "klaar"\n'


def test_a_closed_case_is_not_closed_over() -> None:
    with pytest.raises(EditError):
        set_block("closed:\n  date: 2026-11-20\n  reason: klaar\n", "closed", ["date: 2026-11-21"])


def test_a_waiver_goes_after_the_comment_that_belongs_to_the_last_one() -> None:
    new = append_item(CASE_YAML, "waivers", '{rule: G113, reason: "verhuisd"}')
    assert new == CASE_YAML.replace(
        "    # without `until` a waiver stands until it is removed\n",
        '    # without `until` a waiver stands until it is removed\n  - {rule: G113, reason: "verhuisd"}\n',
    )


def test_an_empty_or_absent_list_becomes_a_block_list() -> None:
    assert append_item("a: 1\nwaivers: []  # geen\nb: 2\n", "waivers", "{rule: G1}") == "a: 1\nwaivers:\n  - {rule: G1}  # geen\nb: 2\n"
    assert append_item("a: 1\nwaivers:\nb: 2\n", "waivers", "{rule: G1}") == "a: 1\nwaivers:\n  - {rule: G1}\nb: 2\n"
    assert append_item("a: 1\r\n", "waivers", "{rule: G1}") == "a: 1\r\nwaivers:\r\n  - {rule: G1}\r\n"


def test_ids_that_are_no_ids_are_quoted_so_the_schema_judges_them() -> None:
    assert [token(t) for t in ("els", "2026-02-04", "Els", "a}b", "no", "")] == ["els", "2026-02-04", "Els", '"a}b"', '"no"', '""']


def test_a_contact_line_with_everything() -> None:
    line = contact_entry(dt.date(2026, 2, 4), "home_visit", ["els", "sjors"], ["sjors"], "Rustig, goed.", private=True)
    assert line == '{date: 2026-02-04, kind: home_visit, with: [els, sjors], alone: [sjors], note: "Rustig, goed.", private: true}'


HARD_TEXTS = [
    'Moeder zegt: "ik kan het niet".',
    "Vader: 'nee' # geen commentaar",
    "regel 1\nregel 2\r\nregel 3\n",
    "  spaties voor en na  ",
    "emoji 😀👨‍👩‍👧 en é ß ÿ",
    "komma, {accolade}, [haak], & * ! | > % @ `",
    "\\ backslash \\n geen regeleinde",
    "tab\there",
    "\u2028line separator\u2029 and more",
    "null",
    "- begint met een streep",
]


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_free_text_reads_back_exactly_through_the_loader(text: str) -> None:
    new = append_entry(COMMENTED_SCORES, entry(text))
    scores, problems = load_document(new.encode("utf-8"), SCORES, "en")
    assert problems == []
    assert scores[-1].note == text
    assert new.count("\n") == COMMENTED_SCORES.count("\n") + 1  # one line, whatever the text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_any_text_reads_back_exactly_unless_it_holds_a_control_character(text: str) -> None:
    line = contact_entry(dt.date(2026, 2, 4), "phone", ["els"], [], text)
    scores, problems = load_document(f"- {line}\n".encode(), CONTACTS, "en")
    if _CONTROL.search(text):  # refused, escaped or not: it would reach a terminal (F001)
        assert [p.code for p in problems] == ["F001"]
        return
    assert [p.code for p in problems] == (["F006"] if INVISIBLE.search(text) else [])  # read, with a warning
    assert scores[0].note == text


@pytest.mark.parametrize("text", ["next line \x85", "escape \x1b[2J", "bell \x07", "lone \r return"])
def test_free_text_with_a_control_character_is_written_escaped_and_refused_by_the_loader(text: str) -> None:
    new = append_entry(COMMENTED_SCORES, entry(text))
    assert new.count("\n") == COMMENTED_SCORES.count("\n") + 1
    assert not _CONTROL.search(new)  # the file itself holds only the escape
    assert [p.code for p in load_document(new.encode("utf-8"), SCORES, "en")[1]] == ["F001"]


def test_quoted_escapes_what_yaml_would_read_differently() -> None:
    assert quoted('a"b\\c\n\t\x01\ufeff') == '"a\\"b\\\\c\\n\\t\\x01\\ufeff"'


@pytest.mark.parametrize("text", [COMMENTED_SCORES, COMMENTED_SCORES.replace("\n", "\r\n"), CASE_YAML, "\ufeff" + CASE_YAML,
                                  "- {a: 'é😀', b: \"\\u2028\"}  # ☃\n- b: |\n    ü\n\n  c: 1\n...\n"])
def test_libyaml_and_the_python_parser_place_every_node_alike(text: str) -> None:
    assert parse(text) == parse(text, yaml.BaseLoader)
