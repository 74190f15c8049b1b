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
    assert "- **settings:** `contact_gap_phase1` = 7, `contact_gap_phase2` = 28, `contact_gap_phase3` = 7\n" in text
