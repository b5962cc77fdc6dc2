"""The library file: migrations, damage, read-only and full disks, a killed import."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core.library import schema
from desktop.core.library.records import LibraryError
from desktop.core.library.store import Library

ROOT = Path(__file__).resolve().parents[3]


def test_new_library_is_wal_at_the_current_version(tmp_path):
    path = tmp_path / "deep" / "folder" / "library.sqlite"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema.version(conn) == schema.VERSION == len(schema.MIGRATIONS)
    conn.close()


def test_a_version_1_file_is_migrated_and_indexed(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = schema.connect(path)
    assert schema.migrate(conn, target=1) == 1
    conn.execute(
        "INSERT INTO articles (id, sha256, title, name, day, language, encoding, size,"
        " added, n_sentences) VALUES (1, 'x', 'Alt', 'alt.txt', '2024-05-01', 'de', 'utf-8',"
        " 40, '2024-05-01T00:00:00', 1)"
    )
    conn.execute("INSERT INTO bodies VALUES (1, 'Zwei Raketen trafen das Depot.', NULL)")
    conn.execute("INSERT INTO paragraphs VALUES (1, 0, 'p1', 'text', 0, 30)")
    conn.execute(
        'INSERT INTO sentences (article_id, para, ord, sid, start, "end", text)'
        " VALUES (1, 0, 0, 'p1s1', 0, 30, 'Zwei Raketen trafen das Depot.')"
    )
    conn.execute(
        "INSERT INTO translations (article_id, sid, model_key, text, added)"
        " VALUES (1, 'p1s1', 'm', 'Two missiles hit the depot.', '2024-05-01T00:00:00')"
    )
    conn.close()
    with Library.open(path) as lib:
        assert lib.notice is None
        assert [h.how for h in lib.search("Rakete", language="de")] == ["lemma"]
        assert [h.sentence_id for h in lib.search("missile", language="en")] == ["p1s1"]
        assert lib.get(1).article.sentences()[0].text == "Zwei Raketen trafen das Depot."
        assert lib.check() is None
    conn = sqlite3.connect(path)
    assert schema.version(conn) == schema.VERSION
    conn.close()


def test_a_file_from_a_newer_lagebild_is_left_alone(tmp_path):
    path = tmp_path / "new.sqlite"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="newer Lagebild") as info:
        Library.open(path)
    assert "\n" not in str(info.value)
    assert path.exists() and not list(tmp_path.glob("*.damaged-*"))


@pytest.mark.parametrize(
    "damage",
    [b"this is not a database at all\n" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_a_damaged_file_is_moved_aside_not_emptied(tmp_path, damage):
    path = tmp_path / "library.sqlite"
    path.write_bytes(damage)
    lib = Library.open(path)
    try:
        assert lib.notice and "\n" not in lib.notice and "damaged" in lib.notice
        moved = list(tmp_path.glob("library.sqlite.damaged-*"))
        assert len(moved) == 1 and moved[0].read_bytes() == damage
        assert moved[0].name in lib.notice
        assert lib.list_articles() == []  # a fresh library
    finally:
        lib.close()


def test_a_damaged_page_inside_a_real_library(tmp_path, make_article):
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        for i in range(30):
            lib.add_article(
                make_article(f"Titel {i}\n\nDie Marine übt zum {i}. Mal in der Ostsee.\n")
            )
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = b"\x00\x07" * 4096  # overwrite pages after the header
    path.write_bytes(bytes(data))
    lib = Library.open(path)
    try:
        # quick_check on opening finds damage anywhere, not only in the pages read first.
        assert lib.notice and "damaged" in lib.notice
        assert lib.list_articles() == [] and lib.check() is None
        assert len(list(tmp_path.glob("library.sqlite.damaged-*"))) == 1
    finally:
        lib.close()


def _child(code: str, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs,
    )  # fmt: skip


_IMPORTER = """
    import sys
    from pathlib import Path
    from desktop.core.documents.article import from_text
    from desktop.core.glossary.termbase import Termbase
    from desktop.core.library.store import Library
    from desktop.core.terms import find_terms

    termbase = Termbase.load_default()
    matcher = termbase.matcher()
    lib = Library.open(Path(sys.argv[1]))
    places = ["Kiew", "Charkiw", "Odessa", "Riga", "Vilnius", "Warschau", "Berlin"]
    for i in range(100000):
        place = places[i % len(places)]
        paras = [f"Lage in {place} am Tag {i}"] + [
            f"Die Bundeswehr meldet {i + k} neue Drohnen über {place}. "
            f"Das Verteidigungsministerium prüft die Lieferung von Flugabwehrraketen Nummer {k}."
            for k in range(12)
        ]
        art = from_text("\\n\\n".join(paras), name=f"{i}.txt")
        lib.add_article(art, hits=find_terms(art, termbase, matcher))
        print(i, flush=True)
