"""German sentence splitting: expectations written by hand."""

from __future__ import annotations

import pytest

from desktop.core.documents.article import from_text


def sentences(text: str, language: str = "de") -> list[str]:
    return [s.text for s in from_text(text, language=language).sentences()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Oberst a. D. Müller sagte, z. B. Drohnen seien u. a. gefährlich. Das ist neu.",
            [
                "Der Oberst a. D. Müller sagte, z. B. Drohnen seien u. a. gefährlich.",
                "Das ist neu.",
            ],
        ),
        (
            "Am 3. Oktober griff die 10. Panzerdivision an. Am 24.02.2022 begann der Krieg.",
            ["Am 3. Oktober griff die 10. Panzerdivision an.", "Am 24.02.2022 begann der Krieg."],
        ),
        (
            "Die Kosten betragen ca. 3 Mrd. Euro bzw. 5 Mio. Dollar. Gen. Saluschnyj widersprach.",
            [
                "Die Kosten betragen ca. 3 Mrd. Euro bzw. 5 Mio. Dollar.",
                "Gen. Saluschnyj widersprach.",
            ],
        ),
        (
            "„Wir werden siegen!“, sagte er. Warum? Weil es so ist! Danach (so Budanov) folgte mehr.",
            [
                "„Wir werden siegen!“, sagte er.",
                "Warum?",
                "Weil es so ist!",
                "Danach (so Budanov) folgte mehr.",
            ],
        ),
        (
            "Er sagte: „Das ist vorbei.“ Dann ging er. (Das war klar.) Und weiter.",
            ["Er sagte: „Das ist vorbei.“", "Dann ging er.", "(Das war klar.)", "Und weiter."],
        ),
        (
            "Das geschah im Jahr 2022. Die Armee zog ab.",
            ["Das geschah im Jahr 2022.", "Die Armee zog ab."],
        ),
        (
            "Er nannte Nr. 5 als Ziel. Der 2. Weltkrieg endete 1945. Dann kam Frieden.",
            ["Er nannte Nr. 5 als Ziel.", "Der 2. Weltkrieg endete 1945.", "Dann kam Frieden."],
        ),
        (
            "Dr. Schmidt und Prof. Meier sprachen am Mo. 3. März mit Hptm. Lange. Es war kalt.",
            [
                "Dr. Schmidt und Prof. Meier sprachen am Mo. 3. März mit Hptm. Lange.",
                "Es war kalt.",
            ],
        ),
        (
            "Die Raketen flogen weit... und trafen. Was nun?! Niemand weiß es.",
            ["Die Raketen flogen weit... und trafen.", "Was nun?!", "Niemand weiß es."],
        ),
        (
            "Das 12. Sanktionspaket der EU trat am 18. Dezember in Kraft. Moskau protestierte.",
            [
                "Das 12. Sanktionspaket der EU trat am 18. Dezember in Kraft.",
                "Moskau protestierte.",
            ],
        ),
    ],
)
def test_tricky_german(text, expected):
    assert sentences(text) == expected


def test_chinese_punctuation_splitter():
    assert sentences("我们在这里。你好吗？很好！", language="zh") == [
        "我们在这里。",
        "你好吗？",
        "很好！",
    ]


def test_other_language_uses_simple_splitter():
    assert sentences("It works. Does it? Yes!", language="en") == ["It works.", "Does it?", "Yes!"]


def test_long_sentence_without_punctuation_is_cut_into_pieces():
    text = " ".join(["Drohnenangriff"] * 360)  # ~5,400 characters, no punctuation
    article = from_text(text)
    pieces = article.sentences()
    assert len(pieces) > 10
    assert all(len(s.text) <= 400 for s in pieces)
    # Nothing is lost: the pieces cover every word in order.
    assert " ".join(s.text for s in pieces) == text
    assert all(article.text[s.start : s.end] == s.text for s in pieces)


def test_single_endless_token_is_cut_hard():
    pieces = from_text("x" * 5000).sentences()
    assert [len(s.text) for s in pieces] == [400] * 12 + [200]
