"""Term check: English renderings of German hits, with simple English inflection."""

from __future__ import annotations

import pytest

from desktop.core.documents.article import from_text
from desktop.core.glossary.termbase import Entry, Termbase
from desktop.core.glossary.termcheck import check_terms, find_english

TB = Termbase(
    [
        Entry("drohne", "Drohne", "drone", "weapon_class", en_variants=("UAV",)),
        Entry("ballistische_rakete", "ballistische Rakete", "ballistic missile", "weapon_class"),
        Entry("kn_23", "KN-23", "KN-23", "weapon_system", do_not_translate=True),
        Entry("verbuendeter", "Verbündeter", "ally", "sanctions_diplomacy"),
        Entry("hur", "HUR", "HUR", "agency", en_variants=("GUR",), do_not_translate=True),
    ]
)


@pytest.mark.parametrize(
    ("term", "text", "ok"),
    [
        ("drone", "Two Drones were seen.", True),
        ("drone", "the drone's camera", True),
        ("drone", "a dronebase", False),
        ("ally", "its allies", True),
        ("ballistic missile", "ballistic missiles", True),
        ("long-range missile", "long range missiles", True),
        ("KN-23", "the KN-23s", True),
        ("KN-23", "the kn-23", False),  # designators exactly
        ("KN-23", "the KN-230", False),
        ("HUR", "the hur", False),
    ],
)
def test_find_english(term, text, ok):
    assert bool(find_english(term, text)) is ok


def test_missing_terms_reported_per_sentence():
    art = from_text(
        "Die Drohnen trafen. Die HUR meldet KN-23 ballistische Raketen. Ein Verbündeter."
    )
    hits = TB.matcher().match(art)
    s1, s2, s3 = (s.id for s in art.sentences())
    targets = {
        s1: "The UAVs hit.",
        s2: "The HUR reports KN-23 rockets.",
        s3: None,  # not translated yet: nothing to check
    }
    issues = check_terms(TB, hits, targets)
    assert list(issues) == [s2]
    (issue,) = issues[s2]
    assert issue.entry_id == "ballistische_rakete"
    assert issue.term == "ballistische Raketen"
    assert '"ballistic missile"' in issue.message


def test_do_not_translate_accepts_the_german_name():
    art = from_text("Die HUR meldet.")
    hits = TB.matcher().match(art)
    (sid,) = (s.id for s in art.sentences())
    assert check_terms(TB, hits, {sid: "The HUR reports."}) == {}
    assert [i.entry_id for i in check_terms(TB, hits, {sid: "Intelligence reports."})[sid]] == [
        "hur"
    ]
