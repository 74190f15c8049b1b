"""G117: a safety alarm answered by the safety plan within days."""

from __future__ import annotations

import datetime as dt

from casebuilder import TODAY, clean, edit, findings, score_line, upto
from gga_cli.models.settings import Deadlines, Settings

D = dt.date


def scored(*lines: str) -> dict[str, str]:
    return {**clean(1), "scores.yaml": "".join(lines)}


LOW_ON_14 = (score_line("2026-01-07", 5), score_line("2026-01-14", 3), score_line("2026-01-20", 5))


def test_g117_the_first_unsafe_assessment_answered_by_establishing_the_plan_is_quiet() -> None:
    assert findings(clean(1), TODAY[1]) == []


def assessed(files: dict[str, str], day: str) -> dict[str, str]:
    """A new ARIJ safety assessment (safe) dated `day`."""
    return edit(files, "safety-plan.yaml", "concerns:", f'  - {{date: {day}, tool: arij, version: "2018", conclusion: safe}}\nconcerns:')


def reviewed(files: dict[str, str], day: str) -> dict[str, str]:
    return edit(files, "safety-plan.yaml", "established: 2026-01-08\n", f"established: 2026-01-08\nreviews:\n  - {{date: {day}, reason: score 3}}\n")


def test_g117_a_score_of_3_without_a_new_assessment_is_quiet_on_day_1_and_an_error_on_day_2() -> None:
    files = reviewed(scored(*LOW_ON_14), "2026-01-14")
    assert findings(upto(files, D(2026, 1, 15)), D(2026, 1, 15)) == []
    assert findings(upto(files, D(2026, 1, 16)), D(2026, 1, 16)) == [
        ("G117", "error", "scores.yaml", 2,
         "alarm na score 3 op 14 januari 2026: geen nieuwe ARIJ-veiligheidstaxatie (uiterlijk 15 januari 2026, 1 dag over tijd)"),
    ]


def test_g117_a_new_assessment_on_the_day_after_the_alarm_is_in_time_two_days_after_is_late() -> None:
    assert findings(assessed(reviewed(scored(*LOW_ON_14), "2026-01-14"), "2026-01-15"), TODAY[1]) == []
    assert findings(assessed(reviewed(scored(*LOW_ON_14), "2026-01-14"), "2026-01-16"), TODAY[1], "en") == [
        ("G117", "error", "scores.yaml", 2,
         "alarm after score 3 on 14 January 2026: new ARIJ safety assessment 1 day late (due 15 January 2026, was 16 January 2026)"),
    ]


def test_g117_a_score_of_3_with_its_assessment_but_no_review_is_quiet_on_day_5_and_an_error_on_day_6() -> None:
    files = assessed(scored(*LOW_ON_14), "2026-01-14")
    assert findings(upto(files, D(2026, 1, 19)), D(2026, 1, 19)) == []
    assert findings(files, D(2026, 1, 20)) == [
        ("G117", "error", "scores.yaml", 2,
         "alarm na score 3 op 14 januari 2026: veiligheidsplan niet herzien (uiterlijk 19 januari 2026, 1 dag over tijd)"),
    ]


def test_g117_a_review_on_day_5_answers_the_alarm() -> None:
    assert findings(reviewed(assessed(scored(*LOW_ON_14), "2026-01-14"), "2026-01-19"), TODAY[1]) == []


def test_g117_a_review_on_day_6_is_reported_late() -> None:
    files = reviewed(assessed(scored(*LOW_ON_14), "2026-01-14"), "2026-01-20")
    assert findings(files, TODAY[1], "en") == [
        ("G117", "error", "scores.yaml", 2,
         "alarm after score 3 on 14 January 2026: safety plan reviewed 1 day late (due 19 January 2026, was 20 January 2026)"),
    ]


