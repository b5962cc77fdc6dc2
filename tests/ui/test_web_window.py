"""Web articles in the window: URL drop, Open URL, Ctrl+V of a link or of browser HTML,
the article header, the extractor in the status bar, download progress and Stop.

Pages come from a loopback server started by each test (127.0.0.1 only, bounded).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from tests.core.documents.test_web_pages import WEB, PageServer, routes, slow_loris

PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                   "ALL_PROXY", "no_proxy", "NO_PROXY")  # fmt: skip


@pytest.fixture
def site(monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    table = routes()
    table["/slow-page"] = slow_loris
    with PageServer(table) as server:
        yield server


@pytest.fixture
def window(make_window, fake_engine):
    return make_window(fake_engine)


def drop(window, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_dragging_a_link_opens_the_page_as_a_clean_article(qtbot, window, site):
    mime = QMimeData()
    mime.setUrls([QUrl(site.base + "/page.html")])  # what a browser puts on a dragged link
    mime.setText(site.base + "/page.html")
    with qtbot.waitSignal(window.documentShown, timeout=30000):
        drop(window, mime)
    source = window.article.source
    assert source.url == site.base + "/page.html"
    assert source.extractor == "trafilatura"
    shown = window.view.source.toPlainText()
    assert "Drei Tage lang haben Soldaten" in shown
    assert "Cookie" not in shown and "Newsletter" not in shown  # furniture gone
    header = window.view.article_header
    assert header.isVisible()
    text = header.text()
    assert "Bundeswehr testet neue Drohnenabwehr an der Ostsee" in text
    assert "Katrin Maurer" in text and "2025-02-18" in text and "Wehrkurier" in text
    assert f'href="{site.base}/page.html"' in text and header.openExternalLinks()
    assert "trafilatura" in window.status_label.text()
    assert window.extraction_label.text() == "Text: trafilatura"
    assert not window.fetch_progress.isVisible() and not window.fetch_cancel.isVisible()
    assert "/page.html" in site.paths


def test_a_file_has_no_header_and_names_no_extractor(qtbot, window, opened, article_path):
    opened(window, article_path, translation=False, glossary=False)
    assert not window.view.article_header.isVisible()
    assert "trafilatura" not in window.status_label.text()
    assert window.extraction_label.text() == ""


def test_ctrl_v_of_a_bare_link_fetches_it(qtbot, window, site):
    QGuiApplication.clipboard().setText(f"  {site.base}/r1\n")  # a redirect chain
    with qtbot.waitSignal(window.documentShown, timeout=30000):
        window.menu_actions.paste_link.trigger()
    assert window.article.source.url == site.base + "/page.html"
    assert site.paths[:4] == ["/r1", "/r2", "/r3", "/page.html"]


def test_ctrl_v_of_browser_html_uses_the_same_extraction(qtbot, window, site):
    mime = QMimeData()
    fragment = (WEB / "ausschnitt.html").read_text(encoding="utf-8")
    mime.setHtml(fragment)
    mime.setText("Ein Satz, der nicht zählt.")  # browsers put both; HTML is preferred
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.documentShown, timeout=30000):
        window.menu_actions.paste_link.trigger()
    assert window.article.source.extractor == "structural"
    assert "Pasted HTML" in window.status_label.text()
    assert site.paths == []  # nothing was fetched


def test_a_failed_download_says_why_and_keeps_the_article(
    qtbot, window, opened, site, article_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    opened(window, article_path)  # translated: its progress no longer writes the status
    before = window.article
    with qtbot.waitSignal(window.documentFailed, timeout=30000) as failed:
        window.open_url(site.base + "/missing")
    assert "404" in failed.args[0] and shown == [failed.args[0]]
    assert window.article is before
    assert "404" in window.status_label.text()
    assert not window.fetch_cancel.isVisible()


def test_stop_download_cancels_and_keeps_the_article(qtbot, window, opened, site, article_path):
    opened(window, article_path)  # translated: its progress no longer writes the status
    before = window.article
    window.open_url(site.base + "/slow-page")
    assert window.fetch_cancel.isVisible() and window.fetch_progress.isVisible()
    qtbot.waitUntil(lambda: "/slow-page" in site.paths, timeout=10000)
    with qtbot.waitSignal(window.documents.cancelled, timeout=5000):
        window.fetch_cancel.click()
    assert not window.fetch_cancel.isVisible()
    assert "stopped" in window.status_label.text()
    window.documents.pool.waitForDone(10000)  # the worker notices the flag and ends
    qtbot.wait(50)
    assert window.article is before  # nothing late replaced it


def test_open_url_menu_refuses_a_non_address(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("ftp://example.org/x", True))
    window.menu_actions.open_url.trigger()
    assert "Not a web address" in window.status_label.text()
    assert not window.documents.busy


def test_open_url_menu_opens_the_typed_address(qtbot, window, monkeypatch, site):
    from PySide6.QtWidgets import QInputDialog

    url = site.base + "/page.html"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (url, True))
    with qtbot.waitSignal(window.documentShown, timeout=30000):
        window.menu_actions.open_url.trigger()
    assert window.article.source.url == url


def test_the_window_opens_a_url_given_on_the_command_line(qtbot, make_window, site):
    window = make_window(file=site.base + "/page.html", open_initial=True)
    qtbot.waitUntil(lambda: window.article is not None, timeout=30000)
    assert window.article.source.url == site.base + "/page.html"


def test_header_fields_are_escaped_and_links_only_http():
    from desktop.core.documents import Source
    from desktop.ui.reading_view import header_html

    src = Source(None, "x", "utf-8", 1, "de", title="<img src=x onerror=alert(1)>",
                 site="A & B", url="javascript:alert(1)", extractor="trafilatura")  # fmt: skip
    text = header_html(src)
    assert "<img" not in text and "&lt;img" in text and "A &amp; B" in text
    assert "javascript:" not in text
    assert header_html(Source(None, "x", "utf-8", 1, "de")) == ""
    walled = Source(None, "x", "utf-8", 1, "de", extractor="structural",
                    warning="Only 12 words: it looks like a paywall")  # fmt: skip
    assert "paywall" in header_html(walled)


def test_a_paywall_page_opens_with_what_there_is_and_says_why(qtbot, window, opened):
    opened(window, WEB / "paywall.html", translation=False, glossary=False)
    assert window.article.sentences()  # what there is stays readable
    header = window.view.article_header.text()
    assert "paywall" in header and "paywall" in window.status_label.text()
