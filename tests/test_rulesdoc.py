"""docs/rules.md is generated from the registry and kept current."""

from __future__ import annotations

from gga_cli import rulesdoc
from gga_cli.rules import REGISTRY


def test_docs_rules_md_is_current() -> None:
    """Regenerate with `python -m gga_cli.rulesdoc` after changing a rule."""
    assert rulesdoc.DOC.read_text(encoding="utf-8") == rulesdoc.render()
    assert rulesdoc.main(["--check"]) == 0


def test_every_rule_has_its_section_with_severity_and_settings() -> None:
    text = rulesdoc.render()
    for code, r in REGISTRY.items():
        section = text.split(f"\n### {code}\n", 1)[1].split("\n### ", 1)[0]
        assert f"- **severity:** {r.severity.value}\n" in section
        for name in r.settings:
            assert f"`{name}` = " in section
    assert ("- **settings:** `contact_gap_phase1` = 7 (booklet), `contact_gap_phase2` = 28 (gga default), "
            "`contact_gap_phase3` = 7 (booklet), `contact_gap_alarm` = 7 (gga default), `alarm_watch` = 28 (gga default)\n") in text


def test_each_number_says_whether_it_is_the_booklets_or_a_default_of_gga() -> None:
    text = rulesdoc.render()
    g102 = text.split("\n### G102\n", 1)[1].split("\n### ", 1)[0]
    assert "- **settings:** `home_visit` = 7 (booklet)\n" in g102
    assert "- **the booklet's numbers:** `home_visit`: *\"uiterlijk binnen een week na aanmelding op huisbezoek\"*\n" in g102
    g107 = text.split("\n### G107\n", 1)[1].split("\n### ", 1)[0]
    assert "- **settings:** `child_alone` = 42 (gga default), `alone_min_age` = 4 (gga default)\n" in g107
    assert "the booklet's numbers" not in g107
