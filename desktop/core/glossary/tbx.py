"""Import and export termbase entries as TBX (ISO 30042, TBX-Basic) and CSV.

TBX export writes the 2019 dialect (``conceptEntry``/``langSec``/``termSec``); import also
reads the older ``termEntry``/``langSet``/``tig`` form. Category goes to
``descrip type="subjectField"``, the definition to ``descrip type="definition"``, related ids
to ``ref type="crossReference"``, and do-not-translate to ``note`` ``do-not-translate``.
The first German/English term is the preferred one, the others are admitted variants; an
ambiguous German term (it matches only with context) carries ``note`` ``ambiguous`` in its
``termSec``.

CSV columns: id, de, de_variants, en, en_variants, category, definition,
do_not_translate, related, ambiguous; lists are joined with ``|`` (an item's own ``|`` is escaped,
see _join_list); lines end in CRLF. A cell that a spreadsheet would run as a formula
(first character ``=``, ``+``, ``-``, ``@``, tab or carriage return, also after leading
``'``) is written with one ``'`` in front, as OWASP advises against CSV injection; import
removes exactly that one ``'``, so export then import gives back the original text.

Import reads the file with :func:`desktop.core.files.read_limited` (no devices or pipes,
at most MAX_IMPORT_BYTES), refuses a TBX that declares XML entities, and validates
everything before anything is saved; an error names the line or entry number. An entry
without an id gets one made from its German term; entries with the same id are merged
when they are identical and refused otherwise.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from desktop.core.files import FileTooLarge, UnreadableFile, read_limited, write_text_atomic
from desktop.core.glossary.termbase import (
    Entry,
    GlossaryError,
    bulk_allocation,
    entry_from_json,
    make_id,
)

if TYPE_CHECKING:
    from desktop.config import Paths
    from desktop.core.glossary.termbase import Termbase

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSV_FIELDS = (
    "id",
    "de",
    "de_variants",
    "en",
    "en_variants",
    "category",
    "definition",
    "do_not_translate",
    "related",
    "ambiguous",
)
_TRUE = {"1", "true", "yes", "ja", "y", "x"}
_FALSE = {"", "0", "false", "no", "nein", "n"}
_DNT_NOTE = "do-not-translate"
_AMBIGUOUS_NOTE = "ambiguous"
_LISTS = ("de_variants", "en_variants", "related", "ambiguous")

# A file to import is read whole; 200 MB is about 220,000 entries of TBX as exported here.
MAX_IMPORT_BYTES = 200 * 1024 * 1024
# From this many entries of the user's own, import says that matching and loading slow down.
LARGE_GLOSSARY = 20_000
_LISTED = 10  # notes of one kind listed one by one before "and N more"
_TEXT_FIELDS = ("de", "en", "category", "de_variants", "en_variants", "definition", "related")
_COMPARED = (*_TEXT_FIELDS[:-1], "do_not_translate", "related", "ambiguous")

# Control characters have no place in a term (a definition may have lines and tabs).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A cell a spreadsheet runs as a formula, also when it already starts with quotes.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


@dataclass(frozen=True)
class ImportResult:
    """Validated entries of an import file, where each came from, and notes for the user.

    ``notes`` are one line each (no "note:" prefix): merged duplicates, built-in entries
    replaced, a large glossary.
    """

    entries: list[Entry]
    places: list[str] = field(default_factory=list)  # "line 3" / "entry 2", per entry
    notes: list[str] = field(default_factory=list)


def export_file(entries: list[Entry], path: Path) -> None:
    """Write entries to ``path``: TBX for .tbx/.xml, CSV for .csv."""
    kind = _kind(path)
    data = to_tbx(entries) if kind == "tbx" else to_csv(entries)
    try:
        write_text_atomic(path, data)  # a full disk never leaves an earlier export cut off
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot write ({exc.strerror or exc})") from None


def read_import(path: Path) -> ImportResult:
    """Read and validate entries from a TBX or CSV file (nothing is saved here).

    An entry without an id gets one made from its German term, so importing ``Drohne``
    replaces the entry ``drohne`` instead of adding a second one. Raises GlossaryError
    (one line naming the file and the line or entry) for anything that cannot be imported.
    """
    path = Path(path)
    kind = _kind(path)
    try:
        data = read_limited(path, MAX_IMPORT_BYTES)
    except FileTooLarge:
        raise GlossaryError(
            f"{path}: over {MAX_IMPORT_BYTES // 1_048_576} MB, too large to import; "
            "split it into smaller files"
        ) from None
    except UnreadableFile:
        raise GlossaryError(f"{path}: not a regular file (a device, pipe or socket)") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if kind == "tbx":
        found = _parse_tbx(data, str(path))
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise GlossaryError(f"{path}: not UTF-8 text") from None
        found = _parse_csv(text, str(path))
    if not found.entries:
        raise GlossaryError(f"{path}: no entries found")
    return ImportResult(found.entries, found.places, found.notes())


def import_file(path: Path) -> list[Entry]:
    """The validated entries of a TBX or CSV file (see read_import); nothing is saved."""
    return read_import(path).entries


def import_into(termbase: Termbase, path: Path, paths: Paths | None = None) -> ImportResult:
    """Import a file into the user's glossary: validate all, then save atomically.

    The notes of the result add, to read_import's, which built-in entries the import
    replaces and whether the user's glossary is now large enough to slow matching down.
    """
    found = read_import(path)
    notes = list(found.notes)
    builtin: list[str] = []
    changed_own = 0
    for entry, place in zip(found.entries, found.places, strict=True):
        known = termbase.get(entry.id)
        if known is None:
            continue
        if known.source == "builtin":
            builtin.append(
                f"{place}: entry {entry.id!r} replaces the built-in entry "
                f"{known.id!r} ({known.de} -> {known.en})"
            )
        elif known != entry:  # imported entries are source="user", like the user's own
            changed_own += 1
    notes += builtin[:_LISTED]
    if len(builtin) > _LISTED:
        notes.append(f"... and {len(builtin) - _LISTED:,} more entries replace built-in entries")
    if changed_own:
        notes.append(
            f"{changed_own:,} {'entry replaces' if changed_own == 1 else 'entries replace'} "
            "your own entry with the same id"
        )
    # Entries the user already has exactly as imported need no change (re-importing a
    # file is then quick); if all are unchanged, the file is not rewritten either.
    new = [e for e in found.entries if termbase.get(e.id) != e]
    if new:
        termbase.add_user_entries(new, paths)
    own = len(termbase.user_entries())
    if own >= LARGE_GLOSSARY:
        notes.append(
            f"your own glossary now has {own:,} entries; glossaries this large take longer "
            "to load and to match (a few seconds for 100,000 entries)"
        )
    return ImportResult(found.entries, found.places, notes)


def _kind(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        return "tbx"
    if suffix == ".csv":
        return "csv"
    raise GlossaryError(f"{path}: unknown format {suffix or '(none)'!r}; use .tbx or .csv")


class _Collected:
    """Entries read so far from one file: ids, places, identical repeats merged."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.places: list[str] = []
        self._seen: dict[str, int] = {}  # id -> index into entries
        self._repeats: dict[int, list[str]] = {}  # index -> places of identical repeats

    def add(self, obj: dict[str, object], where: str, made_id: bool) -> None:
        """Validate OBJ (an entry's fields) found at WHERE ("file: line 3")."""
        entry = entry_from_json(obj, where, source="user")
        for name in _TEXT_FIELDS:
            values = getattr(entry, name)
            for value in values if isinstance(values, tuple) else (values,):
                bad = (_CONTROL_IN_TEXT if name == "definition" else _CONTROL).search(value)
                if bad:
                    raise GlossaryError(
                        f"{where}: field {name!r} contains a control character "
                        f"(U+{ord(bad.group()):04X})"
                    )
        place = where.rsplit(": ", 1)[-1]
        earlier = self._seen.get(entry.id)
        if earlier is None:
            self._seen[entry.id] = len(self.entries)
            self.entries.append(entry)
            self.places.append(place)
            return
        first, first_place = self.entries[earlier], self.places[earlier]
        if entry == first:
            self._repeats.setdefault(earlier, []).append(place)
            return
        differs = next((n for n in _COMPARED if getattr(entry, n) != getattr(first, n)), "fields")
        if made_id:
            raise GlossaryError(
                f"{where}: {entry.de!r} repeats the German term of {first_place} (id "
                f"{entry.id!r}) with a different {differs!r}; merge the two, or give each "
                "its own id"
            )
        raise GlossaryError(
            f"{where}: id {entry.id!r} repeats {first_place} with a different {differs!r}"
        )

    def notes(self) -> list[str]:
        """One line per entry that was repeated identically and imported once."""
        notes = []
        for index, places in list(self._repeats.items())[:_LISTED]:
            shown = ", ".join(places[:_LISTED]) + (" ..." if len(places) > _LISTED else "")
            notes.append(
                f"{shown} {'repeats' if len(places) == 1 else 'repeat'} "
                f"{self.places[index]} ({self.entries[index].de!r}) exactly; imported once"
            )
        if len(self._repeats) > _LISTED:
            notes.append(
                f"... and {len(self._repeats) - _LISTED:,} more entries repeated exactly; "
                "each imported once"
            )
        return notes


