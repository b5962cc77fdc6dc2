"""Termbase loading, schema errors, the user's file (atomic save, backup), lookup."""

from __future__ import annotations

import json
import os

import pytest

from desktop import resources
from desktop.config import Paths
from desktop.core.glossary import termbase as glossary
from desktop.core.glossary.termbase import (
    Entry,
    GlossaryError,
    Termbase,
    read_termbase,
    write_termbase,
)


def _doc(*entries):
    return {"format": "lagebild-termbase", "version": 1, "entries": list(entries)}


def _entry(**over):
    base = {"id": "drohne", "de": "Drohne", "en": "drone", "category": "weapon_class"}
    base.update(over)
    return base


def _write(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_minimal_entry_gets_defaults(tmp_path):
    entries = read_termbase(_write(tmp_path / "t.json", _doc(_entry())))
    assert entries == [Entry("drohne", "Drohne", "drone", "weapon_class")]
    assert entries[0].source == "builtin" and entries[0].de_variants == ()


@pytest.mark.parametrize(
    ("bad", "needle"),
    [
        ({"category": "weapon"}, "entry 2 (id 'x'): field 'category'"),
        ({"de": ""}, "entry 2 (id 'x'): field 'de' is empty"),
        ({"en": 5}, "entry 2 (id 'x'): field 'en' must be a string"),
        ({"de_variants": "GUR"}, "entry 2 (id 'x'): field 'de_variants' must be a list"),
        ({"do_not_translate": "yes"}, "entry 2 (id 'x'): field 'do_not_translate'"),
        ({"catgory": "agency"}, "entry 2 (id 'x'): unknown field 'catgory'"),
        ({"id": "Bad Id"}, "entry 2 (id 'Bad Id'): field 'id' must be"),
        ({"id": "drohne"}, "entry 2: id 'drohne' repeats entry 1"),
    ],
)
def test_broken_entry_names_entry_and_field(tmp_path, bad, needle):
    second = _entry(id="x", de="X", en="x")
    second.update(bad)
    path = _write(tmp_path / "t.json", _doc(_entry(), second))
    with pytest.raises(GlossaryError) as info:
        read_termbase(path)
    assert needle in str(info.value)
    assert str(path) in str(info.value)


def test_missing_field_and_bad_header(tmp_path):
    broken = _entry()
    del broken["en"]
    with pytest.raises(GlossaryError, match="entry 1 \\(id 'drohne'\\): field 'en' is missing"):
        read_termbase(_write(tmp_path / "a.json", _doc(broken)))
    with pytest.raises(GlossaryError, match="'format'"):
        read_termbase(_write(tmp_path / "b.json", {"entries": []}))
    with pytest.raises(GlossaryError, match="version"):
        read_termbase(_write(tmp_path / "c.json", {**_doc(), "version": 9}))


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "t.json"
    path.write_text('{"format": "lagebild-termbase",\n "version": 1,\n "entries": [,]}\n')
    with pytest.raises(GlossaryError, match="line 3"):
        read_termbase(path)


def test_bundled_termbase_is_valid_and_consistent():
    tb = Termbase.load(resources.path(resources.DEFAULT_GLOSSARY))
    assert len(tb) >= 50
    assert {e.category for e in tb} <= set(glossary.CATEGORIES)
    assert tb.warnings() == []
    assert tb.get("hur").do_not_translate is True


def test_user_entries_override_and_are_saved_atomically(tmp_path):
    paths = Paths.from_env()
    builtin = _write(tmp_path / "b.json", _doc(_entry()))
    tb = Termbase.load(builtin, paths.user_glossary)
    assert tb.get("drohne").en == "drone"
    tb.add_user_entry(Entry("drohne", "Drohne", "UAV", "weapon_class"), paths)
    assert tb.get("drohne").en == "UAV" and tb.get("drohne").source == "user"
    assert not paths.user_glossary.with_name("user-termbase.json.bak").exists()
    new = tb.new_entry("Tu-22M3", "Tu-22M3", "weapon_system", "bomber")
    assert new.id == "tu_22m3"
    tb.add_user_entry(new, paths)
    backup = paths.user_glossary.with_name("user-termbase.json.bak")
    assert [e["id"] for e in json.loads(backup.read_text())["entries"]] == ["drohne"]
    again = Termbase.load(builtin, paths.user_glossary)
    assert [(e.id, e.source) for e in again] == [("drohne", "user"), ("tu_22m3", "user")]
    assert again.get("tu_22m3").definition == "bomber"
    assert list(paths.user_glossary.parent.glob("*.tmp")) == []


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "user.json"
    write_termbase(target, [Entry("a", "A-Wort", "a", "concept")])
    before = target.read_bytes()

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_termbase(target, [Entry("b", "B-Wort", "b", "concept")])
    assert target.read_bytes() == before
    assert list(tmp_path.glob("*.tmp")) == []


def test_new_entry_is_validated():
    tb = Termbase([])
    with pytest.raises(GlossaryError, match="category"):
        tb.new_entry("Tu-22M3", "Tu-22M3", "bomber")


def test_lookup_any_form():
    tb = Termbase.load_default()
    assert [e.id for e in tb.lookup("Drohnen")][0] == "drohne"
    assert "drohne" in [e.id for e in tb.lookup("drones")]
    assert [e.id for e in tb.lookup("Militärgeheimdienstes")][0] == "militaergeheimdienst"
    assert "rakete" in [e.id for e in tb.lookup("Langstreckenraketen")]
    assert [e.id for e in tb.lookup("ballistic missiles")] == ["ballistische_rakete"]
    assert tb.lookup("Waffel") == []
    assert tb.lookup("") == []


def test_lazy_reexports():
    from desktop.core.glossary.matching import Matcher

    assert glossary.Matcher is Matcher
    assert callable(glossary.check_terms) and callable(glossary.suggest_terms)
    with pytest.raises(AttributeError):
        glossary.no_such_name  # noqa: B018


def test_broken_user_file_names_the_backup(tmp_path):
    paths = Paths.from_env()
    tb = Termbase([])
    tb.add_user_entry(Entry("a", "A-Wort", "a", "concept"), paths)
    tb.add_user_entry(Entry("b", "B-Wort", "b", "concept"), paths)
    paths.user_glossary.write_text("{ broken", encoding="utf-8")
    with pytest.raises(GlossaryError, match="previous version is in .*user-termbase.json.bak"):
        Termbase.load(None, paths.user_glossary)
