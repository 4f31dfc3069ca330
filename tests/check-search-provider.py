#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GNOME Shell search provider as the Shell uses it, over the private
# session bus check-search-provider.sh made: every call goes through
# `gdbus call`, and the app is started by D-Bus activation. The events are
# three hand-written schedules (Pentabarf XML, frab JSON, iCalendar) added
# by opening them over D-Bus, as the file manager does; the app is then
# quit, so every search below comes to an app that starts for it with no
# window. What the results open is read over the accessibility bus.
#
#   check-search-provider.py FIXTURES_DIR

import os
import subprocess
import sys
import time
import traceback

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

APP_ID = "io.nats.ConnectLive"
APP_PATH = "/io/nats/ConnectLive"
PROVIDER_PATH = "/io/nats/ConnectLive/SearchProvider"
PROVIDER = "org.gnome.Shell.SearchProvider2"

FIXTURES = sys.argv[1]
EVENTS = [f"file://{FIXTURES}/pentabarf/conference.xml",
          f"file://{FIXTURES}/frab-json/conference.json",
          f"file://{FIXTURES}/ical/conference.ics"]
CAFE = "Schedules, Time Zones and Other Café Arguments"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def gdbus(path, method, *args, timeout=25):
    """`gdbus call` on the app's bus name; the reply as a Python value."""
    cmd = ["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", path,
           "--timeout", str(timeout), "--method", method, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 5)
    check(done.returncode == 0, f"{method} failed: {done.stderr.strip()}")
    return GLib.Variant.parse(None, done.stdout.strip(), None, None).unpack()


def strv(words):
    return GLib.Variant("as", words).print_(False)


def search(*words):
    return gdbus(PROVIDER_PATH, f"{PROVIDER}.GetInitialResultSet", strv(list(words)))[0]


def subsearch(previous, *words):
    return gdbus(PROVIDER_PATH, f"{PROVIDER}.GetSubsearchResultSet",
                 strv(previous), strv(list(words)))[0]


def metas(ids):
    return {m["id"]: m for m in gdbus(PROVIDER_PATH, f"{PROVIDER}.GetResultMetas", strv(ids))[0]}


def owner_pid():
    done = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                           "--object-path", "/org/freedesktop/DBus", "--method",
                           "org.freedesktop.DBus.GetConnectionUnixProcessID", APP_ID],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return GLib.Variant.parse(None, done.stdout.strip(), None, None).unpack()[0]


def windows_of(pid):
    done = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                          capture_output=True, text=True)
    return done.stdout.split()


def wait_for(what, predicate, timeout=20):
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except (GLib.Error, Failure):
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure(f"timed out waiting for {what}")
        time.sleep(0.2)


def quit_app():
    pid = owner_pid()
    if pid is None:
        return
    gdbus(APP_PATH, "org.freedesktop.Application.ActivateAction", "quit", "@av []", "@a{sv} {}")
    wait_for("the app to quit", lambda: owner_pid() is None)


