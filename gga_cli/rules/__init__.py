"""Every rule of gga, gathered in one registry (see `registry`)."""

from gga_cli.rules import files  # noqa: F401  (registers the F rules)
from gga_cli.rules.registry import REGISTRY, Context, Deadline, Rule, severity_of

__all__ = ["REGISTRY", "Context", "Deadline", "Rule", "severity_of"]
