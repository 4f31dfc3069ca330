#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs tests/a11y/test-a11y.py against the real app on a real accessibility
# bus: the session bus of the test run (or one of its own), with
# at-spi-bus-launcher started here, as a desktop session starts it for Orca.
# Needs an X display (Xvfb in CI): keys are synthesized with xdotool.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

if [ -z "${DISPLAY:-}" ]; then
  echo "1..0 # SKIP no X display"
  exit 0
fi

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- "$0" "$@"
fi

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

# Its output, and that of the bus and registry it starts, must not hold the
# test's stdout open after the test ends.
"$launcher" --launch-immediately >/dev/null 2>&1 &
launcher_pid=$!
trap 'kill $launcher_pid 2>/dev/null || true' EXIT

# The accessibility bus is up once the launcher answers on the session bus.
for _ in $(seq 50); do
  if gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \
       --method org.a11y.Bus.GetAddress >/dev/null 2>&1; then
    break
  fi
  sleep 0.1
done

# Debian's python3 with its GObject bindings (the one on PATH may be
# another build without them).
/usr/bin/python3 "$here/test-a11y.py" "$@"
