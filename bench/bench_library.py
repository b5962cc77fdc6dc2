"""Library at scale: import rate, size per article, search and term-index latency.

A synthetic library is generated from sentence templates written for this benchmark
(German defence-news sentences with parallel English, varied names, places, systems,
numbers and dates), written as HTML pages with metadata (site, date) and imported through
``Library.import_paths`` — the loader, the real glossary matcher and the store, as a
folder import in the window does it. The English side is stored as a stand-in
"translation" so that English search has something to find (no de->en model is installed
here). Goals: import >= 20 articles/s, search p95 < 50 ms and term query < 50 ms at 10,000
articles.

    .venv/bin/python bench/bench_library.py                # 10,000 articles
    .venv/bin/python bench/bench_library.py --articles 500
"""

from __future__ import annotations

import argparse
import html
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# (German, English) slot values. Systems and forces are mostly glossary terms, so the term
# index has real work; persons and places vary the vocabulary.
ACTORS = [
    ("die Bundeswehr", "the Bundeswehr"), ("die NATO", "NATO"), ("Russland", "Russia"),
    ("die Ukraine", "Ukraine"), ("das Verteidigungsministerium", "the Ministry of Defence"),
    ("die Marine", "the Navy"), ("die Luftwaffe", "the Air Force"), ("das Heer", "the Army"),
    ("Rheinmetall", "Rheinmetall"), ("die Europäische Union", "the European Union"),
    ("der Bundesnachrichtendienst", "the Federal Intelligence Service"),
    ("die ukrainischen Streitkräfte", "the Ukrainian armed forces"),
    ("die russische Armee", "the Russian army"), ("Polen", "Poland"), ("Litauen", "Lithuania"),
]  # fmt: skip
SYSTEMS = [
    ("IRIS-T SLM", "IRIS-T SLM"), ("Patriot", "Patriot"), ("Leopard 2A8", "Leopard 2A8"),
    ("Taurus", "Taurus"), ("Eurofighter", "Eurofighter"), ("F-35", "F-35"),
    ("Gepard", "Gepard"), ("Panzerhaubitze 2000", "Panzerhaubitze 2000"),
    ("Boxer", "Boxer"), ("Marder", "Marder"), ("Shahed-Drohnen", "Shahed drones"),
    ("Iskander", "Iskander"), ("Kalibr-Marschflugkörper", "Kalibr cruise missiles"),
    ("Flugabwehrraketen", "air defence missiles"), ("Kampfpanzer", "main battle tanks"),
    ("Fregatten", "frigates"), ("U-Boote", "submarines"), ("Hubschrauber", "helicopters"),
    ("Artilleriegranaten", "artillery shells"), ("Drohnenabwehrsysteme", "counter-drone systems"),
]  # fmt: skip
PLACES = [
    "Kiew", "Charkiw", "Odessa", "Cherson", "Saporischschja", "Dnipro", "Lwiw", "Vilnius",
    "Riga", "Tallinn", "Warschau", "Rukla", "Kaliningrad", "Brüssel", "Berlin", "Koblenz",
    "Unterlüß", "Munster", "Ramstein", "Rostock", "Kiel", "Wilhelmshaven", "Bakhmut",
    "Pokrowsk", "Kupjansk", "Sewastopol", "Belgorod", "Kursk", "Minsk", "Helsinki",
]  # fmt: skip
FIRST = [
    "Anna",
    "Boris",
    "Carsten",
    "Dana",
    "Elena",
    "Frank",
    "Gerda",
    "Hannes",
    "Irina",
    "Jonas",
    "Katrin",
    "Lars",
    "Mira",
    "Nils",
    "Olga",
    "Paul",
    "Ruth",
    "Sven",
    "Tanja",
]
SYLLABLES = ["ber", "mann", "ko", "wal", "ski", "en", "dorf", "rich", "hoff", "lin", "stein",
             "nov", "berg", "ter", "haus", "schu", "ma", "ler", "vic", "sen"]  # fmt: skip
