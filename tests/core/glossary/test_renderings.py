"""One rule finds a German hit's English rendering: the pane, the export and the term check."""

from __future__ import annotations

from desktop.core import export
from desktop.core.documents.article import from_text
from desktop.core.glossary.matching import Hit
from desktop.core.glossary.termbase import Entry, Termbase
from desktop.core.glossary.termcheck import check_terms, rendering_spans

TB = Termbase(
    [
        # A name kept as written: "Krasnopol" may stay German-spelled in the English text.
        Entry("krasnopol", "Krasnopol", "Krasnopol-M", "weapon_system", do_not_translate=True),
        Entry("rakete", "Rakete", "missile", "weapon_class"),
        Entry("ballistische_rakete", "ballistische Rakete", "ballistic missile", "weapon_class"),
    ]
)


def _hit(entry_id: str, text: str) -> Hit:
    return Hit(entry_id, "p1s1", 0, len(text), text)


def test_do_not_translate_entry_is_found_by_its_german_form():
    target = "Russia fired Krasnopol shells."
    spans = rendering_spans(TB, [_hit("krasnopol", "Krasnopol")], target)
    assert [(target[s.start : s.end], s.entry.id) for s in spans] == [("Krasnopol", "krasnopol")]


def test_overlapping_renderings_are_not_both_marked():
    # Both hits could claim "missile" inside "ballistic missile"; the longer one takes it
    # first and the shorter one must not overlap it.
    target = "A ballistic missile was launched."
    hits = [_hit("ballistische_rakete", "ballistische Rakete"), _hit("rakete", "Rakete")]
    spans = rendering_spans(TB, hits, target)
    assert [(s.start, s.end) for s in spans] == [(2, 19)]


def test_export_marks_what_the_term_check_accepts():
    art = from_text("Russland feuerte Krasnopol ab.")
    hit = Hit("krasnopol", "p1s1", 17, 26, "Krasnopol")
    target = "Russia fired Krasnopol shells."
    assert check_terms(TB, [hit], {"p1s1": target}) == {}
    page = export.bilingual_html(art, {"p1s1": target}, [hit], TB)
    # the English cell marks the kept name as a term, as the pane does
    english_cell = page.split('<td lang="en">')[1]
    assert 'data-entry="krasnopol"' in english_cell
