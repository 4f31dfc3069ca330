#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads .ics files as another program would: with python3-icalendar.

  check-ics.py FILE [FILE …]

Prints each file's number of VEVENTs; fails on any that does not parse, has
no VEVENT, or has a VEVENT without UID, DTSTAMP, DTSTART or SUMMARY, or a
UID twice.
"""

import sys

import icalendar


def main():
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        events = calendar.walk("VEVENT")
        if not events:
            sys.exit("%s: no VEVENT" % path)
        uids = set()
        for event in events:
            for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                if name not in event:
                    sys.exit("%s: a VEVENT without %s" % (path, name))
            event.decoded("DTSTART")
            if event["UID"] in uids:
                sys.exit("%s: the UID %s twice" % (path, event["UID"]))
            uids.add(event["UID"])
        print("%s: %d events" % (path, len(events)))


if __name__ == "__main__":
    main()
