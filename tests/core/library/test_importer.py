"""Importing files, folders, URL lists and URLs; batch translation (resumable)."""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.library.importer import expand
from tests.core.documents.test_web_pages import PageServer, routes

ROOT = Path(__file__).resolve().parents[3]
WEB = ROOT / "tests" / "data" / "web"
_PROXIES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("Erster\n\nDie Bundeswehr übt in der Ostsee.\n", encoding="utf-8")
    (root / "sub" / "b.md").write_text(
        "# Zweiter\n\nDie Marine meldet Drohnen.\n", encoding="utf-8"
    )
    shutil.copy(WEB / "drohnenabwehr.html", root / "sub" / "deeper" / "c.html")
    (root / "sub" / "notes.json").write_text("{}", encoding="utf-8")  # not a document
    (root / ".hidden" / "d.txt").write_text("Versteckt.\n", encoding="utf-8")
    (root / "broken.txt").write_bytes(b"")
    return root


def test_folder_import_recursive_with_failures_and_duplicates(lib, folder):
    seen = []
    report = lib.import_paths([str(folder)], progress=lambda d, t, i: seen.append((d, t, i)))
    assert report.added == 3 and report.duplicates == 0
    assert [Path(item).name for item, _ in report.failed] == ["broken.txt"]
    assert "empty" in report.failed[0][1]
    assert seen[0][:2] == (0, 4) and seen[-1] == (4, 4, "")
    titles = {r.title for r in lib.list_articles()}
    assert "Bundeswehr testet neue Drohnenabwehr an der Ostsee" in titles  # web metadata
    page = next(r for r in lib.list_articles() if r.path and r.path.endswith("c.html"))
    assert (page.site, page.date, page.day) == ("Wehrkurier", "2025-02-18", "2025-02-18")
    assert lib.get(page.id).article.source.raw_html == (WEB / "drohnenabwehr.html").read_bytes()
    assert all(r.term_count > 0 for r in lib.list_articles())
    again = lib.import_paths([str(folder / "a.txt"), str(folder / "missing.txt")])
    assert (again.added, again.duplicates) == (0, 1)
    assert again.failed == [
        (str(folder / "missing.txt"), f"{folder / 'missing.txt'} does not exist")
    ]


def test_an_empty_folder_is_reported(lib, tmp_path):
    (tmp_path / "empty").mkdir()
    report = lib.import_paths([str(tmp_path / "empty")])
    assert report.added == 0 and "holds no documents" in report.failed[0][1]


def test_cancel_stops_between_documents(lib, folder):
    cancel = threading.Event()

    def progress(done: int, total: int, item: str) -> None:
        if done == 1:
            cancel.set()

    report = lib.import_paths([str(folder)], progress=progress, cancel=cancel)
    assert report.cancelled and report.added + len(report.failed) <= 2
    assert len(lib.list_articles()) == report.added


def test_url_list_and_urls(lib, tmp_path, monkeypatch):
    for name in _PROXIES:
        monkeypatch.delenv(name, raising=False)
    with PageServer(routes()) as server:
        urls = tmp_path / "urls.txt"
        urls.write_text(
            f"# morning reading\n{server.base}/page.html\n\n{server.base}/missing\n"
            f"not a url line\n{server.base}/bericht.pdf\n",
            encoding="utf-8",
        )
        assert [i for i, _ in expand([str(urls)])] == [
            f"{server.base}/page.html",
            f"{server.base}/missing",
            f"{server.base}/bericht.pdf",
        ]
        report = lib.import_paths([str(urls), f"{server.base}/page.html"])
    assert report.added == 2 and report.duplicates == 1
    assert [i for i, _ in report.failed] == [f"{server.base}/missing"]
    assert "404" in report.failed[0][1]
    rows = lib.list_articles()
    assert {r.url for r in rows} >= {f"{server.base}/bericht.pdf"}


def test_a_text_file_that_is_no_url_list_is_an_article(lib, tmp_path):
    text = tmp_path / "notiz.txt"
    text.write_text("Notiz\n\nSiehe https://example.org für mehr.\n", encoding="utf-8")
    assert [i for i, _ in expand([str(text)])] == [str(text)]


