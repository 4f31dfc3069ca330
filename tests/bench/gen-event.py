#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes synthetic events for the benchmarks, in the real formats.

  gen-event.py [--picture-base URL] [--pictures] [--only KIND] OUTDIR N [N …]

For each N it writes OUTDIR/post-N.md, a Hugo post shaped like the bundled
data/event/nats-connect-live-2020.md (TOML front matter, an introduction,
`### N. Title` sections holding the two-column grid HTML with a slides and a
video link and a slide picture, a closing and the <style> block), and
OUTDIR/agenda-N.html, an agenda page shaped like nats.io/nats_connect/ (the
date heading, the Talk Topic / Speaker(s) / Scheduled Start / Description
table with a break row every ten sessions, and a Speaker Information grid)
with N sessions and N/2 speakers; and OUTDIR/schedule-N.xml, a Pentabarf /
frab schedule.xml shaped like FOSDEM's (two days, N sessions over up to 60
rooms from 09:00, persons, HTML abstracts, slides attached as PDF files and
WebM/MP4 recordings for some); OUTDIR/schedule-N.json, the same schedule
as frab / pretalx schedule.json; and OUTDIR/schedule-N.ics, the same
schedule as pretalx exports it to iCalendar (a VTIMEZONE for
Europe/Brussels, a VEVENT per session with its UID, room, track, speakers
as ATTENDEEs and the abstract as DESCRIPTION, CRLF and folded lines).
--only post|agenda|schedule|json|ical writes one kind.

Slide pictures are at URL/img/talk-<i>.png (default http://127.0.0.1:1/,
which nothing serves: for the parse benchmarks); the programs that show
pictures serve them on loopback and pass their own URL. With --pictures it
also writes OUTDIR/slide-<k>.png, a few slide-sized PNGs (1280×720, made
here with zlib: no data set is downloaded) for those servers to send.

