"""Where Lagebild keeps its data, configuration and cache.

Platform conventions come from platformdirs (XDG on Linux). Every directory can be
overridden by an environment variable so that tests and portable installs never touch
the real home directory:

- ``LAGEBILD_HOME``: one directory holding ``data/``, ``config/`` and ``cache/``;
- ``LAGEBILD_DATA_DIR``, ``LAGEBILD_CONFIG_DIR``, ``LAGEBILD_CACHE_DIR``: each one alone
  (these win over ``LAGEBILD_HOME``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_ID = "lagebild"


@dataclass(frozen=True)
class Paths:
    """The three per-user directories and the well-known files inside them."""

    data: Path
    config: Path
    cache: Path

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Paths:
        """Resolve the directories from the environment, else the platform defaults."""
        env = os.environ if environ is None else environ
        home = env.get("LAGEBILD_HOME")
        if home:
            base = Path(home).expanduser()
            defaults = (base / "data", base / "config", base / "cache")
        else:
            import platformdirs

            defaults = (
                Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
                Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
                Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
            )
        return cls(
            data=_dir_from(env, "LAGEBILD_DATA_DIR", defaults[0]),
            config=_dir_from(env, "LAGEBILD_CONFIG_DIR", defaults[1]),
            cache=_dir_from(env, "LAGEBILD_CACHE_DIR", defaults[2]),
        )

    @property
    def argos_packages(self) -> Path:
        """Installed Argos Translate packages (our own dir, not ~/.local/share/argos-translate)."""
        return self.data / "argos-packages"

    @property
    def translation_cache(self) -> Path:
        """SQLite file with cached sentence translations."""
        return self.cache / "translations.sqlite3"

    @property
    def user_glossary(self) -> Path:
        """The user's own termbase entries, saved atomically."""
        return self.data / "glossary" / "user-termbase.json"

    @property
    def library_db(self) -> Path:
        """The library: articles, translations, term hits and their full-text index."""
        return self.data / "library" / "library.sqlite"

    @property
    def settings_file(self) -> Path:
        """GUI settings (window layout, recent files, theme) in INI format."""
        return self.config / "settings.ini"

    def ensure(self) -> Paths:
        """Create the directories if they do not exist yet."""
        for directory in (self.data, self.config, self.cache):
            directory.mkdir(parents=True, exist_ok=True)
        return self


def writable_problem(directory: Path) -> OSError | None:
    """Create DIRECTORY if needed and try to write a file in it; the error, or None.

    A real write, not ``os.access``: that says yes to root on a read-only mount and
    knows nothing about a full disk.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=directory)
        try:
            os.write(fd, b"x")
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        return exc
    return None


def _dir_from(env: Mapping[str, str], name: str, default: Path) -> Path:
    value = env.get(name)
    return Path(value).expanduser() if value else default
