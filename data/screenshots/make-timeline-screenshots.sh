#!/bin/bash
# Screenshots of the window on the sample with the timeline strip below
# the diagram, its lanes per actor and per kind, light and dark:
#   data/screenshots/make-timeline-screenshots.sh [BUILD_DIR]
# Needs Xvfb, dbus-run-session, xdotool and ImageMagick's import.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)

#   shoot SCHEME LANES OUT
shoot () {
  local scheme=$1 lanes=$2 out=$3 config
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  printf "[io/github/tiesapp/Ties]\ncolor-scheme='%s'\nwindow-width=1280\nwindow-height=800\nshow-timeline=true\ntimeline-lanes='%s'\n" \
    "$scheme" "$lanes" > "$config/glib-2.0/settings/keyfile"
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
      # Select the Cook call in the list, as make-screenshots.sh does: the
      # strip rings its marks.
      xdotool mousemove 100 324 click 1
      xdotool mousemove 1279 799
      sleep 1.5
      import -window root "$2"
      kill $pid' "$build/src/ties" "$top/data/samples/christchurch-call.ties.json" "$out"
  rm -rf "$config"
}

shoot light actor "$here/timeline-actor.png"
shoot dark actor "$here/timeline-actor-dark.png"
shoot light kind "$here/timeline-kind.png"
shoot dark kind "$here/timeline-kind-dark.png"
