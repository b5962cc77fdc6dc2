"""The SQLite translation cache: hits, invalidation by model, corruption recovery."""

from __future__ import annotations

import sqlite3
import time

from desktop.core.translation.cache import TranslationCache
from desktop.core.translation.engine import TranslationEngine

TEXTS = ("今天天气很好。", "他们逮捕了两名嫌疑人。", "一艘登陆舰被击沉。")


def test_put_get_and_keys(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    cache.put_many("m1", [("a", "A", ("empty",)), ("b", "B", ())])
    assert cache.get_many("m1", ["a", "b", "c"]) == {"a": ("A", ("empty",)), "b": ("B", ())}
    assert cache.get_many("m2", ["a"]) == {}
    journal = sqlite3.connect(tmp_path / "c.sqlite3").execute("PRAGMA journal_mode").fetchone()
    assert journal[0] == "wal"
    many = [f"s{i}" for i in range(1200)]  # more than SQLite's parameter limit
    cache.put_many("m1", [(s, s.upper(), ()) for s in many])
    assert len(cache.get_many("m1", many)) == 1200


def test_reopened_article_is_served_from_cache(zh_paths, tkit):
    src = tkit.sentences(*TEXTS)
    first = list(TranslationEngine.open("zh", "en", zh_paths).translate(src))
    assert not any(r.cached for r in first)
    engine = TranslationEngine.open("zh", "en", zh_paths)  # a new engine: from disk
    start = time.perf_counter()
    second = list(engine.translate(src))
    elapsed = time.perf_counter() - start
    assert all(r.cached for r in second)
    assert [r.target for r in second] == [r.target for r in first]
    assert [r.flags for r in second] == [r.flags for r in first]
    assert engine._steps[0]._translator is None  # the model was not even loaded
    assert elapsed < 1.0


def test_changing_the_model_invalidates(zh_paths, zh_package_dir, tkit):
    src = tkit.sentences(*TEXTS)
    engine = TranslationEngine.open("zh", "en", zh_paths)
    list(engine.translate(src))
    old_key = engine.model_key
    # The same pair at a new version replaces the old package.
    for folder in zh_paths.argos_packages.iterdir():
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()
    tkit.link_package(zh_package_dir, zh_paths.argos_packages, package_version="2.0")
    engine = TranslationEngine.open("zh", "en", zh_paths)
    assert engine.model.version == "2.0" and engine.model_key != old_key
    assert not any(r.cached for r in engine.translate(src))


def test_changed_model_file_changes_the_key(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    f = tmp_path / "model.bin"
    f.write_bytes(b"one")
    calls = []

    def digest(path):
        calls.append(path)
        return path.read_bytes().decode()

    assert cache.file_digest(f, digest) == "one"
    assert cache.file_digest(f, digest) == "one" and len(calls) == 1  # memoised
    time.sleep(0.01)
    f.write_bytes(b"two")
    assert cache.file_digest(f, digest) == "two" and len(calls) == 2


def test_corrupt_cache_is_moved_aside_and_rebuilt(zh_paths, tkit):
    path = zh_paths.translation_cache
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is no database" * 500)
    engine = TranslationEngine.open("zh", "en", zh_paths)
    results = list(engine.translate(tkit.sentences(*TEXTS)))
    assert all(r.target for r in results)
    aside = list(path.parent.glob(path.name + ".corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is no database")
    engine.close()
    again = TranslationEngine.open("zh", "en", zh_paths)
    assert all(r.cached for r in again.translate(tkit.sentences(*TEXTS)))


def test_cache_damaged_while_open_does_not_crash(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    cache.put_many("m", [("a", "A", ())])
    cache._conn.execute("DROP TABLE translation")  # simulate a database gone bad under us
    assert cache.get_many("m", ["a"]) == {}
    assert not cache.enabled
    cache.put_many("m", [("b", "B", ())])  # silently ignored
