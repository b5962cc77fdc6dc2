"""The one base error of the core; every feature's errors subclass it and carry their data.

``str(error)`` is always one clear line for the user, so a front end can show it as it is;
a caller that needs to act on an error reads its attributes, never its message.
"""

from __future__ import annotations


class LagebildError(Exception):
    """Base of every error the core raises on purpose."""


class NoModelError(LagebildError):
    """No installed package (or chain) translates FROM_CODE into TO_CODE."""

    def __init__(self, message: str, from_code: str = "", to_code: str = "") -> None:
        super().__init__(message)
        self.from_code = from_code
        self.to_code = to_code
