#!/bin/bash
# End-to-end: the real `ties` on a private Xvfb, with a private session
# bus and the accessibility bus, driven by a Python script through AT-SPI.
#   run-e2e.sh TIES_BINARY SCHEMA_DIR SCRIPT.py [ARGS…]
set -u
here=$(cd "$(dirname "$0")" && pwd)
for tool in dbus-daemon /usr/libexec/at-spi-bus-launcher; do
  [ -x "$(command -v $tool)" ] || { echo "$tool is not installed" >&2; exit 77; }
done
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "python3-pyatspi is not installed" >&2; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/ties-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/services"
cat > "$work/services/org.a11y.Bus.service" <<SERVICE
[D-BUS Service]
Name=org.a11y.Bus
Exec=/usr/libexec/at-spi-bus-launcher
SERVICE
sed "s|@SERVICEDIR@|$work/services|" "$here/session.conf" > "$work/session.conf"

export TIES_BINARY="$1" GSETTINGS_SCHEMA_DIR="$2"
shift 2
export GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 GSETTINGS_BACKEND=memory GSK_RENDERER=cairo LC_ALL=C.UTF-8
# Each run its own data folder: drafts a failed run left are not offered
# to the next one.
export XDG_DATA_HOME="$work/data"
unset NO_AT_BRIDGE GTK_A11Y
exec "$here/../run-with-display.sh" dbus-run-session --config-file="$work/session.conf" -- /usr/bin/python3 "$@"
