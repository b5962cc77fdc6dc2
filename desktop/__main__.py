"""The entry point (``lagebild`` and ``python -m desktop``): a command or the window.

The choice is made here, outside both, so that a headless command never loads Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command when one is named, otherwise the window."""
    from desktop import cli

    args = list(sys.argv[1:] if argv is None else argv)
    if cli.is_command(args):
        return cli.main(args)
    if len(args) > 1:
        print("lagebild: error: the window takes at most one FILE", file=sys.stderr)
        return cli.EXIT_USAGE
    from desktop.ui.app import run  # imported late: commands never load Qt

    return run(args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