TEMPLATES = [
    ("{a} hat am {d} {n} weitere {s} nach {p} geliefert.",
     "{A} delivered {n} more {S} to {p} on {D}."),
    ("Nach Angaben von {x} wurden bei dem Angriff auf {p} {n} {s} eingesetzt.",
     "According to {x}, {n} {S} were used in the attack on {p}."),
    ("{a} kündigte an, die Produktion von {s} bis {y} zu verdoppeln.",
     "{A} announced that it would double production of {S} by {y}."),
    ("Der Sprecher {x} sagte, die Lage um {p} sei weiterhin angespannt.",
     "Spokesman {x} said the situation around {p} remained tense."),
    ("In der Nacht zum {d} meldete {a} {n} Drohnenangriffe auf {p}.",
     "In the night to {D}, {A} reported {n} drone attacks on {p}."),
    ("Die Beschaffung von {n} {s} soll {y} abgeschlossen sein.",
     "The procurement of {n} {S} is to be completed in {y}."),
    ("{x} besuchte am {d} die Truppe in {p} und sprach über {s}.",
     "{x} visited the troops in {p} on {D} and spoke about {S}."),
    ("Nach Einschätzung von Fachleuten verfügt {a} nur noch über wenige {s}.",
     "According to experts, {A} has only a few {S} left."),
    ("Die Verhandlungen in {p} über weitere Lieferungen von {s} wurden vertagt.",
     "The talks in {p} on further deliveries of {S} were postponed."),
    ("{a} verlegt {n} Soldaten und mehrere {s} an die Ostflanke nach {p}.",
     "{A} is moving {n} soldiers and several {S} to the eastern flank in {p}."),
    ("Ein Bericht des Wehrbeauftragten nennt Mängel bei {s} in {p}.",
     "A report by the Parliamentary Commissioner names shortcomings of {S} in {p}."),
    ("Die Munitionslieferungen an {a} sollen im {m} steigen.",
     "Munitions deliveries to {A} are to increase in {M}."),
    ("Am Rande des Treffens in {p} äußerte sich {x} zurückhaltend.",
     "On the sidelines of the meeting in {p}, {x} was reserved."),
    ("Die Kosten für {s} liegen nach Schätzungen bei {n} Millionen Euro.",
     "The cost of {S} is estimated at {n} million euros."),
    ("Beobachter in {p} berichten von {n} Explosionen in der Nacht.",
     "Observers in {p} report {n} explosions during the night."),
    ("{x} kritisierte die Entscheidung scharf.", "{x} sharply criticised the decision."),
    ("Eine offizielle Bestätigung aus {p} gab es zunächst nicht.",
     "There was initially no official confirmation from {p}."),
    ("Der Vertrag mit {a} hat eine Laufzeit von {n} Monaten.",
     "The contract with {A} runs for {n} months."),
    ("Im {m} sollen die ersten {s} einsatzbereit sein.",
     "The first {S} are to be operational in {M}."),
    ("Die Opposition fordert mehr Transparenz bei der Vergabe.",
     "The opposition is calling for more transparency in the award."),
]  # fmt: skip
MONTHS = [("Januar", "January"), ("Februar", "February"), ("März", "March"), ("April", "April"),
          ("Mai", "May"), ("Juni", "June"), ("Juli", "July"), ("August", "August"),
          ("September", "September"), ("Oktober", "October"), ("November", "November"),
          ("Dezember", "December")]  # fmt: skip
SITES = ["tagesschau.de", "spiegel.de", "faz.net", "zeit.de", "sueddeutsche.de", "welt.de",
         "handelsblatt.com", "augengeradeaus.net", "hartpunkt.de", "n-tv.de"]  # fmt: skip


def _person(rng: random.Random) -> str:
    last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return f"{rng.choice(FIRST)} {last.capitalize()}"


class Vocabulary:
    """Slot values: the lists above plus the glossary's own terms, drawn Zipf-like.

    Each article has a topic (a few systems, actors, places and templates), as a news
    article does, so that a term's spread over the library looks like real news: a few
    terms in many articles, most in few.
    """

    def __init__(self) -> None:
        from desktop.core.glossary.termbase import Termbase

        entries = list(Termbase.load_default())

        def pairs(*categories: str) -> list[tuple[str, str]]:
            return [(e.de, e.en) for e in entries if e.category in categories and e.en]

        self.systems = SYSTEMS + pairs("weapon_system", "weapon_class")
        self.actors = ACTORS + pairs("force", "agency", "organisation")
        self.places = PLACES + [de for de, _ in pairs("place")]

    @staticmethod
    def zipf(rng: random.Random, items: list, k: int) -> list:
        weights = [1.0 / (rank + 1) for rank in range(len(items))]
        return rng.choices(items, weights=weights, k=k)

    def topic(self, rng: random.Random) -> dict[str, list]:
        return {
            "systems": self.zipf(rng, self.systems, 3),
            "actors": self.zipf(rng, self.actors, 2),
            "places": self.zipf(rng, self.places, 2),
            "templates": rng.sample(TEMPLATES, 7),
        }


