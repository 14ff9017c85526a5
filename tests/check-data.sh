#!/usr/bin/env bash
# Validates the desktop integration files and the installed tree.
#   check-data.sh desktop  BUILT.desktop APP_ID
#   check-data.sh metainfo BUILT.metainfo.xml APP_ID
#   check-data.sh mime     MIME.xml
#   check-data.sh icons    ICON.svg DEVEL.svg SYMBOLIC.svg
#   check-data.sh schemas  SCHEMA_DIR
#   check-data.sh install  BUILDDIR PREFIX BINDIR DATADIR APP_ID
# Prints "ok"/"not ok" lines and exits non-zero on the first failure.
set -euo pipefail
export LC_ALL=C.UTF-8

fail () { echo "not ok - $*" >&2; exit 1; }
ok () { echo "ok - $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case "$1" in
desktop)
  file=$2 app_id=$3
  out=$(desktop-file-validate "$file" 2>&1) || fail "desktop-file-validate: $out"
  # It reports hints without failing; we take any output as a failure.
  [ -z "$out" ] || fail "desktop-file-validate: $out"
  grep -qx "Icon=$app_id" "$file" || fail "Icon is not $app_id"
  grep -qx 'Exec=ties %F' "$file" || fail 'Exec is not "ties %F"'
  grep -qx 'MimeType=application/x-ties+json;' "$file" || fail 'MimeType is missing'
  ok "$(basename "$file") is valid"
  ;;
metainfo)
  file=$2 app_id=$3
  # appstreamcli exits 0 on warnings; any E: or W: line fails the test
  # (I: and P: lines are advice).
  set +e
  out=$(appstreamcli validate --no-net --pedantic --explain "$file" 2>&1)
  status=$?
  set -e
  echo "$out"
  [ $status -eq 0 ] || fail "appstreamcli validate exited $status"
  if grep -qE '^[EW]: ' <<<"$out"; then fail 'appstreamcli reported errors or warnings'; fi
  xmllint --noout "$file" || fail "xmllint $file"
  id=$(xmllint --xpath 'string(/component/id)' "$file")
  [ "$id" = "$app_id" ] || fail "component id is $id, not $app_id"
  launchable=$(xmllint --xpath 'string(/component/launchable[@type="desktop-id"])' "$file")
  [ "$launchable" = "$app_id.desktop" ] || fail "launchable is $launchable"
  ok "$(basename "$file") is valid"
  ;;
mime)
  file=$2
  xmllint --noout "$file" || fail "xmllint $file"
  mkdir -p "$tmp/mime/packages"
  cp "$file" "$tmp/mime/packages/"
  update-mime-database "$tmp/mime" || fail 'update-mime-database'
  grep -qx '[0-9]*:application/x-ties+json:\*\.ties\.json' "$tmp/mime/globs2" \
    || fail "globs2 does not map *.ties.json: $(cat "$tmp/mime/globs2")"
  grep -qx 'application/x-ties+json application/json' "$tmp/mime/subclasses" \
    || fail 'application/x-ties+json is not a sub-class of application/json'
  weight=$(sed -n 's/^\([0-9]*\):application\/x-ties+json:.*/\1/p' "$tmp/mime/globs2")
  [ "$weight" -gt 50 ] || fail "glob weight $weight does not beat *.json's 50"
  ok "$(basename "$file") maps *.ties.json"
  ;;
icons)
  for svg in "$2" "$3" "$4"; do
    xmllint --noout "$svg" || fail "xmllint $svg"
    rsvg-convert -w 32 -h 32 "$svg" -o "$tmp/icon.png" || fail "rsvg-convert $svg"
  done
  for svg in "$2" "$3"; do
    [ "$(xmllint --xpath 'concat(/*/@width, "x", /*/@height)' "$svg")" = 128x128 ] || fail "$svg is not 128×128"
  done
  [ "$(xmllint --xpath 'concat(/*/@width, "x", /*/@height)' "$4")" = 16x16 ] || fail "$4 is not 16×16"
  # Symbolic: filled paths of the one symbolic colour, no strokes.
  if grep -qE 'stroke|style=' "$4" || grep -oE 'fill="[^"]*"' "$4" | grep -qv 'fill="#241f31"'; then
    fail "$4 has strokes or colours other than #241f31"
  fi
  ok 'icons are valid'
  ;;
schemas)
  glib-compile-schemas --strict --dry-run "$2" || fail 'glib-compile-schemas --strict'
  ok 'GSettings schema compiles strictly'
  ;;
install)
  builddir=$2 prefix=$3 bindir=$4 datadir=$5 app_id=$6
  dest="$tmp/root"
  meson install -C "$builddir" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 \
    || { cat "$tmp/install.log" >&2; fail 'meson install'; }
  (cd "$dest" && find . -type f -o -type l | sort)
  data="$dest$datadir"
  for f in \
      "$dest$bindir/ties" \
      "$data/applications/$app_id.desktop" \
      "$data/metainfo/$app_id.metainfo.xml" \
      "$data/mime/packages/$app_id.xml" \
      "$data/icons/hicolor/scalable/apps/$app_id.svg" \
      "$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
      "$data/glib-2.0/schemas/io.github.tiesapp.Ties.gschema.xml" \
      "$data/ties/samples/christchurch-call.ties.json" \
      "$data/ties/ties.schema.json"; do
    [ -e "$f" ] || fail "not installed: ${f#"$dest"}"
  done
  [ -x "$dest$bindir/ties" ] || fail 'the installed ties is not executable'
  # A development build carries the striped icon, a default one the plain.
  icon="$data/icons/hicolor/scalable/apps/$app_id.svg"
  if [[ $app_id == *.Devel ]]; then
    grep -q 'development ribbon' "$icon" || fail 'the Devel build installed the plain icon'
  else
    ! grep -q 'development ribbon' "$icon" || fail 'the default build installed the Devel icon'
  fi
  # The installed desktop file and metainfo point at each other and the icon.
  desktop-file-validate "$data/applications/$app_id.desktop" || fail 'installed desktop file'
  grep -qx "Icon=$app_id" "$data/applications/$app_id.desktop" || fail 'installed Icon='
  out=$("$dest$bindir/ties" --validate "$data/ties/samples/christchurch-call.ties.json") \
    || fail "installed ties --validate exited $?: $out"
  echo "$out"
  grep -q ': valid:' <<<"$out" || fail "unexpected --validate output: $out"
  ok "installed under $prefix, and the installed ties validates the installed sample"
  ;;
*)
  fail "unknown check $1"
  ;;
esac
