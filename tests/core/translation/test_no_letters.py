"""Sentences without a letter are copied through, never sent to the model.

With the real zh->en test model "🙂🙂" came back as "Zenium": the model invents words for
input it has nothing to translate in.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.translation import engine as engine_mod
from desktop.core.translation.cache import TranslationCache
from desktop.core.translation.engine import TranslationEngine

NO_LETTERS = ["🙂🙂", "—", "***", "12:30", "2024", "…", "+++ 42 +++"]


@pytest.mark.parametrize("text", NO_LETTERS)
def test_no_letters(text):
    assert not engine_mod.has_letters(text)


@pytest.mark.parametrize("text", ["KN-23", "今天", "Ä", "ok 🙂", "ΝΑΤΟ", "х"])
def test_letters_of_any_script(text):
    assert engine_mod.has_letters(text)


@pytest.fixture
def submitted(monkeypatch) -> list[str]:
    """Every text the engine hands to the model."""
    texts: list[str] = []
    real = engine_mod._Step.submit

    def spy(self: Any, batch: list[str]) -> Any:
        texts.extend(batch)
        return real(self, batch)

    monkeypatch.setattr(engine_mod._Step, "submit", spy)
    return texts


def test_letterless_sentences_are_copied_not_translated(zh_paths, tkit, submitted):
    src = tkit.sentences("今天天气很好。", *NO_LETTERS, "他们逮捕了两名嫌疑人。")
    engine = TranslationEngine.open("zh", "en", zh_paths)
    results = list(engine.translate(src))
    assert [r.sentence_id for r in results] == [s.id for s in src]
    for result, text in zip(results[1:-1], NO_LETTERS, strict=True):
        assert result.target == text and result.flags == () and not result.cached
    assert "weather" in results[0].target.lower() or "day" in results[0].target.lower()
    assert "arrested" in results[-1].target
    assert not set(NO_LETTERS) & set(submitted)
    assert submitted  # the two real sentences did go to the model
    # Nothing was cached for them: a later run copies them again.
    assert engine._cache is not None
    assert engine._cache.get_many(engine.model_key, NO_LETTERS) == {}
    engine.close()


def test_only_letterless_sentences_never_load_the_model(zh_paths, tkit, monkeypatch):
    loaded: list[object] = []
    monkeypatch.setattr(engine_mod._Step, "translator", lambda self: loaded.append(self))
    engine = TranslationEngine.open("zh", "en", zh_paths, cache=False)
    results = list(engine.translate(tkit.sentences("🙂🙂", "***", "")))
    assert [r.target for r in results] == ["🙂🙂", "***", ""]
    assert loaded == []


def test_an_old_cached_guess_is_ignored(zh_paths, tkit, submitted):
    engine = TranslationEngine.open("zh", "en", zh_paths)
    engine.close()
    cache = TranslationCache(zh_paths.translation_cache)
    cache.put_many(engine.model_key, [("🙂🙂", "Zenium", ())])  # what the model once said
    cache.close()
    engine = TranslationEngine.open("zh", "en", zh_paths)
    (result,) = engine.translate(tkit.sentences("🙂🙂"))
    assert result.target == "🙂🙂" and not result.cached and submitted == []
    engine.close()
