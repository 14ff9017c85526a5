#!/usr/bin/env bash
# CI, after the tests: builds the Flatpak from flatpak/io.github.tiesapp.Ties.json against a
# stand-in org.gnome.Platform/Sdk//48 (made from Debian 13 packages by
# ../shared/tools/flatpak-standin/make-runtime.sh; nothing is downloaded from Flathub), installs it
# for the user, and checks it inside the sandbox: --validate, --export (PNG out through
# --filesystem) and a window on Xvfb. Safe to run again: the runtime is only built when absent.
#
# Env: TIES_SHARED (default ../shared beside the checkout), TIES_FLATPAK_WORK (default
# /var/tmp/ties-flatpak: build dir, flatpak-builder state, package-list overrides).
set -euo pipefail

APP_ID=io.github.tiesapp.Ties
BRANCH=48
SAMPLE=/app/share/ties/samples/christchurch-call.ties.json

cd "$(dirname "$0")/.."
checkout=$(pwd)
shared=${TIES_SHARED:-$(cd "$checkout/.." && pwd)/shared}
standin=$shared/tools/flatpak-standin
work=${TIES_FLATPAK_WORK:-/var/tmp/ties-flatpak}

t_start=$(date +%s)
say() { echo "flatpak: $*"; }
fail() { echo "flatpak: FAILED: $*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - t_start ))s"; }

[ -f "$standin/make-runtime.sh" ] || fail "no stand-in runtime script at $standin/make-runtime.sh"
mkdir -p "$work"

# --- host tools ------------------------------------------------------------------------------
declare -A pkg_of=([flatpak]=flatpak [flatpak-builder]=flatpak-builder [Xvfb]=xvfb
  [xdotool]=xdotool [import]=imagemagick [dbus-run-session]=dbus-daemon [python3]=python3)
missing=()
for tool in "${!pkg_of[@]}"; do command -v "$tool" >/dev/null || missing+=("${pkg_of[$tool]}"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing host tools: ${missing[*]}"
  [ "$(id -u)" = 0 ] && SUDO= || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]}"
fi

# --- runtime ---------------------------------------------------------------------------------
# The stand-in's lists get libpng-dev only through libcairo2-dev; name it (and json-glib)
# explicitly. The shared folder is read-only, so the extended list lives in $work.
sdk_list=$work/sdk-extra-packages.txt
{ cat "$standin/sdk-extra-packages.txt"; printf '%s\n' libpng-dev libjson-glib-dev; } \
  | grep -v '^\s*#' | grep . | sort -u > "$sdk_list"
say "ensuring org.gnome.Platform/Sdk//$BRANCH (stand-in; a few minutes the first time)"
t0=$(date +%s)
SDK_EXTRA_PACKAGES=$sdk_list BRANCH=$BRANCH bash "$standin/make-runtime.sh" ensure \
  > "$work/runtime.log" 2>&1 || { tail -n 30 "$work/runtime.log" >&2; fail "stand-in runtime (log: $work/runtime.log)"; }
say "runtime ready in $(( $(date +%s) - t0 ))s"

# --- build and install -----------------------------------------------------------------------
# A metainfo file makes flatpak-builder run appstream-compose, which needs the icon it names.
for mi in data/*.metainfo.xml*; do
  [ -e "$mi" ] || continue
  ls data/icons/hicolor/*/apps/"$APP_ID".* data/icons/hicolor/scalable/apps/"$APP_ID".svg \
    >/dev/null 2>&1 || say "warning: $mi exists but no data/icons/hicolor/*/apps/$APP_ID.* icon; appstream-compose may fail"
done
say "building $APP_ID"
t0=$(date +%s)
flatpak-builder --user --install --force-clean --disable-rofiles-fuse \
  --state-dir="$work/state" "$work/build" flatpak/$APP_ID.json \
  > "$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; fail "flatpak-builder (log: $work/build.log)"; }
say "built and installed in $(( $(date +%s) - t0 ))s"

# --- checks inside the sandbox ---------------------------------------------------------------
tmp=$(mktemp -d "$work/check.XXXXXX")
app_pid=
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

out=$(flatpak run $APP_ID --validate "$SAMPLE" 2>&1) || { echo "$out" >&2; fail "--validate exited non-zero"; }
echo "$out"
grep -Eq "christchurch-call\.ties\.json: valid: [0-9]+ actors, [0-9]+ events" <<<"$out" \
  || fail "--validate printed no summary line"

flatpak run --filesystem="$tmp" $APP_ID --export "$tmp/sample.png" "$SAMPLE" > "$tmp/export.log" 2>&1 \
  || { cat "$tmp/export.log" >&2; fail "--export exited non-zero"; }
[ -s "$tmp/sample.png" ] || fail "--export wrote no $tmp/sample.png"
size=$(python3 - "$tmp/sample.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read(24)
if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
    sys.exit("not a PNG")
w, h = struct.unpack(">II", data[16:24])
if w < 100 or h < 100:
    sys.exit(f"PNG too small: {w}x{h}")
print(f"{w}x{h}")
PY
) || fail "exported file is not a usable PNG"
say "exported $size PNG ($(stat -c %s "$tmp/sample.png") bytes)"

# A window on a private Xvfb (tests/run-with-display.sh picks the display and stops it).
export APP_ID SAMPLE tmp
tests/run-with-display.sh bash -c '
  set -u
  # X11 only (no Wayland here); software GL on Xvfb
  dbus-run-session -- flatpak run --env=GDK_BACKEND=x11 --env=GSK_RENDERER=ngl \
    "$APP_ID" "$SAMPLE" > "$tmp/window.log" 2>&1 &
  pid=$!
  # Up to 4 minutes: on a machine where the host portal has never run (or
  # a killed one left its state behind), xdg-desktop-portal can take more
  # than a minute to answer, and the sandboxed GTK and libadwaita wait for
  # it (25 s per call) before the first frame. CI saw 60 s run out so.
  start=$(date +%s)
  for _ in $(seq 480); do
    xdotool search --name Christchurch > "$tmp/wid" 2>/dev/null && break
    kill -0 $pid 2>/dev/null || { echo "the app exited before showing a window" >&2; exit 1; }
    sleep 0.5
  done
  waited=$(( $(date +%s) - start ))
  [ -s "$tmp/wid" ] || { echo "no window titled *Christchurch* after ${waited}s" >&2; kill $pid; exit 1; }
  [ "$waited" -lt 30 ] || echo "flatpak: the window took ${waited}s to appear (a slow portal on this machine)" >&2
  sleep 3   # let it lay out and draw
  import -window root "$tmp/screen.png"
  status=$?
  flatpak kill "$APP_ID" 2>/dev/null || true
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  exit $status
' || { cat "$tmp/window.log" >&2 2>/dev/null; fail "window run"; }
shot=$(stat -c %s "$tmp/screen.png" 2>/dev/null || echo 0)
[ "$shot" -gt 20000 ] || fail "screenshot is only $shot bytes (blank window?)"
cp "$tmp/screen.png" "$work/window.png"
say "window shown (screenshot $shot bytes, kept at $work/window.png) — total $(elapsed)"

echo "flatpak: built, validated, exported $size PNG, window shown"
