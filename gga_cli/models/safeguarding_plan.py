"""safeguarding-plan.yaml: the borgingsplan, from phase 3."""


from gga_cli.models.common import Date, Id, Model, Text, described, empty


class RelapseAction(Model):
    who: list[Id] = described("wie", "ids of who steps in", default_factory=empty)
    action: Text = described("actie", "what they do")


class ContinuedHelp(Model):
    provider: Text = described("aanbieder", "who continues to help")
    help: Text = described("hulp", "what help")
    until: Date | None = described("tot", "until when", default=None)


class Guardian(Model):
    name: Text = described("bewaker", "who in the local team guards the plan")
    organisation: Text | None = described("organisatie", "their organisation", default=None)


class SafeguardingPlan(Model):
    relapse_signals: list[Text] = described("signalen van terugval", "signals of relapse", default_factory=empty)
    relapse_actions: list[RelapseAction] = described("wie grijpt in", "who steps in and how", default_factory=empty)
    continued_help: list[ContinuedHelp] = described("voortzetting hulp", "help that continues", default_factory=empty)
    guardian: Guardian | None = described("bewaker", "who in the local team guards it", default=None)
    established: Date | None = described("vastgesteld", "the day it was agreed", default=None)
