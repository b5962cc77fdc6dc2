"""`lagebild segment PAGE.html` and `lagebild segment http://…`: web pages on the command line.

Saved pages are the hand-written ones in tests/data/web; URLs are served by the loopback
server of tests/core/documents/test_web_pages.py (127.0.0.1, bounded, stopped by the test).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.core.documents.test_web_pages import PageServer, routes

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "tests" / "data" / "web"
_PROXIES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
            "no_proxy", "NO_PROXY")  # fmt: skip
_OLD_KEYS = {"path", "name", "encoding", "bytes", "language", "characters", "title"}


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in _PROXIES}
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, env=env)  # fmt: skip


def sentences(data: dict) -> list[str]:
    return [s["text"] for p in data["paragraphs"] for s in p["sentences"]]


@pytest.fixture
def site(monkeypatch):
    for name in _PROXIES:
        monkeypatch.delenv(name, raising=False)
    with PageServer(routes()) as server:
        yield server


def test_segment_saved_page_json_carries_the_metadata():
    result = run("segment", "tests/data/web/drohnenabwehr.html", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no log lines from the extraction libraries
    data = json.loads(result.stdout)
    src = data["source"]
    assert _OLD_KEYS <= set(src)
    assert src["title"] == "Bundeswehr testet neue Drohnenabwehr an der Ostsee"
    assert src["date"] == "2025-02-18"
    assert src["author"] == "Katrin Maurer"
    assert src["site"] == "Wehrkurier"
    assert src["url"] == "https://www.wehrkurier.example/sicherheit/drohnenabwehr-ostsee-todendorf"
    assert src["extractor"] == "trafilatura" and src["warning"] is None
    assert src["path"] == "tests/data/web/drohnenabwehr.html"
    assert src["bytes"] == (WEB / "drohnenabwehr.html").stat().st_size
    said = sentences(data)
    assert "Der Bundestag soll im Frühjahr über den Entwurf beraten." in said
    assert not any("Seebär_Kiel" in s or "Cookies" in s for s in said)


def test_segment_json_names_fallback_and_warning():
    fragment = json.loads(run("segment", "tests/data/web/ausschnitt.html", "--json").stdout)
    assert fragment["source"]["extractor"] == "structural"
    assert fragment["source"]["title"] == "Mehr Personal"  # no metadata: the first heading
    wall = json.loads(run("segment", "tests/data/web/zustimmung.html", "--json").stdout)
    assert "consent page" in wall["source"]["warning"]


def test_segment_url_json(site):
    url = site.base + "/page.html"
    result = run("segment", url, "--json")
    assert result.returncode == 0, result.stderr
    src = json.loads(result.stdout)["source"]
    assert src["url"] == url and src["path"] is None and src["name"] == "127.0.0.1/page.html"
    assert src["title"] == "Bundeswehr testet neue Drohnenabwehr an der Ostsee"
    assert (src["date"], src["author"], src["site"]) == ("2025-02-18", "Katrin Maurer",
                                                         "Wehrkurier")  # fmt: skip
    assert src["extractor"] == "trafilatura"
    assert site.paths == ["/page.html"]


def test_segment_url_failure_is_one_line_exit_1(site):
    result = run("segment", site.base + "/missing", "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lagebild: error: Could not read")
    assert "404" in lines[0] and "Traceback" not in result.stderr


def test_every_command_reads_urls_through_the_one_loader(site, capsys):
    assert main(["glossary", site.base + "/r1", "--json", "--no-suggestions"]) == 0
    terms = {t["entry"] for t in json.loads(capsys.readouterr().out)["terms"]}
    assert "drohne" in terms
    assert site.paths == ["/r1", "/r2", "/r3", "/page.html"]
