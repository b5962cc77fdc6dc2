#!/usr/bin/env bash
# Install, use and remove Lagebild's .deb on a fresh minimal Debian in a chroot, and check
# that removal leaves the system as it was. Needs root, debootstrap (installed with apt if
# missing) and the network to a Debian mirror. Not part of CI (about 2-3 minutes).
#
#   sudo bash packaging/check_deb_in_chroot.sh [PATH/lagebild_VERSION_ARCH.deb]
#
# Default .deb: the newest packaging/dist/lagebild_*.deb. Environment:
#   LAGEBILD_CHECK_DIR   work dir (default /tmp/lagebild-debcheck): base/ is the pristine
#                        debootstrap (made once, reused), root/ the copy each run uses
#   LAGEBILD_MIRROR      Debian mirror (default: the first one in this machine's apt
#                        sources, else http://deb.debian.org/debian)
#   LAGEBILD_SECURITY_MIRROR  likewise for debian-security
#   LAGEBILD_SUITE       default: this machine's codename (bookworm on Debian 12)
#   LAGEBILD_TEST_MODEL  zh->en .argosmodel for the translate check (default
#                        ../shared/models/translate-zh_en-1_9.argosmodel; skipped if absent)
#   LAGEBILD_KEEP=1      keep root/ afterwards (it is removed at the start of every run)
#
# Steps: debootstrap --variant=minbase; apt-get install --simulate of the .deb; install only
# its Depends (no Recommends, to prove they are enough); snapshot the file list; install the
# .deb; run lagebild as an ordinary user (--version, segment, an offscreen screenshot, models
# install, translate); apt-get remove and purge, comparing the file list with the snapshot;
# finally `apt-get install ./deb` the way a user would (with Recommends) and purge again.
# Prints PASS/FAIL lines; exits 1 if anything failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${LAGEBILD_CHECK_DIR:-/tmp/lagebild-debcheck}"
base="$work/base" root="$work/root" logs="$work/logs"
t_start=$SECONDS fails=0 mounted=()

deb="${1:-$(ls -t "$here"/packaging/dist/lagebild_*.deb 2>/dev/null | head -1 || true)}"
[ -n "$deb" ] && [ -f "$deb" ] || { echo "check_deb_in_chroot.sh: no .deb (build one with build.sh --deb)" >&2; exit 2; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
[ "$(id -u)" = 0 ] || { echo "check_deb_in_chroot.sh: run as root (chroot, mount)" >&2; exit 2; }

host_mirror() {
  # deb822 "URIs:" lines first, then one-line "deb URI suite" entries; skip security.
  { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
    grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
      sed 's/\[[^]]*\]//' | awk '{print $2}'; } | grep -v security | grep /debian | head -1
}
mirror="${LAGEBILD_MIRROR:-$(host_mirror || true)}"
mirror="${mirror:-http://deb.debian.org/debian}"
security="${LAGEBILD_SECURITY_MIRROR:-$( { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
  grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}'; } |
  grep -m1 'debian-security' || true)}"
security="${security:-http://deb.debian.org/debian-security}"
suite="${LAGEBILD_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}"
model="${LAGEBILD_TEST_MODEL:-$here/../shared/models/translate-zh_en-1_9.argosmodel}"

check() {  # check NAME COMMAND...: run COMMAND, print PASS/FAIL NAME
  local name="$1"; shift
  if "$@"; then echo "PASS $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
quiet() { local log="$logs/$1"; shift; "$@" >"$log" 2>&1; }  # quiet LOGNAME COMMAND...
step() { echo "==> $* ($((SECONDS - t_start)) s)"; }

unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
  done
  mounted=()
  # Anything left from an interrupted earlier run (deepest first).
  findmnt -rn -o TARGET | { grep "^$root/" || true; } | sort -r |
    while read -r m; do umount -l "$m" || true; done
}
cleanup() {
  unmount_all
  if [ "${LAGEBILD_KEEP:-0}" != 1 ] && ! findmnt -rn -o TARGET | grep -q "^$root/"; then
    rm -rf "$root"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }
