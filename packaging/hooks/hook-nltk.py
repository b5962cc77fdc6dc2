"""Our hook for nltk: replaces pyinstaller-hooks-contrib's one.

The stock hook copies every existing directory on ``nltk.data.path`` (~/nltk_data,
/usr/share/nltk_data, ...) into the bundle, so the bundle would depend on what the build
machine happens to have. Lagebild never reads NLTK's data directories: its Punkt tables
come from the ``punkt`` package and are read into memory (nothing is written).
"""

from PyInstaller.utils.hooks import collect_data_files

# nltk's own small package files (e.g. VERSION); no corpora.
datas = collect_data_files("nltk", include_py_files=False)
