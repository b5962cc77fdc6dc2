"""German news articles written for the library tests and screenshots (invented events).

Each is a small web page with the metadata a news site carries (title, site, date), so
the library lists them with site and date and the term timeline has days to count.
"""

from __future__ import annotations

import html
from pathlib import Path

# (file name, site, date, title, paragraphs)
ARTICLES = [
    (
        "eurofighter-beschaffung.html",
        "Lageblick",
        "2025-03-03",
        "Bundestag billigt weitere Eurofighter für die Luftwaffe",
        [
            "Der Haushaltsausschuss des Bundestages hat am Mittwoch die Beschaffung von "
            "zwanzig weiteren Eurofighter für die Luftwaffe gebilligt. Die Maschinen sollen "
            "ab 2029 ausgeliefert werden.",
            "Das Bundesministerium der Verteidigung verweist auf die veränderte Lage seit dem "
            "russischen Angriff auf die Ukraine. Die NATO erwarte von Deutschland mehr "
            "Kampfflugzeuge für die Luftverteidigung an der Ostflanke.",
            "Kritiker in der Opposition bemängeln die Kosten. Die Bundeswehr brauche zuerst "
            "Munition und Ersatzteile, hieß es aus dem Verteidigungsausschuss.",
        ],
    ),
    (
        "patriot-ukraine.html",
        "Lageblick",
        "2025-03-05",
        "Weiteres Patriot-System für die Ukraine",
        [
            "Deutschland liefert der Ukraine ein weiteres Patriot-System zur Flugabwehr. Das "
            "teilte das Bundesministerium der Verteidigung am Freitag in Berlin mit.",
            "Die Ukraine wehrt seit Monaten nächtliche Angriffe mit Raketen und Drohnen ab. "
            "Nach Angaben der ukrainischen Luftwaffe wurden in der Nacht elf Raketen "
            "abgefangen.",
            "Die NATO berät in Brüssel über weitere Hilfe für die Luftverteidigung der Ukraine.",
        ],
    ),
    (
        "drohnenabwehr-ostsee.html",
        "Nordwacht",
        "2025-03-05",
        "Marine testet Drohnenabwehr in der Ostsee",
        [
            "Die Deutsche Marine hat vor Rügen ein neues System zur Drohnenabwehr erprobt. "
            "Eine Fregatte fing dabei mehrere Zieldrohnen ab.",
            "Hintergrund sind Sichtungen von Drohnen über Marinestützpunkten und Häfen an der "
            "Ostsee. Der Militärische Abschirmdienst ermittelt in mehreren Fällen.",
            "Die Bundeswehr will die Abwehr kleiner Drohnen bis Jahresende an allen großen "
            "Standorten verbessern.",
        ],
    ),
    (
        "bnd-bericht.html",
        "Nordwacht",
        "2025-03-12",
        "BND warnt vor russischer Sabotage",
        [
            "Der Bundesnachrichtendienst warnt vor Sabotage gegen kritische Infrastruktur in "
            "Deutschland. Russland setze dafür zunehmend angeworbene Kleinkriminelle ein, "
            "heißt es in einem Lagebild des Dienstes.",
            "Auch der Militärische Abschirmdienst beobachtet Ausspähversuche an Kasernen der "
            "Bundeswehr, an denen ukrainische Soldaten ausgebildet werden.",
            "Das Bundesamt für Verfassungsschutz rät Unternehmen, Drohnenflüge über ihren "
            "Anlagen zu melden.",
        ],
    ),
    (
        "eurofighter-ostflanke.html",
        "Lageblick",
        "2025-03-12",
        "Eurofighter sichern Luftraum über dem Baltikum",
        [
            "Vier Eurofighter der Luftwaffe sind zur Luftraumüberwachung der NATO nach Estland "
            "verlegt worden. Die Maschinen stiegen in der ersten Woche dreimal auf.",
            "Russische Aufklärungsflugzeuge hatten sich dem Luftraum über der Ostsee ohne "
            "Transponder genähert. Die Eurofighter begleiteten sie bis zur Grenze.",
        ],
    ),
    (
        "sanktionen-paket.html",
        "Kurier Politik",
        "2025-03-18",
        "EU beschließt neues Sanktionspaket gegen Russland",
        [
            "Die Europäische Union hat ein weiteres Sanktionspaket gegen Russland beschlossen. "
            "Es richtet sich gegen die Schattenflotte, mit der Russland Öl transportiert.",
            "Auch Firmen aus Drittstaaten, die Bauteile für Drohnen und Raketen liefern, "
            "kommen auf die Liste.",
            "Die Ukraine begrüßte den Beschluss und forderte die NATO-Staaten auf, die "
            "Sanktionen streng zu kontrollieren.",
        ],
    ),
    (
        "luftverteidigung-nacht.html",
        "Kurier Politik",
        "2025-03-19",
        "Schwere Angriffe auf Kiew: Patriot fängt Raketen ab",
        [
            "Russland hat Kiew in der Nacht mit Raketen und Drohnen angegriffen. Die "
            "ukrainische Luftverteidigung meldete, ein Patriot-System habe mehrere "
            "ballistische Raketen abgefangen.",
            "Präsident Selenskyj forderte erneut mehr Flugabwehr von den Partnern. "
            "Deutschland prüfe die Lieferung eines weiteren Systems, hieß es in Berlin.",
        ],
    ),
    (
        "eurofighter-export.html",
        "Nordwacht",
        "2025-03-26",
        "Streit um Eurofighter-Export in die Türkei",
        [
            "Die Bundesregierung hat den Weg für den Export von Eurofighter in die Türkei "
            "frei gemacht. Großbritannien führt die Verhandlungen.",
            "Die Opposition kritisiert die Entscheidung. Die Luftwaffe selbst ist von der "
            "Lieferung nicht betroffen.",
        ],
    ),
]


def page(site: str, date: str, title: str, paragraphs: list[str]) -> str:
    """A news page with its metadata and the paragraphs as the article body."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site)}</title>
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{date}T08:00:00+01:00">
</head><body>
<header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
<time datetime="{date}">{date}</time>
{body}
</article></main>
<footer>© {html.escape(site)}</footer>
</body></html>
"""


def write_articles(folder: Path, count: int | None = None) -> list[Path]:
    """Write the first COUNT articles (all when None) into FOLDER; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, site, date, title, paragraphs in ARTICLES[:count]:
        path = folder / name
        path.write_text(page(site, date, title, paragraphs), encoding="utf-8")
        out.append(path)
    return out
