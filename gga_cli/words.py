"""gga's one vocabulary, Dutch and English: the words for every coded value of the case
files, the phases and severities, and the handover's headings and labels.

Every screen and report a person reads names a coded value through `value` (a contact
`home_visit` is a "huisbezoek"), so a Dutch screen never shows an internal value and the
handover, the board and `gga show` use the same word for the same thing.
"""

from __future__ import annotations

from gga_cli.i18n import Lang

HEADINGS: dict[str, tuple[str, str]] = {
    "case": ("Zaak en maatregel", "Case and measure"),
    "genogram": ("Genogram", "Genogram"),
    "network": ("Netwerk", "Network"),
    "safety_plan": ("Veiligheidsplan", "Safety plan"),
    "change_plan": ("Veranderplan", "Change plan"),
    "safeguarding_plan": ("Borgingsplan", "Safeguarding plan"),
    "life_domains": ("Feiten per leefgebied", "Facts per life domain"),
    "previous_help": ("Eerdere hulp en resultaat", "Earlier help and its result"),
    "considerations": ("Overwegingen", "Considerations"),
    "scores": ("Veiligheidsscores", "Safety scores"),
    "contacts": ("Contacten", "Contacts"),
    "sharing": ("Grondslag voor delen", "Ground for sharing"),
}

VALUES: dict[str, tuple[str, str]] = {
    # measures
    "ots": ("ondertoezichtstelling (OTS)", "family supervision order (OTS)"),
    "voogdij": ("voogdij", "guardianship (voogdij)"),
    "jr": ("jeugdreclassering (JR)", "youth probation (JR)"),
    "voluntary": ("vrijwillig kader", "voluntary"),
    "requested": ("aangevraagd", "requested"),
    "granted": ("toegewezen", "granted"),
    "refused": ("afgewezen", "refused"),
    "not_needed": ("niet nodig", "not needed"),
    # safety
    "safe": ("veilig", "safe"),
    "unsafe": ("onveilig", "unsafe"),
    "other": ("overig", "other"),
    # change plan
    "parenting": ("opvoeding", "parenting"),
    "child_development": ("ontwikkeling van het kind", "child development"),
    "school_work": ("school en werk", "school and work"),
    "health": ("gezondheid", "health"),
    "mental_health": ("psychische gezondheid", "mental health"),
    "addiction": ("verslaving", "addiction"),
    "finances": ("financiën", "finances"),
    "housing": ("huisvesting", "housing"),
    "social_network": ("sociaal netwerk", "social network"),
    "justice": ("justitie", "justice"),
    "low": ("laag", "low"),
    "medium": ("midden", "medium"),
    "high": ("hoog", "high"),
    "planned": ("gepland", "planned"),
    "active": ("actief", "active"),
    "achieved": ("bereikt", "achieved"),
    "stopped": ("gestopt", "stopped"),
    "arij": ("ARIJ", "ARIJ"),
    "lij": ("LIJ", "LIJ"),
    # people and network
    "m": ("man", "male"),
    "f": ("vrouw", "female"),
    "x": ("anders", "other"),
    "married": ("getrouwd", "married"),
    "cohabiting": ("samenwonend", "cohabiting"),
    "separated": ("uit elkaar", "separated"),
    "divorced": ("gescheiden", "divorced"),
    "close": ("hecht", "close"),
    "fused": ("versmolten", "fused"),
    "conflict": ("conflict", "conflict"),
    "distant": ("afstandelijk", "distant"),
    "cut_off": ("verbroken", "cut off"),
    "violence": ("geweld", "violence"),
    "informal": ("eigen netwerk", "informal"),
    "professional": ("professional", "professional"),
    # contacts
    "home_visit": ("huisbezoek", "home visit"),
    "office": ("op kantoor", "at the office"),
    "phone": ("telefonisch", "phone"),
    "video": ("beeldbellen", "video call"),
    "network_meeting": ("netwerkbijeenkomst", "network meeting"),
    "supervised_visit": ("begeleide omgang", "supervised visit"),
    "school": ("op school", "at school"),
    "case_consultation": ("casuïstiekoverleg", "case consultation"),
    # sharing
    "consent": ("toestemming", "consent"),
    "legal": ("wettelijke grondslag", "legal basis"),
    # severities of the rules (gga.toml's [rules])
    "error": ("fout", "error"),
    "warning": ("waarschuwing", "warning"),
    "off": ("uit", "off"),
}