def sentence(
    rng: random.Random, topic: dict[str, list], day: tuple[int, int, int]
) -> tuple[str, str]:
    """One (German, English) sentence from a template of the topic with random slots."""
    de, en = rng.choice(topic["templates"])
    a, s, m = rng.choice(topic["actors"]), rng.choice(topic["systems"]), rng.choice(MONTHS)
    y, mo, d = day
    values = {
        "a": a[0], "A": a[1], "s": s[0], "S": s[1], "p": rng.choice(topic["places"]),
        "n": str(rng.randint(2, 400)), "y": str(rng.randint(2025, 2030)), "x": _person(rng),
        "d": f"{d}. {MONTHS[mo - 1][0]}", "D": f"{MONTHS[mo - 1][1]} {d}",
        "m": m[0], "M": m[1],
    }  # fmt: skip
    german = de.format(**values)
    return german[0].upper() + german[1:], en.format(**values)


def article(
    rng: random.Random, vocab: Vocabulary, i: int
) -> tuple[str, list[list[tuple[str, str]]], str, str]:
    """(title, paragraphs of (de, en) sentences, site, ISO date) of synthetic article I."""
    start = time.mktime((2024, 1, 1, 12, 0, 0, 0, 0, -1))
    y, mo, d = time.localtime(start + rng.randint(0, 729) * 86400)[:3]
    topic = vocab.topic(rng)
    title = f"{topic['systems'][0][0]} für {topic['places'][0]}: {topic['actors'][0][0]} " \
            f"meldet Lage Nr. {i}"  # fmt: skip
    paras = [
        [sentence(rng, topic, (y, mo, d)) for _ in range(rng.randint(2, 5))]
        for _ in range(rng.randint(3, 6))
    ]
    return title, paras, rng.choice(SITES), f"{y:04d}-{mo:02d}-{d:02d}"


