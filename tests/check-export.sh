#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# connect-live --export-ics OUT SOURCE from outside, as a person or a script
# runs it: every session of each schedule fixture becomes a VEVENT that
# python3-icalendar reads; the export read back (through libical, the app's
# own iCalendar reader) and exported again gives the same bytes; UIDs are
# unique. Bad input: status 1, one line on stderr naming the problem, no
# CRITICAL, OUT left byte-identical. Usage: check-export.sh BUILDDIR SRCDIR
set -euo pipefail

builddir=$1
srcdir=$2
app=$builddir/src/connect-live
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CACHE_HOME=$work/cache GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR=$builddir/data NCL_NET_MODULE_DIR=$builddir/src/net
fixtures=$srcdir/tests/fixtures
n=0
ok () { n=$((n + 1)); echo "ok $n - $*"; }
fail () { echo "not ok $((n + 1)) - $*" >&2; exit 1; }

for source in pentabarf/conference.xml pentabarf/dst.xml pentabarf/past-midnight.xml \
              pentabarf/floating.xml pentabarf/real-world.xml pentabarf/repeated-guids.xml \
              frab-json/conference.json frab-json/zone-says-utc.json \
              ical/conference.ics ical/dst.ics ical/outlook.ics ical/all-day.ics ical/legacy.ics; do
  out=$work/one.ics again=$work/two.ics
  "$app" --export-ics "$out" "$fixtures/$source" 2> "$work/err" || fail "$source: status $? ($(cat "$work/err"))"
  [ ! -s "$work/err" ] || fail "$source: stderr: $(cat "$work/err")"
  /usr/bin/python3 - "$out" <<'PY' || fail "$source: python3-icalendar refuses the export"
import sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = calendar.walk('VEVENT')
assert events, 'no VEVENT'
uids = [str(e['UID']) for e in events]
assert len(uids) == len(set(uids)), 'repeated UIDs'
for e in events:
    assert 'DTSTART' in e and 'SUMMARY' in e, e
PY
  "$app" --export-ics "$again" "$out" || fail "$source: its export does not read back"
  cmp -s "$out" "$again" || fail "$source: export → open → export changed the file"
  ok "$source: valid, unique UIDs, round trip"
done

# A schedule that names no zone (FOSDEM's): floating times, written as the
# file gives them, whatever zone the machine is in.
TZ=Pacific/Auckland "$app" --export-ics "$work/auckland.ics" "$fixtures/pentabarf/floating.xml"
TZ=America/Los_Angeles "$app" --export-ics "$work/los-angeles.ics" "$fixtures/pentabarf/floating.xml"
cmp -s "$work/auckland.ics" "$work/los-angeles.ics" || fail "a floating schedule's export depends on the machine's zone"
tr -d '\r' < "$work/auckland.ics" > "$work/auckland.lf"
grep -qx 'DTSTART:20260131T093000' "$work/auckland.lf" || fail "09:30 is not written as a floating 09:30"
! grep -q '^DT\(START\|END\)\(;TZID.*\|.*Z\)$' "$work/auckland.lf" || fail "a floating time got a zone"
ok "no zone in the schedule: floating times in the export, the same in any machine zone"

# A loopback server, as a schedule's host: paths without an extension, sent
# as application/octet-stream (the content says what they are), and a 404.
/usr/bin/python3 - "$fixtures" "$work/port" <<'PY' &
import http.server, os, sys
fixtures, port_file = sys.argv[1], sys.argv[2]
paths = {'/schedule': 'pentabarf/repeated-guids.xml', '/export': 'frab-json/conference.json',
         '/calendar': 'ical/legacy.ics'}
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path not in paths:
            self.send_error(404, 'Not Found')
            return
        body = open(os.path.join(fixtures, paths[self.path]), 'rb').read()
        self.send_response(200)
        self.send_header('Content-Type', 'application/octet-stream')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
with open(port_file + '.tmp', 'w') as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + '.tmp', port_file)
server.serve_forever()
PY
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "the loopback server did not start"
base=http://127.0.0.1:$(cat "$work/port")

# The same schedule by path, by file:// address and by URL: the same bytes,
# so the same UIDs (never made from the source's location), unique even
# where the file repeats a GUID.
for pair in /schedule:pentabarf/repeated-guids.xml /export:frab-json/conference.json /calendar:ical/legacy.ics; do
  path=${pair%%:*} file=${pair#*:}
  "$app" --export-ics "$work/by-url.ics" "$base$path" 2> "$work/err" || fail "$base$path: status $? ($(cat "$work/err"))"
  "$app" --export-ics "$work/by-uri.ics" "file://$fixtures/$file"
  "$app" --export-ics "$work/by-path.ics" "$fixtures/$file"
  cmp -s "$work/by-uri.ics" "$work/by-path.ics" || fail "$file: the export depends on how the file was named"
  cmp -s "$work/by-url.ics" "$work/by-path.ics" || fail "$file: the export by URL differs from the one by path"
  ok "$file: the same export by path, file:// and an extensionless application/octet-stream URL"
done
"$app" --export-ics "$work/copied.ics" "$fixtures/pentabarf/repeated-guids.xml"
[ "$(grep -c '^UID:' "$work/copied.ics")" = 4 ] && [ -z "$(grep '^UID:' "$work/copied.ics" | sort | uniq -d)" ] ||
  fail "a file that repeats GUIDs and ids: not four unique UIDs"
ok "a file that repeats GUIDs and ids: four sessions, four unique UIDs"

printf 'untouched\n' > "$work/keep.ics"
: > "$work/empty.xml"
head -c 512 /dev/zero | tr '\0' '\001' > "$work/noise.bin"
check_refused () {
  local what=$1 source=$2 expected=$3 status=0
  "$app" --export-ics "$work/keep.ics" "$source" 2> "$work/err" || status=$?
  [ "$status" = 1 ] || fail "$what: status $status"
  [ "$(wc -l < "$work/err")" = 1 ] || fail "$what: not one line: $(cat "$work/err")"
  grep -q -- "$expected" "$work/err" || fail "$what: “$(cat "$work/err")” does not say “$expected”"
  grep -q "CRITICAL\|WARNING" "$work/err" && fail "$what: $(cat "$work/err")"
  [ "$(cat "$work/keep.ics")" = untouched ] || fail "$what: OUT was changed"
  ok "$what: $(cat "$work/err")"
}
check_refused "an empty file" "$work/empty.xml" "empty"
check_refused "random bytes" "$work/noise.bin" "unknown format"
check_refused "a missing file" "$work/nowhere.xml" "does not exist"
check_refused "truncated XML" "$fixtures/pentabarf/truncated.xml" "Line [0-9]"
check_refused "an unclosed VEVENT" "$fixtures/ical/truncated.ics" "line [0-9]"
check_refused "a calendar without sessions" "$fixtures/ical/no-sessions.ics" "no sessions"
check_refused "a schedule without sessions" "$fixtures/pentabarf/no-sessions.xml" "no sessions"
check_refused "a JSON schedule without sessions" "$fixtures/frab-json/no-sessions.json" "no sessions"
check_refused "a JSON whose schedule is a string" "$fixtures/frab-json/schedule-wrong-type.json" "“schedule” is a string"
check_refused "a JSON that is no schedule" "$fixtures/frab-json/not-schedule.json" "schedule"
check_refused "a 404" "$base/gone" "404"

status=0
"$app" --export-ics "$work/keep.ics" 2> "$work/err" || status=$?
[ "$status" = 2 ] || fail "no SOURCE: status $status"
ok "no SOURCE: status 2, $(cat "$work/err")"
echo "1..$n"