# The acute threats of the ARIJ safety assessment in the booklet's own words and thresholds
# (chapter 5, "Wij spreken van een acute veiligheidsbedreiging van de kinderen als in de
# voorliggende drie maanden zich de volgende situaties hebben voorgedaan"). A label never
# softens a threshold: "acute ernstige", "met een direct gevaar voor het kind".
THREATS: dict[str, tuple[str, str]] = {
    "physical_abuse": ("fysieke mishandeling van het kind", "physical abuse of the child"),
    "psychological_abuse": ("acute ernstige psychische mishandeling van het kind", "acute severe psychological abuse of the child"),
    "sexual_abuse": ("seksueel misbruik van het kind", "sexual abuse of the child"),
    "neglect": ("ernstige verwaarlozing van het kind", "severe neglect of the child"),
    "carer_psychiatric": ("psychiatrische problematiek van de opvoeders met een direct gevaar voor het kind",
                          "psychiatric problems of the carers with a direct danger to the child"),
    "abduction": ("dreiging van ontvoering van het kind", "threat of abduction of the child"),
    "honour_violence": ("dreiging van eerwraak", "threat of honour-related violence"),
    "child_behaviour": ("ernstige gedragsproblemen van het kind, waardoor het kind een gevaar voor zichzelf en/of de omgeving is",
                        "severe behavioural problems of the child, making the child a danger to itself and/or others"),
    "other": ("andere vormen van directe kind onveiligheid", "other forms of direct unsafety of the child"),
}

# The vocabulary holds every coded value once: the threats' words are the booklet's, taken
# from THREATS; "other" is a value of several fields and keeps its general word ("overig").
VALUES.update({kind: pair for kind, pair in THREATS.items() if kind not in VALUES})

PHASE_NAMES: dict[int, tuple[str, str]] = {
    1: ("verbinden en motiveren", "engage and motivate"),
    2: ("ondersteunen en regie voeren", "support and direct"),
    3: ("generaliseren en borgen", "generalise and safeguard"),
}
PHASES = {n: (f"{n}, {nl}", f"{n}, {en}") for n, (nl, en) in PHASE_NAMES.items()}

