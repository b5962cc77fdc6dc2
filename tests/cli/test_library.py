"""`lagebild library ...` run as real processes on a real library in the test's home."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "tests" / "data" / "web"


def run(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "library", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)  # fmt: skip


def one_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(
        "Übung an der Ostsee\n\nDie Bundeswehr testet Drohnen. Zwei Raketen wurden abgefeuert.\n",
        encoding="utf-8",
    )
    (root / "sub" / "b.txt").write_text(
        "Lage in Charkiw\n\nDrohnen griffen Charkiw an. Die Luftabwehr fing eine Rakete ab.\n",
        encoding="utf-8",
    )
    shutil.copy(WEB / "drohnenabwehr.html", root / "sub" / "c.html")
    return root


@pytest.fixture
def filled(folder):
    proc = run("add", str(folder), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert (data["added"], data["duplicates"], data["failed"]) == (3, 0, [])
    return data["article_ids"]


def _list() -> list[dict]:
    proc = run("list", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_add_reports_duplicates_and_failures(filled, folder, tmp_path):
    proc = run("add", str(folder / "a.txt"), str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert proc.stdout == "added 0, duplicates 1, failed 1\n"
    assert (
        one_line(proc)
        == f"lagebild library add: {tmp_path / 'nope.txt'}: {tmp_path / 'nope.txt'} does not exist\n"
    )


def test_list_text_json_and_filters(filled):
    rows = _list()
    assert len(rows) == 3 and {r["id"] for r in rows} == set(filled)
    page = next(r for r in rows if r["site"] == "Wehrkurier")
    assert page["date"] == "2025-02-18" and page["term_count"] > 0 and page["translated"] == 0
    text = run("list")
    assert text.returncode == 0 and "Bundeswehr testet neue Drohnenabwehr" in text.stdout
    site = json.loads(run("list", "--json", "--site", "Wehrkurier").stdout)
    assert [r["id"] for r in site] == [page["id"]]
    by_term = json.loads(run("list", "--json", "--term", "Luftabwehr").stdout)
    assert "Lage in Charkiw" in {r["title"] for r in by_term}
    assert (
        run("tag", str(page["id"]), "Drohnen", "Ostsee").stdout.strip().endswith("Drohnen, Ostsee")
    )
    tagged = json.loads(run("list", "--json", "--tag", "Ostsee").stdout)
    assert [r["id"] for r in tagged] == [page["id"]] and tagged[0]["tags"] == ["Drohnen", "Ostsee"]
    bad = run("list", "--sort", "colour")
    assert bad.returncode == 1 and "unknown sort" in one_line(bad)


def test_search_text_and_json(filled):
    proc = run("search", "Rakete", "--json")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    found = {(h["how"], h["snippet"][h["marks"][0][0] : h["marks"][0][1]]) for h in hits}
    assert ("exact", "Rakete") in found and ("lemma", "Raketen") in found
    text = run("search", "Raketen")
    assert "[Raketen]" in text.stdout and text.returncode == 0
    assert json.loads(run("search", "Raketen", "--lang", "en", "--json").stdout) == []
    nothing = run("search", "Schokolade")
    assert nothing.returncode == 0 and "nothing in the library matches" in one_line(nothing)


@pytest.mark.parametrize("query", ["", '""', "***"])
def test_empty_search_is_one_line(filled, query):
    proc = run("search", query)
    assert proc.returncode == 1
    assert one_line(proc) == "lagebild: error: the search is empty: type a word to find\n"


def test_term_report(filled):
    proc = run("term", "drones", "--json")
    assert proc.returncode == 0, proc.stderr
    rep = json.loads(proc.stdout)
    assert rep["de"] == "Drohne" and rep["article_count"] == 3
    assert rep["mentions"] == sum(a["count"] for a in rep["articles"])
    assert sum(p["mentions"] for p in rep["timeline"]) == rep["mentions"]
    assert rep["first_seen"] == "2025-02-18"  # the web page's date; the others are today's
    assert rep["co_mentions"] and all(c["articles"] >= 1 for c in rep["co_mentions"])
    weekly = json.loads(run("term", "Drohne", "--json", "--week").stdout)
    assert weekly["period"] == "week" and weekly["timeline"][0]["period"].startswith("2025-W")
    text = run("term", "Drohnen")
    assert text.returncode == 0 and "first seen 2025-02-18" in text.stdout
    missing = run("term", "Schokolade")
    assert missing.returncode == 1
    assert one_line(missing) == "lagebild: error: no article in the library mentions 'Schokolade'\n"


def test_exports(filled, tmp_path):
    dest = tmp_path / "drohne.csv"
    proc = run("export", "term", "Drohne", str(dest))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(dest.open(encoding="utf-8", newline="")))
    assert rows[0][:4] == ["date", "title", "site", "sentence"] and len(rows) > 3
    assert proc.stdout == f"wrote {len(rows) - 1} mentions to {dest}\n"
    digest = tmp_path / "digest.html"
    ids = ",".join(str(i) for i in filled[:2])
    proc = run("export", "digest", str(digest), "--ids", ids)
    assert proc.returncode == 0 and "2 articles" in proc.stdout
    assert digest.read_text(encoding="utf-8").count("<article ") == 2
    proc = run("export", "digest", str(digest))
    assert "3 articles" in proc.stdout
    bad = run("export", "digest", str(digest), "--ids", "1,x")
    assert bad.returncode == 2 and "not an article id" in bad.stderr
    unknown = run("export", "digest", str(digest), "--ids", "999")
    assert (
        unknown.returncode == 1
        and one_line(unknown) == "lagebild: error: the library has no article 999\n"
    )


def test_remove_and_restore(filled):
    first = filled[0]
    proc = run("remove", str(first))
    assert proc.returncode == 0 and f"lagebild library restore {first}" in proc.stdout
    assert first not in {r["id"] for r in _list()}
    assert run("restore", str(first)).returncode == 0
    assert first in {r["id"] for r in _list()}
    unknown = run("remove", "999")
    assert (
        unknown.returncode == 1
        and one_line(unknown) == "lagebild: error: the library has no article 999\n"
    )
    assert run("remove", "abc").returncode == 2


def test_usage_errors(filled):
    assert run().returncode == 2
    assert run("export").returncode == 2
    assert run("search").returncode == 2


def test_a_damaged_library_is_moved_aside_with_one_line(lagebild_home, folder):
    db = lagebild_home / "data" / "library" / "library.sqlite"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database\n" * 200)
    proc = run("list", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    line = one_line(proc)
    assert line.startswith("lagebild: the library library.sqlite was damaged; it was moved to")
    assert len(list(db.parent.glob("library.sqlite.damaged-*"))) == 1


def test_stats(filled):
    data = json.loads(run("stats", "--json").stdout)
    assert data["articles"] == 3 and data["sentences"] > 5 and data["database_bytes"] > 0


def test_translate_without_a_model_is_one_line(filled):
    proc = run("translate")
    assert proc.returncode == 1
    assert "German→English" in one_line(proc)


def test_translate_from_a_language_with_nothing_pending_says_so(filled):
    # "every sentence in the library is translated" was printed for --from xx while all
    # the German sentences were still untranslated.
    proc = run("translate", "--from", "xx", "--to", "en")
    assert proc.returncode == 0, proc.stderr
    assert "every sentence" not in proc.stdout and "'xx'" in proc.stdout
    assert "other languages" in proc.stdout


@pytest.mark.parametrize("lang", ["", "de\x1b[31m", "deutsch!"])
def test_add_with_a_language_that_is_no_code_is_a_usage_error(folder, lang):
    # Stored as given, such articles were never picked up by `translate --from de`.
    proc = run("add", str(folder / "a.txt"), "--lang", lang)
    assert proc.returncode == 2 and "language code" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and "\x1b" not in proc.stderr
    assert _list() == []


ZH = "新闻\n\n俄罗斯向基辅发射了两枚导弹。他们逮捕了两名嫌疑人。\n\n今天天气很好。\n"


@pytest.mark.model
def test_translate_with_the_real_model_resumes(zh_paths, tmp_path):
    doc = tmp_path / "zh.txt"
    doc.write_text(ZH, encoding="utf-8")
    assert run("add", str(doc), "--lang", "zh").returncode == 0
    first = run("translate", "--from", "zh", "--limit", "2", "--beam", "1", "--threads", "1")
    assert first.returncode == 0, first.stderr
    assert first.stdout == "translated 2 sentences; 2 left\n"
    second = run("translate", "--from", "zh", "--beam", "1", "--threads", "1")
    assert second.stdout == "translated 2 sentences; 0 left\n"
    assert (
        run("translate", "--from", "zh").stdout == "every sentence in the library is translated\n"
    )
    [row] = _list()
    assert row["translated"] == row["sentences"] == 4
    hits = json.loads(run("search", "arrested", "--lang", "en", "--json").stdout)
    assert [h["sentence"] for h in hits] == ["p2s2"]
