"""gga genogram: the layout of the cases the notation must handle, escaping, the demo's golden SVGs."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest
import yaml

from conftest import DEMO_TODAY, EXAMPLES, golden
from gga_cli.genogram import drawing
from gga_cli.genogram.layout import Layout, layout
from gga_cli.models.genogram import Genogram

TODAY = dt.date(2026, 11, 29)


def genogram(text: str) -> Genogram:
    return Genogram.model_validate(yaml.safe_load(text))


def row(lay: Layout, gen: int) -> list[str]:
    """The people of one generation, left to right."""
    return sorted((p for p, g in lay.gen.items() if g == gen), key=lambda p: lay.x[p])


def no_overlaps(lay: Layout) -> bool:
    return all(b - a >= 1 - 1e-9 for g in set(lay.gen.values()) for a, b in zip(*(lambda xs: (xs, xs[1:]))(sorted(lay.x[p] for p in row(lay, g))), strict=False))


def test_a_parent_with_two_partners_stands_between_them_and_each_couples_children_hang_beneath_it() -> None:
    lay = layout(genogram("""
        people:
          - {id: ali, name: Ali, sex: m, born: 1985}
          - {id: sara, name: Sara, sex: f, born: 1988}
          - {id: eva, name: Eva, sex: f, born: 1990}
          - {id: noor, name: Noor, sex: f, born: 2016, parents: [ali, sara]}
          - {id: kim, name: Kim, sex: f, born: 2012, parents: [ali, sara]}
          - {id: finn, name: Finn, sex: m, born: 2020, parents: [ali, eva]}
        couples:
          - {partners: [ali, sara], status: divorced, from: 2010, to: 2019}
          - {partners: [ali, eva], status: cohabiting, from: 2019}
    """))
    assert row(lay, 0) in (["sara", "ali", "eva"], ["eva", "ali", "sara"])
    assert row(lay, 1)[:2] == ["kim", "noor"] or row(lay, 1)[1:] == ["kim", "noor"]  # oldest left, together
    assert (lay.x["kim"] < lay.x["finn"]) == (lay.x["sara"] < lay.x["eva"])
    assert no_overlaps(lay)


def test_three_generations_grandparents_raising_a_grandchild_and_parents_from_both_sides() -> None:
    g = genogram("""
        people:
          - {id: kid, name: Kid, sex: x, born: 2015, parents: [mum, dad], child: true, index: true}
          - {id: mum, name: Mum, sex: f, born: 1990, parents: [opa, oma]}
          - {id: dad, name: Dad, sex: m, born: 1988, parents: [gp, gm]}
          - {id: opa, name: Opa, sex: m, born: 1960}
          - {id: oma, name: Oma, sex: f, born: 1962}
          - {id: gp, name: Gp, sex: m, born: 1955, died: 2020}
          - {id: gm, name: Gm, sex: f, born: 1957}
        couples:
          - {partners: [mum, dad], status: separated}
          - {partners: [opa, oma], status: married}
          - {partners: [gp, gm], status: married}
        households:
          - {name: Bij opa en oma, members: [opa, oma, kid]}
    """)
    lay = layout(g)
    assert {p: lay.gen[p] for p in ("opa", "oma", "gp", "gm", "mum", "dad", "kid")} == {
        "opa": 0, "oma": 0, "gp": 0, "gm": 0, "mum": 1, "dad": 1, "kid": 2}
    # each parent stands on the side of their own parents
    assert (lay.x["mum"] < lay.x["dad"]) == (lay.connector(("opa", "oma")) < lay.connector(("gp", "gm")))
    assert min(lay.x["mum"], lay.x["dad"]) <= lay.x["kid"] <= max(lay.x["mum"], lay.x["dad"])
    assert no_overlaps(lay)
    svg = drawing(g, TODAY, "nl", "Genogram")
    assert "Bij opa en oma" in svg and ET.fromstring(svg) is not None


def test_a_single_parent_and_an_unknown_parent_hang_children_from_the_one_parent_known() -> None:
    lay = layout(genogram("""
        people:
          - {id: lisa, name: Lisa, sex: f, born: 1992}
          - {id: tom, name: Tom, sex: m, born: 2010, parents: [lisa]}
          - {id: ivy, name: Ivy, sex: f, born: 2013, parents: [lisa]}
    """))
    assert lay.gen == {"lisa": 0, "tom": 1, "ivy": 1}
    assert [d.parents for d in lay.descents] == [("lisa",)]
    assert row(lay, 1) == ["tom", "ivy"]
    assert lay.pairs == []


def test_parents_without_a_recorded_couple_are_joined_by_a_line_marked_as_such() -> None:
    lay = layout(genogram("""
        people:
          - {id: a, name: A, sex: f}
          - {id: b, name: B, sex: m}
          - {id: c, name: C, sex: m, parents: [a, b]}
    """))
    assert [(p.a, p.b, p.status) for p in lay.pairs] == [("a", "b", None)]


def test_a_cycle_in_the_parents_does_not_hang_the_layout() -> None:
    lay = layout(genogram("""
        people:
          - {id: a, name: A, sex: f, parents: [b]}
          - {id: b, name: B, sex: m, parents: [a]}
    """))
    assert set(lay.x) == {"a", "b"}


def test_every_name_is_xml_escaped_and_the_svg_parses() -> None:
    hostile = '<script>alert("x")</script> & ]]> {{ x }}'
    svg = drawing(genogram(f"""
        people:
          - {{id: a, name: '{hostile}', sex: f, born: 1990, child: true, index: true}}
        network:
          - {{id: n, name: '{hostile}', kind: informal, relation: '{hostile}'}}
    """), TODAY, "en", "Genogram <1>")
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "<script>" not in svg
    assert any(hostile[:19] in t for t in texts)


def test_ages_are_computed_for_the_day_given_and_at_death_for_the_deceased() -> None:
    from gga_cli.genogram.family import age

    g = genogram("""
        people:
          - {id: a, name: A, sex: f, born: 2014-05-02}
          - {id: b, name: B, sex: m, born: 1954, died: 2019}
    """)
    assert [age(p, dt.date(2026, 5, 1)) for p in g.people] == [11, 65]
    assert [age(p, dt.date(2026, 5, 2)) for p in g.people] == [12, 65]


@pytest.mark.parametrize("folder", sorted(p.name for p in (EXAMPLES / "cases").iterdir() if (p / "genogram.yaml").is_file()))
def test_the_demo_genograms_match_their_golden_svg(folder: str, gga: Callable[..., CompletedProcess[str]], tmp_path: Path) -> None:
    """Regenerate with GGA_REGEN_GOLDEN=1 after a deliberate change; look at the renders before committing."""
    from conftest import demo_copy

    demo = demo_copy(tmp_path)
    result = gga("genogram", "--case", str(demo / "cases" / folder), "--today", DEMO_TODAY, cwd=demo)
    assert result.returncode == 0, result.stderr
    ET.fromstring(result.stdout)
    assert result.stdout == golden(f"genogram-{folder}.svg", result.stdout)


def test_genogram_writes_the_file_given_with_o(gga: Callable[..., CompletedProcess[str]], tmp_path: Path) -> None:
    from conftest import demo_copy

    out = tmp_path / "g.svg"
    result = gga("genogram", "-o", str(out), "--case", str(demo_copy(tmp_path) / "cases" / "2025-2391"), "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<svg ")
