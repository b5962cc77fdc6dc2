"""Every glossary term of the bundled article, listed by hand, with exact offsets."""

from __future__ import annotations

import pytest

from desktop import resources
from desktop.core.documents import load
from desktop.core.glossary.termbase import Termbase

# (surface form as written, entry id), in document order. Written by reading the article.
EXPECTED = [
    # title: "Russland soll Nordkorea beim Bau von Shahed-Drohnen helfen"
    ("Russland", "russland"),
    ("Nordkorea", "nordkorea"),
    ("Shahed-Drohnen", "shahed_drohne"),
    # paragraph 1
    ("Geheimdienst", "geheimdienst"),
    ("Russland", "russland"),
    ("Nordkorea", "nordkorea"),
    ("Shahed-Drohnen", "shahed_drohne"),
    ("Kyrylo Budanov", "budanov"),
    ("Militärgeheimdienstes", "militaergeheimdienst"),
    ("HUR", "hur"),
    ("War Zone", "the_war_zone"),
    # paragraph 2
    ("Budanov", "budanov"),
    ("Moskau", "moskau"),
    ("Pjöngjang", "pjoengjang"),
    ("Shahed-136-Drohnen", "shahed_136"),
    ("Garpiya", "garpiya"),
    ("Geran", "geran"),
    ("militärische Gleichgewicht", "militaerisches_gleichgewicht"),
    ("Spannungen", "spannungen"),
    ("Nordkorea", "nordkorea"),
    ("Südkorea", "suedkorea"),
    # Hintergründe und Kontext
    ("Russland", "russland"),
    ("Nordkorea", "nordkorea"),
    ("Drohnenproduktion", "drohnenproduktion"),
    ("geopolitischen Spannungen", "spannungen"),
    ("Russland", "russland"),
    ("Krieges in der Ukraine", "ukrainekrieg"),
    ("Nordkorea", "nordkorea"),
    ("Sanktionen", "sanktion"),
    ("militärischen Kapazitäten", "militaerische_kapazitaet"),
    ("internationale Isolation", "internationale_isolation"),
    ("Budanov", "budanov"),
    ("Russland", "russland"),
    ("Truppen", "truppe"),
    ("Waffen", "waffe"),
    ("Nordkorea", "nordkorea"),
    ("Drohnentechnologien", "drohnentechnologie"),
    ("KN-23", "kn_23"),
    ("ballistischen Raketen", "ballistische_rakete"),
    ("Nordkoreas", "nordkorea"),
    ("Ballistikfähigkeiten", "ballistikfaehigkeit"),
    ("Sicherheitsbedenken", "sicherheitsbedenken"),
    ("Technologieaustausch", "technologieaustausch"),
    ("Nordkorea", "nordkorea"),
    ("Langstreckenraketen", "langstreckenrakete"),
    ("Luftkampfsysteme", "luftkampfsystem"),
    ("KN-23-Raketen", "kn_23"),
    ("Russland", "russland"),
    ("Streuung", "streuung"),
    ("Zielgenauigkeit", "zielgenauigkeit"),
    ("Genauigkeit", "zielgenauigkeit"),
    # Investigative Enthüllungen
    ("Budanov", "budanov"),
    ("militärische Zusammenarbeit", "militaerische_zusammenarbeit"),
    ("Proliferation", "proliferation"),
    ("Russland", "russland"),
    ("asiatisch-pazifischen Region", "asiatisch_pazifischer_raum"),
    ("Moskau", "moskau"),
    ("strategische Partnerschaft", "strategische_partnerschaft"),
    ("Asien", "asien"),
    ("Sanktionen", "sanktion"),
    ("Allianzen", "allianz"),
    ("Chinas", "china"),
    ("Verbündeter", "verbuendeter"),
    ("Nordkoreas", "nordkorea"),
    ("China", "china"),
    ("China", "china"),
    ("Asien", "asien"),
    ("USA", "usa"),
    ("Verbündeten", "verbuendeter"),
    ("Eindämmung", "eindaemmung"),
    ("Bedrohungen", "bedrohung"),
    # Auswirkungen und Reaktionen
    ("Südkorea", "suedkorea"),
    ("Nordkoreas", "nordkorea"),
    ("Bedrohung", "bedrohung"),
    ("Verteidigungsstrategien", "verteidigungsstrategie"),
    ("USA", "usa"),
    ("Verbündeter", "verbuendeter"),
    ("Südkoreas", "suedkorea"),
    ("Militärpräsenz", "militaerpraesenz"),
    ("militärische Gleichgewicht", "militaerisches_gleichgewicht"),
    ("Spannungen", "spannungen"),
    ("Großmächten", "grossmacht"),
    ("Humanitäre Organisationen", "humanitaere_organisation"),
    ("Militarisierung", "militarisierung"),
    ("Aufrüstung", "aufruestung"),
    ("Wettrüsten", "wettruesten"),
    ("Konflikten", "konflikt"),
    ("Russland", "russland"),
    ("militärischen Kooperation", "militaerische_zusammenarbeit"),
    ("internationalen Isolation", "internationale_isolation"),
    ("Russland", "russland"),
    # Zukünftige Entwicklungen
    ("Russland", "russland"),
    ("Nordkorea", "nordkorea"),
    ("technologischen Transfers", "technologietransfer"),
    ("militärischen Kapazitäten", "militaerische_kapazitaet"),
    ("Nordkoreas", "nordkorea"),
    ("Russland", "russland"),
    ("internationale Gemeinschaft", "internationale_gemeinschaft"),
    ("militärischen Kooperationen", "militaerische_zusammenarbeit"),
    ("diplomatische Bemühungen", "diplomatie"),
    ("Spannungen", "spannungen"),
    ("Eskalation", "eskalation"),
    ("internationalen Gemeinschaft", "internationale_gemeinschaft"),
    ("internationalen Beziehungen", "internationale_beziehungen"),
    ("asiatisch-pazifischen Raum", "asiatisch_pazifischer_raum"),
    ("globale Sicherheit", "sicherheit"),
]

