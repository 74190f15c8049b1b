"""gga: case files of the Gezinsgerichte Aanpak, checked, recorded and handed over."""

__version__ = "0.1.0"