# --- TBX ---------------------------------------------------------------------------------


def to_tbx(entries: list[Entry]) -> str:
    """The entries as a TBX-Basic document."""
    ET.register_namespace("", TBX_NS)
    root = ET.Element(f"{{{TBX_NS}}}tbx", {"type": "TBX-Basic", "style": "dct", XML_LANG: "en"})
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
                if lang == "de" and term in entry.ambiguous:
                    _sub(term_sec, "note", _AMBIGUOUS_NOTE)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _sub(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{TBX_NS}}}{tag}", attrs)
    element.text = text
    return element


_LOCAL_NAMES: dict[str, str] = {}


def _local(tag: str) -> str:
    """The tag without its namespace; cached, as a document repeats a dozen tags."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCAL_NAMES) < 1000:
            _LOCAL_NAMES[tag] = name
    return name


# expat's error code for its "billion laughs" limit (expat 2.4 and later).
_AMPLIFICATION = 43


class _EntityDeclared(Exception):
    pass


class _RootReached(Exception):
    pass


def _refuse_entities(data: str | bytes, name: str) -> None:
    """Refuse a document whose DTD declares entities, before anything is expanded.

    A TBX never needs them, and they are how "billion laughs" (exponential expansion) and
    external-file tricks work. Only the prolog is read: declarations must come before the
    root element. Syntax errors are left to the real parse, which reports them with
    their position.
    """
    from xml.parsers import expat

    parser = expat.ParserCreate()

    def declared(*_args: object) -> None:
        raise _EntityDeclared

    def started(*_args: object) -> None:
        raise _RootReached

    parser.EntityDeclHandler = declared
    parser.UnparsedEntityDeclHandler = declared
    parser.StartElementHandler = started
    try:
        parser.Parse(data, True)
    except _EntityDeclared:
        raise GlossaryError(
            f"{name}: line {parser.CurrentLineNumber}: the file declares XML entities "
            "(<!ENTITY ...>); entity expansion is refused for safety"
        ) from None
    except (_RootReached, expat.ExpatError):
        return


def from_tbx(data: str | bytes, name: str) -> list[Entry]:
    """Parse TBX (2019 or 2008 element names) into validated entries."""
    return _parse_tbx(data, name).entries


def _xml_error(exc: ET.ParseError, name: str) -> GlossaryError:
    from xml.parsers import expat

    line, column = exc.position
    if exc.code == _AMPLIFICATION:
        return GlossaryError(
            f"{name}: line {line}: the file uses XML entity expansion, which is refused for safety"
        )
    reason = expat.errors.messages.get(exc.code, "")
    return GlossaryError(
        f"{name}: line {line}, column {column}: not well-formed XML"
        + (f" ({reason})" if reason else "")
    )


def _tbx_events(data: str | bytes, name: str) -> Iterator[tuple[str, ET.Element]]:
    """("start"/"end", element) while DATA is parsed a megabyte at a time."""
    parser = ET.XMLPullParser(events=("start", "end"))
    step = 1 << 20
    try:
        for offset in range(0, len(data), step):
            parser.feed(data[offset : offset + step])
            yield from cast("Iterator[tuple[str, ET.Element]]", parser.read_events())
        parser.close()
        yield from cast("Iterator[tuple[str, ET.Element]]", parser.read_events())
    except ET.ParseError as exc:
        raise _xml_error(exc, name) from None


_CONCEPTS = ("conceptEntry", "termEntry")


def _parse_tbx(data: str | bytes, name: str) -> _Collected:
    """Entries of a TBX document, read as a stream: each concept is dropped once read,
    so a 90 MB file does not become a gigabyte of element tree."""
    _refuse_entities(data, name)
    found = _Collected()
    number = 0
    open_concepts = 0
    root_seen = False
    with bulk_allocation():
        for event, element in _tbx_events(data, name):
            tag = _local(element.tag)
            if not root_seen:
                root_seen = True
                if tag not in ("tbx", "martif"):
                    raise GlossaryError(f"{name}: not a TBX file (root element <{tag}>)")
            if tag not in _CONCEPTS:
                continue
            if event == "start":
                open_concepts += 1
                continue
            open_concepts -= 1
            if open_concepts:
                continue  # a concept inside a concept: read with the outer one, as before
            for concept in element.iter():
                if _local(concept.tag) in _CONCEPTS:
                    number += 1
                    obj, given = _concept_fields(concept)
                    found.add(obj, f"{name}: entry {number}", made_id=not given)
            element.clear()
    return found


def _concept_fields(concept: ET.Element) -> tuple[dict, bool]:
    """The entry fields of one conceptEntry/termEntry, and whether it had an id."""
    obj: dict = {"de_variants": [], "en_variants": [], "related": [], "ambiguous": []}
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
                last = ""
                for t in element.iter():
                    inner = _local(t.tag)
                    if inner == "term":
                        last = (t.text or "").strip()
                        terms[lang].append(last)
                    elif inner == "note" and (t.text or "").strip() == _AMBIGUOUS_NOTE:
                        if lang == "de" and last:  # the note follows its term
                            obj["ambiguous"].append(last)
    for lang in ("de", "en"):
        terms_found = [t for t in terms[lang] if t]
        if terms_found:
            obj[lang], obj[f"{lang}_variants"] = terms_found[0], terms_found[1:]
    given = concept.get("id")
    obj["id"] = given or make_id(obj.get("de", ""))
    return obj, bool(given)


# --- CSV ---------------------------------------------------------------------------------


def _cell_out(text: str) -> str:
    """TEXT safe for a spreadsheet: a leading ``'`` if it would start a formula."""
    return "'" + text if _FORMULA.match(text) else text


