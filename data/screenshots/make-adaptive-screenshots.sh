#!/bin/bash
# Screenshots of the window at the four widths of issue 14 (1920×1080,
# 1366×768, 600×800, 360×720), light and dark, in English and German:
# the welcome state of a new window, the workspace on the sample (an event
# selected), the diagram's page of a folded window, and the export dialog.
#   data/screenshots/make-adaptive-screenshots.sh [BUILD_DIR]
# Writes data/screenshots/adaptive/STATE-WIDTHxHEIGHT-LANG[-dark].png.
# Needs Xvfb, dbus-run-session, xdotool and ImageMagick's import. The German
# catalogue is read from LOCALEDIR (config.h), as an installed app reads it:
# the script copies the build's ties.mo there when it is missing or older.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
out_dir="$here/adaptive"
mkdir -p "$out_dir"
# A private session bus with no services: no portal starts.
bus=$(mktemp -d)
trap 'rm -rf "$bus"' EXIT
mkdir -p "$bus/services"
sed "s|@SERVICEDIR@|$bus/services|" "$top/tests/e2e/session.conf" > "$bus/session.conf"

localedir=$(sed -n 's/^#define LOCALEDIR "\(.*\)"$/\1/p' "$build/config.h")
mo="$build/po/de/LC_MESSAGES/ties.mo"
if [ ! -f "$localedir/de/LC_MESSAGES/ties.mo" ] || [ "$mo" -nt "$localedir/de/LC_MESSAGES/ties.mo" ]; then
  mkdir -p "$localedir/de/LC_MESSAGES"
  cp "$mo" "$localedir/de/LC_MESSAGES/ties.mo"
fi

# shoot SCHEME LANGUAGE WIDTH HEIGHT STATE OUT
#   STATE: welcome, workspace, diagram (the second page when folded) or
#   dialog (the export dialog over the workspace).
shoot () {
  local scheme=$1 language=$2 width=$3 height=$4 state=$5 out=$6 config document
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  printf "[io/github/tiesapp/Ties]\ncolor-scheme='%s'\nwindow-width=%s\nwindow-height=%s\n" \
    "$scheme" "$width" "$height" > "$config/glib-2.0/settings/keyfile"
  document="$top/data/samples/christchurch-call.ties.json"
  [ "$state" = welcome ] && document=""
  XVFB_SCREEN="${width}x${height}x24" XDG_CONFIG_HOME="$config" XDG_DATA_HOME="$config/data" \
  GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" LANGUAGE="$language" LC_ALL=C.UTF-8 \
  GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
    dbus-run-session --config-file="$bus/session.conf" -- "$top/tests/run-with-display.sh" bash -c '
      ties=$0 document=$1 out=$2 state=$3 width=$4 height=$5
      if [ -n "$document" ]; then "$ties" "$document" & else "$ties" & fi
      pid=$!
      for _ in $(seq 150); do
        xdotool search --onlyvisible --pid $pid >/dev/null 2>&1 && break
        sleep 0.1
      done
      sleep 3
      if [ "$state" != welcome ]; then
        # The fourth event (the Zuckerberg call), one row below the header of
        # the list: the filters take three rows in a narrow window.
        if [ "$width" -lt 860 ]; then row=324; else row=244; fi
        xdotool mousemove 100 $row click 1
        sleep 1.5
        # Folded, a click opened the diagram and editor; the workspace is
        # the list, so go back to it.
        if [ "$state" != diagram ] && [ "$width" -lt 860 ]; then
          xdotool key alt+Left
          sleep 1.5
        fi
      fi
      if [ "$state" = dialog ]; then
        xdotool key shift+ctrl+e
        sleep 2.5
      fi
      xdotool mousemove $((width - 1)) $((height - 1))
      sleep 1
      import -window root "$out"
      kill $pid' "$build/src/ties" "$document" "$out" "$state" "$width" "$height"
  rm -rf "$config"
}

for size in ${TIES_SIZES:-1920x1080 1366x768 600x800 360x720}; do
  width=${size%x*} height=${size#*x}
  for language in en de; do
    for scheme in light dark; do
      suffix=""
      [ "$scheme" = dark ] && suffix="-dark"
      for state in ${TIES_STATES:-welcome workspace diagram dialog}; do
        # Wide, the diagram is on the workspace's page already.
        [ "$state" = diagram ] && [ "$width" -ge 860 ] && continue
        shoot "$scheme" "$language" "$width" "$height" "$state" \
          "$out_dir/$state-$size-$language$suffix.png"
      done
    done
  done
done
