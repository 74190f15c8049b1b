"""The F rules: problems of the files themselves, found by the loader.

Rules: F001 F002 F003 F004 F005 F010 F020 F021 F030.
"""

from __future__ import annotations

from gga_cli.diagnostics import Severity
from gga_cli.rules.registry import Rule, RuleSet

ERROR = Severity.ERROR

RULES = RuleSet(
    Rule("F001", ERROR, "file is not valid YAML, not UTF-8, or holds control characters",
         "bestand is geen geldige YAML, geen UTF-8, of bevat stuurtekens"),
    Rule("F002", ERROR, "a mapping repeats a key", "een mapping herhaalt een sleutel"),
    Rule("F003", ERROR, "forbidden YAML construct: tag, anchor, alias, % directive",
         "verboden YAML-constructie: tag, anker, alias, %-directief"),
    Rule("F004", ERROR, "git merge-conflict marker in a file", "git-merge-conflictmarkering in een bestand"),
    Rule("F005", ERROR, "file larger than 1 MiB", "bestand groter dan 1 MiB"),
    Rule("F010", ERROR, "a value breaks the schema: missing, unknown key, wrong type, out of range",
         "een waarde breekt het schema: ontbrekend, onbekende sleutel, verkeerd type, buiten bereik"),
    Rule("F020", ERROR, "a reference names no person, network member or goal of this case",
         "een verwijzing noemt geen persoon, netwerklid of doel van deze zaak"),
    Rule("F021", ERROR,
         "impossible date: after today or before registration, or before the birth of the person it concerns",
         "onmogelijke datum: na vandaag of voor de aanmelding, of voor de geboorte van wie het betreft"),
    Rule("F030", ERROR, "a case folder lacks case.yaml or genogram.yaml",
         "een zaakmap mist case.yaml of genogram.yaml"),
)