"""


def test_kill_9_during_an_import_loses_at_most_that_article(tmp_path):
    path = tmp_path / "library.sqlite"
    proc = _child(_IMPORTER, str(path))
    committed = -1
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            committed = int(line)
            if committed >= 40:
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        if proc.stderr:
            proc.stderr.close()
        if proc.stdout:
            proc.stdout.close()
    assert committed >= 40, "the child imported articles before it was killed"
    assert proc.returncode == -signal.SIGKILL
    with Library.open(path) as lib:
        assert lib.notice is None
        assert lib.check() is None
        rows = lib.list_articles(sort="added", descending=False)
        # Every article reported as stored is there; at most the one in flight after it.
        assert committed + 1 <= len(rows) <= committed + 2
        for row in rows:
            stored = lib.get(row.id)
            art = stored.article
            assert len(art.paragraphs) == 13 and row.sentences == len(art.sentences()) == 25
            assert all(art.text[s.start : s.end] == s.text for s in art.sentences())
            assert len(stored.hits) == row.term_count > 0
        found = lib.search("Drohnen", limit=10_000)
        assert len({h.article_id for h in found}) == len(rows)


_FULL_DISK = """
    import json, resource, signal, sys
    from pathlib import Path
    from desktop.core.library.store import Library

    lib = Library.open(Path(sys.argv[1]))
    size = sum(p.stat().st_size for p in Path(sys.argv[1]).parent.iterdir())
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 200_000, size + 200_000))
    report = lib.import_paths([sys.argv[2]])
    print(json.dumps({"added": report.added, "stopped": report.stopped,
                      "failed": len(report.failed)}))
"""


def test_a_full_disk_stops_the_import_with_one_line_and_keeps_what_was_stored(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(200):
        body = " ".join(f"Die Marine meldet Übung {i}-{k} in der Ostsee." for k in range(40))
        (folder / f"{i:03d}.txt").write_text(f"Übung {i}\n\n{body}\n", encoding="utf-8")
    path = tmp_path / "lib" / "library.sqlite"
    Library.open(path).close()
    proc = _child(_FULL_DISK, str(path), str(folder))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    result = json.loads(out)
    assert result["stopped"] and "\n" not in result["stopped"]
    assert any(w in result["stopped"] for w in ("full", "disk error"))
    assert 0 < result["added"] < 200
    with Library.open(path) as lib:
        assert lib.check() is None
        assert len(lib.list_articles()) >= result["added"]


_READ_ONLY = """
    import json, os, sys
    from pathlib import Path
    from desktop.core.documents.article import from_text
    from desktop.core.library.store import Library
    from desktop.core.library.records import LibraryError
    import desktop.core.library.lemmas, desktop.core.library.search, simplemma
    simplemma.lemmatize("Raketen", lang="de")
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)  # root ignores file modes; nobody does not
    out = {}
    for name in ("existing", "new"):
        try:
            lib = Library.open(Path(sys.argv[1]) / name / "library.sqlite")
        except LibraryError as exc:
            out[name] = ["open", str(exc)]
            continue
        try:
            lib.add_article(from_text("Neu\\n\\nEin neuer Text.\\n"))
            out[name] = ["added", ""]
        except LibraryError as exc:
            out[name] = ["add", str(exc)]
    print(json.dumps(out))
"""


def test_a_read_only_library_gives_one_line(tmp_path, make_article):
    base = tmp_path / "ro"
    existing = base / "existing" / "library.sqlite"
    with Library.open(existing) as lib:
        lib.add_article(make_article("Alt\n\nEin alter Text.\n"))
    (base / "new").mkdir()
    for folder in (base / "existing", base / "new"):
        folder.chmod(0o555)
    existing.chmod(0o444)
    for p in [tmp_path, *tmp_path.parents]:  # let "nobody" reach the folder
        if p == Path("/"):
            break
        p.chmod(p.stat().st_mode | 0o005)
    try:
        proc = _child(_READ_ONLY, str(base))
        out, err = proc.communicate(timeout=120)
    finally:
        for folder in (base / "existing", base / "new"):
            folder.chmod(0o755)
    assert proc.returncode == 0, err
    result = json.loads(out)
    for name in ("existing", "new"):
        step, message = result[name]
        assert step in ("open", "add"), f"{name}: the write must fail"
        assert message and "\n" not in message and "Traceback" not in message
        assert "read-only" in message or "cannot be opened" in message
    with Library.open(existing) as lib:
        assert [r.title for r in lib.list_articles()] == ["Alt"]
    assert os.access(existing, os.R_OK)


def test_a_folder_where_the_library_file_belongs_is_named_as_such(tmp_path):
    # SQLite says only "unable to open"; "check the folder's permissions" sent the user
    # to the wrong fix.
    (tmp_path / "library.sqlite").mkdir()
    with pytest.raises(LibraryError) as info:
        Library.open(tmp_path / "library.sqlite")
    message = str(info.value)
    assert "is a folder" in message and "\n" not in message
    assert (tmp_path / "library.sqlite").is_dir()


def test_two_processes_creating_the_library_at_once(tmp_path, monkeypatch):
    # `library add` twice at once on a new library: both read version 0, the second then
    # failed with "table articles already exists". The window between the two is made
    # certain here: the other connection migrates right after this one read its version.
    path = tmp_path / "library.sqlite"
    mine, other = schema.connect(path), schema.connect(path)
    real_version = schema.version
    calls = []

    def version_then_other_migrates(conn):
        found = real_version(conn)
        if conn is mine and not calls:
            calls.append(found)
            schema.migrate(other)
        return found

    monkeypatch.setattr(schema, "version", version_then_other_migrates)
    try:
        assert schema.migrate(mine) == schema.VERSION
        assert calls == [0] and real_version(mine) == schema.VERSION
    finally:
        mine.close()
        other.close()
