"""Opening .md/.html/.docx/.pdf: text extraction and clear messages for bad files."""

from __future__ import annotations

import pytest

from desktop.core.documents.article import ArticleError
from desktop.core.documents.formats import document_from_text, load_document


def _texts(article):
    return [(p.kind, article.text[p.start : p.end]) for p in article.paragraphs]


def test_html_drops_scripts_and_styles(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<script>var geheim = 1;</script><nav><a href='/'>Start</a></nav>"
        "<h1>Drohnen für Nordkorea</h1><p>Der <b>BND</b> warnt vor   Lieferungen.</p>"
        "<p>Zweiter Absatz.<br>Neue Zeile.</p><!-- Kommentar --></body></html>",
        encoding="utf-8",
    )
    article = load_document(page)
    assert article.source.path == str(page) and article.source.name == "a.html"
    texts = _texts(article)
    assert texts[0] == ("heading", "Drohnen für Nordkorea")
    assert "Start" not in article.text  # the menu is page furniture
    assert ("text", "Der BND warnt vor Lieferungen.") in texts
    assert "geheim" not in article.text and "color" not in article.text
    assert "Kommentar" not in article.text
    assert article.title == "Drohnen für Nordkorea"


def test_markdown_headings_and_emphasis(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(
        "# Lage\n\nDer **HUR** meldet [neue](http://x) Angriffe.\n\n- Punkt eins.\n",
        encoding="utf-8",
    )
    texts = _texts(load_document(md))
    assert texts == [
        ("heading", "Lage"),
        ("text", "Der HUR meldet neue Angriffe."),
        ("text", "Punkt eins."),
    ]


def test_docx_paragraphs_and_headings(tmp_path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "a.docx"
    document = docx.Document()
    document.add_heading("Sanktionen gegen Moskau", level=1)
    document.add_paragraph("Die EU beschließt ein neues Paket.")
    document.save(str(path))
    texts = _texts(load_document(path))
    assert texts == [
        ("heading", "Sanktionen gegen Moskau"),
        ("text", "Die EU beschließt ein neues Paket."),
    ]


def test_pdf_text_layer(tmp_path, qtbot):
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    path = tmp_path / "a.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc = QTextDocument()
    doc.setPlainText(
        "Der Militärgeheimdienst warnt vor Drohnen.\n\nZweiter Absatz über Sanktionen."
    )
    doc.print_(writer)
    del writer
    article = load_document(path)
    assert "Militärgeheimdienst warnt vor Drohnen." in article.text
    assert "Sanktionen" in article.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kaputt.docx", b"not a zip file at all", "not a valid Word"),
        ("kaputt.pdf", b"%PDF-1.4\n garbage without objects", "PDF"),
        ("leer.html", b"<html><script>x()</script></html>", "no readable text"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    ],
)
def test_bad_files_raise_clear_article_errors(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        load_document(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_pdf_without_text_layer(tmp_path):
    from pypdf import PdfWriter

    path = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(path, "wb") as fh:
        writer.write(fh)
    with pytest.raises(ArticleError, match="no text layer"):
        load_document(path)


def test_pasted_html_is_extracted():
    article = document_from_text("<p>Erster Satz.</p><p>Zweiter <i>Satz</i>.</p>")
    assert _texts(article) == [("text", "Erster Satz."), ("text", "Zweiter Satz.")]
