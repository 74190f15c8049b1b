"""gga: case files of the Gezinsgerichte Aanpak, checked, recorded and handed over."""

import os

__version__ = "0.1.0"

# pydantic loads every plugin installed beside it (its "pydantic" entry points) and hands
# each one what every validation is given: here a family's case, a note typed on the
# command line. gga asks for none, and none may see that, so none is loaded in gga's
# process, whatever the environment says (tests/test_imports.py). This runs before typer
# or gga builds a validator: importing any part of gga imports this first.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
