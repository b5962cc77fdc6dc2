"""Services: results by signal on the GUI thread, stale jobs dropped, cancel, real model."""

from __future__ import annotations

import json
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from desktop import resources
from desktop.config import Paths
from desktop.core.documents import load
from desktop.core.documents.article import from_text
from desktop.core.translation.engine import SentenceResult
from desktop.ui.services.glossary import GlossaryService
from desktop.ui.services.packages import ModelService
from desktop.ui.services.translation import TranslationService

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
ZH_MODEL = SHARED / "models" / "translate-zh_en-1_9.argosmodel"


class SlowEngine:
    """Translates 'x' -> 'T:x'; waits for a gate before each sentence when one is given."""

    def __init__(self, gate: threading.Event | None = None):
        self.gate = gate
        self.threads: set = set()

    def translate(self, sentences, cancel=None, on_result=None):
        for sent in sentences:
            self.threads.add(threading.get_ident())
            if self.gate is not None:
                self.gate.wait(5)
            if cancel is not None and cancel.is_set():
                return
            yield SentenceResult(sent.id, sent.text, "T:" + sent.text, (), False)


@pytest.fixture
def zh_model():
    if not ZH_MODEL.is_file():
        pytest.skip(f"real test model not found at {ZH_MODEL} (../shared is not checked out)")
    return ZH_MODEL


def _drain(*services):
    for service in services:
        service.pool.waitForDone(10000)


def test_results_arrive_on_gui_thread_in_order(qtbot):
    engine = SlowEngine()
    service = TranslationService(Paths.from_env(), engine_factory=lambda *a: engine)
    article = from_text("Erster Satz hier. Zweiter Satz hier.\n\nDritter Satz.")
    got, threads = [], []
    service.sentenceTranslated.connect(
        lambda r: (got.append(r.sentence_id), threads.append(QThread.currentThread()))
    )
    with qtbot.waitSignal(service.finished, timeout=5000):
        service.translate(article.sentences(), "de")
    assert got == [s.id for s in article.sentences()]
    assert all(t is qtbot_thread() for t in threads)
    assert threading.main_thread().ident not in engine.threads  # the work ran in a worker
    _drain(service)


def qtbot_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_new_job_drops_results_of_old_one(qtbot):
    gate = threading.Event()
    engine = SlowEngine(gate)
    service = TranslationService(Paths.from_env(), engine_factory=lambda *a: engine)
    old = from_text("Alter Satz eins. Alter Satz zwei. Alter Satz drei.")
    new = from_text("Neuer Satz.")
    got = []
    service.sentenceTranslated.connect(lambda r: got.append(r.target))
    service.translate(old.sentences(), "de")
    with qtbot.waitSignal(service.finished, timeout=5000):
        service.translate(new.sentences(), "de")
        gate.set()
    _drain(service)
    qtbot.wait(50)
    assert got == ["T:Neuer Satz."]


def test_cancel_stops_and_reports_finished(qtbot):
    gate = threading.Event()
    engine = SlowEngine(gate)
    service = TranslationService(Paths.from_env(), engine_factory=lambda *a: engine)
    article = from_text(" ".join(f"Satz Nummer {i}." for i in range(20)))
    got = []
    service.sentenceTranslated.connect(got.append)
    with qtbot.waitSignal(service.finished, timeout=5000):
        service.translate(article.sentences(), "de")
        service.cancel()
        gate.set()
    _drain(service)
    assert len(got) < 20


def test_missing_model_is_reported_not_raised(qtbot):
    service = TranslationService(Paths.from_env())  # real engine, empty home
    with qtbot.waitSignal(service.modelMissing, timeout=30000) as blocker:
        service.translate(from_text("Ein Satz.").sentences(), "de")
    assert "lagebild models" in blocker.args[0]
    _drain(service)


def test_real_chinese_model_translates(qtbot, zh_model):
    from desktop.core.translation import packages as models

    paths = Paths.from_env()
    models.install_file(zh_model, paths)
    service = TranslationService(paths)
    article = from_text("俄罗斯军队试图包围一个小镇。他们逮捕了两名嫌疑人。", language="zh")
    got = []
    service.sentenceTranslated.connect(got.append)
    progress = []
    service.progress.connect(progress.append)
    with qtbot.waitSignal(service.finished, timeout=180000):
        service.translate(article.sentences(), "zh")
    _drain(service)
    assert [r.sentence_id for r in got] == [s.id for s in article.sentences()]
    assert "suspects" in " ".join(r.target for r in got)
    assert progress[-1].done == progress[-1].total == len(article.sentences())


def test_glossary_service_matches_and_drops_stale(qtbot):
    service = GlossaryService(Paths.from_env())
    article = load(resources.default_article())
    other = from_text("Der Bundesnachrichtendienst und der HUR.")
    results = []
    service.matched.connect(results.append)
    service.match(article)
    with qtbot.waitSignal(service.matched, timeout=30000):
        service.match(other)
    _drain(service)
    qtbot.wait(50)
    assert len(results) == 1 and results[0].article is other
    assert {h.entry_id for h in results[0].hits} >= {"hur"}


def test_glossary_service_term_check(qtbot):
    service = GlossaryService(Paths.from_env())
    article = from_text("Der Militärgeheimdienst warnt.")
    with qtbot.waitSignal(service.matched, timeout=30000) as blocker:
        service.match(article)
    hits = blocker.args[0].hits
    with qtbot.waitSignal(service.checked, timeout=10000) as checked:
        service.check(hits, {"p1s1": "The secret service warns."})
    issues = checked.args[0]["p1s1"]
    assert any("military intelligence" in i.message for i in issues)
    _drain(service)


@pytest.fixture
def loopback_index(tmp_path, zh_model):
    """An Argos index served on 127.0.0.1 whose zh→en link points at the local test model."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "zh.argosmodel").write_bytes(zh_model.read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    index = json.loads((SHARED / "argos" / "index.json").read_text(encoding="utf-8"))
    for meta in index:
        if meta.get("from_code") == "zh" and meta.get("to_code") == "en":
            meta["links"] = [f"{base}/zh.argosmodel"]
            meta["package_version"] = "1.9"
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{base}/index.json"
    server.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_model_service_download_install_list_remove(qtbot, loopback_index):
    service = ModelService(Paths.from_env())
    progress = []
    service.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(service.installed, timeout=120000) as installed:
        service.download("zh", "en", url=loopback_index)
    assert installed.args[0].code == "translate-zh_en"
    assert progress and progress[-1][0] > 0
    with qtbot.waitSignal(service.listed, timeout=10000) as listed:
        service.list_installed()
    assert [m.code for m in listed.args[0]] == ["translate-zh_en"]
    with qtbot.waitSignal(service.removed, timeout=10000):
        service.remove("translate-zh_en")
    with qtbot.waitSignal(service.listed, timeout=10000) as listed:
        service.list_installed()
    assert listed.args[0] == []
    _drain(service)


def test_model_service_reports_missing_package(qtbot, loopback_index):
    service = ModelService(Paths.from_env())
    started = time.monotonic()
    with qtbot.waitSignal(service.failed, timeout=30000) as failed:
        service.download("xx", "en", url=loopback_index)
    assert "translate-xx_en" in failed.args[0]
    assert time.monotonic() - started < 30
    _drain(service)
