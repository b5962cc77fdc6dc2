"""Hostile glossary input: formula cells, silent duplicates, deep nesting, XML entities,
broken quotes, pipes, and 100,000 entries. Each input is built here, in tmp_path."""

from __future__ import annotations

import csv
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import resources
from desktop.config import Paths
from desktop.core import export
from desktop.core.documents.article import from_text
from desktop.core.glossary import tbx, termcheck
from desktop.core.glossary.matching import Hit, Matcher
from desktop.core.glossary.termbase import (
    CATEGORIES,
    Entry,
    GlossaryError,
    Termbase,
    read_termbase,
)


def glossary(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`lagebild glossary ARGS` as a user runs it (LAGEBILD_HOME from the autouse fixture)."""
    return subprocess.run(
        [sys.executable, "-m", "desktop", "glossary", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def user_file() -> Path:
    return Paths.from_env().user_glossary


def user_entries() -> list[dict]:
    return json.loads(user_file().read_text(encoding="utf-8"))["entries"]


# --- A: CSV formula injection ------------------------------------------------------------

FORMULAS = [
    Entry(
        "f1",
        '=HYPERLINK("http://x")',
        "+1",
        "concept",
        definition="-2+3",
        en_variants=("@SUM(A1)", "plain"),
        source="user",
    ),
    Entry("f2", "Tab", "\tcmd", "concept", definition="\rcarriage", source="user"),
    Entry(
        "f3", "'=already quoted", "''+twice", "concept", definition="'plain quote", source="user"
    ),
    Entry(
        "f4",
        "Safe",
        "a=b",
        "concept",
        definition="x -y @z",
        de_variants=("x|=y", "=z", "a\\b", "c\\"),  # a | or \ inside a variant
        source="user",
    ),
    Entry("f5", "Fünf", "five", "concept", de_variants=("=first", "b"), source="user"),
]


def _cells(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:  # keep a CR inside a cell
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_csv_export_neutralises_formula_cells_and_import_restores_them(tmp_path):
    path = tmp_path / "out.csv"
    tbx.export_file(FORMULAS, path)
    rows = _cells(path)
    assert rows["f1"]["de"] == '\'=HYPERLINK("http://x")'
    assert rows["f1"]["en"] == "'+1"
    assert rows["f1"]["definition"] == "'-2+3"
    assert rows["f1"]["en_variants"] == "'@SUM(A1)|plain"
    assert rows["f2"]["en"] == "'\tcmd" and rows["f2"]["definition"] == "'\rcarriage"
    assert rows["f3"]["de"] == "''=already quoted" and rows["f3"]["en"] == "'''+twice"
    assert rows["f3"]["definition"] == "'plain quote"  # no formula after it: unchanged
    assert rows["f4"]["en"] == "a=b" and rows["f4"]["definition"] == "x -y @z"
    # Only a cell's first character counts; "|" in a variant is escaped as "\|".
    assert rows["f4"]["de_variants"] == "x\\|=y|=z|a\\b|c\\\\"
    assert rows["f5"]["de_variants"] == "'=first|b"
    for row in rows.values():
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r")
    # Import takes exactly the added quote away again (tab/CR are stripped like any
    # leading white space, as for every imported cell).
    back = {e.id: e for e in tbx.import_file(path)}
    for entry in (FORMULAS[0], FORMULAS[2], FORMULAS[3], FORMULAS[4]):
        assert back[entry.id] == entry
    assert (back["f2"].en, back["f2"].definition) == ("cmd", "carriage")


def test_window_glossary_export_neutralises_formula_cells(tmp_path):
    # The window's "export glossary" goes through export.write_glossary.
    termbase = Termbase(FORMULAS)
    hits = [Hit("f1", "p1s1", 0, 5, "x"), Hit("f3", "p1s1", 6, 9, "y")]
    path = tmp_path / "article-glossary.csv"
    export.write_glossary(path, hits, termbase)
    rows = _cells(path)
    assert rows["f1"]["de"].startswith("'=") and rows["f1"]["en"] == "'+1"
    assert rows["f3"]["de"] == "''=already quoted"


def test_cli_export_neutralises_and_import_of_a_quoted_cell_keeps_the_text(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(
        "id,de,en,category,definition\ncmd,'=cmd|' /C calc'!A0,'+drone,concept,'@risky\n",
        encoding="utf-8",
    )
    result = glossary("import", str(src))
    assert result.returncode == 0, result.stderr
    (stored,) = user_entries()
    assert (stored["de"], stored["en"], stored["definition"]) == (
        "=cmd|' /C calc'!A0",
        "+drone",
        "@risky",
    )
    out = tmp_path / "out.csv"
    assert glossary("export", str(out), "--user-only").returncode == 0
    row = _cells(out)["cmd"]
    assert (row["de"], row["en"], row["definition"]) == (
        "'=cmd|' /C calc'!A0",
        "'+drone",
        "'@risky",
    )


# --- B: duplicates and built-in overrides ------------------------------------------------


def test_identical_repeats_without_ids_are_merged_with_a_note(tmp_path):
    src = tmp_path / "dup.csv"
    src.write_text(
        "de,en,category\n" + "Kampfdrohne X,combat drone X,weapon_class\n" * 3, encoding="utf-8"
    )
    result = glossary("import", str(src))
    assert result.returncode == 0, result.stderr
    assert "imported 1 entry into your glossary" in result.stdout
    assert (
        "note: line 3, line 4 repeat line 2 ('Kampfdrohne X') exactly; imported once"
        in result.stderr
    )
    assert [e["id"] for e in user_entries()] == ["kampfdrohne_x"]


@pytest.mark.parametrize(
    ("suffix", "content", "needle"),
    [
        (
            ".csv",
            "de,en,category\nKampfdrohne X,combat drone X,weapon_class\n"
            "Kampfdrohne X,attack drone X,weapon_class\n",
            "line 3: 'Kampfdrohne X' repeats the German term of line 2 (id 'kampfdrohne_x') "
            "with a different 'en'",
        ),
        (
            ".tbx",
            "<tbx><text><body>"
            + "".join(
                f'<conceptEntry><descrip type="subjectField">concept</descrip>'
                f'<langSec xml:lang="de"><termSec><term>Wort Q</term></termSec></langSec>'
                f'<langSec xml:lang="en"><termSec><term>{en}</term></termSec></langSec></conceptEntry>'
                for en in ("word", "term")
            )
            + "</body></text></tbx>",
            "entry 2: 'Wort Q' repeats the German term of entry 1 (id 'wort_q')",
        ),
    ],
)
def test_differing_repeats_are_refused_naming_both_and_nothing_is_saved(
    tmp_path, suffix, content, needle
):
    src = tmp_path / f"dup{suffix}"
    src.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError, match="merge the two, or give each its own id") as info:
        tbx.import_into(Termbase([]), src)
    assert needle in str(info.value)
    assert not user_file().exists()


def test_replacing_a_builtin_entry_says_so(tmp_path):
    builtin = next(e for e in Termbase.load_default() if not {",", '"'} & set(e.de + e.en))
    src = tmp_path / "override.csv"
    src.write_text(
        f"id,de,en,category\n{builtin.id},{builtin.de},other rendering,{builtin.category}\n",
        encoding="utf-8",
    )
    result = glossary("import", str(src))
    assert result.returncode == 0, result.stderr
    assert (
        f"note: line 2: entry {builtin.id!r} replaces the built-in entry {builtin.id!r} "
        f"({builtin.de} -> {builtin.en})"
    ) in result.stderr
    again = glossary("import", str(src))  # now it replaces the user's own copy: no note
    assert again.returncode == 0 and "built-in" not in again.stderr


# --- C: deep nesting ---------------------------------------------------------------------


def test_deeply_nested_user_termbase_is_one_line_and_the_file_is_kept(tmp_path):
    target = user_file()
    target.parent.mkdir(parents=True)
    target.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    backup = target.with_name(target.name + ".bak")
    backup.write_text('{"format": "lagebild-termbase", "version": 1, "entries": []}')
    before = target.read_bytes()
    err = one_line_error(glossary("lookup", "HUR"))
    assert str(target) in err and "nested too deeply" in err and str(backup) in err
    good = tmp_path / "good.csv"
    good.write_text("de,en,category\nWort Z,word z,concept\n", encoding="utf-8")
    one_line_error(glossary("import", str(good)))  # refuses to write over the broken file
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (
            '{"format": "lagebild-termbase", "version": 1, "entries": '
            + "[" * 50_000
            + "]" * 50_000
            + "}",
            "nested too deeply",
        ),
        (
            '{"format": "lagebild-termbase", "version": ' + "9" * 5000 + ', "entries": []}',
            "invalid JSON (a number is too long)",
        ),
        (
            '{"format": "lagebild-termbase", "version": '
            + "[" * 500
            + "]" * 500
            + ', "entries": []}',
            "unsupported version a list",
        ),
        (
            '{"format": "lagebild-termbase", "version": true, "entries": []}',
            "unsupported version True",
        ),
    ],
)
def test_hostile_termbase_json_is_a_glossary_error(tmp_path, content, needle):
    path = tmp_path / "t.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        read_termbase(path)
    assert needle in str(info.value) and str(path) in str(info.value)
    assert len(str(info.value)) < 300


# --- D: messages -------------------------------------------------------------------------

_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tbx [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<tbx><text><body><conceptEntry id="x"><descrip type="subjectField">concept</descrip>
<langSec xml:lang="de"><termSec><term>&e;</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>
"""
_EXTERNAL = _LAUGHS.replace(
    _LAUGHS[_LAUGHS.index("<!ENTITY a") : _LAUGHS.index("]>")],
    '<!ENTITY e SYSTEM "file:///etc/passwd">\n',
)


@pytest.mark.parametrize("content", [_LAUGHS, _EXTERNAL], ids=["billion-laughs", "external"])
def test_xml_entities_are_refused_for_safety_not_called_malformed(tmp_path, content):
    src = tmp_path / "entities.tbx"
    src.write_text(content, encoding="utf-8")
    err = one_line_error(glossary("import", str(src)))
    assert "entity expansion is refused for safety" in err and "line 3" in err
    assert "not well-formed" not in err
    assert not user_file().exists()


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (
            'de,en,category\n"Drohne X,drone,weapon_class\nRakete X,missile,weapon_class\n',
            "line 2: unterminated quote: a quoted cell in the row starting on this line is never closed",
        ),
        (
            'de,en,category\nDrohne X,drone,weapon_class\nRakete X,"missile,weapon_class\n'
            'Panzer X,tank,weapon_class"\nMine X,mine,weapon_class\n',
            "line 3: unterminated quote? a quoted cell in this row runs on to line 4, "
            "and the row has only 2 of 3 cells",
        ),
        (
            'de,en,category\nDrohne X,"drone,weapon_class\nRakete X,"missile",weapon_class\n',
            'line 2: a quote (") in this row is not closed where the cell ends (the row runs on to line 3)',
        ),
    ],
    ids=["never-closed", "closed-later", "stray-quote"],
)
def test_unterminated_csv_quote_names_the_line(tmp_path, content, needle):
    src = tmp_path / "quote.csv"
    src.write_text(content, encoding="utf-8")
    err = one_line_error(glossary("import", str(src)))
    assert needle in err
    assert "is empty" not in err and "is missing" not in err


