"""Newspaper abbreviations do not end a sentence: one sentence per kind, then every entry."""

from __future__ import annotations

import pytest

from desktop.core.documents.article import from_text
from desktop.core.text import abbreviations


def _sentences(text: str) -> list[str]:
    return [s.text for s in from_text(text).sentences()]


# One hand-written sentence per kind, as a German newspaper would print it.
@pytest.mark.parametrize(
    "text",
    [
        "Der Abg. Müller und Staatssekr. Schmidt sprachen im Ausschuss.",  # title, office
        "Die Rede hielt Bundesmin. Pistorius vor Offizieren.",  # office
        "Oberstlt. Weber und Hptm. Braun führten die Übung.",  # rank
        "Das Btl. Nord und das Regt. Süd rückten gemeinsam vor.",  # unit
        "Die 1. Kp. des Pz.Btl. 393 übte im Sept. Gefechtsschießen.",  # unit, time
        "Der Angriff begann am Mo. gegen 4 Uhr und dauerte bis nachm. an.",  # time
        "Die Firma Rheinmetall bzw. ihre Tochter liefert ca. Hundert Fahrzeuge.",  # general
        "Der Verein Reservisten e. V. lud ein, u. a. Soldaten a. D. kamen.",  # multi-period
    ],
)
def test_a_sentence_per_kind(text):
    assert _sentences(text) == [text]


def test_there_are_a_few_hundred():
    assert abbreviations.count() >= 250


@pytest.mark.parametrize(
    "abbr", sorted({w for words in abbreviations.ABBREVIATIONS.values() for w in words})
)
def test_every_abbreviation_before_a_capitalised_noun(abbr):
    text = f"Gestern sprach {abbr}. Müller über die Lage. Danach endete die Sitzung."
    assert _sentences(text) == [
        f"Gestern sprach {abbr}. Müller über die Lage.",
        "Danach endete die Sitzung.",
    ]


@pytest.mark.parametrize("word", ["sich", "dir", "Krim", "Iran", "log", "bat"])
def test_ordinary_words_still_end_a_sentence(word):
    text = f"Am Ende sprach man über {word}. Danach endete die Sitzung."
    assert len(_sentences(text)) == 2