as_user() { chroot --userspec=tester:tester "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
  HOME=/home/tester LAGEBILD_HOME=/tmp/h QT_QPA_PLATFORM=offscreen "$@"; }
# Path, type and mode of every file on the chroot's own file system, minus the places
# that change whatever a package does (apt's lists and caches, logs, /tmp).
snapshot() {
  in_root find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /tmp \
    -o -path /var/cache -o -path /var/log -o -path /var/lib/apt/lists \) -prune \
    -o -printf '%p\t%y\t%m\n' | LC_ALL=C sort
}

mkdir -p "$work" "$logs"
echo "deb:    $deb"
echo "mirror: $mirror  suite: $suite  work: $work"

# --- fresh system -----------------------------------------------------------------------
unmount_all
if [ ! -f "$work/base.ok" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >"$logs/apt-host.log"
  step "debootstrap --variant=minbase $suite (once; reused afterwards)"
  rm -rf "$base"
  debootstrap --variant=minbase "$suite" "$base" "$mirror" >"$logs/debootstrap.log" 2>&1 ||
    { echo "FAIL debootstrap (see $logs/debootstrap.log)"; exit 1; }
  touch "$work/base.ok"
fi
step "fresh copy of the base system"
rm -rf "$root"
cp -a "$base" "$root"
for m in proc sys dev dev/pts; do
  case "$m" in proc) mount -t proc proc "$root/proc" ;; *) mount --bind "/$m" "$root/$m" ;; esac
  mounted+=("$root/$m")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
in_root apt-get update -q >"$logs/apt-update.log" 2>&1 ||
  { echo "FAIL apt-get update in the chroot (see $logs/apt-update.log)"; exit 1; }
mkdir -p "$root/tmp/pkg"
cp "$deb" "$root/tmp/pkg/"
pdeb="/tmp/pkg/$(basename "$deb")"
in_root useradd -m tester

check "apt resolves every Depends of the .deb on a fresh $suite" \
  quiet simulate.log in_root apt-get install -s -q "$pdeb"

# --- install ----------------------------------------------------------------------------
step "installing the Depends only (no Recommends)"
mapfile -t depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/|.*//; s/ //g' | grep .)
check "Depends install (${#depends[@]} packages and what they pull)" \
  quiet depends.log in_root apt-get install -y -q --no-install-recommends "${depends[@]}"
snapshot >"$work/files-before.txt"

step "apt-get install $(basename "$deb")"
t0=$SECONDS
check "apt-get install the .deb" \
  quiet install.log in_root apt-get install -y -q --no-install-recommends "$pdeb"
echo "     install took $((SECONDS - t0)) s"

# --- use it, as an ordinary user --------------------------------------------------------
step "running lagebild as user 'tester' (offscreen)"
out="$(as_user lagebild --version 2>&1 || true)"
check "lagebild --version: $out" grep -q '^Lagebild [0-9]' <<<"$out"
as_user lagebild segment /opt/lagebild/_internal/resources/articles/article-de.txt --json \
  >"$logs/segment.json" 2>"$logs/segment.err" || true
