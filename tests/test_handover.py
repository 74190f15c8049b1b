"""gga handover: the report in Markdown and PDF, hostile text kept as text, profiles, languages, the gate."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pypdf
import pytest
from markdown_it import MarkdownIt

from conftest import DEMO_TODAY, EXAMPLES, golden
from gga_cli.words import HEADINGS

Run = Callable[..., CompletedProcess[str]]
DEMO_CASES = sorted(p.name for p in (EXAMPLES / "cases").iterdir() if (p / "case.yaml").is_file())
HOSTILE = '#import "x": * $x^2$ @ref <lbl> ] // \\ {{ }} {% %} _x_ `tick` [a](b) <b>c</b> &amp; 1. - |'


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def rendered(markdown: str) -> str:
    """What a reader sees of the Markdown: rendered by CommonMark, tags stripped, entities resolved."""
    return html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(markdown)))


def flat(text: str) -> str:
    return " ".join(text.split())


CASE = """
    id: 2026-0042
    family: Familie Brood
    registered: 2026-02-03
    worker: Peter Brood
    measure: {kind: voluntary, start: 2026-02-01}
    phase: 1
    phases: [{phase: 1, start: 2026-02-03}]
    sharing:
      - {date: 2026-10-01, basis: legal, note: art. 7.3.11 lid 4 Jeugdwet}
"""
GENOGRAM = """
    people:
      - {id: sjors, name: Sjors, sex: m, born: 2014-05-02, parents: [els], child: true, index: true, trusted_person: mike}
      - {id: els, name: Els, sex: f, born: 1983}
    network:
      - {id: mike, name: Mike van Dam, kind: informal, relation: buurman}
