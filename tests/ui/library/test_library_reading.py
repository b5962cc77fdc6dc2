"""The library and the reading window: opened articles are stored, stored ones shown,
and the batch translation gives the reading window the first turn."""

from __future__ import annotations


def _store(window):
    return window.library.service.library()


def test_an_opened_file_goes_into_the_library_with_its_translation(
    qtbot, library_window, opened, article_path
):
    window = library_window()
    service = window.library.service
    stored_translations = []
    service.edited.connect(
        lambda what, value: what == "translations" and stored_translations.append(value)
    )
    with qtbot.waitSignal(service.added, timeout=15000) as added:
        opened(window, article_path)
    article, result = added.args
    assert article is window.article and not result.duplicate
    qtbot.waitUntil(lambda: bool(stored_translations), timeout=15000)
    stored = _store(window).get(result.article_id)
    assert stored.article.text == window.article.text
    assert stored.translations == window.translations  # every sentence, as shown
    assert stored.model_key == "fake-de-en@1"
    assert stored.hits  # its glossary terms went in too
    # the list shows it, translated
    n = len(window.article.sentences())
    qtbot.waitUntil(
        lambda: (
            [(r.id, r.translated) for r in window.library.dock.model.rows()]
            == [(result.article_id, n)]
        )
    )


def test_pasted_text_goes_in_once(qtbot, library_window):
    window = library_window()
    service = window.library.service
    text = "Die Luftwaffe verlegt Eurofighter nach Polen.\n\nDie NATO begrüßt das."
    results = []
    service.added.connect(lambda article, result: results.append(result))
    for count in (1, 2):
        with qtbot.waitSignal(window.documentShown, timeout=10000):
            window.open_text(text, "Eingefügt")
        qtbot.waitUntil(lambda count=count: len(results) == count, timeout=10000)
    assert [r.duplicate for r in results] == [False, True]
    assert results[0].article_id == results[1].article_id
    assert len(_store(window).list_articles()) == 1


def test_opening_from_the_library_shows_stored_translations_at_once(
    qtbot, library_window, imported, article_folder, keyed_engine
):
    window = library_window()
    imported(window, [article_folder])
    library = window.library
    with qtbot.waitSignal(library.batchDone, timeout=30000):
        library.start_batch()
    assert _store(window).count_untranslated() == 0
    qtbot.waitUntil(lambda: all(r.translated_share == 1.0 for r in library.dock.model.rows()))
    row = library.dock.model.row_at(0)
    calls = keyed_engine.calls
    shown = []
    window.documentShown.connect(lambda article: shown.append(dict(window.translations)))
    with qtbot.waitSignal(library.articleOpened, timeout=10000):
        library.open_article(row.id)
    stored = _store(window).get(row.id)
    # shown with the article, before any translation job could answer
    assert shown == [stored.translations]
    assert set(stored.translations) == {s.id for s in window.article.sentences()}
    sid = window.article.sentences()[0].id
    assert window.view.target.is_translated(sid)
    qtbot.waitUntil(lambda: window.translation_done, timeout=10000)
    assert window.translations == stored.translations
    assert keyed_engine.calls <= calls + 1  # at most an empty job: nothing was left
    assert _store(window).row(row.id).read  # opening marks it read
    assert len(_store(window).list_articles()) == 8  # not added a second time


def test_batch_translation_cancel_and_resume(
    qtbot, library_window, imported, article_folder, engine_cls, glossary_replacements
):
    class CountingEngine(engine_cls):
        model_key = "fake-de-en@1"

        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self.seen = []

        def translate(self, sentences, cancel=None, on_result=None):
            for result in super().translate(sentences, cancel, on_result):
                self.seen.append(result.sentence_id)
                yield result

    engine = CountingEngine(glossary_replacements, delay=0.01)  # slow enough to stop
    window = library_window(engine)
    imported(window, [article_folder])
    library = window.library
    total = _store(window).count_untranslated()
    assert total > 40
    progress = []
    library.service.batchProgress.connect(lambda done, all_: progress.append((done, all_)))
    library.service.batchProgress.connect(lambda done, _all: done >= 32 and library.cancel_batch())
    with qtbot.waitSignal(library.service.batchFinished, timeout=30000) as finished:
        library.start_batch()
    count, cancelled = finished.args
    assert cancelled and 32 <= count < total
    left = _store(window).count_untranslated()
    assert left == total - count
    assert progress[0] == (0, total)
    assert not library.batch_strip.isVisible()
    # a new run (as after a restart) translates only what is left
    engine.seen.clear()
    with qtbot.waitSignal(library.service.batchFinished, timeout=30000) as finished:
        library.start_batch()
    assert finished.args == [left, False]
    assert len(engine.seen) == left
    assert _store(window).count_untranslated() == 0


def test_batch_gives_way_to_the_reading_translation(
    qtbot,
    library_window,
    imported,
    article_folder,
    engine_cls,
    glossary_replacements,
    opened,
    article_path,
):
    engine = engine_cls(glossary_replacements, delay=0.01)
    engine.model_key = "fake-de-en@1"
    window = library_window(engine)
    imported(window, [article_folder])
    library = window.library
    pauses = []
    library.service.batchPaused.connect(pauses.append)
    started = []
    library.service.batchProgress.connect(lambda done, _t: started.append(done))
    done = []
    library.batchDone.connect(done.append)
    library.start_batch()
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    assert library.service.translating
    opened(window, article_path)  # the reader opens an article: its translation goes first
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    assert pauses[:2] == [True, False]
    assert _store(window).count_untranslated() == 0
    reading = [s.id for s in window.article.sentences()]
    assert set(window.translations) == set(reading)
