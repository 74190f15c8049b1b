"""An encrypted caseload: case files kept in git as age files, plain in the working tree.

`guard` is the loader's one check for a file still encrypted; `keys` holds the age
identities and recipients; `process` is git's long-running clean/smudge filter, `driver`
its merge driver and textconv; `gitsetup` writes the git configuration and re-encrypts the
tree when the recipients change.
"""
