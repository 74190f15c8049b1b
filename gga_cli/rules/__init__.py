"""Every rule of gga, gathered in one registry (see `registry`).

The G rules live in modules that follow the booklet: `acute` (first week, safety plan),
`rhythm` (contact), `plans` (change and safeguarding plans), `alarms`, `measure` (the
measure, goals, network meetings, phases), `handover` and `retention`. The functions a
command calls to name what blocks a step are exported here.
"""

from gga_cli.rules import files  # noqa: F401  (registers the F rules)
from gga_cli.rules import acute, rhythm, plans, alarms, measure, handover, retention  # noqa: F401, I001  (the G rules, in code order)
from gga_cli.rules.handover import handover_gaps
from gga_cli.rules.plans import change_plan_gaps, safeguarding_gaps
from gga_cli.rules.registry import REGISTRY, Context, Deadline, Rule, severity_of
from gga_cli.rules.retention import Retention, retention_of

__all__ = [
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
