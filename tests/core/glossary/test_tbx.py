"""TBX and CSV round trips; malformed imports name the line or entry and change nothing."""

from __future__ import annotations

import pytest

from desktop.config import Paths
from desktop.core.glossary import tbx
from desktop.core.glossary.termbase import Entry, GlossaryError, Termbase

ENTRIES = [
    Entry(
        "hur",
        "HUR",
        "HUR",
        "agency",
        de_variants=("GUR", "Hauptverwaltung für Aufklärung"),
        en_variants=("Main Directorate of Intelligence",),
        definition='Ukraine\'s "military" <intel>, a & b',
        do_not_translate=True,
        related=("budanov",),
        source="user",
    ),
    Entry("drohne", "Drohne", "drone", "weapon_class", en_variants=("UAV",), source="user"),
    Entry(
        "budanov",
        "Kyrylo Budanov",
        "Kyrylo Budanov",
        "person",
        de_variants=("Budanow",),
        definition="Leiter, HUR | Chef\nzweite Zeile",
        source="user",
    ),
]


@pytest.mark.parametrize("suffix", [".tbx", ".csv"])
def test_round_trip(tmp_path, suffix):
    path = tmp_path / f"out{suffix}"
    tbx.export_file(ENTRIES, path)
    assert tbx.import_file(path) == ENTRIES


def test_tbx_is_tbx_basic():
    text = tbx.to_tbx(ENTRIES[:1])
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in text and 'type="TBX-Basic"' in text
    assert '<conceptEntry id="hur">' in text
    assert '<descrip type="subjectField">agency</descrip>' in text
    assert "preferredTerm-admn-sts" in text and "admittedTerm-admn-sts" in text


def test_tbx_2008_dialect_and_missing_ids():
    old = """<?xml version="1.0"?>
<martif type="TBX-Basic"><text><body>
<termEntry><descrip type="subjectField">weapon_class</descrip>
 <langSet xml:lang="de-DE"><tig><term>Marschflugkörper</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>cruise missile</term></tig><tig><term>CM</term></tig></langSet>
</termEntry></body></text></martif>"""
    (entry,) = tbx.from_tbx(old, "old.tbx")
    assert (entry.id, entry.de, entry.en, entry.en_variants) == (
        "marschflugkorper",
        "Marschflugkörper",
        "cruise missile",
        ("CM",),
    )


@pytest.mark.parametrize(
    ("suffix", "content", "needle"),
    [
        (
            ".csv",
            "de,en,category\nDrohne,drone,weapon_class\nRakete,missile,rocketry\n",
            "line 3 (id 'rakete'): field 'category'",
        ),
        (
            ".csv",
            "de,en,category\nDrohne,,weapon_class\n",
            "line 2 (id 'drohne'): field 'en' is empty",
        ),
        (".csv", "de,en\nDrohne,drone\n", "line 1: missing column 'category'"),
        (".csv", "de,en,category,colour\n", "line 1: unknown column 'colour'"),
        (
            ".csv",
            "id,de,en,category\nx,A-Wort,a,concept\nx,B-Wort,b,concept\n",
            "line 3: id 'x' repeats line 2",
        ),
        (
            ".csv",
            "de,en,category,do_not_translate\nDrohne,drone,weapon_class,maybe\n",
            "line 2: field 'do_not_translate'",
        ),
        (".tbx", "<tbx><text><body>\n<conceptEntry>\n</body></tbx>", "line 3, column 2"),
        (
            ".tbx",
            '<tbx><text><body><conceptEntry id="a"><descrip type="subjectField">concept</descrip>'
            '<langSec xml:lang="de"><termSec><term>A-Wort</term></termSec></langSec></conceptEntry>'
            "</body></text></tbx>",
            "entry 1 (id 'a'): field 'en' is missing",
        ),
        (".txt", "x", "unknown format '.txt'"),
    ],
)
def test_malformed_import_names_place_and_changes_nothing(tmp_path, suffix, content, needle):
    paths = Paths.from_env()
    tb = Termbase([])
    tb.add_user_entry(ENTRIES[1], paths)
    before = paths.user_glossary.read_bytes()
    bad = tmp_path / f"bad{suffix}"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        tb.add_user_entries(tbx.import_file(bad), paths)
    assert needle in str(info.value)
    assert paths.user_glossary.read_bytes() == before
    assert [e.id for e in tb] == ["drohne"]


def test_import_into_user_glossary(tmp_path):
    paths = Paths.from_env()
    src = tmp_path / "in.csv"
    src.write_text(
        "de,en,category,de_variants\nTu-22M3,Tu-22M3,weapon_system,Tu-22\n", encoding="utf-8"
    )
    tb = Termbase([])
    tb.add_user_entries(tbx.import_file(src), paths)
    again = Termbase.load(None, paths.user_glossary)
    assert [(e.id, e.de_variants, e.source) for e in again] == [("tu_22m3", ("Tu-22",), "user")]


@pytest.mark.parametrize("suffix", [".tbx", ".csv"])
def test_bundled_termbase_round_trip(tmp_path, suffix):
    from dataclasses import replace

    entries = Termbase.load_default().entries
    path = tmp_path / f"all{suffix}"
    tbx.export_file(entries, path)
    assert tbx.import_file(path) == [replace(e, source="user") for e in entries]


def test_failed_export_keeps_the_earlier_file(tmp_path, monkeypatch):
    import errno
    import os

    from desktop.core.glossary import tbx
    from desktop.core.glossary.termbase import Entry, GlossaryError

    entry = Entry(
        id="drohne",
        de="Drohne",
        de_variants=(),
        en="drone",
        en_variants=(),
        category="weapon_class",
        definition="An aircraft without crew.",
        do_not_translate=False,
        related=(),
        source="user",
    )
    target = tmp_path / "glossary.csv"
    tbx.export_file([entry], target)
    before = target.read_text(encoding="utf-8")

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(GlossaryError, match="cannot write"):
        tbx.export_file([entry, entry], target)
    assert target.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.csv"]
