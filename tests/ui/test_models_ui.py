"""The Models dialog and the no-model panel's download, against a loopback Argos index."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def index_server(tmp_path, zh_model, monkeypatch):
    """Serve the real index snapshot; its zh→en link points at the local test model.

    The de→en entry is removed, as if the index had no such package.
    """
    root = tmp_path / "www"
    root.mkdir()
    (root / "zh.argosmodel").write_bytes(zh_model.read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    index = json.loads((SHARED / "argos" / "index.json").read_text(encoding="utf-8"))
    index = [m for m in index if not (m.get("from_code") == "de" and m.get("to_code") == "en")]
    for meta in index:
        if meta.get("from_code") == "zh" and meta.get("to_code") == "en":
            meta["links"] = [f"{base}/zh.argosmodel"]
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    monkeypatch.setenv("LAGEBILD_ARGOS_INDEX", f"{base}/index.json")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_panel_download_reports_missing_package(
    qtbot, make_window, opened, article_path, index_server
):
    window = make_window(None)
    opened(window, article_path)
    panel = window.view.no_model
    with qtbot.waitSignal(window.models.failed, timeout=30000):
        panel.download_button.click()
        assert panel.progress.isVisible() and panel.cancel_button.isVisible()
    assert "translate-de_en" in panel.status.text()
    assert panel.download_button.isEnabled() and not panel.progress.isVisible()
    assert window.view.no_model_shown()


def test_models_dialog_install_and_remove(qtbot, make_window, zh_model, monkeypatch):
    from desktop.ui.models_dialog import ModelsDialog

    window = make_window(None)
    dialog = ModelsDialog(window.models, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Installed models: 0" in dialog.status.text(), timeout=10000)
    assert dialog.table.rowCount() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(zh_model), ""))
    with qtbot.waitSignal(window.models.installed, timeout=120000):
        dialog.install_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 0).text() == "translate-zh_en"
    assert dialog.table.item(0, 1).text() == "zh → en"
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.models.removed, timeout=30000):
        dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10000)


def test_models_dialog_download(qtbot, make_window, index_server, monkeypatch):
    from desktop.ui.models_dialog import ModelsDialog

    window = make_window(None)
    dialog = ModelsDialog(window.models, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.models.installed, timeout=120000):
        window.models.download("zh", "en")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)


def test_no_model_panel_names_the_pair_and_the_command_once(qtbot):
    from desktop.ui.no_model_panel import NoModelPanel

    panel = NoModelPanel()
    qtbot.addWidget(panel)
    german = (
        "No German→English translation model is installed. Get one with: "
        "lagebild models download translate-de_en (or: lagebild models install FILE.argosmodel)"
    )
    panel.set_reason(german)
    assert panel.detail.text() == (
        "From the command line: lagebild models download translate-de_en "
        "(or: lagebild models install FILE.argosmodel)"
    )
    assert "German" in panel.title.text()
    panel.set_reason(
        "No Chinese→English translation model is installed. Get one with: "
        "lagebild models download translate-zh_en (or: lagebild models install FILE.argosmodel)"
    )
    assert panel.title.text() == "No Chinese→English translation model is installed."
    assert "translate-zh_en" in panel.detail.text()
