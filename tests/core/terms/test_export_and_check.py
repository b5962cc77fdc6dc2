"""Dictionary terms in the term check and the bilingual export, beside glossary hits."""

from __future__ import annotations

from desktop.core import export
from desktop.core.documents.article import from_text
from desktop.core.glossary.matching import Hit
from desktop.core.glossary.termbase import Entry, Termbase
from desktop.core.glossary.termcheck import check_terms, rendering_spans
from desktop.core.terms import DICTIONARY, TermHit

TB = Termbase(
    [
        Entry("drohne", "Drohne", "drone", "weapon_class"),
        Entry("basis", "Basis", "base", "concept"),
    ]
)
TEXT = "Die Drohne traf die Kasernen."
ARTICLE = from_text(TEXT)


def _curated(entry_id, word, text=TEXT, sentence="p1s1"):
    start = text.index(word)
    return Hit(entry_id, sentence, start, start + len(word), word)


def _dictionary(lemma, word, senses, text=TEXT, sentence="p1s1"):
    start = text.index(word)
    return TermHit(
        DICTIONARY,
        "ding:" + lemma,
        lemma,
        tuple(senses),
        DICTIONARY,
        sentence,
        start,
        start + len(word),
        word,
    )


DRONE = _curated("drohne", "Drohne")
BARRACKS = _dictionary("Kaserne", "Kasernen", ["barracks", "caserne"])


def test_any_sense_of_a_dictionary_term_is_its_rendering():
    target = "The drone hit the casernes."
    spans = rendering_spans(TB, [DRONE, BARRACKS], target)
    assert [(target[s.start : s.end], s.entry.id, s.source) for s in spans] == [
        ("drone", "drohne", "glossary"),
        ("casernes", "ding:Kaserne", "dictionary"),
    ]
    assert check_terms(TB, [DRONE, BARRACKS], {"p1s1": target}) == {}


def test_glossary_hits_take_their_spans_first():
    # "base" renders both the curated Basis and the dictionary's Stützpunkt; listed first
    # or not, the dictionary term must not take the curated entry's rendering.
    text = "Der Stützpunkt ist eine Basis."
    base = _dictionary("Stützpunkt", "Stützpunkt", ["base"], text)
    curated = _curated("basis", "Basis", text)
    target = "The base is a base."
    spans = rendering_spans(TB, [base, curated], target)
    assert [(s.start, s.end, s.entry.id) for s in spans] == [
        (4, 8, "basis"),
        (14, 18, "ding:Stützpunkt"),
    ]


def test_a_missing_dictionary_term_is_a_soft_note_after_the_issues():
    issues = check_terms(TB, [BARRACKS, DRONE], {"p1s1": "It hit the camp."})
    first, second = issues["p1s1"]
    assert (first.entry_id, first.soft) == ("drohne", False)
    assert (second.entry_id, second.soft) == ("ding:Kaserne", True)
    assert second.message.startswith('note: "Kasernen" (Kaserne)')
    assert second.expected == ("barracks", "caserne")


def test_export_marks_dictionary_terms_as_a_quieter_kind():
    target = "The drone hit the barracks."
    page = export.bilingual_html(ARTICLE, {"p1s1": target}, [DRONE, BARRACKS], TB)
    german, english = page.split('<td lang="de">')[1].split('<td lang="en">')
    assert '<span class="term" data-entry="drohne"' in german
    assert '<span class="term dict" data-entry="ding:Kaserne" title="barracks; caserne">' in german
    assert '<span class="term dict" data-entry="ding:Kaserne"' in english
    assert ".term.dict" in page  # its own, quieter style
    before, _, dictionary = page.partition("<h2>From the dictionary</h2>")
    glossary = before.split("<h2>Glossary</h2>")[1]
    assert "Drohne" in glossary and "Kaserne" not in glossary
    assert "Kaserne — barracks; caserne" in dictionary and "(dictionary, 1×)" in dictionary


def test_export_without_dictionary_terms_has_no_dictionary_section():
    page = export.bilingual_html(ARTICLE, {"p1s1": "The drone hit."}, [DRONE], TB)
    assert "From the dictionary" not in page and "term dict" not in page


def test_the_glossary_file_export_holds_curated_entries_only(tmp_path):
    path = tmp_path / "terms.csv"
    export.write_glossary(path, [DRONE, BARRACKS], TB)
    content = path.read_text(encoding="utf-8")
    assert "drohne" in content and "Kaserne" not in content