check "segment --json of the bundled German article" grep -q '"sentences"' "$logs/segment.json"
as_user lagebild screenshot --out /tmp/shot.png >"$logs/screenshot.log" 2>&1 || true
cp "$root/tmp/shot.png" "$work/screenshot.png" 2>/dev/null || true
png_ok() {  # PNG signature, at least 1000x700, more than 50 kB (a blank window compresses to less)
  local f="$work/screenshot.png" w h
  [ -f "$f" ] && [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || return 1
  w=$((16#$(od -An -tx1 -j16 -N4 "$f" | tr -d ' \n'))); h=$((16#$(od -An -tx1 -j20 -N4 "$f" | tr -d ' \n')))
  echo "     screenshot ${w}x${h}, $(($(stat -c %s "$f") / 1024)) kB: $work/screenshot.png"
  [ "$w" -ge 1000 ] && [ "$h" -ge 700 ] && [ "$(stat -c %s "$f")" -gt 51200 ]
}
check "screenshot --out is a real window picture" png_ok
check "no Fontconfig/XKB/Qt errors on stderr" \
  bash -c '! grep -h -i -E "fontconfig error|xkb|cannot load|could not load|qt.qpa.plugin" "$1"/segment.err "$1"/screenshot.log' _ "$logs"
check "fontconfig configuration present (/etc/fonts/fonts.conf)" test -f "$root/etc/fonts/fonts.conf"
check "XKB data present for libxkbcommon (/usr/share/X11/xkb/rules/evdev)" test -f "$root/usr/share/X11/xkb/rules/evdev"

if [ -f "$model" ]; then
  cp "$model" "$root/tmp/pkg/"
  printf '%s\n' '周二晚上，俄罗斯向基辅发射了两枚弹道导弹。' '乌克兰空军表示，防空部队击落了无人机。' >"$root/tmp/pkg/zh.txt"
  chmod -R a+rX "$root/tmp/pkg"
  check "models install $(basename "$model")" \
    quiet models.log as_user lagebild models install "/tmp/pkg/$(basename "$model")"
  as_user lagebild translate /tmp/pkg/zh.txt --from zh >"$logs/translate.txt" 2>&1 || true
  check "translate --from zh gives English ($(grep -i -m1 -o '[^ ]* missiles\?' "$logs/translate.txt" || echo none))" \
    grep -q -i 'missile' "$logs/translate.txt"
else
  echo "SKIP models install/translate: no test model at $model"
fi

owned_only() {  # nothing under /opt that dpkg does not know (the program writes no files there)
  comm -23 <(in_root find /opt/lagebild | LC_ALL=C sort) <(in_root dpkg -L lagebild | LC_ALL=C sort) >"$logs/opt-extra.txt"
  [ ! -s "$logs/opt-extra.txt" ]
}
check "no files under /opt/lagebild besides the package's own" owned_only

# --- remove, purge, compare -------------------------------------------------------------
compare() {  # compare LABEL ALLOWED-REGEX: file list now vs before the .deb
  snapshot >"$work/files-$1.txt"
  diff "$work/files-before.txt" "$work/files-$1.txt" | grep '^[<>]' >"$work/diff-$1.txt" || true
  # A user's own caches/data are not the package's business; list them, do not fail.
  grep -E '^[<>] /home/' "$work/diff-$1.txt" | sed 's/^/     user data: /' | head -20 || true
  ! grep -v -E '^[<>] /home/' "$work/diff-$1.txt" | grep -v -E "${2:-^$}" | sed 's/^/     differs: /' | grep .
}
step "apt-get remove lagebild"
check "apt-get remove" quiet remove.log in_root apt-get remove -y -q lagebild
# After remove dpkg keeps the postrm until purge (state "rc"): expected.
check "after remove only dpkg's record of the removed package differs" \
  compare removed '^> /var/lib/dpkg/info/lagebild\.'
check "/opt still there after remove" test -d "$root/opt"
# Without maintainer scripts or conffiles dpkg forgets a package at remove; apt then
# cannot purge a local .deb it no longer knows, which is fine.
purge() { ! in_root dpkg-query -W lagebild || in_root apt-get purge -y -q lagebild; }
check "apt-get purge" quiet purge.log purge
check "after purge the file list equals the one before the .deb" compare purged
check "dpkg has forgotten lagebild" bash -c '! chroot "$1" dpkg-query -W lagebild >/dev/null 2>&1' _ "$root"

# --- the way a user installs it ---------------------------------------------------------
step "apt-get install ./$(basename "$deb") with Recommends, then purge"
check "apt-get install (with Recommends)" quiet install-user.log in_root apt-get install -y -q "$pdeb"
out="$(as_user lagebild --version 2>&1 || true)"
check "lagebild --version after the plain install" grep -q '^Lagebild [0-9]' <<<"$out"
check "Recommends ca-certificates installed (HTTPS model downloads)" test -s "$root/etc/ssl/certs/ca-certificates.crt"
check "apt-get purge lagebild" quiet purge-user.log in_root apt-get purge -y -q lagebild
check "/opt still there after purge" test -d "$root/opt"

echo "==> $((SECONDS - t_start)) s total; logs in $logs"
if [ "$fails" -gt 0 ]; then echo "FAIL: $fails check(s) failed"; exit 1; fi
echo "PASS: all checks"