@dataclass
class _Result:
    sentence_id: str
    source: str
    target: str | None
    flags: tuple[str, ...] = ()
    cached: bool = False


class _Engine:
    """A stand-in engine for the batching logic (the real model is tested in tests/cli)."""

    model_key = "fake@1"

    def __init__(self, fail_on: str | None = None, stop_after: int | None = None,
                 cancel: threading.Event | None = None) -> None:  # fmt: skip
        self.calls: list[list[str]] = []
        self.fail_on, self.stop_after, self.cancel, self.done = fail_on, stop_after, cancel, 0

    def translate_stream(self, sentences, cancel=None, background=False):
        yield from self.translate(list(sentences), cancel)

    def translate(self, sentences, cancel=None):
        self.calls.append([s.id for s in sentences])
        for s in sentences:
            if (
                self.cancel is not None
                and self.stop_after is not None
                and self.done >= self.stop_after
            ):
                self.cancel.set()
                return
            self.done += 1
            yield _Result(s.id, s.text, None if s.text == self.fail_on else f"EN {s.text}")


def _many(add, n: int = 5, sentences: int = 30) -> list[int]:
    return [
        add(
            f"Titel {i}\n\n"
            + " ".join(f"Satz {k} von Artikel {i}." for k in range(sentences))
            + "\n"
        )
        for i in range(n)
    ]


def test_translate_pending_stores_everything_and_ids_stay_apart(lib, add):
    ids = _many(add)
    engine = _Engine()
    progress = []
    assert lib.translate_pending(engine, progress=lambda d, t: progress.append((d, t))) == 155
    assert lib.count_untranslated() == 0
    assert all(":" in sid for call in engine.calls for sid in call)
    for article_id in ids:
        stored = lib.get(article_id)
        assert stored.translations["p2s3"] == f"EN Satz 2 von Artikel {article_id - 1}."
        assert stored.model_key == "fake@1" and stored.row.translated == 31
    assert progress[0] == (0, 155) and progress[-1] == (155, 155)
    assert lib.search("EN Satz", language="en")


def test_translate_pending_resumes_after_cancel_and_respects_limit(lib, add):
    _many(add)
    cancel = threading.Event()
    first = lib.translate_pending(_Engine(stop_after=70, cancel=cancel), cancel=cancel)
    assert 0 < first <= 70  # stored as results came, not at the end
    assert lib.count_untranslated() == 155 - first
    assert lib.translate_pending(_Engine(), limit=10) == 10
    rest = lib.translate_pending(_Engine())
    assert first + 10 + rest == 155 and lib.count_untranslated() == 0


def test_a_sentence_the_engine_cannot_translate_does_not_loop(lib, add):
    add("Titel\n\nGuter Satz. Schlechter Satz. Noch ein Satz.\n")
    assert lib.translate_pending(_Engine(fail_on="Schlechter Satz.")) == 3
    assert [t for _, _, t in lib.untranslated(10)] == ["Schlechter Satz."]


def test_only_articles_in_the_engine_language(lib, add, make_article):
    add("Titel\n\nEin deutscher Satz.\n")
    zh = make_article("新闻\n\n今天天气很好。\n", language="zh")
    lib.add_article(zh)
    assert lib.translate_pending(_Engine(), language="zh") == 2
    assert lib.count_untranslated("zh") == 0 and lib.count_untranslated("de") == 2


class _StreamEngine:
    """Only a stream: records how far the input was read when each result came."""

    model_key = "stream@1"

    def __init__(self) -> None:
        self.streams = 0
        self.background: list[bool] = []

    def translate_stream(self, sentences, cancel=None, background=False):
        self.streams += 1
        self.background.append(background)
        for s in sentences:  # lazily: the store pages its rows while results come
            yield _Result(s.id, s.text, f"EN {s.text}")


def test_the_whole_library_goes_to_the_engine_as_one_stream(lib, add):
    _many(add, n=12, sentences=30)  # more than one page of TRANSLATE_CHUNK rows
    engine = _StreamEngine()
    assert lib.translate_pending(engine, background=True) == 12 * 31
    assert engine.streams == 1 and engine.background == [True]
    assert lib.count_untranslated() == 0
