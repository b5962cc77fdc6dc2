"""Review fixes: saving the user glossary on a full disk gives one clear line, loses nothing."""

from __future__ import annotations

import errno
import json
import os
import shutil

import pytest

from desktop import cli
from desktop.config import Paths
from desktop.core.glossary import termbase as glossary
from desktop.core.glossary.termbase import Entry, GlossaryError, read_termbase, write_termbase


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_raises_a_glossary_error_naming_the_file(tmp_path, monkeypatch):
    target = tmp_path / "user.json"
    write_termbase(target, [Entry("a", "A-Wort", "a", "concept")])
    before = target.read_bytes()
    monkeypatch.setattr(os, "replace", _disk_full)
    with pytest.raises(GlossaryError) as info:
        write_termbase(target, [Entry("b", "B-Wort", "b", "concept")])
    assert isinstance(info.value, OSError)
    message = str(info.value)
    assert str(target) in message and "No space left" in message and "\n" not in message
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["user.json"]


def test_unwritable_folder_raises_a_glossary_error(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(GlossaryError, match="cannot save"):
        write_termbase(blocker / "user.json", [Entry("a", "A-Wort", "a", "concept")])


def test_backup_is_never_left_cut_off(tmp_path, monkeypatch):
    target = tmp_path / "user.json"
    write_termbase(target, [Entry("a", "A-Wort", "a", "concept")])
    write_termbase(target, [Entry("b", "B-Wort", "b", "concept")])
    backup = target.with_name("user.json.bak")
    good_backup = backup.read_bytes()

    def copy_cut_off(src, dst, **kwargs):
        with open(dst, "wb") as out:
            out.write(b'{"form')  # the disk filled up in the middle of the copy
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copy2", copy_cut_off)
    with pytest.raises(GlossaryError):
        write_termbase(target, [Entry("c", "C-Wort", "c", "concept")])
    assert backup.read_bytes() == good_backup
    assert [e.id for e in read_termbase(target)] == ["b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["user.json", "user.json.bak"]


def test_cli_add_on_full_disk_is_one_line_and_exit_1(monkeypatch, capsys):
    monkeypatch.setattr(glossary.os, "replace", _disk_full)
    code = cli.main(["glossary", "add", "Testwort", "--english", "test word",
                     "--category", "concept"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED
    assert err.startswith("lagebild: error: ") and err.count("\n") == 1
    assert "Traceback" not in err and "No space left" in err
    user = Paths.from_env().user_glossary
    assert not user.exists() or "Testwort" not in json.dumps(json.loads(user.read_text()))