"""


@pytest.fixture
def hostile_case(caseload: Callable[[dict[str, str]], Path]) -> Path:
    root = caseload({
        "gga.toml": """
            [organisation]
            name = "Test"
            [profiles.jeugdteam]
            name = "Jeugdteam Escamp"
            sections = ["safety_plan", "network"]
        """,
        "cases/2026-0042/case.yaml": CASE,
        "cases/2026-0042/genogram.yaml": GENOGRAM,
        "cases/2026-0042/safety-plan.yaml": """
            concerns: [ZORG-IN-VEILIGHEIDSPLAN]
        """,
        "cases/2026-0042/change-plan.yaml": f"""
            life_domains:
              - {{domain: parenting, facts: FEIT-IN-LEEFGEBIED}}
            considerations:
              - date: 2026-04-10
                text: '{HOSTILE.replace("'", "''")}'
              - {{date: 2026-04-11, text: GEHEIME-OVERWEGING, private: true}}
        """,
        "cases/2026-0042/scores.yaml": """
            - {date: 2026-02-04, score: 3, note: SCORE-NOTITIE}
            - {date: 2026-02-05, score: 4, note: GEHEIME-SCORE, private: true}
        """,
    })
    return root / "cases" / "2026-0042"


def test_hostile_text_appears_verbatim_in_the_rendered_markdown(gga: Run, hostile_case: Path) -> None:
    result = gga("handover", "--draft", "--case", str(hostile_case), "--today", "2026-11-29")
    assert result.returncode == 0, result.stderr
    assert HOSTILE in rendered(result.stdout)


def test_hostile_text_appears_verbatim_in_the_pdf_and_executes_nothing(gga: Run, hostile_case: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = gga("handover", "--draft", "--format", "pdf", "-o", str(out), "--case", str(hostile_case), "--today", "2026-11-29")
    assert result.returncode == 0, result.stderr
    assert flat(HOSTILE) in flat(pdf_text(out))


def test_private_entries_never_leave_in_any_report(gga: Run, hostile_case: Path, tmp_path: Path) -> None:
    md = gga("handover", "--draft", "--case", str(hostile_case), "--today", "2026-11-29")
    out = tmp_path / "r.pdf"
    gga("handover", "--draft", "--format", "pdf", "-o", str(out), "--case", str(hostile_case), "--today", "2026-11-29")
    for text in (md.stdout, pdf_text(out)):
        assert "SCORE-NOTITIE" in text
        assert "GEHEIME-OVERWEGING" not in text and "GEHEIME-SCORE" not in text


def test_a_profile_report_holds_only_its_sections_and_the_network_by_initials(gga: Run, hostile_case: Path, tmp_path: Path) -> None:
    md = gga("handover", "--draft", "--to", "jeugdteam", "--case", str(hostile_case), "--today", "2026-11-29")
    assert md.returncode == 0, md.stderr
    out = tmp_path / "r.pdf"
    pdf = gga("handover", "--draft", "--to", "jeugdteam", "--format", "pdf", "-o", str(out), "--case", str(hostile_case), "--today", "2026-11-29")
    assert pdf.returncode == 0, pdf.stderr
    for text in (rendered(md.stdout), pdf_text(out)):
        assert "ZORG-IN-VEILIGHEIDSPLAN" in text and "M.v.D." in text and "Jeugdteam Escamp" in text
        for outside in ("FEIT-IN-LEEFGEBIED", "SCORE-NOTITIE", "GEHEIME", "Mike van Dam", "$x^2$"):
            assert outside not in text
        shown = [key for key, (nl, _) in HEADINGS.items() if re.search(rf"\d+\. {nl}\n", text)]
        assert shown == ["case", "network", "safety_plan", "sharing"]


def test_an_unknown_profile_is_wrong_use_naming_the_known_ones(gga: Run, hostile_case: Path) -> None:
    result = gga("handover", "--to", "school", "--case", str(hostile_case), "--today", "2026-11-29")
    assert (result.returncode, result.stdout) == (2, "")
    assert "gga: onbekend profiel 'school'; gga.toml kent: jeugdteam" in flat(result.stderr)


def test_dutch_by_default_and_english_with_lang_en_dates_as_each_language_writes_them(gga: Run, hostile_case: Path) -> None:
    nl = gga("handover", "--draft", "--case", str(hostile_case), "--today", "2026-11-29").stdout
    en = gga("handover", "--draft", "--lang", "en", "--case", str(hostile_case), "--today", "2026-11-29").stdout
    assert "# Overdracht 2026-0042" in nl and "**Opgesteld:** 29 november 2026" in nl and "## 4. Veiligheidsplan" in nl
    assert "# Handover 2026-0042" in en and "**Made:** 29 November 2026" in en and "## 4. Safety plan" in en
    assert "> **CONCEPT**" in nl and "> **DRAFT**" in en


def test_the_addressee_line_names_the_recipient_and_the_people_table_heads_sex_geslacht(gga: Run, hostile_case: Path) -> None:
    full = rendered(gga("handover", "--draft", "--case", str(hostile_case), "--today", "2026-11-29").stdout)
    assert "Aan: volledig dossier (intern)\n" in full
    assert "| Naam | Geslacht | Geboren | Leeftijd | Rol | Notitie |\n" in full
    to = rendered(gga("handover", "--draft", "--to", "jeugdteam", "--case", str(hostile_case), "--today", "2026-11-29").stdout)
    assert "Aan: Jeugdteam Escamp\n" in to
    en = rendered(gga("handover", "--draft", "--lang", "en", "--case", str(hostile_case), "--today", "2026-11-29").stdout)
    assert "To: full case file (internal)\n" in en and "| Name | Sex | Born | Age | Role | Note |\n" in en


def test_acute_threats_are_named_in_the_booklets_words() -> None:
    from gga_cli.words import threat

    assert threat("carer_psychiatric", "nl") == "psychiatrische problematiek van de opvoeders met een direct gevaar voor het kind"
    assert threat("psychological_abuse", "nl") == "acute ernstige psychische mishandeling van het kind"
    assert threat("honour_violence", "nl") == "dreiging van eerwraak"
    assert threat("child_behaviour", "nl") == (
        "ernstige gedragsproblemen van het kind, waardoor het kind een gevaar voor zichzelf en/of de omgeving is")
    assert threat("other", "nl") == "andere vormen van directe kind onveiligheid"


def test_markdown_written_with_o_has_its_drawings_beside_it(gga: Run, hostile_case: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = gga("handover", "--draft", "-o", str(out), "--case", str(hostile_case), "--today", "2026-11-29")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("report*")) == ["report-genogram.svg", "report-network.svg", "report-scores.svg", "report.md"]
    assert "![Genogram 2026-0042](report-genogram.svg)" in out.read_text(encoding="utf-8").replace("\\", "")


def test_the_gate_refuses_naming_every_missing_part_and_writes_nothing(gga: Run, hostile_case: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = gga("handover", "--format", "pdf", "-o", str(out), "--case", str(hostile_case), "--today", "2026-11-29")
    assert result.returncode == 1
    assert "G130" in result.stderr and "--draft" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("folder", DEMO_CASES)
def test_every_demo_case_renders_to_a_pdf_a_with_every_section(folder: str, gga: Run, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = gga("handover", "--draft", "--format", "pdf", "-o", str(out), "--case", str(EXAMPLES / "cases" / folder), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for n, (nl, _) in enumerate(HEADINGS.values(), 1):
        assert f"{n}. {nl}" in text
    assert reader.metadata is not None
    assert (reader.metadata.title, reader.metadata.author) == (f"Overdracht {folder}", "Jeugdbescherming Demo / " + reader.metadata.author.split(" / ")[1])
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in raw and "<pdfaid:conformance>B</pdfaid:conformance>" in raw
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    footer = reader.pages[0].extract_text().strip().splitlines()[-1]
    assert footer.startswith(folder) and "pagina 1 / " in footer


def test_the_demo_markdown_matches_its_golden_file(gga: Run, tmp_path: Path) -> None:
    """Regenerate with GGA_REGEN_GOLDEN=1 after a deliberate change, and read the diff."""
    out = tmp_path / "2025-2391.md"
    from conftest import demo_copy

    result = gga("handover", "--draft", "-o", str(out), "--case", str(demo_copy(tmp_path) / "cases" / "2025-2391"), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == golden("handover-2025-2391.md", out.read_text(encoding="utf-8"))
