"""The library store: articles in and out whole, duplicates, removal, tags, translations."""

from __future__ import annotations

import pytest

from desktop.core.library.records import LibraryError, UnknownArticle
from desktop.core.library.store import Library, article_day

TEXT = (
    "Bundeswehr erhält neue Flugabwehrraketen\n\n"
    "Die Bundeswehr hat am Dienstag zwei weitere Systeme vom Typ IRIS-T SLM erhalten. "
    "Das Verteidigungsministerium bestätigte die Lieferung.\n\n"
    "Der Generalinspekteur sprach von einem wichtigen Schritt.\n"
)


def test_article_comes_back_whole(lib, make_article, termbase, matcher):
    from desktop.core.terms import find_terms

    art = make_article(
        TEXT, site="example.org", date="2025-03-04", author="A. Autor",
        url="https://example.org/a", raw_html=b"<html><p>x</p></html>", extractor="trafilatura",
    )  # fmt: skip
    hits = find_terms(art, termbase, matcher)
    assert hits, "the real matcher finds Bundeswehr"
    result = lib.add_article(art, hits=hits)
    assert not result.duplicate
    stored = lib.get(result.article_id)
    assert stored.article.text == art.text
    assert stored.article.paragraphs == art.paragraphs  # headings, offsets, sentence ids
    assert stored.article.source == art.source
    assert stored.article.source.raw_html == b"<html><p>x</p></html>"
    assert stored.article.title == "Bundeswehr erhält neue Flugabwehrraketen"
    assert stored.hits == hits
    row = stored.row
    assert (row.site, row.date, row.day, row.url) == (
        "example.org",
        "2025-03-04",
        "2025-03-04",
        "https://example.org/a",
    )
    assert row.sentences == len(art.sentences()) and row.term_count == len(hits)
    assert stored.translations == {} and stored.model_key is None


def test_same_text_is_a_duplicate_and_a_removed_one_returns(lib, make_article):
    first = lib.add_article(make_article(TEXT, name="a.txt"))
    again = lib.add_article(make_article(TEXT, name="copy.txt", site="other"))
    assert again == type(first)(first.article_id, True)
    assert len(lib.list_articles()) == 1
    lib.remove(first.article_id)
    assert lib.list_articles() == []
    assert lib.add_article(make_article(TEXT)).duplicate
    assert [r.id for r in lib.list_articles()] == [first.article_id]


def test_remove_restore_purge(lib, add):
    one = add(TEXT)
    two = add("Zweiter Artikel\n\nDie Marine übt in der Ostsee.\n")
    lib.remove(one)
    assert [r.id for r in lib.list_articles()] == [two]
    assert [r.id for r in lib.list_articles(include_deleted=True, sort="added")] == [two, one]
    assert lib.list_articles(include_deleted=True)[-1].deleted
    lib.restore(one)
    assert {r.id for r in lib.list_articles()} == {one, two}
    lib.remove(one)
    assert lib.purge() == 1
    with pytest.raises(UnknownArticle, match="no article"):
        lib.get(one)
    assert lib.term("Bundeswehr") is None  # its hits went with it
    assert lib.check() is None


def test_unknown_ids_give_one_line(lib):
    for call in (lib.get, lib.remove, lib.restore, lib.row):
        with pytest.raises(UnknownArticle) as info:
            call(99)
        assert str(info.value) == "the library has no article 99"
    with pytest.raises(UnknownArticle):
        lib.set_tags(99, ["x"])
    with pytest.raises(UnknownArticle):
        lib.store_translations(99, "m", {"p1s1": "x"})


def test_tags_read_and_filters(lib, add):
    a = add(TEXT, site="zeit.de", date="2025-01-10")
    b = add("Marine übt\n\nDie Marine übt in der Ostsee mit der Fregatte Sachsen.\n",
            site="faz.net", date="2025-02-01")  # fmt: skip
    c = add("Heer bestellt\n\nDas Heer bestellt neue Kampfpanzer.\n", site="zeit.de")
    lib.set_tags(a, ["  Luftabwehr ", "IRIS-T", ""])
    lib.set_read(b, True)
    assert lib.row(a).tags == ("IRIS-T", "Luftabwehr")
    assert lib.row(b).read and not lib.row(a).read
    assert [r.id for r in lib.list_articles(tag="IRIS-T")] == [a]
    assert {r.id for r in lib.list_articles(site="zeit.de")} == {a, c}
    assert [r.id for r in lib.list_articles(since="2025-01-15", until="2025-12-31")] == [b] + (
        [c] if lib.row(c).day <= "2025-12-31" else []
    )
    assert [r.id for r in lib.list_articles(term="Bundeswehr")] == [a]
    assert lib.list_articles(term="Wort, das kein Begriff ist") == []
    assert [r.id for r in lib.list_articles(text="Fregatte")] == [b]
    assert [r.id for r in lib.list_articles(sort="title", descending=False)] == [a, c, b]
    assert dict(lib.sites()) == {"zeit.de": 2, "faz.net": 1}
    assert dict(lib.tags()) == {"IRIS-T": 1, "Luftabwehr": 1}
    with pytest.raises(LibraryError, match="unknown sort"):
        lib.list_articles(sort="colour")


