"""Damaged rows in a real SQLite cache: dropped and treated as a miss, never a traceback.

A row whose flags are not a JSON list of strings, or whose target is not UTF-8 text, made
every later lookup raise; such rows are now deleted when read, and translated again.
"""

from __future__ import annotations

import sqlite3

from desktop.core.translation.cache import TranslationCache
from desktop.core.translation.engine import TranslationEngine

# (source, target as SQL, flags as SQL): each row is damaged in its own way.
DAMAGED = [
    ("flags not json", "'X'", "'not json'"),
    ("flags a dict", "'X'", "'{\"a\": 1}'"),
    ("flags a number", "'X'", "'5'"),
    ("flags a string", "'X'", "'\"abc\"'"),
    ("flags not strings", "'X'", "'[1, 2]'"),
    ("flags too deep", "'X'", "'" + "[" * 100_000 + "'"),
    ("flags a blob", "'X'", "X'5b5d'"),
    ("flags bad utf-8", "'X'", "CAST(X'ff5b5d' AS TEXT)"),
    ("target a blob", "X'00ff'", "'[]'"),
    ("target bad utf-8", "CAST(X'ff41' AS TEXT)", "'[]'"),
]


def _write_damaged(path, model: str = "m") -> None:
    conn = sqlite3.connect(path)
    with conn:
        for source, target, flags in DAMAGED:
            conn.execute(
                f"INSERT OR REPLACE INTO translation VALUES (?, ?, {target}, {flags}, 0)",
                (model, source),
            )
    conn.close()


def _rows(path, model: str = "m") -> dict[str, tuple[str, str]]:
    conn = sqlite3.connect(path)
    conn.text_factory = bytes
    rows = conn.execute(
        "SELECT source, typeof(target), typeof(flags) FROM translation WHERE model = ?", (model,)
    ).fetchall()
    conn.close()
    return {s.decode(): (t.decode(), f.decode()) for s, t, f in rows}


def test_damaged_rows_are_dropped_and_missed(tmp_path):
    path = tmp_path / "c.sqlite3"
    cache = TranslationCache(path)
    cache.put_many("m", [("good", "GOOD", ("empty",))])
    _write_damaged(path)  # through another connection, as a crash or another tool would
    assert set(_rows(path)) == {"good"} | {s for s, _, _ in DAMAGED}
    sources = ["good", "unknown"] + [s for s, _, _ in DAMAGED]
    assert cache.get_many("m", sources) == {"good": ("GOOD", ("empty",))}
    assert cache.enabled
    assert set(_rows(path)) == {"good"}  # the damaged rows are gone from the file
    # A miss is stored anew (as the engine does after translating it), and then hits.
    cache.put_many("m", [("flags not json", "Y", ("long",))])
    assert cache.get_many("m", ["flags not json"]) == {"flags not json": ("Y", ("long",))}
    cache.close()


def test_a_damaged_row_does_not_hide_the_good_ones_of_other_models(tmp_path):
    path = tmp_path / "c.sqlite3"
    cache = TranslationCache(path)
    cache.put_many("other", [("flags not json", "fine", ())])
    _write_damaged(path, "m")
    assert cache.get_many("m", ["flags not json"]) == {}
    assert cache.get_many("other", ["flags not json"]) == {"flags not json": ("fine", ())}
    cache.close()


def test_sources_sqlite_cannot_store_are_misses(tmp_path):
    """A lone surrogate (from a damaged PDF text layer) raised UnicodeEncodeError."""
    cache = TranslationCache(tmp_path / "c.sqlite3")
    cache.put_many("m", [("\ud800 kaputt", "broken", ()), ("ok", "OK", ())])
    assert cache.get_many("m", ["\ud800 kaputt", "ok"]) == {"ok": ("OK", ())}
    assert cache.count("m") == 1 and cache.enabled
    cache.close()


def test_damaged_model_hash_is_recomputed(tmp_path):
    path = tmp_path / "c.sqlite3"
    cache = TranslationCache(path)
    model = tmp_path / "model.bin"
    model.write_bytes(b"weights")
    calls: list[object] = []

    def digest(p: object) -> str:
        calls.append(p)
        return "abc123"

    assert cache.file_digest(model, digest) == "abc123"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE model_hash SET digest = CAST(X'ff' AS TEXT)")
    conn.close()
    assert cache.file_digest(model, digest) == "abc123" and len(calls) == 2
    assert cache.file_digest(model, digest) == "abc123" and len(calls) == 2  # repaired
    cache.close()


def test_engine_retranslates_a_damaged_row(zh_paths, tkit):
    src = tkit.sentences("今天天气很好。", "他们逮捕了两名嫌疑人。")
    engine = TranslationEngine.open("zh", "en", zh_paths)
    first = list(engine.translate(src))
    engine.close()
    path = zh_paths.translation_cache
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE translation SET flags = 'not json' WHERE source = ?", (src[0].text,))
    conn.close()
    engine = TranslationEngine.open("zh", "en", zh_paths)
    again = {r.sentence_id: r for r in engine.translate(src)}
    assert not again["s0"].cached and again["s0"].target == first[0].target
    assert again["s1"].cached
    engine.close()
    assert _rows(path, engine.model_key)[src[0].text] == ("text", "text")
    engine = TranslationEngine.open("zh", "en", zh_paths)
    assert all(r.cached for r in engine.translate(src))  # repaired for good
    engine.close()
