"""Packages of gga: every gga_cli subpackage, and the data folders at the repository root.

The rest of the build configuration is in pyproject.toml.
"""

from setuptools import find_packages, setup

DATA = ["gga_cli.templates", "gga_cli.schemas", "gga_cli.examples"]

setup(packages=find_packages(include=["gga_cli", "gga_cli.*"]) + DATA)
