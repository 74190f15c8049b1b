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


def test_g117_a_score_of_3_unanswered_is_quiet_on_day_5_and_an_error_on_day_6() -> None:
    files = scored(*LOW_ON_14)
    assert findings(upto(files, D(2026, 1, 19)), D(2026, 1, 19)) == []
    assert findings(files, D(2026, 1, 20)) == [
        ("G117", "error", "scores.yaml", 2, "veiligheidsplan niet herzien na score 3 op 14 januari 2026: uiterlijk 19 januari 2026, 1 dag over tijd"),
    ]


def test_g117_a_review_on_day_5_answers_the_alarm() -> None:
    files = edit(scored(*LOW_ON_14), "safety-plan.yaml", "established: 2026-01-08\n",
                 "established: 2026-01-08\nreviews:\n  - {date: 2026-01-19, reason: score 3}\n")
    assert findings(files, TODAY[1]) == []


def test_g117_a_review_on_day_6_is_reported_late() -> None:
    files = edit(scored(*LOW_ON_14), "safety-plan.yaml", "established: 2026-01-08\n",
                 "established: 2026-01-08\nreviews:\n  - {date: 2026-01-20, reason: score 3}\n")
    assert findings(files, TODAY[1], "en") == [
        ("G117", "error", "scores.yaml", 2,
         "safety plan reviewed after score 3 on 14 January 2026 1 day late (due 19 January 2026, was 20 January 2026)"),
    ]


def test_g117_a_review_before_the_alarm_does_not_answer_it() -> None:
    files = edit(scored(*LOW_ON_14), "safety-plan.yaml", "established: 2026-01-08\n",
                 "established: 2026-01-08\nreviews:\n  - {date: 2026-01-13}\n")
    assert [f[:4] for f in findings(files, TODAY[1])] == [("G117", "error", "scores.yaml", 2)]


def test_g117_a_drop_of_3_from_the_same_raters_previous_score() -> None:
    files = scored(
        score_line("2026-01-07", 7), score_line("2026-01-07", 7, "els"),
        score_line("2026-01-14", 6), score_line("2026-01-14", 4, "els"),
        score_line("2026-01-20", 6), score_line("2026-01-20", 5, "els"),
    )
    assert findings(files, TODAY[1]) == [
        ("G117", "error", "scores.yaml", 4,
         "veiligheidsplan niet herzien na score 4 van Els op 14 januari 2026 (3 lager dan de vorige, 7): uiterlijk 19 januari 2026, 2 dagen over tijd"),
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


def test_g117_an_unsafe_assessment_later_in_the_case() -> None:
    files = edit(clean(1), "safety-plan.yaml", "concerns:", '  - {date: 2026-01-14, tool: arij, version: "2018", conclusion: unsafe}\nconcerns:')
    assert findings(files, TODAY[1]) == [
        ("G117", "error", "safety-plan.yaml", 9,
         "veiligheidsplan niet herzien na veiligheidstaxatie 'onveilig' op 14 januari 2026: uiterlijk 19 januari 2026, 2 dagen over tijd"),
    ]


def test_g117_the_alarm_score_comes_from_gga_toml() -> None:
    files = scored(score_line("2026-01-07", 5), score_line("2026-01-14", 4), score_line("2026-01-20", 5))
    assert findings(files, TODAY[1]) == []
    settings = Settings(deadlines=Deadlines(alarm_score=4))
    assert [f[:4] for f in findings(files, TODAY[1], settings=settings)] == [("G117", "error", "scores.yaml", 2)]
