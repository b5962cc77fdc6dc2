"""What every command shares: exit codes, the usage-error parser, JSON and text output."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from desktop.core.documents import Article

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failed operation: the message is shown as one line, exit code 1."""


class Parser(argparse.ArgumentParser):
    """ArgumentParser whose usage errors exit with code 2 and one clear line."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def emit_json(data: object) -> None:
    """Write DATA as indented UTF-8 JSON on stdout."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def usage_error(command: str, message: str) -> int:
    """Print a usage error for COMMAND on stderr and return the usage exit code."""
    print(f"lagebild {command}: error: {message} (see lagebild {command} --help)", file=sys.stderr)
    return EXIT_USAGE


def load_article(file: str, language: str) -> Article:
    """The one loader (as the window uses it): a file, or an http(s) URL fetched and extracted.

    A bad file or a failed fetch becomes a CommandError.
    """
    from desktop.core.documents import ArticleError, is_url, load, load_url

    try:
        if is_url(file):
            return load_url(file, language=language)
        return load(file, language=language)
    except ArticleError as exc:
        raise CommandError(str(exc)) from None


def bounded_int(low: int, high: int) -> Any:
    """An argparse type for an integer in [LOW, HIGH]."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}, not {value}")
        return value

    return parse


# C0/C1 control characters (ESC starts terminal escape sequences) except tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """TEXT with control characters shown as \\xNN, so data cannot drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def article_json(article: Article) -> dict[str, Any]:
    """The `segment` JSON: source information and paragraphs with their sentences."""
    src = article.source
    return {
        "source": {
            "path": src.path,
            "name": src.name,
            "encoding": src.encoding,
            "bytes": src.size,
            "language": src.language,
            "characters": len(article.text),
            "title": src.title or article.title,
            # Web pages (else null): metadata, the extractor used, a "little text" warning.
            "site": src.site,
            "date": src.date,
            "author": src.author,
            "url": src.url,
            "description": src.description,
            "extractor": src.extractor,
            "warning": src.warning,
        },
        "paragraphs": [
            {
                "id": p.id,
                "kind": p.kind,
                "sentences": [
                    {"id": s.id, "start": s.start, "end": s.end, "text": s.text}
                    for s in p.sentences
                ],
            }
            for p in article.paragraphs
        ],
    }
