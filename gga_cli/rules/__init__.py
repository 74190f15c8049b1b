"""Every rule of gga, listed in one place, in code order (the order of `gga rules`).

A rule module gathers its rules in `RULES`; the list below names the modules and the codes
each holds, so finding the module of a code takes no search:

| module | codes | what it checks |
|---|---|---|
| `files` | F001-F030 | the files themselves (applied by the loader) |
| `acute` | G101-G106 | the first week: safety assessment, home visit, safety plan and its parts |
| `rhythm` | G107-G109 | contact: children spoken alone, the contact rhythm, a score after each contact |
| `plans` | G110-G115 | the change plan and the safeguarding plan, the local team |
| `alarms` | G117 | safety alarms answered |
| `measure` | G119-G122 | the measure's end, goals on time, network meetings, the phase history |
| `handover` | G130-G131 | the 100% clean handover and the ground for sharing |
| `retention` | G140 | retention of closed cases |

The functions a command calls to name what blocks a step are exported here.
"""

from gga_cli.rules import acute, alarms, files, handover, measure, plans, retention, rhythm
from gga_cli.rules.handover import handover_gaps
from gga_cli.rules.plans import change_plan_gaps, safeguarding_gaps
from gga_cli.rules.registry import REGISTRY, Context, Deadline, Rule, RuleSet, severity_of
from gga_cli.rules.retention import Retention, retention_of

MODULES: tuple[RuleSet, ...] = (
    files.RULES,
    acute.RULES,
    rhythm.RULES,
    plans.RULES,
    alarms.RULES,
    measure.RULES,
    handover.RULES,
    retention.RULES,
)
"""The rule modules in code order: F rules first, then the G rules as the booklet's work
runs (the first week, contact, plans, alarms, the measure, handover, retention)."""

REGISTRY.update((rule.code, rule) for module in MODULES for rule in module)

__all__ = [
    "MODULES",
    "REGISTRY",
    "Context",
    "Deadline",
    "Retention",
    "Rule",
    "change_plan_gaps",
    "handover_gaps",
    "retention_of",
    "safeguarding_gaps",
    "severity_of",
]
