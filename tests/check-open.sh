#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# connect-live FILE|URL… as a person types it: the first call starts the
# app with the file's event; a second call, with another file, reaches the
# running instance (GApplication's D-Bus) and adds its event there; an
# argument that is neither file nor address is refused with one line and
# status 2. The list is read back from the app's GSettings (a key file).
# Needs a display and a session bus (the suite runs under xvfb-run and
# dbus-run-session). Usage: check-open.sh BUILDDIR SRCDIR
set -euo pipefail

builddir=$1
srcdir=$2
app=$builddir/src/connect-live
home=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$home"' EXIT

export HOME=$home XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/data
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR=$builddir/data
keyfile=$XDG_CONFIG_HOME/glib-2.0/settings/keyfile
cp "$srcdir/tests/fixtures/pentabarf/conference.xml" "$home/examplecon.xml"
cp "$srcdir/tests/fixtures/pentabarf/dst.xml" "$home/dst.xml"
cd "$home"

fail () { echo "not ok: $*" >&2; exit 1; }

"$app" --offline examplecon.xml > "$home/first.log" 2>&1 &
pid=$!

# The first event is listed once the window has it.
for _ in $(seq 100); do
  grep -q "examplecon.xml" "$keyfile" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "the app exited: $(cat "$home/first.log")"
  sleep 0.1
done
grep -q "file://$home/examplecon.xml" "$keyfile" || fail "the first file's event is not listed"
echo "ok 1 - the first call shows the file's event"

# The second call goes to the running app and returns.
timeout 20 "$app" dst.xml || fail "the second call failed ($?)"
for _ in $(seq 100); do
  grep -q "dst.xml" "$keyfile" && break
  sleep 0.1
done
grep -q "file://$home/dst.xml" "$keyfile" || fail "the second file's event is not in the running app"
kill -0 "$pid" 2>/dev/null || fail "the first instance exited"
echo "ok 2 - a second call adds its event to the running instance"

# Neither a file nor an address: one line, status 2, nothing added.
status=0
timeout 20 "$app" "mailto:someone@example.org" > "$home/bad.log" 2>&1 || status=$?
[ "$status" = 2 ] || fail "status $status for a mailto: argument"
grep -q "is neither a file nor a web address" "$home/bad.log" || fail "no message: $(cat "$home/bad.log")"
grep -q "mailto" "$keyfile" && fail "the mailto: argument was added"
echo "ok 3 - an argument that is neither file nor address is refused"
echo "1..3"