def app_root(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_process_id() == pid and app.get_child_count() > 0:
                return app
        except GLib.Error:
            continue
    return None


def walk(obj):
    stack = [obj]
    while stack:
        o = stack.pop()
        yield o
        try:
            n = o.get_child_count()
        except GLib.Error:
            continue
        for i in reversed(range(n)):
            child = o.get_child_at_index(i)
            if child is not None:
                stack.append(child)


def focused_name(root):
    for o in walk(root):
        try:
            if o.get_state_set().contains(Atspi.StateType.FOCUSED):
                return o.get_name() or ""
        except GLib.Error:
            continue
    return None


def search_texts(root):
    """The text of every search field (GTK 4.8 names the role "entry",
    4.18 "search box")."""
    roles = {Atspi.Role.ENTRY, Atspi.Role.TEXT}
    if hasattr(Atspi.Role, "SEARCH_BOX"):
        roles.add(Atspi.Role.SEARCH_BOX)
    texts = []
    for o in walk(root):
        try:
            if o.get_role() in roles:
                texts.append(Atspi.Text.get_text(o, 0, Atspi.Text.get_character_count(o)))
        except (GLib.Error, TypeError, AttributeError):
            continue
    return texts


def sessions(ids):
    return [i for i in ids if i.startswith("session\t")]


def speakers(ids):
    return [i for i in ids if i.startswith("speaker\t")]


def test_open_events():
    """Open over D-Bus (the file manager's way) starts the app and adds the
    three events; the running app's provider finds them."""
    gdbus(APP_PATH, "org.freedesktop.Application.Open", strv(EVENTS), "@a{sv} {}")
    wait_for("the three events' sessions in the running app's results",
             lambda: len(sessions(search("welcome"))) == 3, timeout=40)
    quit_app()


def test_no_window():
    """A search starts the app with no window, and it answers from the
    events' saved copies."""
    check(owner_pid() is None, "the app still runs")
    found = search("cafe")
    pid = owner_pid()
    check(pid is not None, "no app answered")
    check(len(sessions(found)) == 2, f"'cafe': expected the talk of the XML and the iCalendar event, got {found}")
    check(windows_of(pid) == [], "a search opened a window")


def test_folding():
    """Accents and case fold as in the window: "Café" = "cafe" = "CAFÉ",
    and "MÜLLER" finds Zoë Müller and her talk."""
    cafe = search("cafe")
    check(search("Café") == cafe and search("CAFÉ") == cafe,
          f"'Café' and 'CAFÉ' differ from 'cafe': {search('Café')} {search('CAFÉ')} {cafe}")
    muller = search("MÜLLER")
    check(len(speakers(muller)) >= 1, f"'MÜLLER' found no speaker: {muller}")
    check(len(sessions(muller)) >= 1, f"'MÜLLER' found no session: {muller}")
    check(search("muller") == muller, "'muller' and 'MÜLLER' differ")


def test_metas():
    """A session reads as its title, with "day, time · room · speakers";
    a speaker as their name, with their sessions' count and the event."""
    found = search("müller")
    by_id = metas(found)
    check(set(by_id) == set(found), f"metas for {sorted(by_id)}, asked for {found}")
    talk = by_id[sessions(found)[0]]
    check(talk["name"] == CAFE, f"session named {talk['name']!r}")
    check("Zoë Müller" in talk["description"] and " · " in talk["description"],
          f"session described as {talk['description']!r}")
    check("icon" in talk, "session meta has no icon")
    person = by_id[speakers(found)[0]]
    check(person["name"] == "Zoë Müller", f"speaker named {person['name']!r}")
    check("ExampleCon" in person["description"], f"speaker described as {person['description']!r}")


def test_subsearch():
    """Typing on narrows the results the Shell already has."""
    gtk = search("gtk")
    check(len(gtk) >= 2, f"'gtk' found {gtk}")
    narrowed = subsearch(gtk, "gtk", "desktop")
    check(narrowed == search("gtk", "desktop"), f"subsearch {narrowed} differs from a new search")
    check(0 < len(narrowed) < len(gtk), f"'gtk desktop' did not narrow 'gtk': {narrowed}")
    check(subsearch(gtk, "xyzzyplugh") == [], "a subsearch for nothing found something")


def test_nothing():
    """No words, a word found nowhere and a 10,000-character query give no
    results, quickly, and the app stays up."""
    check(search() == [], "no terms gave results")
    check(search("") == [], "an empty term gave results")
    check(search("xyzzyplugh") == [], "a word found nowhere gave results")
    start = time.monotonic()
    check(search("a" * 10000) == [], "a 10,000-character query gave results")
    check(time.monotonic() - start < 10, "a 10,000-character query took over 10 s")
    check(len(search("welcome")) == 3, "the app did not answer after a long query")


def test_activate_session():
    """ActivateResult opens the window on the session: its event, its
    agenda, keyboard focus on its row."""
    found = sessions(search("cafe"))
    check(found, "'cafe' found no session")
    gdbus(PROVIDER_PATH, f"{PROVIDER}.ActivateResult", GLib.Variant("s", found[0]).print_(False),
          strv(["cafe"]), "0")
    pid = owner_pid()
    wait_for("a window", lambda: windows_of(pid))
    root = wait_for("the app on the accessibility bus", lambda: app_root(pid))
    name = wait_for(f"focus on the row of {CAFE!r}",
                    lambda: (focused_name(root) or "") if CAFE in (focused_name(root) or "") else None)
    check(CAFE in name, f"focus on {name!r}")


def test_launch_search():
    """LaunchSearch opens the window with the search filled in."""
    pid = owner_pid()
    gdbus(PROVIDER_PATH, f"{PROVIDER}.LaunchSearch", strv(["grace", "hopper"]), "0")
    root = wait_for("the app on the accessibility bus", lambda: app_root(pid))
    try:
        wait_for("the search entry holding 'grace hopper'",
                 lambda: "grace hopper" in search_texts(root))
    except Failure as e:
        raise Failure(f"{e}; the text fields hold {search_texts(root)}")


def main():
    tests = [test_open_events, test_no_window, test_folding, test_metas, test_subsearch,
             test_nothing, test_activate_session, test_launch_search]
    print(f"1..{len(tests)}")
    failed = 0
    for i, test in enumerate(tests, 1):
        try:
            test()
            print(f"ok {i} {test.__name__}")
        except Exception as e:  # noqa: BLE001 — every failure is reported
            failed += 1
            print(f"not ok {i} {test.__name__}")
            for line in (str(e) + "\n" + traceback.format_exc()).splitlines():
                print(f"# {line}")
        sys.stdout.flush()
    try:
        quit_app()
    except Failure as e:
        print(f"# {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