def _cell_in(text: str) -> str:
    """The inverse of _cell_out: one leading ``'`` before a formula character is removed."""
    return text[1:] if text.startswith("'") and _FORMULA.match(text, 1) else text


_LIST_BACKSLASH = re.compile(r"\\(?=[|\\]|$)")


def _join_list(items: list[str]) -> str:
    """ITEMS as one cell joined with ``|``; a ``|`` inside an item is written ``\\|``, and
    a backslash before ``|``, before a backslash or at the item's end as ``\\\\``."""
    return "|".join(_LIST_BACKSLASH.sub(r"\\\\", i).replace("|", "\\|") for i in items)


def _split_list(cell: str) -> list[str]:
    """The inverse of _join_list: items at each unescaped ``|``, stripped, empty ones left out.

    Only ``\\|`` and ``\\\\`` are escapes; any other backslash is text (``C:\\temp``).
    """
    if "\\" not in cell:
        items = cell.split("|")
    else:
        items, current, i = [], [], 0
        while i < len(cell):
            char = cell[i]
            if char == "\\" and cell[i + 1 : i + 2] in ("|", "\\"):
                current.append(cell[i + 1])
                i += 2
                continue
            if char == "|":
                items.append("".join(current))
                current = []
            else:
                current.append(char)
            i += 1
        items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


