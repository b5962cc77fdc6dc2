"""Data checks for the bundled termbase (resources/glossary/termbase.json).

Plain json + pytest only, so these run even while the loader/matcher is being written.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

TERMBASE = Path(__file__).resolve().parents[3] / "resources" / "glossary" / "termbase.json"
ARTICLE = Path(__file__).resolve().parents[3] / "resources" / "articles" / "article-de.txt"

CATEGORIES = {
    "agency",
    "force",
    "weapon_system",
    "weapon_class",
    "concept",
    "sanctions_diplomacy",
    "person",
    "place",
    "organisation",
}
ID_RE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
FIELDS = {
    "id": str,
    "de": str,
    "de_variants": list,
    "en": str,
    "en_variants": list,
    "category": str,
    "definition": str,
    "do_not_translate": bool,
    "related": list,
}

# German acronyms whose English counterpart is a *different* acronym, so the term is
# translated (OSZE -> OSCE), not carried over verbatim. Anything else that looks like a
# designator must be marked do_not_translate.
# (The Russian SVR, written SWR in German, is not listed: its entry's preferred term is
# "Auslandsgeheimdienst SWR", because a bare SWR is also the German broadcaster.)
TRANSLATED_ACRONYMS = {
    "osze": "OSCE",
    "iaeo": "IAEA",
    "ovcw": "OPCW",
    "ead": "EEAS",
    "gsvp": "CSDP",
    "gasp": "CFSP",
}

# Surface forms exactly as they occur in the bundled article -> entry ids that must exist.
ARTICLE_TERMS = {
    "ukrainische Geheimdienst": ["geheimdienst", "ukraine"],
    "Russland": ["russland"],
    "Nordkorea": ["nordkorea"],
    "Shahed-Drohnen": ["shahed_drohne", "drohne"],
    "Kyrylo Budanov": ["budanov"],
    "Militärgeheimdienstes HUR": ["militaergeheimdienst", "hur"],
    "War Zone": ["the_war_zone"],
    "Moskau": ["moskau"],
    "Pjöngjang": ["pjoengjang"],
    "iranischen Shahed-136-Drohnen": ["iran", "shahed_136"],
    "Garpiya": ["garpiya"],
    "Geran": ["geran"],
    "militärische Gleichgewicht": ["militaerisches_gleichgewicht"],
    "Südkorea": ["suedkorea"],
    "Drohnenproduktion": ["drohnenproduktion"],
    "geopolitischen Spannungen": ["spannungen"],
    "Krieges in der Ukraine": ["ukrainekrieg", "krieg"],
    "internationalen Sanktionen": ["sanktion"],
    "militärischen Kapazitäten": ["militaerische_kapazitaet"],
    "internationale Isolation": ["internationale_isolation"],
    "Lieferung von Truppen und Waffen": ["truppe", "waffe", "waffenlieferung"],
    "Drohnentechnologien": ["drohnentechnologie"],
    "KN-23 ballistischen Raketen": ["kn_23", "ballistische_rakete", "rakete"],
    "Ballistikfähigkeiten": ["ballistikfaehigkeit"],
    "Sicherheitsbedenken": ["sicherheitsbedenken"],
    "Technologieaustausch": ["technologieaustausch"],
    "Langstreckenraketen": ["langstreckenrakete"],
    "Luftkampfsysteme": ["luftkampfsystem"],
    "Streuung der Zielgenauigkeit": ["streuung", "zielgenauigkeit"],
    "Proliferation": ["proliferation"],
    "asiatisch-pazifischen Region": ["asiatisch_pazifischer_raum"],
    "strategische Partnerschaft": ["strategische_partnerschaft"],
    "westlichen Sanktionen": ["westen", "sanktion"],
    "Allianzen": ["allianz"],
    "Chinas": ["china"],
    "Verbündeter": ["verbuendeter"],
    "Asien": ["asien"],
    "USA": ["usa"],
    "Eindämmung": ["eindaemmung"],
    "Bedrohungen": ["bedrohung"],
    "Verteidigungsstrategien": ["verteidigungsstrategie"],
    "Militärpräsenz": ["militaerpraesenz"],
    "Großmächten": ["grossmacht"],
    "Humanitäre Organisationen": ["humanitaere_organisation"],
    "Militarisierung": ["militarisierung"],
    "Aufrüstung": ["aufruestung"],
    "Wettrüsten": ["wettruesten"],
    "militärischen Kooperation": ["militaerische_zusammenarbeit"],
    "technologischen Transfers": ["technologietransfer"],
    "internationale Gemeinschaft": ["internationale_gemeinschaft"],
    "diplomatische Bemühungen": ["diplomatie"],
    "Eskalation": ["eskalation"],
    "internationalen Beziehungen": ["internationale_beziehungen"],
    "globale Sicherheit": ["sicherheit"],
}


@pytest.fixture(scope="module")
def data() -> dict:
    with TERMBASE.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def entries(data: dict) -> list[dict]:
    return data["entries"]


def _key(term: str) -> str:
    """Comparison key: all-caps acronyms are case-sensitive, everything else casefolded."""
    return term if term.isupper() else term.casefold()


def _is_designator(term: str) -> bool:
    """True for acronyms and type designators such as HUR, KN-23, Su-34, Leopard 2."""
    letters = [c for c in term if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters) and " " not in term.strip()
    return all_caps or any(c.isdigit() for c in term)


def test_header(data: dict) -> None:
    assert data["format"] == "lagebild-termbase"
    assert data["version"] == 1
    assert isinstance(data["entries"], list)


def test_enough_entries(entries: list[dict]) -> None:
    assert len(entries) >= 250


def test_fields_and_types(entries: list[dict]) -> None:
    for entry in entries:
        assert set(entry) == set(FIELDS), entry.get("id")
        for name, kind in FIELDS.items():
            assert isinstance(entry[name], kind), (entry["id"], name)
        for name in ("de_variants", "en_variants", "related"):
            assert all(isinstance(v, str) and v.strip() == v and v for v in entry[name]), (
                entry["id"],
                name,
            )
        for name in ("de", "en", "definition"):
            assert entry[name].strip() == entry[name] and entry[name], (entry["id"], name)


def test_ids_unique_and_slug_shaped(entries: list[dict]) -> None:
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    bad = [i for i in ids if not ID_RE.fullmatch(i)]
    assert not bad


def test_categories_allowed(entries: list[dict]) -> None:
    bad = [(e["id"], e["category"]) for e in entries if e["category"] not in CATEGORIES]
    assert not bad
    # every category is actually used
    assert {e["category"] for e in entries} == CATEGORIES


def test_related_ids_exist_and_not_self(entries: list[dict]) -> None:
    ids = {e["id"] for e in entries}
    for entry in entries:
        assert entry["id"] not in entry["related"], entry["id"]
        missing = [r for r in entry["related"] if r not in ids]
        assert not missing, (entry["id"], missing)
        assert len(entry["related"]) == len(set(entry["related"])), entry["id"]


def test_no_german_term_under_two_entries(entries: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for term in [entry["de"], *entry["de_variants"]]:
            owners[_key(term)].add(entry["id"])
    clashes = {term: ids for term, ids in owners.items() if len(ids) > 1}
    assert not clashes


def test_no_duplicate_terms_inside_an_entry(entries: list[dict]) -> None:
    for entry in entries:
        de_terms = [entry["de"], *entry["de_variants"]]
        assert len(de_terms) == len(set(de_terms)), entry["id"]
        en_terms = [entry["en"], *entry["en_variants"]]
        assert len(en_terms) == len(set(en_terms)), entry["id"]


def test_designators_are_do_not_translate(entries: list[dict]) -> None:
    offenders = [
        e["id"]
        for e in entries
        if _is_designator(e["de"])
        and not e["do_not_translate"]
        and e["id"] not in TRANSLATED_ACRONYMS
    ]
    assert not offenders


def test_translated_acronyms_are_real_exceptions(entries: list[dict]) -> None:
    by_id = {e["id"]: e for e in entries}
    for entry_id, english in TRANSLATED_ACRONYMS.items():
        entry = by_id[entry_id]
        assert _is_designator(entry["de"]) and entry["de"] != english
        assert entry["en"] == english
        assert entry["do_not_translate"] is False


def test_designator_helper_distinguishes() -> None:
    assert _is_designator("KN-23") and _is_designator("HUR") and _is_designator("Tu-22M3")
    assert not _is_designator("Drohne") and not _is_designator("Kyrylo Budanov")


def test_definitions_are_short(entries: list[dict]) -> None:
    for entry in entries:
        assert 20 <= len(entry["definition"]) <= 320, entry["id"]
        # one or two sentences
        assert entry["definition"].count(". ") <= 2, entry["id"]


@pytest.mark.parametrize("surface", sorted(ARTICLE_TERMS))
def test_article_terms_have_entries(entries: list[dict], surface: str) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert surface in text, f"{surface!r} is not in the bundled article"
    ids = {e["id"] for e in entries}
    missing = [i for i in ARTICLE_TERMS[surface] if i not in ids]
    assert not missing, (surface, missing)


def test_article_term_list_is_long_enough() -> None:
    assert len({i for ids in ARTICLE_TERMS.values() for i in ids}) >= 30
