#!/usr/bin/env bash
# Build Lagebild's one-folder bundle (PyInstaller) and, with --deb, a Debian package.
#
#   bash packaging/build.sh [--with-model PATH.argosmodel] [--deb] [--clean] [--no-setup]
#
#   --with-model PATH  ship this Argos package inside the bundle; it is installed into the
#                      user's data dir on first start (air-gapped machines)
#   --deb              also build packaging/dist/lagebild_<version>_<arch>.deb (dpkg-deb)
#   --clean            throw away PyInstaller's work dir first (otherwise it is reused)
#   --no-setup         do not run scripts/dev.sh setup (use with LAGEBILD_PYTHON)
#   --dist DIR         write the bundle and the .deb into DIR (default: packaging/dist)
#
# Output: packaging/dist/lagebild/ (run packaging/dist/lagebild/lagebild).
# Environment: LAGEBILD_PYTHON=/path/to/python  use that interpreter (its environment must
# have Lagebild's dependencies); default: set up ./.venv with scripts/dev.sh and use it.
# LAGEBILD_DEB_COMPRESS=gzip|xz (default xz: smaller, slower); LAGEBILD_LINTIAN=0 skips lintian.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
pkg="$here/packaging"
dist="$pkg/dist"
work="$pkg/build/work"

model="" deb=0 clean=0 setup=1
while [ $# -gt 0 ]; do
  case "$1" in
    --with-model) model="${2:?--with-model needs a file}"; shift 2 ;;
    --with-model=*) model="${1#*=}"; shift ;;
    --deb) deb=1; shift ;;
    --clean) clean=1; shift ;;
    --no-setup) setup=0; shift ;;
    --dist) dist="${2:?--dist needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -n "$model" ]; then
  model="$(cd "$(dirname "$model")" && pwd)/$(basename "$model")"
  [ -f "$model" ] || { echo "build.sh: no such model file: $model" >&2; exit 2; }
  case "$model" in *.argosmodel) ;; *) echo "build.sh: $model is not an .argosmodel" >&2; exit 2 ;; esac
fi

# --- build tools (Debian packages) ------------------------------------------------------
# strip+patchelf shrink the bundle by ~90 MB; the validators check the desktop files.
tool_pkgs=(strip:binutils patchelf:patchelf desktop-file-validate:desktop-file-utils
  appstreamcli:appstream)
[ "$deb" = 1 ] && tool_pkgs+=(dpkg-deb:dpkg lintian:lintian)
need=()
for pair in "${tool_pkgs[@]}"; do
  command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "${LAGEBILD_SKIP_APT:-0}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing build tools: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "==> missing build tools (apt-get install ${need[*]}): the build goes on without them"
  fi
fi

# --- the Python that builds -------------------------------------------------------------
if [ -n "${LAGEBILD_PYTHON:-}" ]; then
  python="$LAGEBILD_PYTHON"
else
  [ "$setup" = 1 ] && bash scripts/dev.sh setup
  python="$here/.venv/bin/python"
fi
[ -x "$python" ] || { echo "build.sh: no Python at $python" >&2; exit 1; }
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "==> installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')"
  "$python" -m pip install -q "pyinstaller>=6.10,<7"
fi
# Check the model before a long build, with the same validation the program uses.
if [ -n "$model" ]; then
  "$python" -c "import sys; from desktop.core.translation.packages import inspect_file; t, m = inspect_file(sys.argv[1]); print('==> bundling model', m.get('code', t), m.get('package_version', ''))" "$model"
fi

# --- the bundle -------------------------------------------------------------------------
mkdir -p "$dist"
dist="$(cd "$dist" && pwd)"
[ "$clean" = 1 ] && rm -rf "$pkg/build" "$dist/lagebild"
# A model from an earlier --with-model build must not linger in a later build without it.
rm -rf "$dist/lagebild"
start=$SECONDS
echo "==> PyInstaller ($("$python" -m PyInstaller --version))"
LAGEBILD_BUNDLE_MODEL="$model" "$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work" "$pkg/lagebild.spec"
build_s=$((SECONDS - start))
bundle="$dist/lagebild"
"$bundle/lagebild" --version >/dev/null || { echo "build.sh: the bundle does not start" >&2; exit 1; }
size_mb=$(du -sm "$bundle" | cut -f1)
echo "==> bundle: $bundle  ${size_mb} MB, built in ${build_s} s"

# --- desktop integration files ----------------------------------------------------------
app_id="org.lagebild.Lagebild"
missing=()
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$pkg/linux/$app_id.desktop"
else
  missing+=(desktop-file-utils)
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --no-color "$pkg/linux/$app_id.metainfo.xml" >/dev/null ||
    { appstreamcli validate --no-net "$pkg/linux/$app_id.metainfo.xml"; exit 1; }
else
  missing+=(appstream)
fi

if [ "$deb" = 1 ]; then
  command -v dpkg-deb >/dev/null || { echo "build.sh: --deb needs dpkg-deb (Debian/Ubuntu)" >&2; exit 1; }
  version="$("$python" -c 'import desktop; print(desktop.__version__)')"
  bash "$pkg/make_deb.sh" "$bundle" "$version" "$dist"
  command -v lintian >/dev/null || missing+=(lintian)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> not checked (install with: apt-get install ${missing[*]})"
fi
echo "==> done in $((SECONDS - start)) s"
