#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GNOME Shell search provider, called as the Shell calls it: over a
# private session bus of its own, with `gdbus`, the app started by D-Bus
# activation from a service file (as the installed one, but running the
# build tree's binary). tests/check-search-provider.py holds the cases; it
# reads the window the results open over the accessibility bus, started
# here as a desktop session starts it.
#
#   check-search-provider.sh FIXTURES_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" = --inside-session ]; then
  shift
  launcher=
  for candidate in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
    if [ -x "$candidate" ]; then
      launcher=$candidate
      break
    fi
  done
  if [ -z "$launcher" ]; then
    echo "Bail out! at-spi-bus-launcher not found: install at-spi2-core"
    exit 1
  fi
  "$launcher" --launch-immediately >/dev/null 2>&1 &
  launcher_pid=$!
  trap 'kill $launcher_pid 2>/dev/null || true' EXIT
  for _ in $(seq 50); do
    if gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \
         --method org.a11y.Bus.GetAddress >/dev/null 2>&1; then
      break
    fi
    sleep 0.1
  done
  # Debian's python3 with its GObject bindings.
  /usr/bin/python3 "$here/check-search-provider.py" "$@"
  exit
fi

if [ -z "${DISPLAY:-}" ]; then
  echo "1..0 # SKIP no X display"
  exit 0
fi
for tool in dbus-run-session gdbus; do
  command -v "$tool" >/dev/null || { echo "Bail out! $tool not found"; exit 1; }
done

[ $# -eq 1 ] || { echo "usage: $0 FIXTURES_DIR" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ncl-search-provider.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

app_id=io.nats.ConnectLive
mkdir -p "$tmp/data/dbus-1/services" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"
cat >"$tmp/data/dbus-1/services/$app_id.service" <<EOF
[D-BUS Service]
Name=$app_id
Exec=$NCL_APP --gapplication-service
EOF

# Services inherit the bus's environment: the settings file, caches and
# modules below reach the app however it starts. The events' list lasts
# from one start to the next in a keyfile of the test's own.
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export XDG_RUNTIME_DIR=$tmp/runtime
export GSETTINGS_BACKEND=keyfile GDK_BACKEND=x11 GTK_A11Y=atspi GIO_USE_PROXY_RESOLVER=dummy
unset NO_AT_BRIDGE DBUS_SESSION_BUS_ADDRESS

status=0
dbus-run-session -- "$BASH" "$0" --inside-session "$1" || status=$?
exit $status
