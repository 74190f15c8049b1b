"""`python -m gga_cli`: the same as the `gga` command."""

from gga_cli.cli import main

if __name__ == "__main__":
    main()
