"""Repeated unknown acronyms and designators are always suggested, whole and counted fully."""

from __future__ import annotations

from desktop.core.documents.article import from_text
from desktop.core.glossary.suggestions import suggest_terms
from desktop.core.glossary.termbase import Entry, Termbase

TB = Termbase(
    [
        Entry("soldat", "Soldat", "soldier", "force"),
        Entry("kampfjet", "Kampfjet", "fighter jet", "weapon_class"),
        Entry("luftabwehr", "Luftabwehr", "air defence", "concept"),
        Entry("hur", "HUR", "HUR", "agency"),
    ]
)

TEXT = (
    "Die KSK-Soldaten rückten aus. Das KSK ist eine Eliteeinheit. Später kam das KSK zurück.\n\n"
    "Die Luftabwehr vom Typ IRIS-T SLM schützt Kiew. Ein weiteres IRIS-T SLM folgt. "
    "Die F-16-Kampfjets fliegen. Zwei F-16 landeten. Der HUR-Chef sprach vom HUR."
)


def _by_term(text=TEXT, limit=50):
    return {s.term: s for s in suggest_terms(from_text(text), TB, limit=limit)}


def test_an_acronym_inside_a_hit_of_another_entry_counts():
    # "KSK-Soldaten" is a hit of Soldat: the KSK in it is still unknown and counts.
    found = _by_term()
    assert found["KSK"].kind == "acronym" and len(found["KSK"].contexts) == 3
    assert len(found["F-16"].contexts) == 2  # F-16-Kampfjets is a hit of Kampfjet


def test_an_acronym_the_hit_itself_names_is_not_suggested():
    assert "HUR" not in _by_term()  # HUR-Chef is a hit of HUR


def test_letter_designator_with_its_variant_is_one_suggestion():
    found = _by_term()
    assert found["IRIS-T SLM"].kind == "designator"
    assert len(found["IRIS-T SLM"].contexts) == 2
    assert "IRIS" not in found and "SLM" not in found


def test_repeated_acronyms_and_designators_survive_the_limit():
    filler = " ".join(f"Die Firma Alpha{chr(65 + i)}-{i + 10} baut." for i in range(12))
    found = _by_term(TEXT + " " + filler, limit=3)
    assert {"KSK", "F-16", "IRIS-T SLM"} <= set(found)


def test_a_single_unknown_acronym_may_fall_under_the_limit():
    text = "Die ABC trafen sich. " + " ".join(f"Typ X-{i} und Typ Y-{i}." for i in range(5))
    found = _by_term(text, limit=2)
    assert "ABC" not in found
