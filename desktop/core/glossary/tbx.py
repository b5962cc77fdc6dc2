"""Import and export termbase entries as TBX (ISO 30042, TBX-Basic) and CSV.

TBX export writes the 2019 dialect (``conceptEntry``/``langSec``/``termSec``); import also
reads the older ``termEntry``/``langSet``/``tig`` form. Category goes to
``descrip type="subjectField"``, the definition to ``descrip type="definition"``, related ids
to ``ref type="crossReference"``, and do-not-translate to ``note`` ``do-not-translate``.
The first German/English term is the preferred one, the others are admitted variants.

CSV columns: id, de, de_variants, en, en_variants, category, definition,
do_not_translate, related; lists are joined with ``|``. Import reads everything and
validates it before anything is saved; an error names the line or entry number.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.core.files import write_text_atomic
from desktop.core.glossary.termbase import Entry, GlossaryError, entry_from_json, make_id

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSV_FIELDS = (
    "id", "de", "de_variants", "en", "en_variants", "category", "definition",
    "do_not_translate", "related",
)
_TRUE = {"1", "true", "yes", "ja", "y", "x"}
_FALSE = {"", "0", "false", "no", "nein", "n"}
_DNT_NOTE = "do-not-translate"


def export_file(entries: list[Entry], path: Path) -> None:
    """Write entries to ``path``: TBX for .tbx/.xml, CSV for .csv."""
    kind = _kind(path)
    data = to_tbx(entries) if kind == "tbx" else to_csv(entries)
    try:
        write_text_atomic(path, data)  # a full disk never leaves an earlier export cut off
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot write ({exc.strerror or exc})") from None


def import_file(path: Path) -> list[Entry]:
    """Read and validate entries from a TBX or CSV file (nothing is saved here).

    An entry without an id gets one made from its German term, so importing ``Drohne``
    replaces the entry ``drohne`` instead of adding a second one.
    """
    kind = _kind(path)
    try:
        data = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise GlossaryError(f"{path}: not UTF-8 text") from None
    parse = from_tbx if kind == "tbx" else from_csv
    entries = parse(data, str(path))
    if not entries:
        raise GlossaryError(f"{path}: no entries found")
    return entries


def _kind(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        return "tbx"
    if suffix == ".csv":
        return "csv"
    raise GlossaryError(f"{path}: unknown format {suffix or '(none)'!r}; use .tbx or .csv")


# --- TBX ---------------------------------------------------------------------------------


def to_tbx(entries: list[Entry]) -> str:
    """The entries as a TBX-Basic document."""
    ET.register_namespace("", TBX_NS)
    root = ET.Element(
        f"{{{TBX_NS}}}tbx", {"type": "TBX-Basic", "style": "dct", XML_LANG: "en"}
    )
    header = ET.SubElement(root, f"{{{TBX_NS}}}tbxHeader")
    desc = ET.SubElement(ET.SubElement(header, f"{{{TBX_NS}}}fileDesc"), f"{{{TBX_NS}}}sourceDesc")
    ET.SubElement(desc, f"{{{TBX_NS}}}p").text = "Lagebild termbase export"
    body = ET.SubElement(ET.SubElement(root, f"{{{TBX_NS}}}text"), f"{{{TBX_NS}}}body")
    for entry in entries:
        concept = ET.SubElement(body, f"{{{TBX_NS}}}conceptEntry", {"id": entry.id})
        _sub(concept, "descrip", entry.category, type="subjectField")
        if entry.definition:
            _sub(concept, "descrip", entry.definition, type="definition")
        if entry.do_not_translate:
            _sub(concept, "note", _DNT_NOTE)
        for target in entry.related:
            _sub(concept, "ref", target, type="crossReference", target=target)
        for lang, terms in (("de", entry.german_terms), ("en", entry.english_terms)):
            lang_sec = ET.SubElement(concept, f"{{{TBX_NS}}}langSec", {XML_LANG: lang})
            for n, term in enumerate(terms):
                term_sec = ET.SubElement(lang_sec, f"{{{TBX_NS}}}termSec")
                _sub(term_sec, "term", term)
                status = "preferredTerm-admn-sts" if n == 0 else "admittedTerm-admn-sts"
                _sub(term_sec, "termNote", status, type="administrativeStatus")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _sub(parent, tag: str, text: str, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{TBX_NS}}}{tag}", attrs)
    element.text = text
    return element


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def from_tbx(data: str, name: str) -> list[Entry]:
    """Parse TBX (2019 or 2008 element names) into validated entries."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        raise GlossaryError(f"{name}: line {line}, column {column}: not well-formed XML") from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(f"{name}: not a TBX file (root element <{_local(root.tag)}>)")
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    concepts = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    for number, concept in enumerate(concepts, start=1):
        obj: dict = {"de_variants": [], "en_variants": [], "related": []}
        terms: dict[str, list[str]] = {"de": [], "en": []}
        for element in concept.iter():
            tag, kind, text = _local(element.tag), element.get("type"), (element.text or "").strip()
            if tag == "descrip" and kind == "subjectField":
                obj["category"] = text
            elif tag == "descrip" and kind == "definition":
                obj["definition"] = text
            elif tag == "note" and text == _DNT_NOTE:
                obj["do_not_translate"] = True
            elif tag == "ref" and kind == "crossReference":
                obj["related"].append(element.get("target") or text)
            elif tag in ("langSec", "langSet"):
                lang = (element.get(XML_LANG) or "").split("-")[0].lower()
                if lang in terms:
                    terms[lang] += [
                        (t.text or "").strip() for t in element.iter() if _local(t.tag) == "term"
                    ]
        for lang in ("de", "en"):
            found = [t for t in terms[lang] if t]
            if found:
                obj[lang], obj[f"{lang}_variants"] = found[0], found[1:]
        obj["id"] = concept.get("id") or make_id(obj.get("de", ""), set(seen))
        entries.append(_checked(obj, f"{name}: entry {number}", seen))
    return entries


