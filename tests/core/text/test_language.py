"""Guessing the document language from its script."""

from __future__ import annotations

import pytest

from desktop.core.documents.article import from_text
from desktop.core.text.language import guess


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Drohne flog über Pjöngjang.", "de"),
        ("The drone flew over Pyongyang.", "de"),  # Latin script: the German default
        ("俄罗斯向基辅发射了两枚KN-23弹道导弹。", "zh"),
        ("ロシアはミサイルを発射した。", "ja"),
        ("러시아가 미사일을 발사했다.", "ko"),
        ("Россия запустила ракеты по Киеву.", "ru"),
        ("Росія запустила ракети по Києву.", "uk"),
        ("12345 !!!", "de"),
    ],
)
def test_guess(text, expected):
    assert guess(text) == expected


def test_auto_language_picks_the_splitter():
    article = from_text(
        "周二晚上，俄罗斯发射了导弹。乌克兰空军表示，击落了无人机。", language="auto"
    )
    assert article.source.language == "zh"
    assert [s.text for s in article.sentences()] == [
        "周二晚上，俄罗斯发射了导弹。",
        "乌克兰空军表示，击落了无人机。",
    ]
    assert from_text("Ein Satz. Noch einer.", language="auto").source.language == "de"
