"""Every command reads .html/.docx/.md exactly as the window does (one loader)."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.core.documents import load

HTML = """<html><head><title>t</title><script>var x = 1;</script></head><body>
<nav><a href="/">Startseite</a></nav>
<h1>Drohnen über Kiew</h1>
<p>Die <b>Drohne</b> flog nach Kiew. Sie wurde abgeschossen.</p>
</body></html>"""


def _docx(path):
    import docx

    document = docx.Document()
    document.add_heading("Drohnen über Kiew", level=1)
    document.add_paragraph("Die Drohne flog nach Kiew. Sie wurde abgeschossen.")
    document.save(str(path))
    return path


@pytest.fixture(params=["page.html", "doc.docx", "notes.md"])
def document(request, tmp_path):
    path = tmp_path / request.param
    if path.suffix == ".docx":
        return _docx(path)
    if path.suffix == ".md":
        path.write_text(
            "# Drohnen über Kiew\n\nDie **Drohne** flog nach Kiew. Sie wurde abgeschossen.\n",
            encoding="utf-8",
        )
    else:
        path.write_text(HTML, encoding="utf-8")
    return path


def _sentences(data) -> list[str]:
    return [s["text"] for p in data["paragraphs"] for s in p["sentences"]]


def test_segment_reads_documents_as_the_window_does(document, capsys):
    assert main(["segment", str(document), "--json"]) == 0
    printed = _sentences(json.loads(capsys.readouterr().out))
    assert printed == [s.text for s in load(document).sentences()]
    assert printed[0] == "Drohnen über Kiew"
    assert "Die Drohne flog nach Kiew." in printed
    assert not any("<" in s or "**" in s or "var x" in s for s in printed)


def test_glossary_finds_terms_in_documents(document, capsys):
    assert main(["glossary", str(document), "--json", "--no-suggestions"]) == 0
    terms = {t["entry"] for t in json.loads(capsys.readouterr().out)["terms"]}
    assert "drohne" in terms
