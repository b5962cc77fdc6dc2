"""The offline German–English dictionary: the Ding file, its SQLite index, German lookup.

Typical use (the index is built on first use and rebuilt when the Ding file changes)::

    from desktop.config import Paths
    from desktop.core.dictionary import Dictionary, DictionaryMissing

    try:
        dictionary = Dictionary.open(Paths.from_env(), progress=on_progress)
    except DictionaryMissing as exc:   # a normal state: str(exc) says how to get one
        ...
    result = dictionary.lookup("schoss", sentence="Die Armee schoss die Drohne ab.")
    result.rows[0].headword            # "abschießen"
    dictionary.reverse("missile")      # English -> German
    dictionary.is_security_term("Angriff")  # tagged [mil.], [pol.], [jur.] or [adm.]

Modules: :mod:`.ding` parses the format, :mod:`.index` builds and checks the index,
:mod:`.lookup` finds words. Nothing here imports Qt; simplemma and sqlite3 load lazily.
"""

from __future__ import annotations

from desktop.core.dictionary.ding import (
    DingEntry,
    DingFormatError,
    SubEntry,
    Term,
    fold,
    iter_entries,
    parse_line,
    parse_term,
)
from desktop.core.dictionary.index import (
    INSTALL_HINT,
    SYSTEM_SOURCE,
    DictionaryError,
    DictionaryFiles,
    DictionaryMissing,
    EnsureResult,
    IndexInfo,
    Progress,
    Status,
    build_index,
    ensure_index,
    install,
    status,
    verify,
)
from desktop.core.dictionary.lookup import (
    SECURITY_SUBJECTS,
    Dictionary,
    LookupResult,
    Part,
    Row,
    detached_particles,
    lemmatize,
)

__all__ = [
    "INSTALL_HINT",
    "SECURITY_SUBJECTS",
    "SYSTEM_SOURCE",
    "DictionaryError",
    "DictionaryFiles",
    "DictionaryMissing",
    "Dictionary",
    "DingEntry",
    "DingFormatError",
    "EnsureResult",
    "IndexInfo",
    "LookupResult",
    "Part",
    "Progress",
    "Row",
    "Status",
    "SubEntry",
    "Term",
    "build_index",
    "detached_particles",
    "ensure_index",
    "fold",
    "install",
    "iter_entries",
    "lemmatize",
    "parse_line",
    "parse_term",
    "status",
    "verify",
]
