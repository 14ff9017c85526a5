#!/bin/bash
# Screenshots of the real app on the sample, light and dark, for the README
# and the AppStream metainfo:
#   data/screenshots/make-screenshots.sh [BUILD_DIR]
# Needs Xvfb, dbus-run-session, xdotool and ImageMagick's import.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)

shoot () {
  local scheme=$1 out=$2 config
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  printf "[io/github/tiesapp/Ties]\ncolor-scheme='%s'\nwindow-width=1280\nwindow-height=800\n" "$scheme" \
    > "$config/glib-2.0/settings/keyfile"
  XDG_CONFIG_HOME="$config" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
  GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
    dbus-run-session -- "$top/tests/run-with-display.sh" bash -c '
      "$0" "$1" &
      pid=$!
      for _ in $(seq 100); do
        xdotool search --name "Christchurch" >/dev/null 2>&1 && break
        sleep 0.1
      done
      sleep 2
      # Select the Cook call, as a researcher would, so the diagram shows
      # its tie highlighted and the editor is open.
      xdotool mousemove 100 324 click 1
      # Away from the list, so no tooltip covers it.
      xdotool mousemove 1279 799
      sleep 1.5
      import -window root "$2"
      kill $pid' "$build/src/ties" "$top/data/samples/christchurch-call.ties.json" "$out"
  rm -rf "$config"
}

shoot light "$here/main-window.png"
shoot dark "$here/main-window-dark.png"
echo "wrote $here/main-window.png and $here/main-window-dark.png"