def test_counts_say_entry_or_entries(tmp_path):
    one = tmp_path / "one.csv"
    one.write_text("de,en,category\nWort Y,word y,concept\n", encoding="utf-8")
    result = glossary("import", str(one))
    assert result.stdout.strip() == "imported 1 entry into your glossary"
    out = tmp_path / "out.tbx"
    result = glossary("export", str(out), "--user-only")
    assert result.stdout.strip() == f"exported 1 entry to {out}"
    two = tmp_path / "two.csv"
    two.write_text(
        "de,en,category\nWort Y,word y,concept\nWort W,word w,concept\n", encoding="utf-8"
    )
    assert glossary("import", str(two)).stdout.strip() == "imported 2 entries into your glossary"
    assert (
        glossary("export", str(out), "--user-only").stdout.strip() == f"exported 2 entries to {out}"
    )


def test_control_characters_in_terms_are_refused(tmp_path):
    src = tmp_path / "nul.csv"
    src.write_text("de,en,category\nDro\0hne,drone,weapon_class\n", encoding="utf-8")
    with pytest.raises(
        GlossaryError, match=r"nul.csv: line 2: field 'de' contains a control character \(U\+0000\)"
    ):
        tbx.import_file(src)


# --- reading: pipes, size ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_import_of_a_fifo_fails_at_once_instead_of_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    err = one_line_error(glossary("import", str(fifo), timeout=60))
    assert "not a regular file" in err and str(fifo) in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_user_termbase_that_is_a_fifo_fails_at_once(tmp_path):
    user_file().parent.mkdir(parents=True)
    os.mkfifo(user_file())
    err = one_line_error(glossary("lookup", "HUR", timeout=60))
    assert "not a regular file" in err and str(user_file()) in err