def test_g117_the_message_names_both_parts_where_both_are_missing() -> None:
    assert findings(scored(*LOW_ON_14), TODAY[1]) == [
        ("G117", "error", "scores.yaml", 2,
         "alarm na score 3 op 14 januari 2026: geen nieuwe ARIJ-veiligheidstaxatie (uiterlijk 15 januari 2026, 6 dagen over tijd); "
         "veiligheidsplan niet herzien (uiterlijk 19 januari 2026, 2 dagen over tijd)"),
    ]


def test_g117_a_review_and_an_assessment_before_the_alarm_do_not_answer_it() -> None:
    files = assessed(reviewed(scored(*LOW_ON_14), "2026-01-13"), "2026-01-13")
    assert [f[:4] for f in findings(files, TODAY[1])] == [("G117", "error", "scores.yaml", 2)]


def test_g117_a_drop_of_3_from_the_same_raters_previous_score() -> None:
    files = scored(
        score_line("2026-01-07", 7), score_line("2026-01-07", 7, "els"),
        score_line("2026-01-14", 6), score_line("2026-01-14", 4, "els"),
        score_line("2026-01-20", 6), score_line("2026-01-20", 5, "els"),
    )
    assert findings(files, TODAY[1]) == [
        ("G117", "error", "scores.yaml", 4,
         "alarm na score 4 van Els op 14 januari 2026 (3 lager dan de vorige, 7): geen nieuwe ARIJ-veiligheidstaxatie "
         "(uiterlijk 15 januari 2026, 6 dagen over tijd); veiligheidsplan niet herzien (uiterlijk 19 januari 2026, 2 dagen over tijd)"),
    ]


def test_g117_a_drop_between_two_raters_is_no_alarm() -> None:
    files = scored(score_line("2026-01-07", 7), score_line("2026-01-14", 4, "els"), score_line("2026-01-20", 6))
    assert findings(files, TODAY[1]) == []


def test_g117_a_drop_of_2_is_no_alarm_and_the_worker_is_one_rater() -> None:
    files = scored(score_line("2026-01-07", 7), score_line("2026-01-14", 5, "els"), score_line("2026-01-14", 5), score_line("2026-01-20", 6))
    assert findings(files, TODAY[1]) == []


def test_g117_scores_are_judged_in_date_order_not_file_order() -> None:
    # written out of order: 14 January (4) after 20 January; by date 7 -> 4 is a drop of 3
    files = scored(score_line("2026-01-07", 7), score_line("2026-01-20", 6), score_line("2026-01-14", 4))
    assert [f[:4] for f in findings(files, TODAY[1])] == [("G117", "error", "scores.yaml", 3)]


def test_g117_an_unsafe_assessment_later_in_the_case_answers_its_own_assessment_part() -> None:
    files = edit(clean(1), "safety-plan.yaml", "concerns:", '  - {date: 2026-01-14, tool: arij, version: "2018", conclusion: unsafe}\nconcerns:')
    assert findings(files, TODAY[1]) == [
        ("G117", "error", "safety-plan.yaml", 9,
         "alarm na veiligheidstaxatie 'onveilig' op 14 januari 2026: veiligheidsplan niet herzien (uiterlijk 19 januari 2026, 2 dagen over tijd)"),
    ]


def test_g117_the_days_come_from_gga_toml() -> None:
    files = reviewed(assessed(scored(*LOW_ON_14), "2026-01-16"), "2026-01-21")
    settings = Settings(deadlines=Deadlines(alarm_assessment=2, alarm_review=7))
    assert findings(files, D(2026, 1, 21), settings=settings) == []
    assert [f[0] for f in findings(files, D(2026, 1, 21))] == ["G117"]


def test_g117_the_alarm_score_comes_from_gga_toml() -> None:
    files = scored(score_line("2026-01-07", 5), score_line("2026-01-14", 4), score_line("2026-01-20", 5))
    assert findings(files, TODAY[1]) == []
    settings = Settings(deadlines=Deadlines(alarm_score=4))
    assert [f[:4] for f in findings(files, TODAY[1], settings=settings)] == [("G117", "error", "scores.yaml", 2)]
