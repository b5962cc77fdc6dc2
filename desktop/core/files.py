"""Writing files so that a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write TEXT (UTF-8, newlines as given) to PATH atomically; see write_bytes_atomic."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write DATA to PATH via a temporary file in the same folder, fsync and a rename.

    On failure the temporary file is removed, an existing PATH is left as it was, and the
    OSError is raised for the caller to turn into a message.
    """
    import tempfile

    path = Path(path)
    try:
        mode: int | None = path.stat().st_mode
    except OSError:
        mode = None  # missing (or unreachable: mkstemp below says why)
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        # The rename would replace the FIFO or device (as root even /dev/full) by a file.
        raise OSError(errno.EINVAL, "not a regular file (a device, pipe or socket)", str(path))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class UnreadableFile(OSError):
    """A path that must not be read as a document: not a regular file, or over the cap.

    ``str(error)`` is one clear line naming the file.
    """


class FileTooLarge(UnreadableFile):
    """A file with more bytes than the caller's cap."""


def read_limited(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file PATH, reading at most LIMIT bytes.

    Devices (``/dev/zero``), FIFOs and sockets are refused before they are opened for
    reading, also behind a symlink, so nothing can block or stream without end; the size is
    checked by reading (st_size is 0 for many special files), not trusted from stat.
    Raises UnreadableFile for such paths, FileTooLarge for files over LIMIT; other OSErrors
    (missing, permission) pass through for the caller to word.
    """
    import stat

    path = Path(path)
    st = os.stat(path)  # follows symlinks: the target is what would be read
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "is a folder, not a file", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFile(f"{path.name} is not a regular file (a device, pipe or socket)")
    # O_NONBLOCK: if the path was swapped for a FIFO after the check, open does not wait.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise UnreadableFile(f"{path.name} is not a regular file (a device, pipe or socket)")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(f"{path.name} is over {limit // 1_048_576} MB; that is too large")
    return data
