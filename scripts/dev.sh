#!/usr/bin/env bash
# Set up Lagebild in ./.venv (Debian/Ubuntu) and run it or its tests.
#
#   bash scripts/dev.sh run [FILE]   set up, then open the window (bundled article by default)
#   bash scripts/dev.sh test [ARGS]  set up, run the gates (lint, format, types, import
#                                    contracts), then the test suite (ARGS go to pytest)
#   bash scripts/dev.sh gates        set up, then run the gates only
#   bash scripts/dev.sh setup        set up only
#
# Setup is idempotent and quick when nothing changed. Environment:
#   LAGEBILD_SKIP_APT=1      do not install Debian packages (you installed them yourself)
#   LAGEBILD_TORCH_INDEX=URL pip index for torch (e.g. https://download.pytorch.org/whl/cpu
#                            on a normal machine, to get the small CPU build)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
venv="$here/.venv"
python="${PYTHON:-python3}"

# Qt 6 needs these even offscreen (QT-NOTES.md); a real X window needs the xcb set; the tests
# use xvfb for a real window, and fonts so that glyphs are not boxes; the packaging test
# builds the bundle (binutils, patchelf) and validates the desktop files; trans-de-en is the
# Ding German-English dictionary (GPL-2+ data, read at run time, never copied into the repo).
APT_PACKAGES=(
  python3-venv libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libx11-6 libdbus-1-3
  fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 xvfb xauth
  binutils patchelf desktop-file-utils appstream
  trans-de-en
)

apt_setup() {
  [ "${LAGEBILD_SKIP_APT:-0}" = 1 ] && return 0
  command -v dpkg >/dev/null || { echo "not Debian/Ubuntu: install Qt's system libraries yourself (see README)"; return 0; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

pip_setup() {
  if [ ! -x "$venv/bin/python" ]; then
    echo "==> creating $venv"
    "$python" -m venv "$venv"
  fi
  local stamp="$venv/.lagebild-installed"
  if [ -f "$stamp" ] && [ "$stamp" -nt pyproject.toml ]; then
    return 0
  fi
  "$venv/bin/python" -m pip install -q --upgrade pip
  # torch comes in through argostranslate -> stanza; install the CPU build first, or pip
  # resolves a multi-GB CUDA build.
  if ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
    echo "==> installing torch 2.13.0 (CPU)"
    if [ -n "${LAGEBILD_TORCH_INDEX:-}" ]; then
      "$venv/bin/python" -m pip install -q torch==2.13.0 --index-url "$LAGEBILD_TORCH_INDEX"
    else
      "$venv/bin/python" -m pip install -q torch==2.13.0
    fi
  fi
  echo "==> installing Lagebild and its dependencies"
  "$venv/bin/python" -m pip install -q -e ".[test,packaging]"
  touch "$stamp"
}

# The gates CI runs before the tests: lint, format, types (core and CLI), import contracts.
gates() {
  local bin="$venv/bin"
  echo "==> ruff check";        "$bin/ruff" check .
  echo "==> ruff format";       "$bin/ruff" format --check .
  echo "==> mypy (core, cli)";  "$bin/mypy"
  echo "==> import contracts";  "$bin/lint-imports" --no-cache
}

cmd="${1:-run}"
shift || true
case "$cmd" in
  setup) apt_setup; pip_setup ;;
  gates) apt_setup; pip_setup; gates ;;
  run) apt_setup; pip_setup; exec "$venv/bin/lagebild" "$@" ;;
  test)
    apt_setup; pip_setup
    gates
    export QT_QPA_PLATFORM=offscreen
    exec "$venv/bin/python" -m pytest "$@"
    ;;
  *) echo "usage: bash scripts/dev.sh run [FILE] | test [PYTEST ARGS] | gates | setup" >&2; exit 2 ;;
esac