# --- CSV ---------------------------------------------------------------------------------


def to_csv(entries: list[Entry]) -> str:
    """The entries as CSV with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = entry.to_json()
        for name in ("de_variants", "en_variants", "related"):
            row[name] = "|".join(row[name])
        row["do_not_translate"] = "yes" if entry.do_not_translate else "no"
        writer.writerow(row)
    return out.getvalue()


def from_csv(data: str, name: str) -> list[Entry]:
    """Parse CSV (header row required) into validated entries."""
    reader = csv.DictReader(io.StringIO(data, newline=""))
    missing = {"de", "en", "category"} - set(reader.fieldnames or ())
    if missing:
        raise GlossaryError(f"{name}: line 1: missing column {sorted(missing)[0]!r}")
    unknown = set(reader.fieldnames or ()) - set(CSV_FIELDS)
    if unknown:
        raise GlossaryError(f"{name}: line 1: unknown column {sorted(unknown)[0]!r}")
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    try:
        for row in reader:
            where = f"{name}: line {reader.line_num}"
            if None in row:
                raise GlossaryError(f"{where}: more cells than columns")
            obj: dict = {k: (v or "").strip() for k, v in row.items() if k in CSV_FIELDS}
            if not any(obj.values()):
                continue
            for field in ("de_variants", "en_variants", "related"):
                obj[field] = [p.strip() for p in obj.get(field, "").split("|") if p.strip()]
            flag = obj.get("do_not_translate", "").lower()
            if flag not in _TRUE | _FALSE:
                raise GlossaryError(f"{where}: field 'do_not_translate' must be yes or no")
            obj["do_not_translate"] = flag in _TRUE
            if not obj.get("id"):
                obj["id"] = make_id(obj.get("de", ""), set(seen))
            entries.append(_checked(obj, where, seen))
    except csv.Error as exc:
        raise GlossaryError(f"{name}: line {reader.line_num}: {exc}") from None
    return entries


def _checked(obj: dict, where: str, seen: dict[str, str]) -> Entry:
    entry = entry_from_json(obj, where, source="user")
    if entry.id in seen:
        raise GlossaryError(f"{where}: id {entry.id!r} repeats {seen[entry.id]}")
    seen[entry.id] = where.rsplit(": ", 1)[-1]
    return entry
