"""Each hazard of reading case files ends as one diagnostic at the right place, never a crash."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from casebuilder import case_yaml, genogram_yaml
from gga_cli import blocklines, flowlines
from gga_cli.diagnostics import Diagnostic, Severity
from gga_cli.loader import load_case, read

TODAY = dt.date(2026, 11, 29)
CASE = case_yaml()
GENOGRAM = genogram_yaml()


def load(tmp_path: Path, files: dict[str, str | bytes]) -> list[Diagnostic]:
    folder = tmp_path / "cases" / "2026-0042"
    folder.mkdir(parents=True)
    for name, content in {"case.yaml": CASE, "genogram.yaml": GENOGRAM, **files}.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return load_case(folder, tmp_path, "en", TODAY)[1]


def error(code: str, file: str, line: int | None, column: int | None, message: str) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, "2026-0042", f"cases/2026-0042/{file}", line, column, message)


def test_a_clean_case_loads_without_diagnostics(tmp_path: Path) -> None:
    assert load(tmp_path, {}) == []


def test_text_given_as_a_list_a_mapping_or_nothing_is_reported_at_its_value(tmp_path: Path) -> None:
    scores = "- {date: 2026-02-04, score: 3, note: [rustig, thuis]}\n- {date: 2026-02-05, score: 4, by: {naam: els}}\n"
    contacts = "- {date: 2026-02-04, kind: phone, with: [els, ~]}\n"
    assert load(tmp_path, {"scores.yaml": scores, "contacts.yaml": contacts, "case.yaml": CASE.replace("family: ", "family: \n#", 1)}) == [
        error("F010", "case.yaml", 2, 8, "family: must be text, not a list or mapping"),
        error("F010", "scores.yaml", 1, 32, "[0].note: must be text, not a list or mapping"),
        error("F010", "scores.yaml", 2, 32, "[1].by: must be text, not a list or mapping"),
        error("F010", "contacts.yaml", 1, 47, "[0].with[1]: must be text, not a list or mapping"),
    ]


def test_a_repeated_key_is_reported_where_it_repeats(tmp_path: Path) -> None:
    text = CASE + "worker: Iemand Anders\n"
    assert load(tmp_path, {"case.yaml": text}) == [
        error("F002", "case.yaml", 9, 1, "key 'worker' is repeated"),
    ]


def test_a_repeated_key_inside_a_flow_mapping_is_reported(tmp_path: Path) -> None:
    scores = "- {date: 2026-02-04, score: 3, score: 9}\n"
    assert load(tmp_path, {"scores.yaml": scores}) == [
        error("F002", "scores.yaml", 1, 32, "key 'score' is repeated"),
    ]


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        this = chr(ord("a") + n)
        levels.append(f"{this}: &{this} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(levels) + "\n"
    started = time.process_time()
    found = load(tmp_path, {"safety-plan.yaml": bomb})
    assert time.process_time() - started < 5  # guards against expansion, not a benchmark
    assert found[0] == error("F003", "safety-plan.yaml", 1, 4, "anchor &a is not allowed")
    assert {d.code for d in found} == {"F003", "F010"}
    assert all(d.code != "F003" or "&" in d.message or "*" in d.message for d in found)


def test_a_python_tag_is_refused_and_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = CASE.replace("worker: Peter Brood", f"worker: !!python/object/apply:os.system ['touch {marker}']")
    found = load(tmp_path, {"case.yaml": text})
    assert not marker.exists()
    assert found[0] == error("F003", "case.yaml", 4, 9, "tag !!python/object/apply:os.system is not allowed")


def test_a_yaml_directive_is_refused(tmp_path: Path) -> None:
    assert load(tmp_path, {"case.yaml": "%YAML 1.1\n---\n" + CASE}) == [
        error("F003", "case.yaml", 1, 1, "% directives are not allowed"),
    ]


def test_a_conflict_marker_is_found_even_inside_a_quoted_string(tmp_path: Path) -> None:
    text = CASE + 'team: "Team\n<<<<<<< HEAD\nZuid\n=======\nNoord\n>>>>>>> feature\n"\n'
    assert load(tmp_path, {"case.yaml": text}) == [
        error("F004", "case.yaml", 10, 1, "merge conflict marker <<<<<<<: resolve the conflict"),
        error("F004", "case.yaml", 12, 1, "merge conflict marker =======: resolve the conflict"),
        error("F004", "case.yaml", 14, 1, "merge conflict marker >>>>>>>: resolve the conflict"),
    ]


@pytest.mark.parametrize("marker", ["<<<<<<< HEAD", "=======", ">>>>>>> feature", "||||||| base", "=======\r"])
@pytest.mark.parametrize("where", ["case.yaml", "genogram.yaml", "scores.yaml", "a block text"])
def test_a_conflict_marker_line_is_never_taken_by_a_fast_reader(tmp_path: Path, marker: str, where: str) -> None:
    # the marker search runs only where both fast readers decline (`loader.read`): each must
    # decline every text with a marker line, whatever file and wherever in it
    scores = "- {date: 2026-02-04, score: 3}\n- {date: 2026-02-05, score: 4}\n"
    texts = {
        "case.yaml": CASE.replace("\n", f"\n{marker}\n", 3),
        "genogram.yaml": GENOGRAM.rstrip("\n") + f"\n{marker}\n",
        "scores.yaml": scores.replace("\n", f"\n{marker}\n", 1),
        "a block text": "reason: >-\n  Ruzie thuis.\n" + marker + "\n  Politie gebeld.\n",
    }
    text = texts[where]
    assert flowlines.read(text) is None and blocklines.read(text) is None
    parsed, problems = read(text.encode("utf-8"), "en")
    assert parsed is None
    assert problems and {p.code for p in problems} == {"F004"}


def test_a_conflict_marker_and_a_control_character_are_both_told() -> None:
    parsed, problems = read(b"- {date: 2026-02-04, score: 3, note: a\x07}\n=======\n", "en")
    assert parsed is None
    assert [(p.code, p.line) for p in problems] == [("F004", 2), ("F001", 1)]


def test_latin1_text_is_not_utf8(tmp_path: Path) -> None:
    text = CASE.replace("Familie Brood", "Familie Saïd").encode("latin-1")
    assert load(tmp_path, {"case.yaml": text}) == [
        error("F001", "case.yaml", 2, 19, "not UTF-8 (byte 0xef); save the file as UTF-8"),
    ]


def test_utf16_is_refused(tmp_path: Path) -> None:
    assert load(tmp_path, {"case.yaml": CASE.encode("utf-16")}) == [
        error("F001", "case.yaml", 1, 1, "file is UTF-16; save it as UTF-8"),
    ]


def test_a_next_line_control_character_is_refused(tmp_path: Path) -> None:
    scores = "- {date: 2026-02-04, score: 3, note: \"rustig\u0085thuis\"}\n"
    assert load(tmp_path, {"scores.yaml": scores}) == [
        error("F001", "scores.yaml", 1, 45, "control character U+0085 in the text"),
    ]


def test_a_utf8_bom_and_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    text = b"\xef\xbb\xbf" + CASE.replace("\n", "\r\n").encode("utf-8")
    assert load(tmp_path, {"case.yaml": text}) == []


def test_a_file_over_one_mebibyte_is_not_read(tmp_path: Path) -> None:
    scores = "- {date: 2026-02-04, score: 3, note: \"" + "x" * (1024 * 1024) + "\"}\n"
    assert load(tmp_path, {"scores.yaml": scores}) == [
        error("F005", "scores.yaml", None, None, "file is 1.0 MiB, larger than 1 MiB"),
    ]


def test_a_non_breaking_space_after_a_colon_makes_no_mapping(tmp_path: Path) -> None:
    text = "id:\u00a02026-0042\nfamily:\u00a0Familie Brood\n"
    assert load(tmp_path, {"case.yaml": text}) == [
        error("F010", "case.yaml", 1, 1, "the file must be a mapping of keys (key: value)"),
    ]


def test_deep_nesting_is_refused_without_recursion_error(tmp_path: Path) -> None:
    text = "concerns: " + "[" * 5000 + "]" * 5000 + "\n"
    # libyaml's scanner stops flow nesting at its own limit, before any event reaches gga
    assert load(tmp_path, {"safety-plan.yaml": text}) == [
        error("F001", "safety-plan.yaml", 1, 1010, "not valid YAML: exceeded maximum nesting depth"),
    ]


def test_deep_block_nesting_stops_at_gga_s_limit(tmp_path: Path) -> None:
    text = "reason:\n" + "".join("  " * level + "a:\n" for level in range(1, 300))
    assert load(tmp_path, {"safety-plan.yaml": text}) == [
        error("F001", "safety-plan.yaml", 65, 129, "nested deeper than 64 levels"),
    ]


def test_a_five_thousand_digit_number_is_no_score(tmp_path: Path) -> None:
    digits = "9" * 5000
    found = load(tmp_path, {"scores.yaml": f"- {{date: 2026-02-04, score: {digits}}}\n"})
    assert found == [error("F010", "scores.yaml", 1, 29, f"[0].score: '{digits[:37]}...' is no whole number")]


def test_an_impossible_birth_date_points_at_its_line(tmp_path: Path) -> None:
    genogram = "people:\n  - id: sjors\n    name: Sjors\n    sex: m\n    born: 2015-02-30\n    child: true\n"
    assert load(tmp_path, {"genogram.yaml": genogram}) == [
        error("F010", "genogram.yaml", 5, 11, "people[0].born: 2015-02-30 does not exist"),
    ]


def test_a_missing_value_points_at_its_parent_key(tmp_path: Path) -> None:
    text = CASE.replace("measure: {kind: ots, start: 2026-02-01, end: 2027-02-01}", "measure:\n  start: 2026-02-01\n  end: 2027-02-01")
    assert load(tmp_path, {"case.yaml": text})[0] == error("F010", "case.yaml", 5, 1, "measure.kind is missing")


def test_scalars_stay_text(tmp_path: Path) -> None:
    genogram = GENOGRAM + "network:\n  - {id: tel, name: 0612345678, kind: informal, relation: no}\n"
    folder = tmp_path / "cases" / "2026-0042"
    assert load(tmp_path, {"genogram.yaml": genogram}) == []
    case = load_case(folder, tmp_path, "en", TODAY)[0]
    assert case.genogram is not None
    assert (case.genogram.network[0].name, case.genogram.network[0].relation) == ("0612345678", "no")


def test_a_bad_entry_is_reported_and_left_out_the_rest_stays(tmp_path: Path) -> None:
    scores = "- {date: 2026-02-04, score: 3}\n- {date: 2026-02-05, score: 11}\n- {date: 2026-02-06, score: 0}\n- {date: 2026-02-07, score: 5}\n"
    found = load(tmp_path, {"scores.yaml": scores})
    assert found == [
        error("F010", "scores.yaml", 2, 29, "[1].score: 11 must be at most 10"),
        error("F010", "scores.yaml", 3, 29, "[2].score: 0 must be at least 1"),
    ]
    case = load_case(tmp_path / "cases" / "2026-0042", tmp_path, "en", TODAY)[0]
    assert [(s.score, s.line) for s in case.scores] == [(3, 1), (5, 4)]


def test_an_unknown_key_is_reported_at_the_key(tmp_path: Path) -> None:
    assert load(tmp_path, {"case.yaml": CASE + "wroker: Els\n"}) == [
        error("F010", "case.yaml", 9, 1, "unknown key 'wroker'"),
    ]


def test_a_comma_in_an_unquoted_flow_note_is_explained(tmp_path: Path) -> None:
    scores = "- {date: 2026-02-04, score: 3, note: Eerste huisbezoek, veel spanning.}\n"
    assert load(tmp_path, {"scores.yaml": scores}) == [
        error("F010", "scores.yaml", 1, 57,
              "[0]: unknown key 'veel spanning.': a comma inside {...} ends the value; put the text in double quotes"),
    ]


def test_a_reference_to_nobody_is_f020(tmp_path: Path) -> None:
    contacts = "- {date: 2026-02-04, kind: home_visit, with: [els, oma], alone: [els]}\n"
    assert load(tmp_path, {"contacts.yaml": contacts}) == [
        error("F020", "contacts.yaml", 1, 3, "with: 'oma' is no person or network member of this case"),
        error("F020", "contacts.yaml", 1, 3, "alone: 'els' is no child of this case"),
    ]


def test_impossible_dates_are_f021(tmp_path: Path) -> None:
    scores = "- {date: 2026-02-01, score: 3}\n- {date: 2026-12-01, score: 4}\n- {date: 2026-02-04, score: 5}\n"
    assert load(tmp_path, {"scores.yaml": scores}) == [
        error("F021", "scores.yaml", 1, 3, "date 2026-02-01 is before the registration (2026-02-03)"),
        error("F021", "scores.yaml", 2, 3, "date 2026-12-01 is after today (2026-11-29)"),
    ]


def test_a_contact_before_a_childs_birth_is_f021(tmp_path: Path) -> None:
    genogram = GENOGRAM + "  - {id: baby, name: Baby, sex: x, born: 2026-06-01, child: true}\n"
    contacts = "- {date: 2026-03-01, kind: home_visit, with: [els, baby]}\n"
    assert load(tmp_path, {"genogram.yaml": genogram, "contacts.yaml": contacts}) == [
        error("F021", "contacts.yaml", 1, 3, "2026-03-01 is before baby was born"),
    ]


def test_missing_case_and_genogram_files_are_f030(tmp_path: Path) -> None:
    folder = tmp_path / "cases" / "2026-0042"
    folder.mkdir(parents=True)
    (folder / "case.yaml").write_text(CASE, encoding="utf-8")
    assert load_case(folder, tmp_path, "en", TODAY)[1] == [
        error("F030", "genogram.yaml", None, None, "the case folder lacks genogram.yaml"),
    ]


def test_case_id_must_equal_the_folder_name(tmp_path: Path) -> None:
    found = load(tmp_path, {"case.yaml": CASE.replace("id: 2026-0042", "id: 2026-0043")})
    assert found == [error("F010", "case.yaml", 1, 1, "id 2026-0043 differs from the folder name 2026-0042")]


def test_an_unknown_yaml_file_in_a_case_folder_is_reported(tmp_path: Path) -> None:
    found = load(tmp_path, {"contact.yaml": "- {date: 2026-02-04, kind: phone}\n"})
    assert found == [
        error("F010", "contact.yaml", None, None,
              "unknown file in the case folder; gga reads only case.yaml, genogram.yaml, safety-plan.yaml, "
              "change-plan.yaml, safeguarding-plan.yaml, scores.yaml, contacts.yaml"),
    ]


def test_an_empty_text_is_reported_as_empty(tmp_path: Path) -> None:
    assert load(tmp_path, {"case.yaml": CASE.replace("worker: Peter Brood", 'worker: ""')}) == [
        error("F010", "case.yaml", 4, 9, "worker is empty"),
    ]


def test_a_closing_date_after_today_is_f021(tmp_path: Path) -> None:
    text = CASE + "closed: {date: 2026-12-01, reason: blijvend veilig}\n"
    assert load(tmp_path, {"case.yaml": text}) == [
        error("F021", "case.yaml", 9, 1, "closed.date 2026-12-01 is after today (2026-11-29)"),
    ]


def test_every_model_of_a_file_knows_where_it_stands() -> None:
    """pydantic's post-init is left out of the file validators (`validate.file_validator`):
    the loader's walk gives every model, however deep, its line and column."""
    from conftest import EXAMPLES

    from gga_cli.loader import attribute
    from gga_cli.models import FILE_KINDS
    from gga_cli.models.common import Model

    seen: list[Model] = []

    def visit(value: object) -> None:
        if isinstance(value, Model):
            seen.append(value)
            for name in type(value).model_fields:
                visit(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                visit(item)

    for folder in sorted((EXAMPLES / "cases").iterdir()):
        case = load_case(folder, EXAMPLES, "nl", TODAY)[0]
        for name in FILE_KINDS:
            visit(getattr(case, attribute(name), None))
    assert len({type(model) for model in seen}) >= 25  # nested models of every file kind
    unplaced = [model for model in seen if model.line is None or model.column is None]
    assert not unplaced, unplaced[:3]