def to_csv(entries: list[Entry]) -> str:
    """The entries as CSV with a header row; formula-like cells start with ``'``."""
    out = io.StringIO()
    # CRLF, as RFC 4180 has it; with "\n" alone the writer would not quote a cell holding
    # a CR, and a CR in a definition would split its row on reading.
    writer = csv.DictWriter(out, CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        row = entry.to_json()
        row.setdefault("ambiguous", [])
        for name in _LISTS:
            row[name] = _join_list(row[name])
        row["do_not_translate"] = "yes" if entry.do_not_translate else "no"
        writer.writerow({name: _cell_out(row[name]) for name in CSV_FIELDS})
    return out.getvalue()


def from_csv(data: str, name: str) -> list[Entry]:
    """Parse CSV (header row required) into validated entries."""
    return _parse_csv(data, name).entries


def _csv_error(name: str, start: int, end: int, exc: csv.Error) -> GlossaryError:
    """A csv module error as one line naming the line where the bad row starts."""
    reason = str(exc)
    where = f"{name}: line {start}"
    if "unexpected end of data" in reason:
        return GlossaryError(
            f"{where}: unterminated quote: a quoted cell in the row starting on this line "
            "is never closed"
        )
    if "expected after" in reason:
        return GlossaryError(
            f'{where}: a quote (") in this row is not closed where the cell ends'
            + (f" (the row runs on to line {end})" if end > start else "")
            + '; write a quote inside a quoted cell as ""'
        )
    if "field larger than field limit" in reason:
        return GlossaryError(
            f"{where}: a cell is longer than {csv.field_size_limit():,} characters "
            "(is a closing quote missing?)"
        )
    if "NUL" in reason:
        return GlossaryError(f"{where}: contains a NUL character; not a text CSV file")
    return GlossaryError(f"{where}: {reason}")


def _parse_csv(data: str, name: str) -> _Collected:
    reader = csv.reader(io.StringIO(data, newline=""), strict=True)
    header: list[str] | None = None
    found = _Collected()
    end = 0  # the last physical line read
    while True:
        start = end + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _csv_error(name, start, reader.line_num, exc) from None
        end = reader.line_num
        if not cells:  # a blank line
            continue
        where = f"{name}: line {start}"
        if header is None:
            header = [c.strip() for c in cells]
            _check_header(header, where)
            continue
        if len(cells) > len(header):
            raise GlossaryError(f"{where}: more cells than columns")
        if len(cells) < len(header) and end > start:
            # A quoted cell ran over line ends and swallowed the rest of the row (or more).
            raise GlossaryError(
                f"{where}: unterminated quote? a quoted cell in this row runs on to line "
                f"{end}, and the row has only {len(cells)} of {len(header)} cells"
            )
        obj: dict = {col: _cell_in(cell.strip()) for col, cell in zip(header, cells, strict=False)}
        if not any(obj.values()):
            continue
        for column in _LISTS:
            obj[column] = _split_list(obj.get(column, ""))
        flag = obj.get("do_not_translate", "").lower()
        if flag not in _TRUE | _FALSE:
            raise GlossaryError(f"{where}: field 'do_not_translate' must be yes or no")
        obj["do_not_translate"] = flag in _TRUE
        given = obj.get("id")
        if not given:
            obj["id"] = make_id(obj.get("de", ""))
        found.add(obj, where, made_id=not given)
    if header is None:
        raise GlossaryError(f"{name}: line 1: missing column 'category'")
    return found


def _check_header(header: list[str], where: str) -> None:
    missing = {"de", "en", "category"} - set(header)
    if missing:
        raise GlossaryError(f"{where}: missing column {sorted(missing)[0]!r}")
    unknown = set(header) - set(CSV_FIELDS)
    if unknown:
        raise GlossaryError(f"{where}: unknown column {sorted(unknown)[0]!r}")
    twice = sorted({c for c in header if header.count(c) > 1})
    if twice:
        raise GlossaryError(f"{where}: column {twice[0]!r} appears twice")
