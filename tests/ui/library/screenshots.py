"""Render the README pictures of the library: the article list and a term timeline.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/library/screenshots.py [OUT_DIR]

A fresh library in a temporary LAGEBILD_HOME gets the test articles (articles.py, written
for this), the real window opens one of them from the library, and the window is grabbed
twice: the Articles tab, then the term view for "Eurofighter". No German model can be
installed here, so the English pane offers the download, as on a first start.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _articles():
    spec = importlib.util.spec_from_file_location(
        "articles", Path(__file__).with_name("articles.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _spin(app, until, timeout=60.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window")
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + 0.4  # let the last paint happen
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(out_dir: Path) -> None:
    """Write library.png and term-timeline.png into OUT_DIR."""
    home = Path(tempfile.mkdtemp(prefix="lagebild-shots-"))
    os.environ["LAGEBILD_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt

    from desktop.config import Paths
    from desktop.ui.app import make_app, open_settings
    from desktop.ui.library.dock import ARTICLES_TAB
    from desktop.ui.main_window import MainWindow

    app = make_app(["lagebild"])
    paths = Paths.from_env()
    window = MainWindow(paths, open_settings(paths))
    window.headless = True
    window.resize(1600, 940)
    window.apply_theme(False, save=False)
    window.show()
    library = window.library
    folder = home / "artikel"
    _articles().write_articles(folder)
    reports = []
    library.importDone.connect(reports.append)
    library.show(ARTICLES_TAB)
    library.import_items([str(folder)])
    _spin(app, lambda: reports and library.dock.model.rowCount() == len(_articles().ARTICLES))
    window.resizeDocks([library.dock], [760], Qt.Orientation.Horizontal)
    rows = library.dock.model.rows()
    pick = next(r for r in rows if r.title.startswith("Eurofighter sichern"))
    opened = []
    library.articleOpened.connect(lambda *a: opened.append(a))
    library.open_article(pick.id, "p2s1")
    _spin(app, lambda: opened and window.glossary_finished)
    tag_row = next(r for r in library.dock.model.rows() if r.title.startswith("BND"))
    library.service.set_tags([tag_row.id][0], ["Spionage", "Sabotage"])
    library.refresh()
    _spin(app, lambda: any(r.tags for r in library.dock.model.rows()))
    library.dock.select_article(pick.id)
    out_dir.mkdir(parents=True, exist_ok=True)
    _spin(app, lambda: True)
    window.grab().save(str(out_dir / "library.png"), "PNG")

    shown = []
    library.service.termReady.connect(lambda *a: shown.append(a))
    library.follow_term("Eurofighter")
    _spin(app, lambda: shown)
    window.grab().save(str(out_dir / "term-timeline.png"), "PNG")
    window.shutdown(3000)
    window.close()
    print(out_dir / "library.png")
    print(out_dir / "term-timeline.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
