"""Review fixes: deeply nested HTML and a .docx with broken XML give clear results."""

from __future__ import annotations

import zipfile

import pytest

from desktop.core.documents.article import ArticleError
from desktop.core.documents.formats import html_to_text, load_document

_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
    'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def test_deeply_nested_html_is_read(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 5000 + "<h2>Lage</h2><p>Ein Satz über Drohnen.</p>"
                    + "</div>" * 5000, encoding="utf-8")  # fmt: skip
    art = load_document(page)
    assert [s.text for s in art.sentences()] == ["Lage", "Ein Satz über Drohnen."]
    assert [p.kind for p in art.paragraphs] == ["heading", "text"]


def test_html_blocks_and_headings_keep_their_order():
    text = html_to_text("<body><div>a <b>b</b><h1>Sehr lange Überschrift mit Punkt.</h1>c"
                        "<p>d<br>e</p></div><script>x</script>f</body>")  # fmt: skip
    assert text.split("\n\n") == ["a b", "# Sehr lange Überschrift mit Punkt.", "c", "d", "e",
                                  "f"]  # fmt: skip


def test_docx_with_broken_xml_is_an_article_error(tmp_path):
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("[Content_Types].xml", _TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", "<w:document <<< broken")
    with pytest.raises(ArticleError, match="bad.docx is not a valid Word"):
        load_document(bad)