def test_import_over_the_size_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(tbx, "MAX_IMPORT_BYTES", 1_048_576)
    src = tmp_path / "big.csv"
    src.write_text("de,en,category\n" + "Wort,word,concept\n" * 70_000, encoding="utf-8")
    with pytest.raises(GlossaryError, match="over 1 MB, too large to import"):
        tbx.import_file(src)


def test_deeply_nested_tbx_is_no_recursion_error(tmp_path):
    src = tmp_path / "deep.tbx"
    src.write_text(
        "<tbx><text><body>" + "<a>" * 100_000 + "</a>" * 100_000 + "</body></text></tbx>"
    )
    with pytest.raises(GlossaryError, match="no entries found"):
        tbx.import_file(src)


# --- E: scale ----------------------------------------------------------------------------


def _synthetic(count: int) -> list[Entry]:
    rng = random.Random(11)
    syllables = ["ka", "lo", "mer", "tin", "gra", "sel", "bun", "dor", "fis", "wen", "trak", "pol"]
    entries = []
    for n in range(count):
        stem = "".join(rng.choice(syllables) for _ in range(3)) + str(n)
        if n % 3 == 0:
            de, en = f"taktische {stem.capitalize()}rakete", f"tactical {stem} missile"
        else:
            de, en = stem.capitalize() + "drohne", f"{stem} drone"
        entries.append(Entry(f"s{n}", de, en, CATEGORIES[n % len(CATEGORIES)], source="user"))
    return entries


