"""Writing files so that a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import os
from pathlib import Path


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write TEXT (UTF-8, newlines as given) to PATH via a temporary file and a rename.

    On failure the temporary file is removed, an existing PATH is left as it was, and the
    OSError is raised for the caller to turn into a message.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