# Compounds and overlaps keep the less specific entries they contain.
RELATED = {
    "Shahed-136-Drohnen": {"drohne"},
    "KN-23-Raketen": {"rakete"},
    "ballistischen Raketen": {"rakete"},
    "Drohnenproduktion": {"drohne"},
    "Krieges in der Ukraine": {"krieg", "ukraine"},
}


@pytest.fixture(scope="module")
def bundled_matcher():
    return Termbase.load_default().matcher()


@pytest.fixture(scope="module")
def article_hits(bundled_matcher):
    art = load(resources.default_article())
    return art, bundled_matcher.match(art)


def _expected_spans(text):
    spans, cursor = [], 0
    for surface, entry_id in EXPECTED:
        start = text.find(surface, cursor)
        assert start >= 0, f"{surface!r} not found after offset {cursor}"
        spans.append((start, start + len(surface), surface, entry_id))
        cursor = start + len(surface)
    return spans


def test_every_term_is_found_with_exact_offsets(article_hits):
    art, hits = article_hits
    got = {(h.start, h.end, h.text, h.entry_id) for h in hits}
    assert got == set(_expected_spans(art.text))
    assert len(hits) == len(EXPECTED)


def test_surface_entry_pairs_exactly(article_hits):
    _, hits = article_hits
    assert {(h.text, h.entry_id) for h in hits} == set(EXPECTED)


def test_hits_lie_in_their_sentences(article_hits):
    art, hits = article_hits
    for hit in hits:
        sentence = art.sentence(hit.sentence_id)
        assert sentence.start <= hit.start < hit.end <= sentence.end
        assert art.text[hit.start : hit.end] == hit.text


def test_related_entries_of_compounds(article_hits):
    _, hits = article_hits
    by_text = {h.text: set(h.related) for h in hits}
    for surface, related in RELATED.items():
        assert related <= by_text[surface], surface


@pytest.mark.parametrize(
    "text",
    [
        "Er aß eine Waffel.",
        "Der Krieger schlief.",
        "Wir kriegen das hin.",
        "Die hur war da.",
        "Der Krimi lief, die Kriminalität sinkt.",
        "Sie trug Schutzwesten.",
        "Die Landung klappte, die Termine stehen.",
        "Der Iraner lachte über die nordkoreanische Seite.",
        "Der Frontmann der Band sang.",
    ],
)
def test_bundled_termbase_has_no_hits_in_everyday_words(bundled_matcher, text):
    assert bundled_matcher.match_text(text) == []
