"""Write N realistic case folders into a caseload, for measuring gga at organisation scale.

Each case has every file kind: case.yaml, a genogram of 4-12 people and a network, the
three plans with long Dutch texts in block scalars, and 30-200 contacts and as many scores,
one flow mapping a line with long notes. The cases are valid as far as the files go and,
like real caseloads, break some rules of the method (a missed visit, a late score).
Deterministic for a given seed.

    python benchmarks/generate.py /tmp/caseload --cases 3000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

TODAY = dt.date(2026, 11, 29)  # the day the cases are written for; judge with --today 2026-11-29

FIRST = "Sjors Els Ron Mila Daan Noor Lucas Emma Finn Julia Sem Tess Bram Fenna Jesse Lotte Milan Sara Thijs Eva".split()
SURNAMES = "de Vries|Jansen|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|Dekker".split("|")
WORKERS = [f"{a} {b}" for a in ("Peter", "Ilse", "Fatima", "Kees", "Anouk", "Youssef", "Marloes") for b in ("Brood", "Kok", "Bouali", "van Dam")]
TEAMS = ["Team Zuid", "Team Noord", "Team Delft", "Team Escamp"]
KINDS = ["home_visit", "home_visit", "office", "phone", "video", "network_meeting", "supervised_visit", "school", "case_consultation"]
SENTENCES = [
    "Moeder vertelt dat de ochtenden rustiger verlopen sinds oma helpt met de overdracht",
    "Vader erkent dat hij te snel boos wordt en wil werken aan zijn agressieregulatie",
    "Het kind maakt weinig contact en zegt dat het thuis 'wel oké' is",
    "De school meldt dat de aanwezigheid de laatste weken is verbeterd",
    "Er is opnieuw ruzie geweest tussen de ouders; de politie is niet gebeld",
    "Oma bevestigt dat de afspraken over de overdrachten worden nagekomen",
    "Moeder heeft een intake gehad bij de GGZ en start volgende maand met traumabehandeling",
    "De jeugdbeschermer bespreekt de bodemeisen nog eens met beide ouders",
    "Het netwerk denkt mee over wie kan inspringen als het 's avonds misgaat",
    "Vader heeft drie negatieve urinecontroles laten zien bij de verslavingszorg",
    "Het kind vertelt alleen gesproken dat het bang is als vader gedronken heeft",
    "De buurvrouw heeft aangeboden om op woensdagmiddag op te passen",
    "We spreken af dat moeder de jeugdbeschermer belt als het drinken terugkomt",
    "De sfeer in huis is gespannen; de huur is twee maanden niet betaald",
]


def _text(rng: random.Random, low: int, high: int) -> str:
    return ". ".join(rng.choice(SENTENCES) for _ in range(rng.randint(low, high))) + "."


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _block(text: str, indent: int) -> str:
    """A folded block scalar, wrapped near 90 columns."""
    pad = " " * indent
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + len(word) > 88 - indent:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return ">-\n" + "\n".join(pad + line for line in lines)


def _case(rng: random.Random, number: int) -> dict[str, str]:
    registered = TODAY - dt.timedelta(days=rng.randint(60, 700))
    case_id = f"{registered.year}-{number:04d}"
    surname = rng.choice(SURNAMES)
    kind = rng.choice(["ots", "ots", "ots", "voogdij", "jr", "voluntary"])
    end = registered + dt.timedelta(days=rng.choice([365, 730]))
    phase = rng.choice([1, 2, 2, 2, 3])
    span = (TODAY - registered).days
    starts = [registered]
    for _ in range(phase - 1):
        starts.append(starts[-1] + dt.timedelta(days=rng.randint(20, max(21, span // phase))))
    people_n = rng.randint(4, 12)
    names = rng.sample(FIRST, min(people_n, len(FIRST)))
    ids = [n.lower() for n in names]
    parents, children = ids[:2], ids[2:4]
    others = ids[4:]
    network = ["oma", "jeugdteam", "ggz", "school"]

    case = [
        f"id: {case_id}",
        f"family: Familie {surname}",
        f"registered: {registered}",
        f"worker: {rng.choice(WORKERS)}",
        f"team: {rng.choice(TEAMS)}",
        "measure:",
        f"  kind: {kind}",
        f"  start: {registered}",
    ]
    if kind in ("ots", "jr") or rng.random() < 0.5:
        case.append(f"  end: {end}")
    case += ["local_team:", f"  name: Jeugdteam {rng.choice(['Escamp', 'Delft', 'Zuid'])}", "  contact: Ilse de Wit"]
    case += [f"phase: {phase}", "phases:"]
    case += [f"  - {{phase: {i + 1}, start: {start}}}" for i, start in enumerate(starts)]
    case += ["sharing:", f"  - {{date: {registered + dt.timedelta(days=3)}, basis: consent, given_by: [{parents[0]}], scope: \"overdracht aan het jeugdteam\"}}"]

    people = ["people:"]
    for i, (name, pid) in enumerate(zip(names, ids)):
        if pid in children:
            born = registered.year - rng.randint(2, 16)
            trusted = "oma" if rng.random() < 0.9 else None
            people += [
                f"  - id: {pid}",
                f"    name: {name} {surname}",
                f"    sex: {rng.choice('mf')}",
                f"    born: {born}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                f"    parents: [{parents[0]}, {parents[1]}]",
                "    child: true",
            ]
            if pid == children[0]:
                people.append("    index: true")
            if trusted:
                people.append(f"    trusted_person: {trusted}")
        else:
            people.append(f"  - {{id: {pid}, name: {name} {surname}, sex: {rng.choice('mfx')}, born: {rng.randint(1950, 1995)}}}")
    genogram = people + [
        "couples:",
        f"  - {{partners: [{parents[0]}, {parents[1]}], status: {rng.choice(['married', 'divorced', 'separated'])}, from: 2008}}",
        "bonds:",
        f"  - {{between: [{parents[0]}, {parents[1]}], kind: conflict}}",
        *[f"  - {{between: [{parents[0]}, {c}], kind: close}}" for c in children],
        "households:",
        f"  - {{name: Bij moeder, members: [{parents[0]}, {', '.join(children)}]}}",
        f"  - {{name: Overig, members: [{', '.join([parents[1], *others])}]}}",
        "network:",
        "  - {id: oma, name: Oma, kind: informal, relation: moeder van moeder}",
        "  - {id: jeugdteam, name: Jeugdteam, kind: professional, relation: procesregisseur}",
        "  - {id: ggz, name: GGZ Delfland, kind: professional, relation: \"behandelaar van moeder (trauma, angst)\"}",
        "  - {id: school, name: OBS De Horizon, kind: professional, relation: school van de kinderen}",
    ]

    established = registered + dt.timedelta(days=rng.randint(2, 8))
    safety = [
        f"reason: {_block(_text(rng, 4, 8), 2)}",
        "assessments:",
        f"  - date: {registered + dt.timedelta(days=rng.randint(1, 6))}",
        "    tool: arij",
        '    version: "2018"',
        "    threats:",
        f"      - {{kind: physical_abuse, note: {_quoted(_text(rng, 1, 2))}}}",
        "    conclusion: unsafe",
        "concerns:",
        *[f"  - {_text(rng, 1, 2)}" for _ in range(rng.randint(2, 5))],
        "strengths:",
        *[f"  - {_text(rng, 1, 2)}" for _ in range(rng.randint(2, 5))],
        "bottom_lines:",
    ]
    for b in range(1, rng.randint(2, 4)):
        safety += [f"  - id: b{b}", f"    requirement: {_text(rng, 1, 1)}", f"    consequence: {_block(_text(rng, 2, 3), 6)}"]
    safety += ["agreements:"]
    for a in range(1, rng.randint(2, 5)):
        safety += [
            f"  - id: a{a}",
            f"    agreement: {_text(rng, 1, 1)}",
            f"    who: [oma, {parents[0]}]",
            f"    monitoring: {_text(rng, 1, 1)}",
        ]
    safety += [f"established: {established}", "reviews: []"]

    goals = ["goals:"]
    for g in range(1, rng.randint(2, 5)):
        goals += [
            f"  - id: g{g}",
            f"    goal: {_text(rng, 1, 1)}",
            f"    for: [{rng.choice(parents)}]",
            "    help: {provider: GGZ Delfland, what: traumabehandeling}",
            f"    due: {TODAY + dt.timedelta(days=rng.randint(-60, 200))}",
            f"    status: {rng.choice(['planned', 'active', 'active', 'achieved'])}",
        ]
    change = [
        "life_domains:",
        *[f"  - domain: {d}\n    facts: {_block(_text(rng, 3, 6), 6)}" for d in ("parenting", "child_development", "housing", "finances")],
        "previous_help:",
        f"  - {{provider: Jeugdteam, help: opvoedondersteuning, from: {registered.year - 2}-09-01, to: {registered.year - 1}-06-30, result: {_quoted(_text(rng, 1, 2))}}}",
        "risk_assessments:",
        f"  - {{date: {starts[0] + dt.timedelta(days=20)}, tool: arij, version: \"2018\", outcome: high}}",
        f"  - {{date: {starts[0] + dt.timedelta(days=21)}, tool: lij, version: \"2.1\", outcome: medium}}",
        f"pattern: {_block(_text(rng, 2, 4), 2)}",
        "sustaining_factors:",
        *[f"  - {_text(rng, 1, 1)}" for _ in range(3)],
        "end_state:",
        f"  changeable: [{_quoted(_text(rng, 1, 1))}]",
        f"  compensated: [{_quoted(_text(rng, 1, 1))}]",
        *goals,
        "considerations:",
        *[f"  - date: {starts[0] + dt.timedelta(days=10 * i + 5)}\n    text: {_block(_text(rng, 2, 4), 6)}" for i in range(3)],
        "information_needed: []",
        f"established: {starts[0] + dt.timedelta(days=25)}",
    ]

    safeguarding = [
        "relapse_signals:",
        *[f"  - {_text(rng, 1, 1)}" for _ in range(3)],
        "relapse_actions:",
        f"  - {{who: [oma], action: {_quoted(_text(rng, 1, 1))}}}",
        "continued_help:",
        f"  - {{provider: GGZ Delfland, help: nazorg moeder, until: {TODAY + dt.timedelta(days=180)}}}",
        "guardian: {name: Ilse de Wit, organisation: Jeugdteam}",
        f"established: {TODAY - dt.timedelta(days=rng.randint(1, 20))}",
    ]

    entries = rng.randint(30, 200)
    step = max(1, span // entries)
    day = registered + dt.timedelta(days=1)
    contacts, scores, score = [], [], rng.randint(2, 5)
    for _ in range(entries):
        if day > TODAY:
            break
        kind_ = rng.choice(KINDS)
        with_ = rng.sample([*parents, *children, "oma"], rng.randint(1, 3))
        alone = f", alone: [{children[0]}]" if kind_ == "home_visit" and rng.random() < 0.4 else ""
        contacts.append(f"- {{date: {day}, kind: {kind_}, with: [{', '.join(with_)}]{alone}, note: {_quoted(_text(rng, 2, 6))}}}")
        score = max(1, min(10, score + rng.choice([-2, -1, 0, 1, 1, 1, 2])))
        by = f", by: {parents[0]}" if rng.random() < 0.2 else ""
        scores.append(f"- {{date: {day}, score: {score}{by}, note: {_quoted(_text(rng, 1, 3))}}}")
        day += dt.timedelta(days=rng.randint(max(1, step - 2), step + 3))

    files = {
        "case.yaml": case,
        "genogram.yaml": genogram,
        "safety-plan.yaml": safety,
        "change-plan.yaml": change,
        "contacts.yaml": contacts,
        "scores.yaml": scores,
    }
    if phase == 3:
        files["safeguarding-plan.yaml"] = safeguarding
    return {f"cases/{case_id}/{name}": "\n".join(lines) + "\n" for name, lines in files.items()}


def generate(root: Path, cases: int, seed: int = 42) -> int:
    """Write `cases` case folders and a gga.toml under `root`; returns the number of files."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "gga.toml").write_text('[organisation]\nname = "Benchmark"\nlanguage = "nl"\n', encoding="utf-8")
    written = 1
    for number in range(1, cases + 1):
        for name, text in _case(rng, number).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the caseload folder to write (created)")
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    files = generate(args.root, args.cases, args.seed)
    print(f"{args.cases} cases, {files} files in {args.root}")


if __name__ == "__main__":
    main()
