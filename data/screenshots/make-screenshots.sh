#!/bin/bash
# Screenshots of the real app on the sample, light and dark, for the README
# and the AppStream metainfo; of the diagram at 1366×768 and 1920×1080; of
# the sample's exports in each layout (PNG, SVG through rsvg-convert, PDF
# through pdftoppm); and of the annotation workspace at 1366×768 on the
# sample and on an invented article of our own:
#   data/screenshots/make-screenshots.sh [BUILD_DIR]
# Needs Xvfb, dbus-run-session, xdotool, ImageMagick's import, rsvg-convert
# (librsvg2-bin) and pdftoppm (poppler-utils).
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

# The workspace: the article in the reader, the events beside it and the
# selected event's editor below, at the smallest common laptop size.
#   shoot_workspace SCHEME OUT DOCUMENT ROW_Y TAB_X
shoot_workspace () {
  local scheme=$1 out=$2 document=$3 row=$4 tab=$5 config
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  printf "[io/github/tiesapp/Ties]\ncolor-scheme='%s'\nwindow-width=1366\nwindow-height=768\n" "$scheme" \
    > "$config/glib-2.0/settings/keyfile"
  XVFB_SCREEN=1366x768x24 XDG_CONFIG_HOME="$config" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
  GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
    dbus-run-session -- "$top/tests/run-with-display.sh" bash -c '
      "$0" "$1" &
      pid=$!
      for _ in $(seq 100); do
        xdotool search --name "Christchurch|Harbour" >/dev/null 2>&1 && break
        sleep 0.1
      done
      sleep 2
      # The Source view, an event selected in the list, then the tab.
      xdotool mousemove 1010 74 click 1
      sleep 0.5
      xdotool mousemove 150 "$3" click 1
      sleep 0.5
      xdotool mousemove "$4" 74 click 1
      xdotool mousemove 1365 767
      sleep 2
      import -window root "$2"
      kill $pid' "$build/src/ties" "$document" "$out" "$row" "$tab"
  rm -rf "$config"
}

# The window with the diagram at the two common sizes, light and dark:
#   shoot_diagram SCHEME WIDTH HEIGHT OUT
shoot_diagram () {
  local scheme=$1 width=$2 height=$3 out=$4 config
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  printf "[io/github/tiesapp/Ties]\ncolor-scheme='%s'\nwindow-width=%s\nwindow-height=%s\n" "$scheme" "$width" "$height" \
    > "$config/glib-2.0/settings/keyfile"
  XVFB_SCREEN="${width}x${height}x24" XDG_CONFIG_HOME="$config" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
  GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
    dbus-run-session -- "$top/tests/run-with-display.sh" bash -c '
      "$0" "$1" &
      pid=$!
      for _ in $(seq 100); do
        xdotool search --name "Christchurch" >/dev/null 2>&1 && break
        sleep 0.1
      done
      sleep 2
      xdotool mousemove "$(($3 - 1))" "$(($4 - 1))"
      sleep 1.5
      import -window root "$2"
      kill $pid' "$build/src/ties" "$top/data/samples/christchurch-call.ties.json" "$out" "$width" "$height"
  rm -rf "$config"
}

# The sample exported in each layout, as PNG, as SVG drawn by
# rsvg-convert and as PDF drawn by pdftoppm: what goes into a paper.
exports () {
  local dir="$here/exports" tmp layout
  tmp=$(mktemp -d)
  mkdir -p "$dir"
  for layout in force radial circle; do
    "$build/src/ties" "$top/data/samples/christchurch-call.ties.json" -o "$dir/$layout.png" --layout "$layout"
    "$build/src/ties" "$top/data/samples/christchurch-call.ties.json" -o "$tmp/$layout.svg" --layout "$layout"
    rsvg-convert "$tmp/$layout.svg" -o "$dir/$layout-svg.png"
    "$build/src/ties" "$top/data/samples/christchurch-call.ties.json" -o "$tmp/$layout.pdf" --layout "$layout"
    pdftoppm -png -r 96 -singlefile "$tmp/$layout.pdf" "$dir/$layout-pdf"
  done
  "$build/src/ties" "$top/data/samples/christchurch-call.ties.json" -o "$dir/force-dark.png" --layout force --style dark
  rm -rf "$tmp"
}

exports
shoot_diagram light 1366 768 "$here/diagram-1366.png"
shoot_diagram dark 1366 768 "$here/diagram-1366-dark.png"
shoot_diagram light 1920 1080 "$here/diagram-1920.png"
shoot_diagram dark 1920 1080 "$here/diagram-1920-dark.png"

annotated=$(mktemp -d)/harbour-deal.ties.json
python3 "$here/make-annotated.py" "$build/src/ties" "$here/harbour-article.html" "$annotated"
shoot_workspace light "$here/workspace.png" "$top/data/samples/christchurch-call.ties.json" 284 93
shoot_workspace dark "$here/workspace-dark.png" "$top/data/samples/christchurch-call.ties.json" 284 93
shoot_workspace light "$here/workspace-own-article.png" "$annotated" 204 372
shoot_workspace dark "$here/workspace-own-article-dark.png" "$annotated" 204 372
rm -rf "$(dirname "$annotated")"

shoot light "$here/main-window.png"
shoot dark "$here/main-window-dark.png"
echo "wrote $here/main-window.png, $here/main-window-dark.png, $here/diagram-*.png, $here/workspace*.png and $here/exports/"
