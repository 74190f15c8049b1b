"""What a person reads, one module a command: pure builders from results to rich renderables
or lines (`board`, `show`, `agenda`, `rules`, `check`), and every JSON shape of cli.md in
one place (`envelopes`). Printing, colour and width stay in `gga_cli.console`."""
