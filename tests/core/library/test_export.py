"""Exports: a term's mentions as CSV, a bilingual digest as escaped HTML, atomic writes."""

from __future__ import annotations

import csv
import html.parser

import pytest

from desktop.core.library.records import LibraryError, QueryError, UnknownArticle


def test_term_csv_one_row_per_mention(lib, add, tmp_path):
    a = add("Übung\n\nDie Bundeswehr übt. Die Bundeswehr, sagt sie, übt viel.\n",
            date="2025-01-06", site="zeit.de")  # fmt: skip
    b = add('Lage\n\nDie Bundeswehr meldet "=SUMME(A1)".\n', date="2025-02-01")
    lib.store_translations(a, "m", {"p2s1": "The Bundeswehr trains."})
    dest = tmp_path / "bw.csv"
    assert lib.export_term_csv("Bundeswehr", dest) == 3
    rows = list(csv.reader(dest.open(encoding="utf-8", newline="")))
    assert rows[0] == ["date", "title", "site", "sentence", "german", "english", "term", "article"]
    assert rows[1] == ["2025-01-06", "Übung", "zeit.de", "p2s1", "Die Bundeswehr übt.",
                       "The Bundeswehr trains.", "Bundeswehr", str(a)]  # fmt: skip
    assert rows[2][3:6] == ["p2s2", "Die Bundeswehr, sagt sie, übt viel.", ""]
    assert rows[3][0] == "2025-02-01" and rows[3][4] == 'Die Bundeswehr meldet "=SUMME(A1)".'
    assert rows[3][7] == str(b)


def test_term_csv_for_an_unknown_term_writes_nothing(lib, add, tmp_path):
    add("Übung\n\nDie Bundeswehr übt.\n")
    with pytest.raises(QueryError, match="no article in the library mentions 'Schokolade'"):
        lib.export_term_csv("Schokolade", tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_digest_is_bilingual_and_escaped(lib, add, tmp_path):
    evil = add("<script>alert(1)</script>\n\nDie Bundeswehr & <b>Partner</b> üben.\n",
               site="<i>site</i>", url="https://example.org/?a=1&b=\"2\"")  # fmt: skip
    other = add("Zweiter\n\nDie Marine übt in der Ostsee.\n")
    lib.store_translations(evil, "m", {"p2s1": "The Bundeswehr & <b>partners</b> train."})
    dest = tmp_path / "digest.html"
    assert lib.export_digest_html([other, evil, other], dest) == 2
    page = dest.read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "i" not in parser.tags and "b" not in parser.tags
    text = "".join(parser.text)
    assert "<script>alert(1)</script>" in text  # shown as text, not run
    assert "The Bundeswehr & <b>partners</b> train." in text
    assert "Die Marine übt in der Ostsee." in text and "(not translated)" in text
    assert page.index("Zweiter") < page.index("alert(1)")  # the order given
    assert 'class="term"' in page  # Bundeswehr underlined from the stored hits


def test_digest_errors(lib, add, tmp_path):
    a = add("Zweiter\n\nDie Marine übt.\n")
    with pytest.raises(UnknownArticle):
        lib.export_digest_html([a, 99], tmp_path / "d.html")
    assert not (tmp_path / "d.html").exists()
    with pytest.raises(LibraryError, match="empty"):
        lib.export_digest_html([], tmp_path / "d.html")
    with pytest.raises(LibraryError, match="cannot write") as info:
        lib.export_digest_html([a], tmp_path / "no" / "such" / "folder" / "d.html")
    assert "\n" not in str(info.value)


def test_a_failed_export_keeps_the_old_file(lib, add, tmp_path):
    a = add("Zweiter\n\nDie Marine übt.\n")
    dest = tmp_path / "d.html"
    dest.write_text("old", encoding="utf-8")
    with pytest.raises(UnknownArticle):
        lib.export_digest_html([a, 12345], dest)
    assert dest.read_text(encoding="utf-8") == "old"


def test_an_export_onto_a_pipe_is_refused_and_the_pipe_stays(lib, add, tmp_path):
    # The atomic rename replaced whatever DEST was: a FIFO (or, run as root, /dev/full)
    # became a regular file and "wrote N mentions" was reported.
    import os
    import stat

    add("Übung\n\nDie Bundeswehr übt.\n")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(LibraryError) as info:
        lib.export_term_csv("Bundeswehr", fifo)
    assert "not a regular file" in str(info.value) and "\n" not in str(info.value)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not list(tmp_path.glob(".pipe.csv.*"))  # no temporary file left behind
