"""New-term suggestions and adding one to the user glossary in one step."""

from __future__ import annotations

import pytest

from desktop import resources
from desktop.config import Paths
from desktop.core.documents import load
from desktop.core.documents.article import from_text
from desktop.core.glossary.suggestions import suggest_terms
from desktop.core.glossary.termbase import Entry, GlossaryError, Termbase, add_term

TEXT = (
    "Russland setzt Tu-22M3 Bomber und S-400 ein. "
    "Die neuen Drohnen, bekannt als Lancet und Kub, trafen. "
    "Die Rüstungsindustrie wächst. "
    "Das Ministerium für Staatssicherheit und die SZRU reagierten. "
    "Die Rüstungsindustrien im Mai 2024. Der Bäcker backt ein Schulsystem."
)


def _tb():
    return Termbase(
        [
            Entry("drohne", "Drohne", "drone", "weapon_class"),
            Entry("russland", "Russland", "Russia", "place"),
        ]
    )


def test_suggestions_kinds_and_contexts():
    art = from_text(TEXT)
    found = {s.term: s for s in suggest_terms(art, _tb())}
    assert {t: s.kind for t, s in found.items()} == {
        "Tu-22M3": "designator",
        "S-400": "designator",
        "Lancet": "alias",
        "Kub": "alias",
        "Ministerium für Staatssicherheit": "organisation",
        "SZRU": "acronym",
        "Rüstungsindustrie": "compound",
    }
    contexts = found["Rüstungsindustrie"].contexts
    assert [art.text[s:e] for _, s, e in contexts] == ["Rüstungsindustrie", "Rüstungsindustrien"]
    for sentence_id, start, end in contexts:
        sentence = art.sentence(sentence_id)
        assert sentence.start <= start < end <= sentence.end


def test_ranking_prefers_designators_in_military_context():
    ranked = suggest_terms(from_text(TEXT), _tb())
    # 3 per designator/alias + 0.5 in a sentence with a glossary hit; 1.5 per compound use
    assert [(s.term, s.score) for s in ranked] == [
        ("Kub", 3.5),
        ("Lancet", 3.5),
        ("S-400", 3.5),
        ("Tu-22M3", 3.5),
        ("Rüstungsindustrie", 3.0),
        ("Ministerium für Staatssicherheit", 2.0),
        ("SZRU", 2.0),
    ]


def test_known_terms_are_not_suggested():
    tb = _tb()
    tb.add_user_entry(Entry("tu_22m3", "Tu-22M3", "Tu-22M3", "weapon_system"))
    terms = [s.term for s in suggest_terms(from_text(TEXT), tb)]
    assert "Tu-22M3" not in terms and "Drohnen" not in terms and "S-400" in terms


def test_add_suggestion_in_one_step():
    tb = _tb()
    (first,) = [s for s in suggest_terms(from_text(TEXT), tb) if s.term == "SZRU"]
    entry = add_term(tb, first.term, "SZRU", "agency", "Ukraine's foreign intelligence")
    assert entry.id == "szru" and entry.source == "user"
    reloaded = Termbase.load(None, Paths.from_env().user_glossary)
    assert reloaded.get("szru").definition == "Ukraine's foreign intelligence"
    assert "SZRU" not in [s.term for s in suggest_terms(from_text(TEXT), tb)]
    with pytest.raises(GlossaryError, match="already in the glossary"):
        add_term(tb, "szru", "SZRU", "agency")


def test_bundled_article_has_no_false_military_suggestions():
    art = load(resources.default_article())
    suggestions = suggest_terms(art, Termbase.load_default())
    # everything military in the sample article is in the bundled glossary already
    assert all(s.kind != "designator" for s in suggestions)
