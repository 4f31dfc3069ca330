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
              ical/conference.ics ical/dst.ics ical/outlook.ics ical/all-day.ics; do
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

# The same schedule by path and by file:// address: the same UIDs.
"$app" --export-ics "$work/by-uri.ics" "file://$fixtures/pentabarf/conference.xml"
"$app" --export-ics "$work/by-path.ics" "$fixtures/pentabarf/conference.xml"
cmp -s "$work/by-uri.ics" "$work/by-path.ics" || fail "the export depends on how the file was named"
ok "the export does not depend on the source's location"

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

status=0
"$app" --export-ics "$work/keep.ics" 2> "$work/err" || status=$?
[ "$status" = 2 ] || fail "no SOURCE: status $status"
ok "no SOURCE: status 2, $(cat "$work/err")"
echo "1..$n"
