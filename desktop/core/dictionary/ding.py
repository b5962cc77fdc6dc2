"""Parse the Ding dictionary format (the German–English file of the trans-de-en package).

One entry per line; ``#`` starts a comment line. A line is two sides split by `` :: ``,
German first. Each side is split by `` | `` into sub-entries that line up by position:
the first German sub-entry is translated by the first English one, and so on. Inside a
sub-entry, ``;`` separates synonyms. A synonym carries markup::

    Drohnenflugzeug {n}; Drohne {f} (ferngesteuert) [mil.] | Drohnen {pl} :: drone | drones

- ``{m}`` ``{f}`` ``{n}`` ``{pl}`` ``{vt}`` ``{vi}`` ``{vr}`` ``{adj}`` ...: grammar (on the
  English side ``{shot; shot}`` gives irregular forms, kept as a note);
- ``[mil.]`` ``[pol.]`` ``[Br.]`` ``[ugs.]``: labels, either a subject or a usage/region;
- ``/UCAV/``: an abbreviation; ``(context)``: a context or explanation;
- ``<Aalmolch>``: a hidden spelling variant, for searching only;
- ``jdn.`` ``jdm.`` ``jds.`` ``etw.`` ``sich`` (``sb.`` ``sth.`` in English): placeholders.

Sub-entries after the first are either inflected forms of an earlier sub-entry (a noun's
plural, a verb's participles and finite forms) or new headwords of their own (compounds,
phrases). :func:`parse_line` decides which, so that ``Drohnen`` points to ``Drohne``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

SIDE_SEPARATOR = " :: "
SUBENTRY_SEPARATOR = " | "

#: Grammar codes found in braces (other brace contents are notes, e.g. irregular forms).
GRAMMAR_CODES = frozenset(
    {
        "m", "f", "n", "pl", "sg", "adj", "adv", "vt", "vi", "vr", "v", "interj", "num",
        "pron", "ppron", "conj", "prp", "art", "Partikel", "+Gen.", "+Dat.", "+Akk.", "+Nom.",
    }
)  # fmt: skip
NOUN_CODES = frozenset({"m", "f", "n", "pl", "sg"})
VERB_CODES = frozenset({"vt", "vi", "vr", "v"})

#: Labels that say where or how a word is used, not what field it belongs to. Every other
#: ``[label]`` counts as a subject tag (``mil.``, ``pol.``, ``techn.``, ``sport`` ...).
USAGE_LABELS = frozenset(
    {
        "Br.", "Am.", "eAm.", "eBr.", "Ös.", "Schw.", "Dt.", "Norddt.", "Süddt.", "Mitteldt.",
        "Westdt.", "Ostdt.", "Mittelwestdt.", "Mittelostdt.", "Ostmitteldt.", "Nordostdt.",
        "Nordwestdt.", "Südwestdt.", "Bayr.", "BW", "Südtirol", "Tirol", "Vorarlberg", "Wien",
        "Westös.", "Ostös.", "Sachsen", "Berlin", "Franken", "Pfalz", "Baden", "Lie.", "Lux.",
        "Austr.", "Aus.", "NZ", "Can.", "Sc.", "Ir.", "Irl.", "India", "South Africa",
        "Northern English", "ugs.", "coll.", "geh.", "formal", "übtr.", "auch übtr.", "fig.",
        "pej.", "slang", "vulg.", "humor.", "iron.", "euphem.", "poet.", "literary", "rare",
        "selten", "dated", "becoming dated", "veraltet", "veraltend", "obs.", "alt",
        "archaic", "altertümlich", "altertümelnd", "former name", "frühere Bezeichnung",
        "Sprw.", "prov.", "tm", "Kindersprache", "children’s speech", "Jugendsprache",
        "Jägersprache", "hunters’ parlance", "hunter’s parlance", "in Zusammensetzungen",
        "meist in Zusammensetzungen", "in compounds", "usually in compounds", "nachgestellt",
        "postpositive", "mass noun", "plural noun", "kein Plural", "only before noun",
        "only before nouns", "before noun", "stud.",
    }
)  # fmt: skip

GERMAN_PLACEHOLDERS = frozenset({"jdn.", "jdm.", "jds.", "etw.", "sich", "jd.", "einer", "etw"})
ENGLISH_PLACEHOLDERS = frozenset(
    {"sb.", "sth.", "sb.'s", "sb.’s", "sth.'s", "sth.’s", "one's", "one’s", "oneself"}
)

# One alternative per kind of markup; scanned left to right so that markup nested inside
# a (context) stays part of that context.
_MARKUP = re.compile(
    r"<(?P<hidden>[^<>]*)>"
    r"|\{(?P<grammar>[^{}]*)\}"
    r"|\[(?P<label>[^\[\]]*)\]"
    r"|\((?P<context>[^()]*)\)"
    r"|(?:(?<=\s)|^)/(?P<abbr>[^/\s](?:[^/]*[^/\s])?)/(?=[\s;,.]|$)"
)
_HIDDEN = re.compile(r"<([^<>]*)>")
_CONTEXT = re.compile(r"\(([^()]*)\)")
_GRAMMAR = re.compile(r"\{([^{}]*)\}")
_LABEL = re.compile(r"\[([^\[\]]*)\]")
_ABBREVIATION = re.compile(r"(?:(?<=\s)|^)/([^/\s](?:[^/]*[^/\s])?)/(?=[\s;,.]|$)")
_BRACKETS = frozenset("([{<")
_PLACEHOLDER_HINT = re.compile(r"jd|etw|sich|einer|sb\.|sth\.|one")
_HAS_MARKUP = re.compile(r"[<{\[(/]")
_SPACES = re.compile(r"\s+")
_STRIP = " \t,;:…"


class DingFormatError(ValueError):
    """A line that is not in the Ding format (no `` :: `` between German and English)."""


class Term(NamedTuple):
    """One synonym with its markup taken apart."""

    text: str  #: as written, without hidden <variants>
    headword: str  #: the searchable form: no markup, single spaces
    grammar: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  #: other brace contents, e.g. English irregular forms
    hidden: tuple[str, ...] = ()  #: <spelling variants> for searching only
    placeholders: tuple[str, ...] = ()

    @property
    def subjects(self) -> tuple[str, ...]:
        """The labels that name a field (``mil.``, ``pol.`` ...), not a usage or region."""
        return tuple(label for label in self.labels if label not in USAGE_LABELS)

    @property
    def usage(self) -> tuple[str, ...]:
        """The usage and region labels (``Br.``, ``ugs.`` ...)."""
        return tuple(label for label in self.labels if label in USAGE_LABELS)

    @property
    def is_prefix(self) -> bool:
        """A combining form such as ``Angriffs…`` (used only in compounds)."""
        return "…" in self.text

    @property
    def is_noun(self) -> bool:
        return any(code in NOUN_CODES for code in self.grammar)

    @property
    def is_verb(self) -> bool:
        return any(code in VERB_CODES for code in self.grammar)

    def display(self) -> str:
        """The synonym for showing: context, usage labels and abbreviations kept."""
        text = self.text
        if "{" in text or "[" in text:
            text = _MARKUP.sub(_display_piece, text)
        return _SPACES.sub(" ", text).strip(_STRIP)

    def bare(self) -> str:
        """The headword without its placeholders (``jdn. angreifen`` -> ``angreifen``)."""
        if not self.placeholders:
            return self.headword
        kept = [w for w in self.headword.split(" ") if not _is_placeholder(w)]
        return " ".join(kept)


class SubEntry(NamedTuple):
    """One aligned pair of a German and an English sub-entry."""

    pos: int
    german: tuple[Term, ...]
    english: tuple[Term, ...]
    #: For an inflected form (a plural, a participle ...): the position of the sub-entry it
    #: inflects, and for each German synonym the index of the synonym there.
    form_of: int | None = None
    form_synonyms: tuple[int, ...] = ()

    @property
    def grammar(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g for t in self.german for g in t.grammar))

    @property
    def subjects(self) -> tuple[str, ...]:
        """Subject tags on either side, in order, without repeats."""
        return tuple(dict.fromkeys(s for t in (*self.german, *self.english) for s in t.subjects))

    @property
    def is_verb(self) -> bool:
        return any(t.is_verb for t in self.german)


class DingEntry(NamedTuple):
    """One line of the file: its sub-entries, the first being the main headword."""

    line: int
    subentries: tuple[SubEntry, ...]

    @property
    def subjects(self) -> tuple[str, ...]:
        """The subject tags of the main sub-entry (they hold for the whole line)."""
        return self.subentries[0].subjects if self.subentries else ()

    def subjects_of(self, pos: int) -> tuple[str, ...]:
        """Subject tags of sub-entry POS, else those of the line's main sub-entry."""
        own = self.subentries[pos].subjects
        return own or self.subjects


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code).casefold()
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if base != char and base.isascii():
            table[code] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Case- and accent-insensitive key: casefold, ä->a, ö->o, ü->u, ß->ss, no accents."""
    text = text.casefold()
    if text.isascii():
        return text
    text = text.translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lower_key(text: str) -> str:
    """The key that keeps umlauts and ß (``Schoß`` and ``schoss`` differ), only lower case.

    The text is expected in NFC (the Ding file is; queries are normalised on the way in).
    """
    return text.lower()


def _is_placeholder(word: str) -> bool:
    pieces = word.split("/")
    return all(p in GERMAN_PLACEHOLDERS or p in ENGLISH_PLACEHOLDERS for p in pieces if p)


def _display_piece(match: re.Match[str]) -> str:
    if match.group("hidden") is not None:
        return ""
    grammar = match.group("grammar")
    if grammar is not None:
        codes = grammar.replace(",", ";").split(";")
        return "" if all(c.strip() in GRAMMAR_CODES for c in codes) else match.group(0)
    label = match.group("label")
    if label is not None and label not in USAGE_LABELS:
        return ""
    return match.group(0)


def split_synonyms(text: str) -> list[str]:
    """Split a sub-entry at ``;`` outside (), [], {} and <>."""
    if ";" not in text:
        return [text]
    pieces = text.split(";")
    if not _BRACKETS.intersection(text):
        return pieces
    parts: list[str] = []
    current = pieces[0]
    for piece in pieces[1:]:
        if _open_brackets(current):
            current = f"{current};{piece}"
        else:
            parts.append(current)
            current = piece
    parts.append(current)
    return parts


def _open_brackets(text: str) -> bool:
    return (
        text.count("(") > text.count(")")
        or text.count("[") > text.count("]")
        or text.count("{") > text.count("}")
        or text.count("<") > text.count(">")
    )


def parse_term(text: str) -> Term:
    """Take one synonym apart into its headword and markup."""
    text = text.strip()
    if _HAS_MARKUP.search(text) is None:
        headword = _SPACES.sub(" ", text).strip(_STRIP)
        return Term(text, headword, placeholders=_placeholders(headword))
    # Each kind of markup is found and removed by the regex engine (this runs for a million
    # synonyms on import). Hidden variants and (contexts) go first, so that braces and
    # brackets inside a context stay part of it.
    work = text
    shown = text
    hidden: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    grammar: list[str] = []
    notes: list[str] = []
    labels: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    if "<" in work:
        hidden = tuple(h.strip() for h in _HIDDEN.findall(work))
        work = _HIDDEN.sub("", work)
        shown = _SPACES.sub(" ", work).strip()
    if "(" in work:
        found: list[str] = []
        while "(" in work:
            inner = _CONTEXT.findall(work)
            if not inner:
                break
            found.extend(inner)
            work = _CONTEXT.sub(" ", work)
        contexts = tuple(c.strip() for c in found)
    if "{" in work:
        for value in _GRAMMAR.findall(work):
            if value in GRAMMAR_CODES:
                grammar.append(value)
                continue
            codes = [c.strip() for c in value.replace(",", ";").split(";")]
            if all(c in GRAMMAR_CODES for c in codes if c):
                grammar.extend(c for c in codes if c)
            else:
                notes.append(value.strip())
        work = _GRAMMAR.sub(" ", work)
    if "[" in work:
        labels = tuple(label.strip() for label in _LABEL.findall(work))
        work = _LABEL.sub(" ", work)
    if "/" in work:
        abbreviations = tuple(_ABBREVIATION.findall(work))
        if abbreviations:
            work = _ABBREVIATION.sub(" ", work)
    headword = _SPACES.sub(" ", work).strip(_STRIP)
    return Term(
        shown,
        headword,
        tuple(grammar),
        labels,
        abbreviations,
        contexts,
        tuple(notes),
        hidden,
        _placeholders(headword),
    )


def _placeholders(headword: str) -> tuple[str, ...]:
    if _PLACEHOLDER_HINT.search(headword) is None:
        return ()
    return tuple(w for w in headword.split(" ") if _is_placeholder(w))


def parse_side(text: str) -> list[tuple[Term, ...]]:
    """One side of a line: its sub-entries, each a tuple of synonyms."""
    return [
        tuple(parse_term(s) for s in split_synonyms(sub) if s.strip())
        for sub in text.split(SUBENTRY_SEPARATOR)
    ]


def parse_line(line: str, line_no: int = 0) -> DingEntry | None:
    """Parse one line; None for a comment or blank line, DingFormatError if malformed."""
    line = line.rstrip("\r\n")
    if not line.strip() or line.startswith("#"):
        return None
    german_text, sep, english_text = line.partition(SIDE_SEPARATOR)
    if not sep:
        raise DingFormatError(f"line {line_no}: no ' :: ' between German and English")
    german = parse_side(german_text)
    english = parse_side(english_text)
    if len(english) < len(german):
        english += [()] * (len(german) - len(english))
    subentries: list[SubEntry] = []
    for pos, terms in enumerate(german):
        subentries.append(SubEntry(pos=pos, german=terms, english=english[pos]))
    return DingEntry(line=line_no, subentries=tuple(_mark_forms(subentries)))


def parse_subentries(
    line: str,
    positions: Iterable[int] | None = None,
    keep: Callable[[str], bool] | None = None,
) -> list[tuple[SubEntry, tuple[str, ...]]]:
    """Some sub-entries of LINE, each with its subject tags (else the main sub-entry's).

    For reading many words at once: a long line has dozens of sub-entries (examples,
    phrases), and the index already points each form at its base, so only the sub-entries
    at POSITIONS (default: all), and of those only the ones whose German text KEEP accepts,
    are parsed. Forms are not marked (``form_of`` is None).
    """
    german_text, sep, english_text = line.rstrip("\r\n").partition(SIDE_SEPARATOR)
    if not sep:
        return []
    german = german_text.split(SUBENTRY_SEPARATOR)
    english = english_text.split(SUBENTRY_SEPARATOR)

    def sub_at(i: int) -> SubEntry:
        terms = tuple(parse_term(s) for s in split_synonyms(german[i]) if s.strip())
        other = english[i] if i < len(english) else ""
        senses = tuple(parse_term(s) for s in split_synonyms(other) if s.strip())
        return SubEntry(pos=i, german=terms, english=senses)

    main: tuple[str, ...] | None = None
    found = []
    for pos in range(len(german)) if positions is None else positions:
        if pos >= len(german) or (keep is not None and not keep(german[pos])):
            continue
        sub = sub_at(pos)
        subjects = sub.subjects
        if not subjects and pos:
            if main is None:
                main = sub_at(0).subjects
            subjects = main
        found.append((sub, subjects))
    return found


def iter_entries(text: str) -> Iterator[DingEntry]:
    """Every entry of a whole file's text; malformed lines are skipped."""
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            entry = parse_line(line, number)
        except DingFormatError:
            continue
        if entry is not None:
            yield entry


# --- which sub-entries are inflected forms ------------------------------------------------

_PARTICLES_EN = frozenset({"zusammen", "voran", "heran", "hinan", "entgegen", "daran"})


def _stem_matches(form: str, base: str) -> bool:
    """Does FORM look like an inflection of BASE (same start, umlauts folded)?"""
    f, b = fold(form), fold(base)
    if not f or not b:
        return False
    need = max(2, min(len(b) - 3, 8))
    return f[:need] == b[:need]


def _pair(forms: tuple[Term, ...], bases: tuple[Term, ...]) -> tuple[int, ...] | None:
    """For each form the index of its base synonym, or None if they do not belong."""
    if len(forms) == len(bases) and all(
        _stem_matches(f.headword, b.headword) for f, b in zip(forms, bases, strict=True)
    ):
        return tuple(range(len(forms)))
    pairs: list[int] = []
    for form in forms:
        match = next(
            (i for i, b in enumerate(bases) if _stem_matches(form.headword, b.headword)), None
        )
        if match is None:
            return None
        pairs.append(match)
    return tuple(pairs)


def _is_plural_of(sub: SubEntry, base: SubEntry) -> tuple[int, ...] | None:
    if not sub.german or not all("pl" in t.grammar for t in sub.german):
        return None
    if not any(t.is_noun and "pl" not in t.grammar for t in base.german):
        return None
    return _pair(sub.german, base.german)


def _words(term: Term) -> list[str]:
    return term.headword.split(" ") if term.headword else []


def _is_finite_form(sub: SubEntry, base: SubEntry) -> bool:
    """A 3rd-person or past form (``schießt ab``, ``schoss ab``): short, no markup of its own."""
    if not sub.german or any(t.grammar or t.notes for t in sub.german):
        return False
    base_words = max(len(_words(t)) for t in base.german) if base.german else 1
    for term in sub.german:
        words = _words(term)
        if not words or len(words) > base_words + 1:
            return False
        if any(ch in term.headword for ch in ".!?"):
            return False
        last = words[-1]
        if len(words) == 1 and last.endswith("en") and last not in _PARTICLES_EN:
            return False
    return True


def _mark_forms(subs: list[SubEntry]) -> list[SubEntry]:
    result = list(subs)
    i = 1
    while i < len(result):
        sub = result[i]
        prev = result[i - 1]
        plural = _is_plural_of(sub, prev) if prev.form_of is None else None
        if plural is not None:
            result[i] = _as_form(sub, i - 1, plural)
            i += 1
            continue
        if prev.form_of is None and prev.is_verb and _is_participle_one(sub):
            base = prev
            result[i] = _as_form(sub, i - 1, _pair_loose(sub, base))
            if i + 1 < len(result) and _is_participle_two(result[i + 1]):
                result[i + 1] = _as_form(result[i + 1], i - 1, _pair_loose(result[i + 1], base))
                for k in (i + 2, i + 3):
                    if k < len(result) and _is_finite_form(result[k], base):
                        result[k] = _as_form(result[k], i - 1, _pair_loose(result[k], base))
                    else:
                        break
            i += 1
            continue
        i += 1
    return result


def _is_participle_one(sub: SubEntry) -> bool:
    if not sub.german or any(t.grammar for t in sub.german):
        return False
    return all(any(w.endswith("nd") for w in _words(t)) for t in sub.german)


def _is_participle_two(sub: SubEntry) -> bool:
    return bool(sub.german) and not any(t.grammar for t in sub.german)


def _pair_loose(sub: SubEntry, base: SubEntry) -> tuple[int, ...]:
    if len(sub.german) == len(base.german):
        return tuple(range(len(sub.german)))
    return (0,) * len(sub.german)


def _as_form(sub: SubEntry, base_pos: int, synonyms: tuple[int, ...]) -> SubEntry:
    return sub._replace(form_of=base_pos, form_synonyms=synonyms)
