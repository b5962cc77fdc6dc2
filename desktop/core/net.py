"""The one HTTP client of the app: fetch a URL into memory or into a file, safely.

:func:`fetch` reads an ``http(s)`` URL with a timeout per network operation (and an
optional total deadline), at most ``max_redirects`` redirects (only to http(s)), at most
``max_bytes`` bytes, an optional check of the answer's media type, progress reports,
cancelling between chunks and, when writing to a file, resuming an earlier partial file
with an HTTP ``Range`` request. Proxies come from the environment (``http_proxy``,
``https_proxy``, ``no_proxy``), as urllib does by default.

Every failure is a :class:`NetError`: ``str(error)`` is one line for the user (e.g. "Could
not reach the Argos package index: no network connection."), ``error.kind`` says what
went wrong, for callers that act on it: one of :data:`KINDS`.

Only the standard library is used; urllib is imported on the first fetch, so importing
this module costs nothing at start-up.
"""

from __future__ import annotations

import errno
import socket
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from desktop.core.errors import LagebildError

if TYPE_CHECKING:
    import urllib.request

#: What went wrong. "connection" covers refused, reset, TLS and broken transfers; "disk"
#: a destination file that cannot be written.
KINDS = (
    "offline", "dns", "timeout", "connection", "http", "too_large", "redirects",
    "content_type", "cancelled", "disk",
)  # fmt: skip
USER_AGENT = "Lagebild"
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
_MAX_URL = 4096
_CONTROL_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}

Progress = Callable[[int, "int | None"], None]


class NetError(LagebildError):
    """A failed fetch; ``kind`` is one of :data:`KINDS`, ``str(e)`` one line for the user."""

    def __init__(
        self, message: str, kind: str, url: str = "", status: int | None = None,
        received: int = 0,
    ) -> None:  # fmt: skip
        super().__init__(one_line(message))
        self.kind = kind
        self.url = url
        self.status = status
        self.received = received  # bytes of the body received before the failure


@dataclass(frozen=True)
class Fetched:
    """A finished fetch: the final URL (after redirects), status, media type and size.

    ``body`` holds the data when no destination file was given; ``size`` is the length of
    the body, or of the whole destination file (resumed part included).
    """

    url: str
    status: int
    content_type: str
    size: int
    body: bytes = b""


