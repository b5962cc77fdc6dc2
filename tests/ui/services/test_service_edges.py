"""The job runner's rules as the services use them: one kind never drops another's."""

from __future__ import annotations

import threading
import types

from desktop.config import Paths
from desktop.core.documents.article import from_text
from desktop.core.translation import packages as real_models
from desktop.ui.services.glossary import GlossaryService
from desktop.ui.services.packages import ModelService


def _fake_models(gate: threading.Event, install_error: Exception | None = None):
    """A stand-in for desktop.core.translation.packages: download waits for GATE; install_file may fail."""
    info = types.SimpleNamespace(code="translate-de_en", from_code="de", to_code="en")

    def download(code, url, paths, progress, cancel):
        gate.wait(5)
        if cancel.is_set():
            raise real_models.DownloadCancelled("download cancelled")
        return info

    def install_file(path, paths):
        if install_error is not None:
            raise install_error
        return info

    return types.SimpleNamespace(
        download=download, install_file=install_file, installed=lambda paths: [info]
    )


def _use(monkeypatch, fake) -> None:
    """Replace the package functions the service calls (looked up at call time)."""
    for name in ("download", "install_file", "installed"):
        monkeypatch.setattr(real_models, name, getattr(fake, name))


def test_listing_during_download_keeps_the_install_result(qtbot, monkeypatch):
    gate = threading.Event()
    _use(monkeypatch, _fake_models(gate))
    service = ModelService(Paths.from_env())
    installed, listed = [], []
    service.installed.connect(installed.append)
    service.listed.connect(listed.append)
    service.download("de", "en")
    service.list_installed()  # e.g. the Models dialog opened while the panel downloads
    gate.set()
    qtbot.waitUntil(lambda: bool(listed), timeout=5000)
    service.pool.waitForDone(5000)
    qtbot.wait(50)
    assert [i.code for i in installed] == ["translate-de_en"]


def test_failure_after_a_cancelled_download_is_reported_as_failure(qtbot, monkeypatch):
    gate = threading.Event()
    _use(monkeypatch, _fake_models(gate, install_error=ValueError("not a package")))
    service = ModelService(Paths.from_env())
    with qtbot.waitSignal(service.cancelled, timeout=5000):
        service.download("de", "en")
        service.cancel()
        gate.set()
    cancelled = []
    service.cancelled.connect(lambda: cancelled.append(True))
    with qtbot.waitSignal(service.failed, timeout=5000) as failed:
        service.install_file("/nonexistent/bad.argosmodel")
    assert "not a package" in failed.args[0]
    assert cancelled == []
    service.pool.waitForDone(5000)


def test_new_match_drops_pending_term_check(qtbot, monkeypatch):
    gate = threading.Event()
    monkeypatch.setattr(
        "desktop.core.glossary.termcheck.check_terms",
        lambda termbase, hits, targets: (gate.wait(5), {"p1s1": ["old"]})[1],
    )
    service = GlossaryService(Paths.from_env())
    checked = []
    service.checked.connect(checked.append)
    service.check([], {"p1s1": "An old translation."})  # for the article shown before
    with qtbot.waitSignal(service.matched, timeout=20000):
        service.match(from_text("Ein neuer Text. Noch ein Satz."))
        gate.set()
    service.pool.waitForDone(5000)
    qtbot.wait(50)
    assert checked == []  # the old article's issues must not land on the new one
