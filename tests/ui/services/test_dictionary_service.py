"""DictionaryService: lookups in its worker, latest wins, opened once, warm-up, install, status."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread

from desktop.config import Paths
from desktop.core.dictionary import DictionaryFiles
from desktop.core.glossary.termbase import Termbase, add_term
from desktop.ui.services.dictionary import DictionaryService
from tests.core.dictionary.real_index import place_index, real_index
from tests.core.dictionary.small_ding import write_ding

TIMEOUT = 20000


@pytest.fixture
def make_service(qtbot):
    services = []

    def make(system_source=None):
        service = DictionaryService(Paths.from_env(), system_source=system_source)
        services.append(service)
        return service

    yield make
    for service in services:
        service.close()


@pytest.fixture
def no_system_file(tmp_path):
    return tmp_path / "no-such-de-en"


@pytest.fixture
def installed_small(tmp_path, lagebild_home):
    """A small Ding file as the user's installed copy (its index not built yet)."""
    files = DictionaryFiles.from_paths(Paths.from_env())
    files.installed.parent.mkdir(parents=True)
    write_ding(files.installed)
    return files


def _look_up(qtbot, service, word, sentence=None, reverse=False):
    with qtbot.waitSignal(service.answered, timeout=TIMEOUT) as answered:
        service.lookup(word, sentence, reverse)
    return answered.args[0]


def test_lookup_runs_in_the_worker_and_answers_on_the_gui_thread(
    qtbot, make_service, tmp_path_factory, lagebild_home
):
    place_index(real_index(tmp_path_factory), Paths.from_env().data)
    service = make_service()
    gui = QThread.currentThread()
    threads = []
    service.answered.connect(lambda _a: threads.append(QThread.currentThread()))
    answer = _look_up(qtbot, service, "schoss", "Die Armee schoss die Drohne ab.")
    assert threads == [gui]
    assert answer.word == "schoss" and not answer.reverse
    assert answer.result.dictionary.rows[0].headword == "abschießen"
    english = _look_up(qtbot, service, "missile", reverse=True)
    assert english.reverse and any("Flugkörper" in r.de for r in english.result.dictionary.rows)


def test_the_index_is_built_once_and_the_dictionary_reused(qtbot, make_service, installed_small):
    service = make_service()
    builds = []
    service.building.connect(lambda done, total: builds.append((done, total)))
    first = _look_up(qtbot, service, "Raketen")
    assert builds and builds[-1][0] == builds[-1][1]  # built on the first lookup, to 100 %
    assert first.result.dictionary.rows[0].headword == "Rakete"
    assert installed_small.index.is_file()
    builds.clear()
    second = _look_up(qtbot, service, "Panzer")
    assert builds == []
    assert "tank" in second.result.dictionary.rows[0].en


def test_latest_lookup_wins(qtbot, make_service, installed_small):
    service = make_service()
    _look_up(qtbot, service, "Munition")  # builds the index first
    seen = []
    service.answered.connect(lambda a: seen.append(a.word))
    service.lookup("Aal")  # its answer, if it comes at all, is of an older request
    with qtbot.waitSignal(service.answered, timeout=TIMEOUT):
        service.lookup("Lieferungen")
    qtbot.wait(200)
    assert seen == ["Lieferungen"]


def test_without_a_dictionary_the_glossary_still_answers(qtbot, make_service, no_system_file):
    service = make_service(system_source=no_system_file)
    answer = _look_up(qtbot, service, "Drohnen")
    result = answer.result
    assert result.dictionary is None and result.dictionary_missing
    assert "trans-de-en" in result.dictionary_problem
    assert [e.id for e in result.glossary] == ["drohne"]
    assert not DictionaryFiles.from_paths(Paths.from_env(), no_system_file).index.exists()


def test_warm_opens_a_built_index_but_never_builds_one(qtbot, make_service, installed_small):
    service = make_service()
    builds = []
    service.building.connect(lambda done, total: builds.append(done))
    with qtbot.waitSignal(service.warmed, timeout=TIMEOUT) as warmed:
        service.warm()
    assert warmed.args == [False] and builds == []
    assert not installed_small.index.exists()
    _look_up(qtbot, service, "Aal")  # builds it
    other = make_service()
    with qtbot.waitSignal(other.warmed, timeout=TIMEOUT) as warmed:
        other.warm()
    assert warmed.args == [True]


def test_the_glossary_panels_termbase_is_used(qtbot, make_service, no_system_file):
    paths = Paths.from_env()
    service = make_service(system_source=no_system_file)
    assert _look_up(qtbot, service, "Kampfwertsteigerung").result.glossary == ()
    # the user adds the term; the glossary panel re-matches with a new termbase
    add_term(
        Termbase.load_default(paths),
        "Kampfwertsteigerung",
        "combat upgrade",
        "concept",
        paths=paths,
    )
    assert _look_up(qtbot, service, "Kampfwertsteigerung").result.glossary == ()  # loaded once
    service.use_termbase(Termbase.load_default(paths))
    entries = _look_up(qtbot, service, "Kampfwertsteigerung").result.glossary
    assert [e.en for e in entries] == ["combat upgrade"]


def test_install_then_status(qtbot, make_service, no_system_file, tmp_path):
    service = make_service(system_source=no_system_file)
    with qtbot.waitSignal(service.statusReady, timeout=TIMEOUT) as ready:
        service.status()
    assert ready.args[0].source is None
    (tmp_path / "download").mkdir()
    ding = write_ding(tmp_path / "download" / "de-en.txt")
    with qtbot.waitSignal(service.installed, timeout=TIMEOUT) as installed:
        service.install_file(ding)
    assert installed.args[0].info.entries == 7
    with qtbot.waitSignal(service.statusReady, timeout=TIMEOUT) as ready:
        service.status()
    state = ready.args[0]
    assert state.source == service.files().installed and state.current is True
    assert _look_up(qtbot, service, "Bundeswehr").result.dictionary.rows[0].headword == "Bundeswehr"


def test_install_of_a_missing_file_fails_with_one_line(qtbot, make_service, tmp_path):
    service = make_service()
    with qtbot.waitSignal(service.failed, timeout=TIMEOUT) as failed:
        service.install_file(tmp_path / "nowhere.txt")
    message = failed.args[0]
    assert "nowhere.txt" in message and "\n" not in message


def test_nothing_starts_after_close(qtbot, make_service, installed_small):
    service = make_service()
    service.close()
    assert service.lookup("Aal") == 0 and service.warm() == 0
    with qtbot.assertNotEmitted(service.answered, wait=300):
        pass
