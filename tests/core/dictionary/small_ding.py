"""Small Ding-format files written for the tests (our own lines, not taken from Ding)."""

from __future__ import annotations

from pathlib import Path

SMALL_LINES = [
    "Panzer {m} [mil.] | Panzer {pl} | Kampfpanzer {m} | Kampfpanzer {pl} :: tank | tanks | main battle tank /MBT/ | main battle tanks",
    "Rakete {f}; Flugkörper {m} [mil.] | Raketen {pl}; Flugkörper {pl} :: missile; rocket | missiles; rockets",
    "Lieferung {f} [econ.] | Lieferungen {pl} :: delivery | deliveries",
    "Munition {f} [mil.] :: ammunition; ammo [coll.]",
    "jdn./etw. angreifen {vt} [mil.] | angreifend | angegriffen | greift an | griff an :: to attack sb./sth. | attacking | attacked | attacks | attacked",
    "Bundeswehr {f} /Bw/ [mil.] :: German Armed Forces",
    "Aal {m} [zool.] | Aale {pl} :: eel | eels",
]


def write_ding(path: Path, lines: list[str] | None = None) -> Path:
    """A Ding-format file with a header comment and LINES (default: SMALL_LINES)."""
    body = "\n".join(SMALL_LINES if lines is None else lines)
    path.write_text("# Version :: test\n# a comment line\n" + body + "\n", encoding="utf-8")
    return path
