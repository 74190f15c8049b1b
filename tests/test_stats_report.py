"""`gga stats --format html|pdf`: the report with its charts, looked at in a real browser
(Debian's chromium, headless) and read back from the PDF."""

from __future__ import annotations

import re
import shutil
import sys
import subprocess
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.conftest import DEMO_TODAY, EXAMPLES

Gga = Callable[..., CompletedProcess[str]]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHART_TITLES = ["Tijdigheid per maand", "Dagen in elke fase", "Eerste tegen laatste veiligheidsscore", "Gezinnen die terugkwamen"]

pytest.importorskip("matplotlib", reason="the charts need matplotlib (the stats extra)")


def demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(EXAMPLES, root)
    with (root / "gga.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[stats]\nmin_group = 1\n")
    return root


def html_report(gga: Gga, tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "report.html"
    result = gga("stats", str(demo(tmp_path)), "--format", "html", "-o", str(out), "--today", DEMO_TODAY, *args)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return out


def test_the_html_report_is_one_page_that_needs_no_network(gga: Gga, tmp_path: Path) -> None:
    text = html_report(gga, tmp_path).read_text()
    assert text.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert re.findall(r"<(script|link|img|iframe)\b", text) == []
    assert [ref for ref in re.findall(r"\b(?:src|href)=\"([^\"]*)\"", text) if not ref.startswith("#")] == []  # only within the page
    assert [ref for ref in re.findall(r"url\(([^)]*)\)", text) if not ref.startswith("#")] == []
    assert text.count('<svg role="img"') == 4


def test_each_chart_has_a_title_axis_labels_and_a_text_alternative(gga: Gga, tmp_path: Path) -> None:
    text = html_report(gga, tmp_path).read_text()
    svgs = re.findall(r"<svg role=\"img\".*?</svg>", text, flags=re.S)
    titles = [re.search(r"<title id=\"[a-z]+-title\">(.*?)</title>", svg).group(1) for svg in svgs]  # type: ignore[union-attr]
    assert titles == CHART_TITLES
    for svg, axes in zip(svgs, [("maand", "gehaald (%)"), ("fase", "dagen"), ("laatste score tegen de eerste", "zaken"),
                                ("terug na afsluiting", "zaken")]):
        desc = re.search(r"<desc id=\"[a-z]+-desc\">(.*?)</desc>", svg)
        assert desc is not None and len(desc.group(1)) > 20
        for label in axes:
            assert f">{label}<" in svg or f"> {label} <" in svg or label in re.sub(r"<[^>]+>", " ", svg)
    assert "G109: nov 25 –, dec 25 100%, jan 26 100%" in text  # the text alternative says the figures


def test_the_html_report_in_english(gga: Gga, tmp_path: Path) -> None:
    text = html_report(gga, tmp_path, "--lang", "en", "--by", "worker").read_text()
    assert '<html lang="en">' in text
    assert "<title id=\"timeliness-title\">Timeliness per month</title>" in text
    assert "<h2>Peter Brood · 1 cases</h2>" in text


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_the_html_report_renders_in_chromium(gga: Gga, tmp_path: Path) -> None:
    page = html_report(gga, tmp_path)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,3000"]
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    dom = subprocess.run([str(CHROMIUM), *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, env=env)
    assert dom.returncode == 0, dom.stderr
    assert dom.stdout.count("<svg") == 4
    for title in CHART_TITLES:
        assert f">{title}</title>" in dom.stdout
        assert f"<figcaption>{title}</figcaption>" in dom.stdout
    assert "<th scope=\"col\">regel</th>" in dom.stdout
    shot = tmp_path / "report.png"
    subprocess.run([str(CHROMIUM), *flags, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, env=env, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000  # a blank page is a few kB


def test_the_pdf_report_holds_the_charts_and_tables(gga: Gga, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "report.pdf"
    result = gga("stats", str(demo(tmp_path)), "--format", "pdf", "-o", str(out), "--today", DEMO_TODAY, "--by", "worker")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages).replace("\xa0", " ")
    assert text.startswith("Cijfers 29 november 2025 – 29 november 2026")
    for needle in ["Figuur 1: Tijdigheid per maand", "Figuur 4: Gezinnen die terugkwamen", "Peter Brood · 1 zaken", "te weinig zaken",
                   "huisbezoek binnen 7 dagen"]:
        assert needle in text


def test_a_pdf_needs_a_file_to_go_to(gga: Gga, tmp_path: Path) -> None:
    result = gga("stats", str(demo(tmp_path)), "--format", "pdf", "--today", DEMO_TODAY)
    assert (result.returncode, result.stderr) == (2, "gga: --format pdf writes a file: name it with -o\n")


def test_charts_without_matplotlib_say_how_to_get_it(gga: Gga, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # gga runs in this process: a module set to None in sys.modules fails to import, for this test only
    for name in ["matplotlib", *(n for n in sys.modules if n.startswith("matplotlib."))]:
        monkeypatch.setitem(sys.modules, name, None)
    result = gga("stats", str(demo(tmp_path)), "--format", "html", "-o", str(tmp_path / "r.html"), "--today", DEMO_TODAY)
    assert (result.returncode, result.stderr) == (1, "gga: charts need matplotlib: pip install 'gga[stats]'; nothing written\n")
    assert not (tmp_path / "r.html").exists()