@pytest.mark.parametrize("bad", ["garbage", "2025-13-45", "0000-00-00", "2025-02-30"])
def test_a_filter_day_that_is_no_day_is_one_line(lib, add, bad):
    # It was compared as text: "garbage" silently listed nothing, "2025-13-45" everything.
    add(TEXT, date="2025-01-10")
    for where in ("since", "until"):
        with pytest.raises(LibraryError, match="YYYY-MM-DD") as info:
            lib.list_articles(**{where: bad})
        assert "\n" not in str(info.value) and bad in str(info.value)


def test_article_day_reads_the_date_or_falls_back():
    assert article_day("2025-03-04T10:00:00+01:00", "2026-01-01T00:00:00") == "2025-03-04"
    assert article_day("4. März 2025", "2026-01-01T00:00:00") == "2026-01-01"
    assert article_day("04.03.2025", "2026-01-01T00:00:00") == "2025-03-04"
    assert article_day("2025-02-30", "2026-01-01T00:00:00") == "2026-01-01"
    assert article_day(None, "2026-01-01T00:00:00") == "2026-01-01"


def test_translations_untranslated_order_and_counts(lib, add):
    older = add(TEXT)
    newer = add("Marine übt\n\nDie Marine übt in der Ostsee. Die Fregatte läuft aus.\n")
    pending = lib.untranslated(100)
    # Newest article first, document order inside an article.
    assert [(a, s) for a, s, _ in pending[:3]] == [
        (newer, "p1s1"),
        (newer, "p2s1"),
        (newer, "p2s2"),
    ]
    assert {a for a, _, _ in pending} == {older, newer}
    assert lib.count_untranslated() == len(pending)
    assert lib.store_translations(newer, "model-a", {"p1s1": "Navy exercises", "p9s9": "x"}) == 1
    assert (newer, "p1s1") not in {(a, s) for a, s, _ in lib.untranslated(100)}
    assert lib.row(newer).translated == 1
    lib.store_translations(newer, "model-b", {"p1s1": "The navy trains"})
    stored = lib.get(newer)
    assert stored.translations == {"p1s1": "The navy trains"} and stored.model_key == "model-b"
    assert lib.row(newer).translated == 1  # a sentence counts once, whatever the models
    cursor = lib.pending_sentences(1)[0]
    after = lib.pending_sentences(100, after=(cursor[0], cursor[1]))
    assert cursor not in after and len(after) == len(lib.untranslated(100)) - 1
    assert lib.stats().translated == 1


def test_store_many_skips_purged_articles(lib, add):
    gone = add(TEXT)
    kept = add("Marine übt\n\nDie Marine übt in der Ostsee.\n")
    lib.remove(gone)
    lib.purge()
    assert lib.store_many("m", {gone: {"p1s1": "x"}, kept: {"p1s1": "Navy"}}) == 1


def test_stats_and_check(lib, add):
    add(TEXT, site="zeit.de")
    st = lib.stats()
    assert (st.articles, st.deleted, st.sites) == (1, 0, 1)
    assert st.sentences == 4 and st.term_hits > 0 and st.terms > 0
    assert st.database_bytes > 0
    assert lib.check() is None


def test_reopen_keeps_everything(tmp_path, make_article):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        article_id = lib.add_article(make_article(TEXT)).article_id
        lib.store_translations(article_id, "m", {"p1s1": "Bundeswehr receives"})
    with Library.open(path) as lib:
        assert lib.notice is None
        assert lib.get(article_id).translations == {"p1s1": "Bundeswehr receives"}


def test_closed_library_says_so(tmp_path):
    lib = Library.open(tmp_path / "lib.sqlite")
    lib.close()
    with pytest.raises(LibraryError, match="closed"):
        lib.list_articles()


def test_library_is_shared_between_threads(lib, make_article):
    import threading

    errors = []

    def work(n: int) -> None:
        try:
            for i in range(5):
                lib.add_article(make_article(f"Titel {n} {i}\n\nText Nummer {n} und {i}.\n"))
                lib.search("Nummer")
        except Exception as exc:  # pragma: no cover - the failure is the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(lib.list_articles()) == 20
