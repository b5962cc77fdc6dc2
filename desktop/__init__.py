"""Lagebild: read German defence news beside an offline English translation and a glossary."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Lagebild"


def main(argv: list[str] | None = None) -> int:
    """Run the program: a sub-command when one is named, otherwise the window."""
    from desktop.cli import main as cli_main

    return cli_main(argv)
