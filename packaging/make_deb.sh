#!/usr/bin/env bash
# Turn the PyInstaller bundle into a .deb with dpkg-deb (called by build.sh --deb).
#
#   bash packaging/make_deb.sh BUNDLE_DIR VERSION OUT_DIR
#
# Layout: the bundle under /opt/lagebild, /usr/bin/lagebild a link to it, the launcher,
# metainfo, icon, man page and copyright in the standard places. The only maintainer
# script is a postrm that keeps /opt (see below): Debian's desktop-file-utils,
# hicolor-icon-theme and man-db refresh their caches through dpkg triggers, so install and
# remove leave nothing behind. Recommends (control.in) include ca-certificates because
# `lagebild models download` uses urllib, which trusts the system's CA store, not certifi.
# packaging/check_deb_in_chroot.sh installs and removes the result on a fresh Debian.
set -euo pipefail

bundle="$(cd "${1:?bundle dir}" && pwd)"
version="${2:?version}"
out="$(mkdir -p "${3:?out dir}" && cd "$3" && pwd)"
pkg="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="org.lagebild.Lagebild"
arch="$(dpkg --print-architecture)"
stage="$pkg/build/deb"
root="$stage/root"

rm -rf "$stage"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/metainfo" "$root/usr/share/icons/hicolor/scalable/apps" \
  "$root/usr/share/doc/lagebild" "$root/usr/share/man/man1" "$root/usr/share/lintian/overrides"

cp -a "$bundle" "$root/opt/lagebild"
ln -s /opt/lagebild/lagebild "$root/usr/bin/lagebild"
install -m 644 "$pkg/linux/$app_id.desktop" "$root/usr/share/applications/"
install -m 644 "$pkg/linux/$app_id.metainfo.xml" "$root/usr/share/metainfo/"
install -m 644 "$pkg/linux/$app_id.svg" "$root/usr/share/icons/hicolor/scalable/apps/"
install -m 644 "$pkg/debian/copyright" "$root/usr/share/doc/lagebild/copyright"
sed "s/@VERSION@/$version/; s/@DATE@/$(date -uR -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")/" \
  "$pkg/debian/changelog.in" | gzip -9n > "$root/usr/share/doc/lagebild/changelog.gz"
sed "s/@VERSION@/$version/" "$pkg/debian/lagebild.1" | gzip -9n > "$root/usr/share/man/man1/lagebild.1.gz"
install -m 644 "$pkg/debian/lintian-overrides" "$root/usr/share/lintian/overrides/lagebild"

# Normal permissions whatever the umask of the build: dirs 755, files 644, programs 755.
find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -exec chmod 644 {} +
chmod 755 "$root/opt/lagebild/lagebild"
find "$root/opt/lagebild" -type f -name "*.so*" -exec chmod 644 {} +

# Depends: the system packages owning every library the bundle links to but does not
# carry (libc, libGL, X and xcb libraries ...), found with ldd the way the bundle
# resolves them (its own _internal/ first), plus a font so text is never boxes.
depends_of_bundle() {
  local internal="$root/opt/lagebild/_internal" libs=() notfound=()
  while IFS= read -r f; do
    while read -r name _arrow path _rest; do
      case "$path" in
        "$root"*|"") ;;
        not) notfound+=("$name") ;;
        /*) libs+=("$path") ;;
      esac
    done < <(LD_LIBRARY_PATH="$internal" ldd "$f" 2>/dev/null | grep "=>" || true)
  done < <(find "$root/opt/lagebild" -type f \( -name "*.so*" -o -name lagebild \))
  if [ ${#notfound[@]} -gt 0 ]; then
    echo "make_deb.sh: warning: libraries not found on this machine: $(printf '%s\n' "${notfound[@]}" | sort -u | tr '\n' ' ')" >&2
  fi
  printf '%s\n' "${libs[@]}" | sort -u | while read -r lib; do
    local real owner
    real="$(readlink -f "$lib")"
    # usrmerge: dpkg may know a file under /lib or /usr/lib only
    owner="$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null ||
      dpkg -S "/usr$real" 2>/dev/null || dpkg -S "${real#/usr}" 2>/dev/null || true)"
    [ -n "$owner" ] && echo "${owner%%:*}" || echo "make_deb.sh: warning: no package owns $lib" >&2
  done | sort -u
}
# Data the bundled copies of system libraries read from the system at run time (Debian's
# own library packages depend on these): without fontconfig-config every start prints
# "Fontconfig error: Cannot load default config file" and fontconfig runs without its
# rules (family aliases, hinting); without xkb-data libxkbcommon cannot build a keymap,
# so no keyboard input under X11/Wayland; libx11-data holds Xlib's locale/compose tables.
# A fresh `debootstrap --variant=minbase` system has none of them (check_deb_in_chroot.sh).
data_of_bundled_libs() {
  local internal="$root/opt/lagebild/_internal" pair
  for pair in libfontconfig.so.1:fontconfig-config libxkbcommon.so.0:xkb-data \
      libX11.so.6:libx11-data; do
    [ -e "$internal/${pair%%:*}" ] && echo "${pair#*:}"
  done
  return 0
}
deps="$( (depends_of_bundle; data_of_bundled_libs; echo fonts-dejavu-core) | sort -u |
  paste -sd, - | sed 's/,/, /g')"

installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$installed_kb/" \
  -e "s/@DEPENDS@/$deps/" "$pkg/debian/control.in" > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z |
  xargs -0 md5sum | sed 's| \./| |') > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
# postrm only puts back /opt: base-files creates it in its postinst without owning it, so
# dpkg would delete the then-empty /opt together with this package.
install -m 755 "$pkg/debian/postrm" "$root/DEBIAN/postrm"

deb="$out/lagebild_${version}_${arch}.deb"
t0=$SECONDS
# xz keeps the download small (68 MB against ~100 MB); gzip builds several times faster.
dpkg-deb --root-owner-group -Z"${LAGEBILD_DEB_COMPRESS:-xz}" --build "$root" "$deb" >/dev/null
echo "==> deb: $deb  $(du -m "$deb" | cut -f1) MB (installed $((installed_kb / 1024)) MB), dpkg-deb $((SECONDS - t0)) s"
echo "    Depends: $deps"

if [ "${LAGEBILD_LINTIAN:-1}" != 0 ] && command -v lintian >/dev/null; then
  echo "==> lintian (findings we accept are overridden with a reason in packaging/debian/lintian-overrides)"
  t0=$SECONDS
  lintian --tag-display-limit 0 "$deb" || true
  echo "    lintian: $((SECONDS - t0)) s"
fi