@pytest.fixture(scope="module")
def large() -> Termbase:
    builtin = Termbase.load(resources.path(resources.DEFAULT_GLOSSARY)).entries
    return Termbase(builtin + _synthetic(30_000))


def test_lookup_uses_indexes_not_a_scan(large, monkeypatch):
    large.matcher()
    large.lookup_index()
    compiled = []
    real = termcheck.english_pattern
    monkeypatch.setattr(termcheck, "english_pattern", lambda t: compiled.append(t) or real(t))
    words = [
        "HUR",
        "Drohnen",
        "drones",
        "tactical trakpolka3 missiles",
        "Waffel",
        large.entries[-1].de,
        large.entries[-2].en + "s",
        "tactical",
        "s29999",
    ]
    times = []
    for word in words * 5:
        start = time.perf_counter()
        found = large.lookup(word)
        times.append(time.perf_counter() - start)
        if word == large.entries[-1].de:
            assert found[0] is large.entries[-1]
    # The old lookup compiled an English pattern for every one of the 30,000 entries.
    assert len(compiled) < 30 * len(words)
    assert statistics.median(times) < 0.05


def test_lookup_finds_english_inflections_through_the_index():
    tb = Termbase(
        [
            Entry(
                "ally", "Verbündeter", "ally", "concept", en_variants=("wolf pack", "bus", "HUR")
            ),
            Entry("kn", "KN-23", "KN-23", "weapon_system"),
        ]
    )
    expected = {
        "allies": "ally",
        "ally's": "ally",
        "Ally": "ally",
        "wolf packs": "ally",
        "wolf-pack": "ally",
        "wolves pack": "ally",
        "buses": "ally",
        "HURs": "ally",
        "KN-23s": "kn",
        "kn": "kn",
    }
    for word, entry_id in expected.items():
        assert [e.id for e in tb.lookup(word)] == [entry_id], word
    assert tb.lookup("hurs") == [] and tb.lookup("allys pack") == []


def test_matcher_build_does_not_stem_every_entry(large, monkeypatch):
    from nltk.stem.snowball import GermanStemmer

    calls = []
    real = GermanStemmer.stem
    monkeypatch.setattr(GermanStemmer, "stem", lambda self, w: calls.append(w) or real(self, w))
    matcher = Matcher(large)
    assert calls == []  # the old build stemmed ~11 forms of every entry word (~700,000)
    article = from_text(resources.default_article().read_text(encoding="utf-8"))
    start = time.perf_counter()
    hits = matcher.match(article)
    assert time.perf_counter() - start < 5  # goal < 1 s; generous for a loaded test machine
    assert {"hur", "budanov", "drohne"} <= {h.entry_id for h in hits} | {
        r for h in hits for r in h.related
    }
    assert len(calls) < 20_000


def test_large_import_says_it_slows_matching(tmp_path, monkeypatch):
    monkeypatch.setattr(tbx, "LARGE_GLOSSARY", 3)
    src = tmp_path / "three.csv"
    src.write_text(
        "de,en,category\nWort A,a,concept\nWort B,b,concept\nWort C,c,concept\n", encoding="utf-8"
    )
    result = tbx.import_into(Termbase([]), src)
    assert result.notes == [
        "your own glossary now has 3 entries; glossaries this large take longer to load and "
        "to match (a few seconds for 100,000 entries)"
    ]


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    src = tmp_path / "same.csv"
    src.write_text("de,en,category\nWort A,a,concept\nWort B,b,concept\n", encoding="utf-8")
    termbase = Termbase([])
    tbx.import_into(termbase, src)
    before = user_file().read_bytes()
    result = tbx.import_into(termbase, src)
    assert len(result.entries) == 2 and result.notes == []
    assert user_file().read_bytes() == before
    assert not user_file().with_name(user_file().name + ".bak").exists()
