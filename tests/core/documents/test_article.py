"""Loading articles: decoding, paragraphs, headings, offsets and bad input."""

from __future__ import annotations

import codecs
import time

import pytest

from desktop import resources
from desktop.cli.output import article_json as to_json
from desktop.core.documents import load
from desktop.core.documents.article import ArticleError, from_text

GERMAN = "Die Drohne flog über Pjöngjang. Südkorea war alarmiert.\n"


def test_bundled_article_offsets_and_headings():
    article = load(resources.default_article())
    assert article.source.encoding == "utf-8"
    headings = [p.sentences[0].text for p in article.paragraphs if p.kind == "heading"]
    assert headings == [
        "Russland soll Nordkorea beim Bau von Shahed-Drohnen helfen",
        "Hintergründe und Kontext",
        "Investigative Enthüllungen",
        "Auswirkungen und Reaktionen",
        "Zukünftige Entwicklungen",
    ]
    assert article.title == headings[0]
    sentences = article.sentences()
    for s in sentences:
        assert article.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    # Every text sentence ends with sentence punctuation: no false splits, no glued heading.
    for p in article.paragraphs:
        if p.kind == "text":
            assert all(s.text.endswith((".", "!", "?")) for s in p.sentences), p.id
    assert len(sentences) == 44  # counted by hand: 5 headings + 39 sentences
    assert len({s.id for s in sentences}) == len(sentences)
    assert article.sentence("p2s2").text.startswith("Diese Enthüllung stammt von Kyrylo Budanov")
    assert (
        article.sentence("p8s2").text
        == "So war die anfängliche Lieferung von KN-23-Raketen an Russland von einer erheblichen Streuung der Zielgenauigkeit geprägt."
    )


def test_sentence_ids_are_stable_across_loads():
    a = load(resources.default_article())
    b = load(resources.default_article())
    assert [(s.id, s.start, s.end) for s in a.sentences()] == [
        (s.id, s.start, s.end) for s in b.sentences()
    ]


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("cp1252", "windows-1252"),
    ],
)
def test_decoding(tmp_path, encoding, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(GERMAN.encode(encoding))
    article = load(path)
    assert article.source.encoding == expected
    assert article.text == GERMAN
    assert [s.text for s in article.sentences()] == [
        "Die Drohne flog über Pjöngjang.",
        "Südkorea war alarmiert.",
    ]


def test_utf16_big_endian_with_bom(tmp_path):
    path = tmp_path / "be.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"))
    assert load(path).text == GERMAN


def test_latin1_bytes_undefined_in_cp1252(tmp_path):
    path = tmp_path / "l1.txt"
    path.write_bytes("Straße \x81 Ende.".encode("latin-1"))
    article = load(path)
    assert article.source.encoding == "latin-1"
    assert article.text.startswith("Straße")


def test_mixed_line_endings(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        b"Titel der Meldung\r\n\r\nErster Satz. Zweiter Satz.\rDritter Satz.\nVierter.\n"
    )
    article = load(path)
    assert "\r" not in article.text
    assert [p.kind for p in article.paragraphs] == ["heading", "text", "text", "text"]
    assert [s.text for s in article.sentences()] == [
        "Titel der Meldung",
        "Erster Satz.",
        "Zweiter Satz.",
        "Dritter Satz.",
        "Vierter.",
    ]


def test_nul_bytes_are_dropped_from_text(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Ein Satz.\x00 Noch ein Satz." + b" Mehr Text." * 20)
    article = load(path)
    assert "\x00" not in article.text
    assert article.sentences()[0].text == "Ein Satz."


def test_decomposed_umlauts_are_composed():
    article = from_text("Su\u0308dkorea reagierte.")
    assert article.text == "Südkorea reagierte."


def test_hard_wrapped_text_joins_lines_into_paragraphs():
    import textwrap

    body = resources.default_article().read_text(encoding="utf-8").split("\n")[2:6]
    text = "\n\n".join(textwrap.fill(par, 72) for par in body if par)
    article = from_text(text)
    assert [p.kind for p in article.paragraphs] == ["text", "text", "heading"]
    first = article.paragraphs[0]
    assert first.kind == "text"
    assert "\n" in first.sentences[0].text  # one sentence across wrapped lines


def test_markdown_heading_marker_is_not_part_of_the_heading():
    article = from_text("# Lage im Osten\n\nDie Front hält. Noch.")
    assert article.paragraphs[0].kind == "heading"
    assert article.paragraphs[0].sentences[0].text == "Lage im Osten"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "does not exist"),
        (lambda p: p, "is a folder"),
        (lambda p: _write(p / "empty.txt", b""), "is empty"),
        (lambda p: _write(p / "ws.txt", b" \n\t\r\n  "), "only whitespace"),
        (
            lambda p: _write(p / "img.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
            "PNG image",
        ),
        (lambda p: _write(p / "blob.bin", bytes(range(256)) * 40), "binary"),
    ],
)
def test_bad_input_gives_clear_error(tmp_path, make, message):
    with pytest.raises(ArticleError, match=message):
        load(make(tmp_path))


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_twenty_megabytes_load(tmp_path):
    base = resources.default_article().read_text(encoding="utf-8") + "\n\n"
    path = tmp_path / "big.txt"
    path.write_text(base * (20_000_000 // len(base.encode())), encoding="utf-8")
    started = time.perf_counter()
    article = load(path)
    elapsed = time.perf_counter() - started
    assert len(article.text) > 19_000_000
    assert len(article.sentences()) > 100_000
    # Not a performance goal (see bench/), only a guard against a hang.
    assert elapsed < 120


def test_to_json_shape():
    data = to_json(from_text("Titel\n\nEin Satz. Noch einer."))
    assert data["source"]["name"] == "Pasted text"
    assert [p["kind"] for p in data["paragraphs"]] == ["heading", "text"]
    assert data["paragraphs"][1]["sentences"][1] == {
        "id": "p2s2",
        "start": 17,
        "end": 28,
        "text": "Noch einer.",
    }


def test_utf8_cut_in_the_middle_of_a_character_stays_utf8(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("Die Drohne flog über Pjöngjang. Größe".encode()[:-2])  # half of ß
    article = load(path)
    assert article.source.encoding.startswith("utf-8")
    assert article.text.startswith("Die Drohne flog über Pjöngjang.")
    assert article.text.endswith("\ufffd")


def test_cp1252_with_many_umlauts_is_not_taken_for_damaged_utf8(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes("Größere Stückzahlen für Südkorea. Überraschend.".encode("cp1252"))
    assert load(path).source.encoding == "windows-1252"


def test_markdown_heading_marker_on_a_later_line():
    article = from_text("Erster Satz.\n\n## Lage im Süden\n\nNoch ein Satz.")
    assert [(p.kind, p.sentences[0].text) for p in article.paragraphs] == [
        ("text", "Erster Satz."),
        ("heading", "Lage im Süden"),
        ("text", "Noch ein Satz."),
    ]
