"""`gga stats`: the method's figures over a caseload and a period, for the team leader and
the organisation. `source` gets the cases' facts (cached), `facts` is what a case
contributes, `figures` counts, and the output modules (`text`, `table`, `charts`) show."""
