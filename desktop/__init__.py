"""Lagebild: read German defence news beside an offline English translation and a glossary."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Lagebild"