The output depends on N only (a seeded generator), so runs compare.
"""

import argparse
import json
import os
import random
import struct
import zlib

GIVEN = ["Alex", "Samuel", "Ron", "Kevin", "Simon", "Derek", "Ginger", "Colin",
         "Wally", "Ivan", "Alberto", "Tyler", "Dwayne", "Dale", "Kyle", "Phil",
         "David", "Maria", "Aiko", "Chidi", "Elena", "Farid", "Greta", "Hugo",
         "Ines", "Jonas", "Katya", "Liam", "Mei", "Nadia", "Oscar", "Priya",
         "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Viktor", "Wen", "Yara"]
SURNAME = ["Ellis", "Jirénius", "Britvich", "Hoffman", "Crosby", "Collison",
           "Sullivan", "Quevedo", "Kozlovic", "Ricart", "Neely", "Bradley",
           "Bingham", "Thomas", "Pennock", "Kemper", "Pienaar", "Okafor",
           "Lindqvist", "Tanaka", "Moreau", "Haddad", "Novak", "Schmidt",
           "Costa", "Ivanova", "Nakamura", "O'Brien", "Petrov", "Rossi",
           "Svensson", "Uddin", "Valdés", "Weber", "Xu", "Zhang", "Adeyemi",
           "Berg", "Castillo", "Dubois", "Eriksen", "Fischer", "García"]
TOPIC = ["JetStream", "Leafnodes", "Kubernetes", "WebAssembly", "Rust", "Go",
         "Service Mesh", "Edge Computing", "Observability", "Security",
         "Multi-tenancy", "Streaming", "Key-Value Store", "Object Store",
         "Microservices", "IoT", "Serverless", "WebSockets", "Bearer Tokens",
         "Surveyor", "Clustering", "Superclusters", "Gateways", "MQTT"]
VERB = ["Scaling", "Securing", "Operating", "Debugging", "Building",
        "Testing", "Deploying", "Monitoring", "Designing", "Migrating"]
WHERE = ["at the Edge", "in Production", "on Kubernetes", "with Go",
         "for IoT Fleets", "across Regions", "in the Browser", "on a Budget",
         "at Scale", "without Downtime"]
SLIDES = ["https://www.slideshare.net/nats_io/", "https://slides.com/nats/"]
LOREM = ("NATS is a simple, secure and performant communications system for "
         "digital systems, services and devices. This talk walks through a "
         "real deployment, what went wrong, and how the team fixed it with "
         "subjects, queues and a little bit of patience.").split()

SLIDE_W, SLIDE_H, N_SLIDES = 1280, 720, 4


def slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def person(i):
    """The i-th speaker's name: unique for i < len(GIVEN) * len(SURNAME)."""
    given = GIVEN[i % len(GIVEN)]
    surname = SURNAME[(i // len(GIVEN) + i) % len(SURNAME)]
    suffix = "" if i < len(GIVEN) * len(SURNAME) else " %s." % chr(65 + i // 1720 % 26)
    return "%s%s %s" % (given, suffix, surname)


def title(i):
    return "%s %s %s (part %d)" % (VERB[i % len(VERB)], TOPIC[(i // 3) % len(TOPIC)],
                                   WHERE[(i // 7) % len(WHERE)], i + 1)


def sentence(rng, words):
    return " ".join(rng.choice(LOREM) for _ in range(words)).capitalize() + "."


def write_post(path, n, picture_base, rng):
    out = ['+++\n',
           'categories = ["Community", "Newsletter","Conferences"]\n',
           'date = "2020-04-27"\n',
           'tags = ["nats", "microservices", "technical", "ngs", "synadia","features","community"]\n',
           'title = "NATS Connect Live %d!"\n' % n,
           'author = "Derek Collison"\n',
           '+++\n\n']
    for _ in range(3):
        out.append(" ".join(sentence(rng, 14) for _ in range(4)) + "\n\n")
    out.append("See the [full schedule](https://nats.io/nats_connect) for a list of the "
               "speakers, and view videos of the presentations on [NATS Messaging "
               "YouTube](https://youtube.com/c/nats_messaging) channel.\n\n\n\n")
    out.append("All of the sessions combined to make an amazing and informative event.\n\n")
    for i in range(n):
        speaker = person(i % max(n // 2, 1))
        handle = slug(speaker).replace("-", "")
        slides = SLIDES[i % 2] + "nats-connect-live-" + slug(title(i))[:40]
        video = "https://www.youtube.com/watch?v=%011d" % (i * 7919 % 10 ** 11)
        out.append("### %d. %s\n" % (i + 1, title(i)))
        out.append('<div class="grid-container">\n <div class="grid-item">\n')
        out.append('This is a great talk from %s <a href="https://twitter.com/%s" '
                   'target="_blank">@%s</a> on %s. %s\n' %
                   (speaker, handle, handle, TOPIC[(i // 3) % len(TOPIC)], sentence(rng, 18)))
        out.append(' <br><br>\n <a href="%s" alt="%s" target="_blank">\n' % (slides, TOPIC[i % len(TOPIC)]))
        out.append('   <img src="/img/social/slideshare.png" height="65" width="90">\n   </a><br>\n')
        out.append(' <a href="%s" target="_blank">\n' % video)
        out.append(' <img src="/img/social/youtube.png" height="60" width="85">\n</a>\n  </div>\n')
        out.append('  <div class="grid-item">\n<img src="%simg/talk-%d.png" >\n</div>\n</div>\n\n'
                   % (picture_base, i + 1))
    out.append("<br /><br />\nAll of the talks are worth checking out.\n\n"
               "Contact Derek [derek@nats.io](mailto:derek@nats.io)\n\n"
               "Join the NATS Slack Channel [slack.nats.io](https://slack.nats.io)\n\n\n\n"
               "<style>\n.grid-container {\n  display: grid;\n  grid-template-columns: auto auto;\n"
               "  padding: 0px;\n  grid-gap: 10px;\n}\n\n.grid-item {\n  padding: 10px;\n"
               "  text-align: left;\n  \n}\n\n</style>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def clock(minutes):
    hour, minute = divmod(minutes, 60)
    suffix = "am" if hour < 12 else "pm"
    return "%d:%02d%s" % ((hour - 1) % 12 + 1, minute, suffix)


def write_agenda(path, n, rng):
    n_speakers = max(n // 2, 1)
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">\n',
           '<title>NATS Connect Live %d</title>\n</head>\n<body>\n' % n,
           '<div class="container">\n<h1>NATS Connect Live!</h1>\n',
           '<h4>April 16, 2020 @8am PDT</h4>\n',
           '    <table class="table table-striped">\n        <thead><h2>Agenda</h2>\n',
           '        <p>All times are PDT. Agenda is subject to change.</p>\n',
           '        <tr>\n            <th class="col-md-2">Talk Topic</th>\n',
           '            <th class="col-md-2">Speaker(s)</th>\n',
           '            <th class="col-md-1">Scheduled Start</th>\n',
           '            <th class="col-md-4">Description</th>\n        </tr>\n        </thead>\n\n <tbody>\n']
    # 8:00am to 11:50pm in ten-minute slots; at scale several tracks share one.
    for i in range(n):
        start = 8 * 60 + (i * 96 // max(n, 1)) * 10 if n > 96 else 8 * 60 + i * 10
        speakers = person(i % n_speakers)
        if i % 5 == 4 and n_speakers > 1:
            speakers += " / " + person((i + 1) % n_speakers)
        if i > 0 and i % 10 == 0:
            out.append('        <tr>\n            <td colspan="4" class="centery">Break</td>\n        </tr>\n')
        out.append('        <tr>\n            <td>%s</td>\n            <td>%s</td>\n'
                   '            <td class="centery">%s</td>\n            <td>%s</td>\n        </tr>\n'
                   % (title(i).replace("&", "&amp;"), speakers, clock(start), sentence(rng, 12)))
    out.append(' </tbody>\n    </table>\n\n')
    out.append('<div><a name="speaker-info"></a><h2>Speaker Information</h2></div>\n'
               '<p>Speaker information for the event is listed below.</p>\n\n  <div class="grid-container">\n\n')
    for s in range(n_speakers):
        name = person(s)
        handle = slug(name).replace("-", "")
        out.append('      <div class="grid-item">\n          <strong>%s</strong><br>\n'
                   '          %s, %s<br>\n'
                   '              <a href="https://github.com/%s" target="_blank"><img src="/img/social/github.png" height="16px" width="16px"></a>\n'
                   '              <a href="https://twitter.com/%s" target="_blank"><img src="/img/social/twitter.png" height="16px" width="16px"></a>\n'
                   '      </div>\n' % (name, rng.choice(["Engineer", "Architect", "Maintainer", "CTO"]),
                                       rng.choice(["Synadia", "Acme Corp", "Example Ltd", "NATS"]),
                                       handle, handle))
    out.append('  </div>\n</div>\n</body>\n</html>\n')
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def schedule_days(n, rng):
    """FOSDEM's shape: N sessions, N/16 rooms (1 to 60), two days; the days
    as (date, [(room name, [session, …]), …]), each session a dict."""
    n_rooms = max(1, min(60, n // 16))
    n_speakers = max(n // 2, 1)
    days = []
    i = 0
    for day in range(2):
        date = "2026-02-%02d" % (7 + day)
        per_day = n // 2 + (n % 2 if day == 0 else 0)
        rooms = []
        for room in range(n_rooms):
            name = "Room %s.%d" % ("ABCDEFGHKU"[room % 10], 100 + room)
            sessions = []
            minutes = 9 * 60
            for k in range(per_day // n_rooms + (1 if room < per_day % n_rooms else 0)):
                length = rng.choice([15, 25, 30, 40, 50])
                t = title(i)
                sessions.append({
                    "i": i, "room_index": room, "room": name, "date": date,
                    "hour": minutes // 60, "minute": minutes % 60, "length": length,
                    "title": t, "slug": "benchcon-2026-%d-%s" % (i, slug(t)[:40]),
                    "track": TOPIC[room % len(TOPIC)],
                    "persons": [person(i % n_speakers)] + ([person((i + 1) % n_speakers)] if i % 5 == 4 else []),
                    "person_ids": [(i + p_i) % n_speakers for p_i in range(2 if i % 5 == 4 else 1)],
                    "sentences": (sentence(rng, 20), sentence(rng, 14)),
                })
                minutes += length + 5
                i += 1
            rooms.append((name, sessions))
        days.append((date, rooms))
    return days


def session_slides(s):
    """The PDF attached to every fifth session, relative to the base URL."""
    return ("/2026/schedule/event/%s/attachments/slides/%d/slides.pdf" % (s["slug"], s["i"])
            if s["i"] % 5 == 0 else None)


def session_recordings(s):
    """The WebM and MP4 recordings of every third session."""
    if s["i"] % 3 != 0:
        return []
    base = "https://video.benchcon.example/2026/%d/%s" % (s["room_index"], s["slug"])
    return [(base + ".webm", "Video recording (WebM/AV1)"), (base + ".mp4", "Video recording (MP4)")]


def write_schedule(path, n, rng):
    """The schedule as Pentabarf / frab XML."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n  <version>generated %d</version>\n' % n,
           '  <conference>\n    <acronym>benchcon-%d</acronym>\n    <title>BenchCon %d</title>\n' % (n, n),
           '    <start>2026-02-07</start>\n    <end>2026-02-08</end>\n    <days>2</days>\n',
           '    <day_change>09:00:00</day_change>\n    <timeslot_duration>00:05:00</timeslot_duration>\n',
           '    <base_url>https://benchcon.example/2026/schedule/</base_url>\n',
           '    <time_zone_name>Europe/Brussels</time_zone_name>\n  </conference>\n']
    for day, (date, rooms) in enumerate(schedule_days(n, rng)):
        out.append('  <day index="%d" date="%s" start="%sT09:00:00+01:00" end="%sT19:00:00+01:00">\n'
                   % (day + 1, date, date, date))
        for room, (name, sessions) in enumerate(rooms):
            out.append('    <room name="%s" guid="00000000-0000-4000-8000-%012d">\n' % (name, room))
            for s in sessions:
                i, hour, minute = s["i"], s["hour"], s["minute"]
                out.append('      <event guid="00000000-0000-4000-9000-%012d" id="%d">\n' % (i, 1000 + i))
                out.append('        <date>%sT%02d:%02d:00+01:00</date>\n        <start>%02d:%02d</start>\n'
                           % (date, hour, minute, hour, minute))
                out.append('        <duration>00:%02d</duration>\n        <room>%s</room>\n' % (s["length"], name))
                out.append('        <slug>%s</slug>\n        <url>https://benchcon.example/2026/schedule/event/%s/</url>\n'
                           % (s["slug"], s["slug"]))
                out.append('        <title>%s</title>\n        <subtitle/>\n        <track>%s</track>\n'
                           % (xml_escape(s["title"]), xml_escape(s["track"])))
                out.append('        <type>devroom</type>\n        <language>en</language>\n')
                out.append('        <abstract>%s</abstract>\n        <description/>\n'
                           % xml_escape("<p>%s</p><p>%s</p>" % s["sentences"]))
                out.append('        <persons>\n')
                for p_id, p in zip(s["person_ids"], s["persons"]):
                    out.append('          <person id="%d">%s</person>\n' % (p_id, xml_escape(p)))
                out.append('        </persons>\n        <attachments>\n')
                if session_slides(s):
                    out.append('          <attachment type="slides" href="%s">Slides</attachment>\n'
                               % session_slides(s))
                out.append('        </attachments>\n        <links>\n')
                for href, label in session_recordings(s):
                    out.append('          <link href="%s">%s</link>\n' % (href, label))
                out.append('          <link href="https://benchcon.example/feedback/%d">Submit feedback</link>\n' % i)
                out.append('        </links>\n      </event>\n')
            out.append('    </room>\n')
        out.append('  </day>\n')
    out.append('</schedule>\n')
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def write_json(path, n, rng):
    """The schedule as frab / pretalx schedule.json."""
    days = []
    for day, (date, rooms) in enumerate(schedule_days(n, rng)):
        json_rooms = {}
        for name, sessions in rooms:
            events = []
            for s in sessions:
                i, hour, minute = s["i"], s["hour"], s["minute"]
                links = [{"url": href, "title": label} for href, label in session_recordings(s)]
                links.append({"url": "https://benchcon.example/feedback/%d" % i, "title": "Submit feedback"})
                events.append({
                    "guid": "00000000-0000-4000-9000-%012d" % i, "id": 1000 + i,
                    "date": "%sT%02d:%02d:00+01:00" % (date, hour, minute),
                    "start": "%02d:%02d" % (hour, minute), "duration": "00:%02d" % s["length"],
                    "room": name, "slug": s["slug"],
                    "url": "https://benchcon.example/2026/schedule/event/%s/" % s["slug"],
                    "title": s["title"], "subtitle": "", "track": s["track"], "type": "devroom",
                    "language": "en", "abstract": "<p>%s</p><p>%s</p>" % s["sentences"], "description": "",
                    "persons": [{"id": p_id, "public_name": p} for p_id, p in zip(s["person_ids"], s["persons"])],
                    "attachments": [{"url": session_slides(s), "title": "Slides"}] if session_slides(s) else [],
                    "links": links,
                })
            json_rooms[name] = events
        days.append({"index": day + 1, "date": date, "day_start": "%sT09:00:00+01:00" % date,
                     "day_end": "%sT19:00:00+01:00" % date, "rooms": json_rooms})
    schedule = {"schedule": {
        "version": "generated %d" % n, "base_url": "https://benchcon.example/2026/schedule/",
        "conference": {"acronym": "benchcon-%d" % n, "title": "BenchCon %d" % n,
                       "start": "2026-02-07", "end": "2026-02-08", "daysCount": 2,
                       "timeslot_duration": "00:05", "time_zone_name": "Europe/Brussels",
                       "days": days}}}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(schedule, f, ensure_ascii=False, indent=1)
        f.write("\n")


def png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))


def write_slide(path, k):
    """A 1280×720 RGB slide: a coloured band, stripes for text, some noise so
    it compresses like a screenshot rather than a flat colour."""
    rng = random.Random(k)
    rows = []
    for y in range(SLIDE_H):
        if y < 120:
            row = bytes((40 + 50 * k) % 256 if x % 3 == 0 else 60 for x in range(SLIDE_W * 3))
        elif (y // 24) % 2 == 0 and 160 < y < 640:
            row = bytes(rng.randrange(200, 256) if (x // 3) % 200 < 150 else 250 for x in range(SLIDE_W * 3))
        else:
            row = b"\xf8" * (SLIDE_W * 3)
        rows.append(b"\x00" + row)
    data = (b"\x89PNG\r\n\x1a\n" +
            png_chunk(b"IHDR", struct.pack(">IIBBBBB", SLIDE_W, SLIDE_H, 8, 2, 0, 0, 0)) +
            png_chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) +
            png_chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)


def ical_escape(text):
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def ical_fold(line):
    """RFC 5545 folding: lines of at most 75 octets, never inside a character."""
    data = line.encode("utf-8")
    out = []
    while len(data) > 75:
        cut = 75 if not out else 74
        while cut > 0 and (data[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(data[:cut])
        data = data[cut:]
    out.append(data)
    return b"\r\n ".join(out).decode("utf-8")


ICAL_ZONE = """BEGIN:VTIMEZONE
TZID:Europe/Brussels
X-LIC-LOCATION:Europe/Brussels
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""".split("\n")


def write_ical(path, n, rng):
    """The schedule as pretalx's schedule.ics."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pretalx//benchcon.example//EN",
             "X-WR-CALNAME:BenchCon %d" % n, "X-WR-TIMEZONE:Europe/Brussels"] + ICAL_ZONE
    for date, rooms in schedule_days(n, rng):
        for name, sessions in rooms:
            for s in sessions:
                lines += ["BEGIN:VEVENT", "UID:%d@benchcon.example" % (1000 + s["i"]),
                          "DTSTAMP:20260101T000000Z",
                          "DTSTART;TZID=Europe/Brussels:%sT%02d%02d00"
                          % (date.replace("-", ""), s["hour"], s["minute"]),
                          "DURATION:PT%dM" % s["length"],
                          "SUMMARY:" + ical_escape(s["title"]),
                          "LOCATION:" + ical_escape(name),
                          "CATEGORIES:" + ical_escape(s["track"]),
                          "URL:https://benchcon.example/2026/schedule/event/%s/" % s["slug"],
                          "DESCRIPTION:" + ical_escape("%s\n\n%s" % s["sentences"])]
                for p in s["persons"]:
                    lines.append('ATTENDEE;CN="%s";ROLE=REQ-PARTICIPANT:mailto:speaker-%s@benchcon.example'
                                 % (p, slug(p)))
                lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(ical_fold(line) + "\r\n" for line in lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--picture-base", default="http://127.0.0.1:1/",
                        help="where the slide pictures are (ends with /)")
    parser.add_argument("--pictures", action="store_true",
                        help="also write slide-<k>.png for a server to send")
    parser.add_argument("--only", choices=["post", "agenda", "schedule", "json", "ical"],
                        help="write only this kind of file")
    parser.add_argument("outdir")
    parser.add_argument("sizes", nargs="+", type=int)
    args = parser.parse_args()

    os.makedirs(args.outdir, exist_ok=True)
    for n in args.sizes:
        if args.only in (None, "post"):
            write_post(os.path.join(args.outdir, "post-%d.md" % n), n, args.picture_base, random.Random(n))
        if args.only in (None, "agenda"):
            write_agenda(os.path.join(args.outdir, "agenda-%d.html" % n), n, random.Random(-n))
        if args.only in (None, "schedule"):
            write_schedule(os.path.join(args.outdir, "schedule-%d.xml" % n), n, random.Random(n * 7))
        if args.only in (None, "json"):
            write_json(os.path.join(args.outdir, "schedule-%d.json" % n), n, random.Random(n * 7))
        if args.only in (None, "ical"):
            write_ical(os.path.join(args.outdir, "schedule-%d.ics" % n), n, random.Random(n * 7))
    if args.pictures:
        for k in range(N_SLIDES):
            write_slide(os.path.join(args.outdir, "slide-%d.png" % k), k)


if __name__ == "__main__":
    main()
