"""`gga stats`, `gga status --by` and `gga export`: the view across cases for the team leader
and the organisation. `source` gets the cases' facts from the caseload (cached), `facts` is
what a case contributes, `definitions` the method's revision-2 definitions they count by,
`figures` counts, `text`, `page` and `charts` show, `workload` is the team leader's board and
`export` the pseudonymised tables."""
