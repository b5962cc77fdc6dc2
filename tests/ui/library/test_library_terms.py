"""The term view (timeline chart, articles, co-mentions) and the library's exports."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path

from desktop.ui.library.dock import TERM_TAB
from desktop.ui.library.term_view import SENTENCE_ROLE


def _expected_mentions(data, word: str) -> Counter:
    """Mentions of WORD per article date, counted in the texts as written (title + body)."""
    counts: Counter = Counter()
    for _name, _site, date, title, paragraphs in data:
        n = sum(text.count(word) for text in (title, *paragraphs))
        if n:
            counts[date] += n
    return counts


def _show_term(qtbot, window, query):
    with qtbot.waitSignal(window.library.service.termReady, timeout=15000):
        window.library.follow_term(query)
    return window.library.dock.term_view


def test_term_timeline_counts_mentions_per_day(
    qtbot, library_window, imported, article_folder, article_data
):
    window = library_window()
    imported(window, [article_folder])
    view = _show_term(qtbot, window, "Eurofighter")
    assert window.library.dock.tabs.currentIndex() == TERM_TAB
    expected = _expected_mentions(article_data, "Eurofighter")
    assert len(expected) == 3  # the data has three days with the term
    chart = view.chart
    assert chart.bars is not None
    heights = [int(h) for h in chart.bars.opts["height"]]
    assert dict(zip(chart.periods, heights, strict=True)) == dict(expected)
    # bars stand on their days: the centre of each bar lies inside its day
    for period, x in zip(chart.periods, chart.bars.opts["x"], strict=True):
        start = dt.datetime.fromisoformat(period).timestamp()
        assert start < x < start + 86400
    # the article list: one row per article, with its count
    assert sorted(n for _, _, n in view.article_rows()) == sorted(expected.values())
    assert "7 mentions in 3 articles" in view.summary.text()
    # co-mentioned terms: the Luftwaffe is in all three Eurofighter articles
    top = view.co_mentions.topLevelItem(0)
    assert top.text(0).startswith("Luftwaffe") and top.text(1) == "3"


def test_term_timeline_per_week(qtbot, library_window, imported, article_folder, article_data):
    window = library_window()
    imported(window, [article_folder])
    view = _show_term(qtbot, window, "Eurofighter")
    with qtbot.waitSignal(window.library.service.termReady, timeout=15000):
        view.period.setCurrentIndex(view.period.findData("week"))
    weeks: Counter = Counter()
    for date, n in _expected_mentions(article_data, "Eurofighter").items():
        year, week, _ = dt.date.fromisoformat(date).isocalendar()
        weeks[f"{year}-W{week:02}"] += n
    heights = [int(h) for h in view.chart.bars.opts["height"]]
    assert dict(zip(view.chart.periods, heights, strict=True)) == dict(weeks)


def test_a_click_on_a_bar_selects_its_articles(qtbot, library_window, imported, article_folder):
    window = library_window()
    imported(window, [article_folder])
    view = _show_term(qtbot, window, "Patriot")
    chart = view.chart
    period = chart.periods[-1]
    assert chart.period_at(chart.bars.opts["x"][-1]) == period
    view.select_period(period)
    selected = [i.text(0) for i in view.articles.selectedItems()]
    assert selected == ["Schwere Angriffe auf Kiew: Patriot fängt Raketen ab"]


def test_a_mention_opens_its_article_at_the_sentence(
    qtbot, library_window, imported, article_folder
):
    window = library_window()
    imported(window, [article_folder])
    view = _show_term(qtbot, window, "Drohnen")
    item = view.articles.topLevelItem(0)
    mention = item.child(item.childCount() - 1)  # the last mention in that article
    with qtbot.waitSignal(window.library.articleOpened, timeout=10000) as blocker:
        view.articles.itemClicked.emit(mention, 0)
    article_id, sid = blocker.args
    assert window.article.title == item.text(0)
    assert window.view.source.aligned() == sid == mention.data(0, SENTENCE_ROLE)
    assert "Drohne" in window.article.sentence(sid).text


def test_unknown_term_says_so(qtbot, library_window, imported, article_folder):
    window = library_window()
    imported(window, [article_folder])
    view = _show_term(qtbot, window, "Hyperschallgleiter")
    assert "Hyperschallgleiter" in view.summary.text()
    assert view.articles.topLevelItemCount() == 0 and view.chart.bars is None
    assert not view.export_button.isEnabled()


def test_glossary_selection_feeds_the_term_view(qtbot, library_window, imported, article_folder):
    window = library_window()
    imported(window, [article_folder])
    rows = window.library.dock.model.rows()
    eurofighter = next(r for r in rows if r.title.startswith("Eurofighter sichern"))
    with qtbot.waitSignals([window.library.articleOpened, window.glossaryReady], timeout=15000):
        window.library.open_article(eurofighter.id)
    assert window.dock.select_entry("eurofighter")
    view = _show_term(qtbot, window, None)  # Follow Term: the glossary's selection
    assert view.query.text() == "Eurofighter"
    assert view.report.key == "eurofighter"


def test_export_term_csv_and_digest(
    qtbot, library_window, imported, article_folder, article_data, tmp_path
):
    window = library_window()
    imported(window, [article_folder])
    library = window.library
    dest = tmp_path / "eurofighter.csv"
    with qtbot.waitSignal(library.service.exported, timeout=10000) as blocker:
        library.export_term_csv("Eurofighter", str(dest))
    assert blocker.args == [str(dest), 7]
    with dest.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(_expected_mentions(article_data, "Eurofighter").values())
    assert all("Eurofighter" in r["german"] for r in rows)
    # the digest of two selected articles
    dock = library.dock
    dock.table.selectRow(0)
    dock.table.selectionModel().select(
        dock.model.index(1, 0),
        dock.table.selectionModel().SelectionFlag.Select
        | dock.table.selectionModel().SelectionFlag.Rows,
    )
    titles = [dock.model.row_at(0).title, dock.model.row_at(1).title]
    digest = tmp_path / "digest.html"
    with qtbot.waitSignal(library.service.exported, timeout=10000) as blocker:
        library.export_digest(path=str(digest))
    assert blocker.args == [str(digest), 2]
    text = digest.read_text(encoding="utf-8")
    assert all(t in text for t in titles)
    others = [r.title for r in dock.model.rows()[2:]]
    assert not any(t in text for t in others)


def test_export_of_an_unknown_term_fails_with_one_line(
    qtbot, library_window, imported, article_folder, tmp_path
):
    window = library_window()
    imported(window, [article_folder])
    dest = tmp_path / "none.csv"
    with qtbot.waitSignal(window.library.service.failed, timeout=10000) as blocker:
        window.library.export_term_csv("Hyperschallgleiter", str(dest))
    kind, message = blocker.args
    assert kind == "export" and "\n" not in message and "Hyperschallgleiter" in message
    assert not dest.exists()
    assert message in window.statusBar().currentMessage()


def test_window_start_does_not_load_pyqtgraph(tmp_path):
    """The chart library loads only with the first chart (start-up stays fast)."""
    root = Path(__file__).resolve().parents[3]
    code = (
        "import sys\n"
        "from desktop.ui.app import make_app\n"
        "from desktop.ui.main_window import MainWindow\n"
        "app = make_app(['t'])\n"
        "w = MainWindow()\n"
        "w.show(); app.processEvents()\n"
        "w.library.show(2); app.processEvents()\n"
        "print('pyqtgraph' in sys.modules, 'numpy' in sys.modules)\n"
        "w.shutdown()\n"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "LAGEBILD_HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[:1] == ["False"]