# Labels of fields and sub-headings: nl, en.
LABELS: dict[str, tuple[str, str]] = {
    "report": ("Overdracht", "Handover"),
    "draft": ("CONCEPT", "DRAFT"),
    "made": ("Opgesteld", "Made"),
    "by": ("Door", "By"),
    "for": ("Aan", "To"),
    "full": ("volledig dossier (intern)", "full case file (internal)"),
    "goal_for": ("Voor", "For"),
    "case_id": ("Zaaknummer", "Case"),
    "family": ("Gezin", "Family"),
    "registered": ("Aanmelding", "Registered"),
    "worker": ("Jeugdbeschermer", "Case worker"),
    "team": ("Team", "Team"),
    "measure": ("Maatregel", "Measure"),
    "measure_period": ("Looptijd", "Period"),
    "extension": ("Verlenging", "Extension"),
    "local_team": ("Wijk-/jeugdteam", "Local team"),
    "phase": ("Fase", "Phase"),
    "phases": ("Fasen", "Phases"),
    "closed": ("Afgesloten", "Closed"),
    "handed_over_to": ("Overgedragen aan", "Handed over to"),
    "people": ("Gezinsleden", "Family members"),
    "name": ("Naam", "Name"),
    "sex": ("Geslacht", "Sex"),
    "born": ("Geboren", "Born"),
    "age": ("Leeftijd", "Age"),
    "role": ("Rol", "Role"),
    "index_child": ("aangemeld kind", "index child"),
    "child": ("kind in het plan", "child in the plan"),
    "trusted_person": ("vertrouwenspersoon", "trusted person"),
    "note": ("Notitie", "Note"),
    "died": ("overleden", "died"),
    "households": ("Huishoudens", "Households"),
    "kind": ("Soort", "Kind"),
    "relation": ("Relatie", "Relation"),
    "reason": ("Aanleiding", "Reason"),
    "assessments": ("Veiligheidstaxaties", "Safety assessments"),
    "threats": ("acute bedreigingen", "acute threats"),
    "no_threats": ("geen acute bedreigingen", "no acute threats"),
    "conclusion": ("conclusie", "conclusion"),
    "concerns": ("Zorgen", "Concerns"),
    "strengths": ("Krachten", "Strengths"),
    "bottom_lines": ("Bodemeisen", "Bottom lines"),
    "consequence": ("consequentie", "consequence"),
    "agreements": ("Veiligheidsafspraken", "Safety agreements"),
    "who": ("wie", "who"),
    "monitoring": ("zicht", "monitoring"),
    "conditions": ("Voorwaarden (JR)", "Conditions (JR)"),
    "established": ("Vastgesteld", "Established"),
    "reviews": ("Herzieningen", "Reviews"),
    "changes": ("wijzigingen", "changes"),
    "pattern": ("Patroon", "Pattern"),
    "sustaining_factors": ("Instandhoudende factoren", "Sustaining factors"),
    "risk_assessments": ("Risicotaxaties", "Risk assessments"),
    "end_state": ("Haalbare eindsituatie", "Feasible end state"),
    "changeable": ("Wat kan veranderen", "What can change"),
    "compensated": ("Wat gecompenseerd blijft", "What stays compensated"),
    "goals": ("Doelen", "Goals"),
    "goal": ("Doel", "Goal"),
    "help": ("Hulp", "Help"),
    "due": ("Streefdatum", "Due"),
    "status": ("Status", "Status"),
    "information_needed": ("Benodigde informatie", "Information needed"),
    "relapse_signals": ("Signalen van terugval", "Signals of relapse"),
    "relapse_actions": ("Wie grijpt in en hoe", "Who steps in and how"),
    "continued_help": ("Hulp die doorloopt", "Continued help"),
    "guardian": ("Bewaker van het plan", "Guardian of the plan"),
    "domain": ("Leefgebied", "Life domain"),
    "facts": ("Feiten", "Facts"),
    "provider": ("Aanbieder", "Provider"),
    "period": ("Periode", "Period"),
    "result": ("Resultaat", "Result"),
    "date": ("Datum", "Date"),
    "score": ("Score", "Score"),
    "rater": ("Door", "By"),
    "the_worker": ("jeugdbeschermer", "case worker"),
    "score_curve": ("Verloop van de veiligheidsscore (1 onveilig, 10 veilig)", "Safety score over time (1 unsafe, 10 safe)"),
    "contacts_count": ("Aantal", "Number"),
    "first": ("Eerste", "First"),
    "last": ("Laatste", "Last"),
    "spoken_alone": ("Kinderen alleen gesproken", "Children spoken to alone"),
    "times": ("Keer", "Times"),
    "basis": ("Grondslag", "Basis"),
    "given_by": ("Gegeven door", "Given by"),
    "scope": ("Reikwijdte", "Scope"),
    "none": ("geen", "none"),
    "unknown": ("onbekend", "unknown"),
    "not_recorded": ("niet vastgelegd", "not recorded"),
    "until": ("tot", "until"),
    "since": ("sinds", "since"),
    "confidential": ("Vertrouwelijk", "Confidential"),
    "page": ("pagina", "page"),
    "private_left_out": (
        "Vertrouwelijke notities, scores en contacten blijven buiten dit verslag.",
        "Confidential notes, scores and contacts are left out of this report.",
    ),
    "initials_note": (
        "Netwerkleden buiten het gezin staan er met hun initialen in.",
        "Network members outside the family appear by their initials.",
    ),
    "sections_note": ("Dit verslag bevat alleen", "This report holds only"),
}


def heading(key: str, lang: Lang) -> str:
    nl, en = HEADINGS[key]
    return nl if lang == "nl" else en


def value(code: str, lang: Lang) -> str:
    """The word for a coded value of the case files; a value without one is shown as it is."""
    nl, en = VALUES.get(code, (code, code))
    return nl if lang == "nl" else en


def threat(kind: str, lang: Lang) -> str:
    """An acute threat in the booklet's words."""
    nl, en = THREATS.get(kind, (kind, kind))
    return nl if lang == "nl" else en


def phase_name(phase: int, lang: Lang) -> str:
    """`verbinden en motiveren` for phase 1; empty for a number that is no phase."""
    nl, en = PHASE_NAMES.get(phase, ("", ""))
    return nl if lang == "nl" else en


def label(key: str, lang: Lang) -> str:
    nl, en = LABELS[key]
    return nl if lang == "nl" else en