class _RedirectRefused(Exception):
    """Raised inside urllib's redirect handling; turned into a NetError by fetch."""

    def __init__(self, reason: str, target: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.target = target


def one_line(text: str, limit: int = 600) -> str:
    """Text as one printable line: control characters (newlines, ESC, bidi overrides) are
    shown as escapes, so a server or a URL cannot drive the terminal or fake a message."""
    out = "".join(
        ch if unicodedata.category(ch) not in _CONTROL_CATEGORIES else ascii(ch)[1:-1]
        for ch in text[:limit]
    )
    return out + ("…" if len(text) > limit else "")


def describe(url: str) -> str:
    """A short name of the server behind url, for messages (its host, or the URL)."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    return f"the server {host}" if host else url[:200]


def fetch(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    accept: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    dest: Path | None = None,
    what: str | None = None,
    max_redirects: int = MAX_REDIRECTS,
    total_timeout: float | None = None,
) -> Fetched:
    """GET url; return its body (or write it to dest, resuming dest's earlier part).

    ``timeout`` bounds every connect and read, ``total_timeout`` (if given) the whole
    transfer. ``accept`` lists the media types wanted (``"application/*"`` allowed); an
    answer with another declared ``Content-Type`` is refused (a missing one is accepted).
    With ``dest``: an existing file is resumed with ``Range: bytes=N-`` when the server
    supports it, else rewritten from the start; on failure the part received stays in
    dest, so a later call can resume. ``what`` names the resource in messages
    ("the Argos package index"); by default the server's host name.
    """
    what = what or describe(url)
    if len(url) > _MAX_URL or url.partition(":")[0].lower() not in ("http", "https"):
        raise NetError(f"Could not read {what}: only http(s) addresses are supported.",
                       "http", url[:_MAX_URL])  # fmt: skip
    try:
        url = _request_url(url)
    except ValueError as exc:
        raise NetError(f"Could not read {url[:200]}: it is not a valid web address ({exc}).",
                       "http", url) from None  # fmt: skip
    deadline = time.monotonic() + total_timeout if total_timeout else None
    have = dest.stat().st_size if dest is not None and dest.is_file() else 0
    if have > max_bytes:
        have = 0  # an oversized leftover is no prefix of anything we want: start over
    for _attempt in range(3):  # with Range; again without it if the server refuses it
        result = _fetch_once(url, timeout, max_bytes, accept, progress, cancel, dest, what,
                             max_redirects, deadline, have)  # fmt: skip
        if result is not None:
            return result
        have = 0
    raise NetError(f"Could not read {what}: the server does not answer a resumed "
                   "download consistently.", "http", url)  # fmt: skip


def _request_url(url: str) -> str:
    """URL as sent: typed umlauts percent-encoded, a non-ASCII host in IDNA.

    ValueError (its message says why) when URL names no host or a port out of range;
    unchecked, a port like 99999 wraps around in the resolver and "refused" misleads.
    """
    from urllib.parse import quote, urlunsplit

    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError("no server name")
    port = parts.port  # ValueError for "abc" or 99999
    if url.isascii():
        return url
    netloc = parts.netloc
    if not netloc.isascii():
        host = parts.hostname.encode("idna").decode("ascii")
        netloc = host if port is None else f"{host}:{port}"
    safe = "!#$%&'()*+,/:;=?@[]~"
    path, query, fragment = (quote(p, safe=safe) for p in (parts.path, parts.query, parts.fragment))
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def _fetch_once(
    url: str, timeout: float, max_bytes: int, accept: Sequence[str] | None,
    progress: Progress | None, cancel: threading.Event | None, dest: Path | None,
    what: str, max_redirects: int, deadline: float | None, have: int,
) -> Fetched | None:  # fmt: skip
    """One request; None when the resume offset must be dropped and the request repeated."""
    import http.client
    import urllib.error
    import urllib.request

    _check_cancel(cancel, what, url, 0)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": ", ".join(accept) if accept else "*/*",
        "Accept-Encoding": "identity",
    }
    if have:
        headers["Range"] = f"bytes={have}-"
    try:
        request = urllib.request.Request(url, headers=headers)
        response = _opener(max_redirects).open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 416 and have:  # our part is no prefix of theirs (or all of it)
            return None
        raise _http_error(exc.code, str(exc.reason or ""), what, url) from None
    except _RedirectRefused as exc:
        raise NetError(f"Could not read {what}: {exc.reason}.", "redirects", url) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise classify(exc, what, url, timeout) from None
    with response:
        status = int(response.status or 0)
        final_url = response.geturl() or url
        ctype = response.headers.get("Content-Type", "") or ""
        if not _type_ok(ctype, accept):
            raise NetError(
                f"Could not read {what}: the server sent {_media(ctype)}"
                f"{' (a web page: a login page of the network?)' if 'html' in ctype else ''}"
                ", not the expected data.", "content_type", url,
            )  # fmt: skip
        resumed = False
        if have and status == 206:
            content_range = response.headers.get("Content-Range")
            if content_range is not None and _range_start(content_range) != have:
                return None  # not the part we asked for: fetch all of it instead
            resumed = True  # (a 206 without Content-Range is taken as the part asked for)
        elif status == 206:
            raise NetError(f"Could not read {what}: the server sent part of the data "
                           "unasked.", "http", url, status)  # fmt: skip
        length = _content_length(response.headers.get("Content-Length"))
        done = have if resumed else 0
        total = done + length if length is not None else None
        if total is not None and total > max_bytes:
            raise _too_large(what, url, max_bytes, total)
        chunks: list[bytes] = []
        try:
            out = open(dest, "ab" if resumed else "wb") if dest is not None else None
        except OSError as exc:
            raise _cannot_save(what, url, dest, exc, status) from None
        try:
            while True:
                _check_cancel(cancel, what, url, done)
                if deadline is not None and time.monotonic() > deadline:
                    raise NetError(f"Could not read {what}: it took too long.", "timeout",
                                   url, status, done)  # fmt: skip
                try:
                    chunk = response.read1(CHUNK)  # what has arrived: a stall keeps it
                except (OSError, http.client.HTTPException) as exc:
                    kind = "timeout" if isinstance(exc, TimeoutError) else "connection"
                    reason = _reason(exc, timeout)
                    raise _interrupted(what, url, done, total, reason, kind) from None
                if not chunk:
                    break
                if done + len(chunk) > max_bytes:
                    raise _too_large(what, url, max_bytes, None)
                if out is None:
                    chunks.append(chunk)
                else:
                    try:
                        out.write(chunk)
                    except OSError as exc:
                        raise _cannot_save(what, url, dest, exc, status, done) from None
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            if out is not None:
                try:
                    out.close()  # flushes: a full disk may only show here
                except OSError as exc:
                    raise _cannot_save(what, url, dest, exc, status, done) from None
        finally:
            if out is not None and not out.closed:
                out.close()
        if total is not None and done < total:
            raise _interrupted(what, url, done, total, "the connection closed early")
    return Fetched(final_url, status, _media(ctype), done, b"".join(chunks))


def _opener(max_redirects: int) -> urllib.request.OpenerDirector:
    """An opener with urllib's defaults (proxies from the environment) and our redirect rule."""
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        # urllib's own loop checks must not fire before ours.
        max_redirections = max_redirects + 10
        max_repeats = max_redirects + 10

        def redirect_request(
            self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
            headers: Any, newurl: str,
        ) -> urllib.request.Request | None:  # fmt: skip
            count = int(getattr(req, "lagebild_redirects", 0)) + 1
            if count > max_redirects:
                fp.close()
                raise _RedirectRefused(f"more than {max_redirects} redirects", newurl)
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                fp.close()
                raise _RedirectRefused("redirected to a non-http(s) address", newurl)
            new = super().redirect_request(req, fp, code, msg, headers, newurl)
            if new is not None:
                new.lagebild_redirects = count  # type: ignore[attr-defined]
            return new

    return urllib.request.build_opener(Redirects)


def classify(exc: BaseException, what: str, url: str = "", timeout: float = 0) -> NetError:
    """The NetError for a low-level exception of urllib, http.client or socket."""
    import urllib.error

    if isinstance(exc, urllib.error.HTTPError):
        return _http_error(exc.code, str(exc.reason or ""), what, url)
    reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        if not has_network():
            return NetError(f"Could not reach {what}: no network connection.", "offline", url)
        host = urlsplit(url).hostname or "the server"
        if reason.errno == socket.EAI_NONAME:
            detail = f"the name {host} is unknown (check the address or the DNS settings)"
        else:
            detail = f"the name {host} could not be looked up (DNS trouble)"
        return NetError(f"Could not reach {what}: {detail}.", "dns", url)
    if isinstance(reason, TimeoutError):
        return NetError(f"Could not reach {what}: no answer within {timeout:g} seconds.",
                        "timeout", url)  # fmt: skip
    if isinstance(reason, OSError) and reason.errno in (
        errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH,
    ):  # fmt: skip
        return NetError(f"Could not reach {what}: no network connection.", "offline", url)
    return NetError(f"Could not reach {what}: {_reason(reason, timeout)}.", "connection", url)


def has_network() -> bool:
    """True if the system has a route to the internet (asks the kernel; sends nothing)."""
    for family, address in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect((address, 9))  # a UDP "connect" only picks a route
            return True
        except OSError:
            continue
    return False


def _reason(exc: object, timeout: float = 0) -> str:
    """A few words for a low-level error."""
    import ssl

    if isinstance(exc, TimeoutError):
        return f"no data for {timeout:g} seconds" if timeout else "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(exc, ConnectionResetError):
        return "the connection was reset"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"its certificate is not trusted ({exc.verify_message})"
    if isinstance(exc, ssl.SSLError):
        return "the secure (TLS) connection failed"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[:200]
    text = " ".join(str(exc).split())[:200]
    return text or type(exc).__name__


def _http_error(code: int, reason: str, what: str, url: str) -> NetError:
    reason = " ".join(reason.split())[:80]
    if 300 <= code < 400:  # urllib refuses some redirects itself (loops, other schemes)
        return NetError(f"Could not read {what}: a redirect was refused ({reason}).",
                        "redirects", url, code)  # fmt: skip
    detail = f"HTTP {code} ({reason})" if reason else f"HTTP {code}"
    return NetError(f"Could not read {what}: the server answered {detail}.", "http", url, code)


def _too_large(what: str, url: str, limit: int, size: int | None) -> NetError:
    of = f" ({size / 1e6:.1f} MB)" if size else ""
    return NetError(f"Could not read {what}: it is larger{of} than the limit of "
                    f"{limit / 1e6:.1f} MB.", "too_large", url)  # fmt: skip


def _interrupted(
    what: str, url: str, done: int, total: int | None, reason: str, kind: str = "connection"
) -> NetError:
    of = f" of {total / 1e6:.1f}" if total else ""
    message = (
        f"Could not read {what}: the transfer was interrupted after {done / 1e6:.1f}{of} MB "
        f"({reason})."
    )
    return NetError(message, kind, url, None, done)


def _cannot_save(
    what: str, url: str, dest: Path | None, exc: OSError, status: int, done: int = 0
) -> NetError:
    reason = exc.strerror or str(exc)
    return NetError(f"Could not save {what} to {dest}: {reason}.", "disk", url,
                    status, done)  # fmt: skip


def _check_cancel(cancel: threading.Event | None, what: str, url: str, done: int) -> None:
    if cancel is not None and cancel.is_set():
        raise NetError(f"Reading {what} was cancelled.", "cancelled", url, None, done)


def _media(ctype: str) -> str:
    return ctype.split(";", 1)[0].strip().lower()[:80]


def _type_ok(ctype: str, accept: Sequence[str] | None) -> bool:
    media = _media(ctype)
    if not accept or not media:
        return True
    for wanted in accept:
        wanted = wanted.lower()
        if media == wanted or (wanted.endswith("/*") and media.startswith(wanted[:-1])):
            return True
    return False


def _content_length(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 19 else None


def _range_start(value: str) -> int | None:
    """The first byte of a ``Content-Range: bytes START-END/TOTAL`` header."""
    unit, _, spec = value.strip().partition(" ")
    start = spec.split("-", 1)[0]
    return int(start) if unit == "bytes" and start.isdigit() and len(start) < 19 else None