def write_page(folder: Path, i: int, rng: random.Random, vocab: Vocabulary) -> list[str]:
    """Write article I as an HTML page; its English sentences in document order."""
    title, paras, site, date = article(rng, vocab, i)
    body = "".join("<p>" + " ".join(html.escape(de) for de, _ in para) + "</p>\n" for para in paras)
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{date}T08:00:00+01:00">'
        f"</head><body><article><h1>{html.escape(title)}</h1>\n{body}</article></body></html>"
    )
    (folder / f"{i:06d}.html").write_text(page, encoding="utf-8")
    return [en for para in paras for _, en in para]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-library-"))
    os.environ["LAGEBILD_HOME"] = str(tmp / "home")

    from desktop.core.glossary.termbase import Termbase
    from desktop.core.library.store import Library

    rng = random.Random(args.seed)
    pages = tmp / "pages"
    pages.mkdir()
    t0 = time.perf_counter()
    vocab = Vocabulary()
    english = [write_page(pages, i, rng, vocab) for i in range(args.articles)]
    print(f"generated {args.articles} pages in {time.perf_counter() - t0:.1f} s ({pages})")

    termbase = Termbase.load_default()
    termbase.matcher()
    lib = Library.open(tmp / "library.sqlite")
    t0 = time.perf_counter()
    report = lib.import_paths([str(pages)], termbase=termbase)
    took = time.perf_counter() - t0
    print(
        f"import: {report.added} added, {report.duplicates} duplicates, "
        f"{len(report.failed)} failed in {took:.1f} s = {report.added / took:.1f} articles/s "
        "(load + extract + segment + terms + store; goal >= 20)"
    )
    if report.failed:
        print("  first failure:", report.failed[0])

    # English stand-in translations for every other article (by import order).
    t0 = time.perf_counter()
    n_tr = 0
    for article_id, en in zip(report.article_ids, english, strict=False):
        if article_id % 2:
            continue
        sids = [s.id for s in lib.get(article_id).article.sentences()]
        # sentence ids after the title heading: p1s1 is the title, then the body sentences
        lib.store_translations(article_id, "bench", dict(zip(sids[1:], en, strict=False)))
        n_tr += 1
    print(f"stored stand-in translations for {n_tr} articles in {time.perf_counter() - t0:.1f} s")

    lib.close()
    t0 = time.perf_counter()
    lib = Library.open(tmp / "library.sqlite")
    print(f"open (with quick_check): {1000 * (time.perf_counter() - t0):.0f} ms")
    st = lib.stats()
    n = max(1, st.articles)
    print(
        f"size: {st.database_bytes / 1e6:.1f} MB = {st.database_bytes / n / 1024:.1f} KiB/article;"
        f" {st.sentences} sentences, {st.term_hits} term mentions of {st.terms} terms"
    )
    _index_sizes(tmp / "library.sqlite", n)

    queries = [
        "Bundeswehr", "Raketen", "Rakete", "Flugabwehr", "Drohnenangriffe", "Patriot",
        "Leopard 2A8", '"nach Kiew geliefert"', "Lieferungen Taurus", "Kampfpanzer OR Fregatten",
        "Munition", "Beschaffung", "Wehrbeauftragte", "Odessa Drohnen", "Verteidigungsminister*",
        "Ostflanke", "Soldaten", "Unterlüß", "Sprecher", "Hubschrauber", "air defence",
        "missiles", "frigates Kiel", "delivered", "tense", "xyzzy",
    ]  # fmt: skip
    times: list[float] = []
    for _ in range(5):
        for q in queries:
            t0 = time.perf_counter()
            lib.search(q, limit=50)
            times.append(1000 * (time.perf_counter() - t0))
    print(
        f"search ({len(queries)} queries x 5, limit 50): p50 {pct(times, 0.5):.1f} ms, "
        f"p95 {pct(times, 0.95):.1f} ms, max {max(times):.1f} ms (goal p95 < 50)"
    )
    worst = sorted(queries, key=lambda q: _time(lambda q=q: lib.search(q, limit=50)))[-3:]
    print(f"  slowest queries: {worst}")

    ranked = lib.terms(100_000)
    # Terms spread over the ranking (common to rare), plus forms a reader types.
    step = max(1, len(ranked) // 40)
    terms = [t.key for t in ranked[::step]] + [
        "Raketen",
        "air defence",
        "Marschflugkörper",
        "Patriot",
        "Kiew",
        "drones",
    ]
    ttimes: list[float] = []
    for _ in range(3):
        for q in terms:
            t0 = time.perf_counter()
            lib.term(q)
            ttimes.append(1000 * (time.perf_counter() - t0))
    print(
        f"term report ({len(terms)} terms from common to rare, x 3): p50 {pct(ttimes, 0.5):.1f}"
        f" ms, p95 {pct(ttimes, 0.95):.1f} ms, max {max(ttimes):.1f} ms (goal < 50)"
    )
    print(f"  {len(ranked)} terms; articles per term: top {ranked[0].articles}, "
          f"median {ranked[len(ranked) // 2].articles}")  # fmt: skip
    for t in ranked[:3]:
        t0 = time.perf_counter()
        rep = lib.term(t.key)
        ms = 1000 * (time.perf_counter() - t0)
        assert rep is not None
        print(f"  common term {rep.key!r}: {rep.mentions} mentions in {len(rep.articles)} "
              f"articles, {len(rep.timeline)} days, co-mentions over {rep.co_window}: "
              f"{ms:.0f} ms")  # fmt: skip
    t0 = time.perf_counter()
    rows = lib.list_articles()
    print(f"list_articles (all {len(rows)} rows): {1000 * (time.perf_counter() - t0):.0f} ms")
    t0 = time.perf_counter()
    lib.get(rows[len(rows) // 2].id)
    print(f"get one article: {1000 * (time.perf_counter() - t0):.1f} ms")
    lib.close()
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _time(fn: object) -> float:
    assert callable(fn)
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _index_sizes(path: Path, n: int) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
    except sqlite3.OperationalError:
        print("  (per-table sizes need SQLite's dbstat table, not compiled in here)")
        return
    finally:
        conn.close()
    groups: dict[str, int] = {}
    for name, size in rows:
        for prefix in ("de_fts", "lemma_fts", "en_fts"):
            if name.startswith(prefix):
                name = prefix
        groups[name] = groups.get(name, 0) + size
    top = sorted(groups.items(), key=lambda kv: -kv[1])[:9]
    print("  per article: " + ", ".join(f"{k} {v / n / 1024:.1f} KiB" for k, v in top))


if __name__ == "__main__":
    raise SystemExit(main())
