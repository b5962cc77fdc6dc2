"""Building and checking the index, on small Ding files written by the tests."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from desktop.config import Paths
from desktop.core.dictionary import (
    Dictionary,
    DictionaryError,
    DictionaryFiles,
    DictionaryMissing,
    build_index,
    ensure_index,
    install,
    status,
    verify,
)
from tests.core.dictionary.small_ding import SMALL_LINES, write_ding


@pytest.fixture
def files(tmp_path: Path) -> DictionaryFiles:
    """Dictionary files in a fresh data dir, with a small 'system' Ding file."""
    paths = Paths(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    system = write_ding(tmp_path / "system-de-en")
    return DictionaryFiles.from_paths(paths, system)


def test_build_records_checksum_size_and_counts(files):
    progress: list[tuple[int, int]] = []
    result = ensure_index(files, lambda done, total: progress.append((done, total)))
    assert result.built and result.reason == "missing"
    info = result.info
    assert info.path == files.index and files.index.is_file()
    assert info.entries == len(SMALL_LINES) and info.subentries > info.entries
    assert info.size == files.system.stat().st_size
    assert len(info.sha256) == 64 and info.index_bytes == files.index.stat().st_size
    # Progress ends at the total and never goes back.
    assert progress and progress[-1][0] == progress[-1][1]
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert not list(files.index.parent.glob("*.tmp"))


def test_small_index_lookup(files):
    ensure_index(files)
    with Dictionary(files.index) as dictionary:
        rows = dictionary.lookup("Raketen").rows
        assert rows[0].headword == "Rakete" and rows[0].match == "form"
        assert rows[0].en == ("missile", "rocket") and rows[0].subjects == ("mil.",)
        assert dictionary.lookup("greift", sentence="Er greift die Stadt an.").rows[0].headword == (
            "jdn./etw. angreifen"
        )
        assert [r.headword for r in dictionary.reverse("tanks").rows] == ["Panzer"]
        parts = dictionary.lookup("Munitionslieferungen").parts
        assert [p.de for p in parts] == ["Munition", "Lieferung"]


def test_current_index_is_reused_and_touch_without_change_is_not_rebuilt(files):
    first = ensure_index(files).info
    assert ensure_index(files).built is False
    later = time.time() + 5
    os.utime(files.system, (later, later))
    again = ensure_index(files)
    assert again.built is False and again.info.sha256 == first.sha256
    assert again.info.mtime_ns == files.system.stat().st_mtime_ns  # the fast check is updated


def test_changed_source_is_rebuilt(files):
    first = ensure_index(files).info
    write_ding(
        files.system, [*SMALL_LINES, "Haubitze {f} [mil.] | Haubitzen {pl} :: howitzer | howitzers"]
    )
    result = ensure_index(files)
    assert result.built and result.reason == "changed"
    assert result.info.sha256 != first.sha256 and result.info.entries == first.entries + 1
    with Dictionary(files.index) as dictionary:
        assert dictionary.lookup("Haubitzen").rows[0].headword == "Haubitze"


def test_damaged_index_is_moved_aside_and_rebuilt(files):
    ensure_index(files)
    files.index.write_bytes(b"this is not an SQLite database" * 100)
    result = ensure_index(files)
    assert result.built and result.reason == "damaged"
    assert result.damaged_copy is not None and result.damaged_copy.is_file()
    assert result.damaged_copy.name.startswith("ding.sqlite.damaged-")
    assert result.damaged_copy.read_bytes().startswith(b"this is not")
    with Dictionary(files.index) as dictionary:
        assert dictionary.lookup("Aale").rows[0].headword == "Aal"
    assert verify(files.index) is None


def test_truncated_index_counts_as_damaged(files):
    ensure_index(files)
    data = files.index.read_bytes()
    files.index.write_bytes(data[: len(data) // 2])
    assert status(files).problem.startswith("damaged")
    assert ensure_index(files).reason == "damaged"


def test_index_without_meta_counts_as_damaged(files):
    ensure_index(files)
    db = sqlite3.connect(files.index)
    db.execute("DELETE FROM meta WHERE key = 'sha256'")
    db.commit()
    db.close()
    assert ensure_index(files).reason == "damaged"


def test_fifo_source_is_one_line_error(files, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(DictionaryError) as caught:
        build_index(fifo, files.index)
    message = str(caught.value)
    assert "\n" not in message and "not a regular file" in message
    with pytest.raises(DictionaryError, match="not a regular file"):
        install(files, fifo)
    assert not files.index.exists() and not files.installed.exists()


def test_missing_dictionary_says_how_to_get_one(tmp_path):
    paths = Paths(data=tmp_path / "d", config=tmp_path / "c", cache=tmp_path / "k")
    files = DictionaryFiles.from_paths(paths, tmp_path / "nowhere")
    assert files.source() is None
    with pytest.raises(DictionaryMissing) as caught:
        ensure_index(files)
    assert "sudo apt install trans-de-en" in str(caught.value)
    assert "lagebild dictionary install FILE" in str(caught.value)
    with pytest.raises(DictionaryMissing):
        Dictionary.open(paths, system_source=tmp_path / "nowhere")


def test_installed_copy_wins_over_system_file(files, tmp_path):
    ensure_index(files)
    download = write_ding(tmp_path / "de-en.txt", ["Granate {f} [mil.] :: shell; grenade"])
    result = install(files, download)
    assert files.installed.read_bytes() == download.read_bytes()
    assert files.source() == files.installed
    assert result.info.source == str(files.installed) and result.info.entries == 1
    assert ensure_index(files).built is False


def test_not_a_ding_file_is_refused_and_the_old_index_kept(files, tmp_path):
    ensure_index(files)
    before = files.index.read_bytes()
    other = tmp_path / "notes.txt"
    other.write_text("just some text\nwithout the separator\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="does not look like a Ding"):
        install(files, other)
    with pytest.raises(DictionaryError, match="does not look like a Ding"):
        build_index(other, files.index)
    binary = tmp_path / "binary"
    binary.write_bytes(b"\xff\xfe\x00 :: x")
    with pytest.raises(DictionaryError, match="not UTF-8"):
        build_index(binary, files.index)
    assert files.index.read_bytes() == before
    assert not list(files.index.parent.glob(".*.tmp"))


def test_status_reports_without_building(files):
    state = status(files)
    assert state.info is None and state.current is None and not files.index.exists()
    ensure_index(files)
    assert status(files).current is True
    write_ding(files.system, SMALL_LINES[:2])
    os.utime(files.system, (time.time() + 10, time.time() + 10))
    assert status(files).current is False


def test_damage_found_during_a_lookup_is_a_one_line_error(files):
    ensure_index(files)
    with Dictionary(files.index) as dictionary:
        db = sqlite3.connect(files.index)
        db.execute("DROP TABLE lines")
        db.commit()
        db.close()
        with pytest.raises(DictionaryError) as caught:
            dictionary.lookup("Panzer")
        assert "lagebild dictionary rebuild" in str(caught.value) and "\n" not in str(caught.value)


def test_leftovers_of_a_killed_build_are_removed(files):
    files.index.parent.mkdir(parents=True)
    old = files.index.parent / ".ding.sqlite.abc123.tmp"
    fresh = files.index.parent / ".ding.sqlite.def456.tmp"
    old.write_bytes(b"half an index")
    fresh.write_bytes(b"a build running now")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    ensure_index(files)
    assert not old.exists() and fresh.exists()
