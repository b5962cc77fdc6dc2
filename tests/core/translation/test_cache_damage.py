"""Review fixes: the cache never loses a healthy file and never raises when it cannot open."""

from __future__ import annotations

import sqlite3

from desktop.core.translation import cache as cache_mod
from desktop.core.translation.cache import TranslationCache


def test_unwritable_cache_folder_disables_the_cache(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")  # the cache's parent "folder" is a file: mkdir fails
    cache = TranslationCache(blocker / "cache.sqlite3")
    assert not cache.enabled
    assert cache.get_many("m", ["a"]) == {}
    cache.put_many("m", [("a", "A", ())])  # silently ignored
    assert blocker.read_text() == "x"


def test_locked_cache_is_not_moved_aside(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite3"
    first = TranslationCache(path)
    first.put_many("m", [("a", "A", ())])
    first.close()
    other = sqlite3.connect(path)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO translation VALUES ('m', 'b', 'B', '[]', 0)")
    real_connect = sqlite3.connect
    monkeypatch.setattr(
        cache_mod.sqlite3, "connect", lambda *a, **k: real_connect(*a, **{**k, "timeout": 0.1})
    )
    try:
        locked = TranslationCache(path)
        assert not locked.enabled
        assert locked.moved_aside is None
        assert not list(tmp_path.glob("*.corrupt-*"))
    finally:
        other.rollback()
        other.close()
        monkeypatch.undo()
    again = TranslationCache(path)
    assert again.get_many("m", ["a"]) == {"a": ("A", ())}
    again.close()


def test_full_disk_on_open_keeps_the_file(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite3"
    first = TranslationCache(path)
    first.put_many("m", [("a", "A", ())])
    first.close()

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(TranslationCache, "_connect", full)
    cache = TranslationCache(path)
    assert not cache.enabled and cache.moved_aside is None
    assert path.exists() and not list(tmp_path.glob("*.corrupt-*"))
