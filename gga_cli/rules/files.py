"""The F rules: problems of the files themselves, found by the loader.

Rules: F001 F002 F003 F004 F005 F006 F007 F010 F020 F021 F030.
"""

from __future__ import annotations

from gga_cli.diagnostics import Severity
from gga_cli.rules.registry import Rule, RuleSet

ERROR = Severity.ERROR
WARNING = Severity.WARNING

RULES = RuleSet(
    Rule("F001", ERROR, "file is not valid YAML, not UTF-8, or holds control characters (raw, or written as escapes such as \"\\e\")",
         "bestand is geen geldige YAML, geen UTF-8, of bevat stuurtekens (letterlijk, of als escape zoals \"\\e\")"),
    Rule("F002", ERROR, "a mapping repeats a key", "een mapping herhaalt een sleutel"),
    Rule("F003", ERROR, "forbidden YAML construct: tag, anchor, alias, % directive",
         "verboden YAML-constructie: tag, anker, alias, %-directief"),
    Rule("F004", ERROR, "git merge-conflict marker in a file", "git-merge-conflictmarkering in een bestand"),
    Rule("F005", ERROR, "file larger than 1 MiB", "bestand groter dan 1 MiB"),
    Rule("F006", WARNING,
         "invisible or direction-changing character in a value (bidi override or isolate U+202A-U+202E, "
         "U+2066-U+2069, direction mark U+200E/U+200F, zero-width space U+200B, word joiner U+2060, U+FEFF): text that reads "
         "other than it is; gga shows it as [U+202E] on the terminal",
         "onzichtbaar of richtingveranderend teken in een waarde (bidi-override of -isolate U+202A-U+202E, "
         "U+2066-U+2069, richtingsteken U+200E/U+200F, nulbreedtespatie U+200B, woordverbinder U+2060, U+FEFF): tekst die anders "
         "leest dan hij is; gga toont het als [U+202E] op de terminal"),
    Rule("F007", ERROR,
         "not a regular file or folder of the caseload: a FIFO, a device, a folder named as a file, a link that loops "
         "or leads nowhere, or a case folder linked from outside the caseload; gga does not read it",
         "geen gewoon bestand of map van de caseload: een FIFO, een apparaat, een map met de naam van een bestand, "
         "een link die rondloopt of nergens heen leidt, of een zaakmap gelinkt van buiten de caseload; gga leest het niet"),
    Rule("F010", ERROR,
         "a value breaks the schema: missing, unknown key, wrong type, out of range (a date outside 1900..2199, "
         "a birth, death or couple's year before 1850); an entry whose `private` is not exactly true or false, "
         "or is written `Private`, is kept as private",
         "een waarde breekt het schema: ontbrekend, onbekende sleutel, verkeerd type, buiten bereik (een datum buiten "
         "1900..2199, een geboorte, overlijden of jaar van een paar voor 1850); een regel waarvan `private` niet precies "
         "true of false is, of als `Private` geschreven, blijft vertrouwelijk"),
    Rule("F020", ERROR,
         "a reference names no person, network member or goal of this case, or a family tree that cannot be: "
         "someone their own parent or ancestor (a cycle of parents), a couple of one person, a bond with oneself, "
         "a person twice in one household",
         "een verwijzing noemt geen persoon, netwerklid of doel van deze zaak, of een stamboom die niet kan: "
         "iemand zijn eigen ouder of voorouder (een kring van ouders), een paar van één persoon, een relatie met "
         "zichzelf, iemand twee keer in één huishouden"),
    Rule("F021", ERROR,
         "impossible date: after today or before registration, or before the birth of the person it concerns; "
         "a couple that ends before it began",
         "onmogelijke datum: na vandaag of voor de aanmelding, of voor de geboorte van wie het betreft; "
         "een paar dat eindigt voor het begon"),
    Rule("F030", ERROR, "a case folder lacks case.yaml or genogram.yaml",
         "een zaakmap mist case.yaml of genogram.yaml"),
)
