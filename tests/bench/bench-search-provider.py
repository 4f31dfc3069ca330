#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Shell search provider's latency: GetInitialResultSet over D-Bus,
100 calls, with every event open (the built-in one and the generated
1,000-session schedule in each format), against the floor of a D-Bus round
trip to the same app (org.freedesktop.DBus.Peer.Ping), interleaved call by
call. The app is started by D-Bus activation on a private bus, as the Shell
starts it, and answers with no window: the events were added by opening
them over D-Bus once, and the app quit before the calls.

  bench-search-provider.py APP SCHEDULE…

Appends its row to $NCL_BENCH_TABLE (see bench-table.h) and prints it.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

APP_ID = "io.nats.ConnectLive"
CALLS = 100
QUERIES = ["jetstream", "edge", "GO", "jirenius", "kubernetes part", "bearer", "ab", "browser", "alex", "zz"]


def stats(samples):
    s = sorted(samples)
    n = len(s)
    median = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    p95 = s[min(n, max(1, int(0.95 * n + 0.999999))) - 1]
    return median, p95, s[0], s[-1]


def call(bus, path, iface, method, args, reply):
    return bus.call_sync(APP_ID, path, iface, method, args, GLib.VariantType(reply),
                         Gio.DBusCallFlags.NONE, 60000, None)


def wait_gone(bus):
    for _ in range(200):
        owned = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "NameHasOwner", GLib.Variant("(s)", (APP_ID,)), GLib.VariantType("(b)"),
                              Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
        if not owned:
            return
        time.sleep(0.1)
    sys.exit("the app did not quit")


def search(bus, words):
    return call(bus, "/io/nats/ConnectLive/SearchProvider", "org.gnome.Shell.SearchProvider2",
                "GetInitialResultSet", GLib.Variant("(as)", (words,)), "(as)").unpack()[0]


def inside(schedules):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    uris = [Gio.File.new_for_path(s).get_uri() for s in schedules]
    call(bus, "/io/nats/ConnectLive", "org.freedesktop.Application", "Open",
         GLib.Variant("(asa{sv})", (uris, {})), "()")
    # Open until every schedule's sessions are found (they are saved then).
    deadline = time.monotonic() + 120
    while len(search(bus, ["building"])) < 100 and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(2)
    call(bus, "/io/nats/ConnectLive", "org.freedesktop.Application", "ActivateAction",
         GLib.Variant("(sava{sv})", ("quit", [], {})), "()")
    wait_gone(bus)

    # The first call starts the app (D-Bus activation) and loads the saved
    # events: timed alone.
    start = time.perf_counter()
    first = search(bus, ["building"])
    cold = (time.perf_counter() - start) * 1000
    if not first:
        sys.exit("the provider found nothing: the events were not loaded")

    app, floor = [], []
    for i in range(CALLS):
        start = time.perf_counter()
        call(bus, "/io/nats/ConnectLive", "org.freedesktop.DBus.Peer", "Ping", None, "()")
        floor.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        search(bus, [QUERIES[i % len(QUERIES)]])
        app.append((time.perf_counter() - start) * 1000)

    a, f = stats(app), stats(floor)
    n = len(schedules)
    measure = f"search provider, GetInitialResultSet, {CALLS} calls, built-in + {n} events of N=1000"
    value = f"median {a[0]:.2f} ms, p95 {a[1]:.2f} ms ({a[2]:.2f}–{a[3]:.2f})"
    baseline = f"D-Bus Ping to the app: median {f[0]:.2f} ms, p95 {f[1]:.2f} ms"
    ratio = f"{a[0] / f[0]:.1f}× (p95 {a[1] / f[1]:.1f}×)"
    goal = "p95 ≤ 50 ms"
    verdict = "met" if a[1] <= 50 else "missed"
    print(f"{measure}: {value}; {baseline}; ratio {ratio}; goal {goal}: {verdict}; "
          f"first call (starts the app) {cold:.0f} ms")
    table = os.environ.get("NCL_BENCH_TABLE")
    if table:
        with open(table, "a", encoding="utf-8") as f_out:
            f_out.write("\t".join([measure, value, baseline, ratio, goal]) + "\n")
            f_out.write("\t".join([f"search provider, first call (D-Bus activation, events loaded), "
                                   f"{n} events of N=1000", f"{cold:.0f} ms", "", "", ""]) + "\n")


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--inside":
        inside(sys.argv[2:])
        return
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    if not os.environ.get("DISPLAY"):
        print("no X display: skipped")
        return
    app, schedules = os.path.abspath(sys.argv[1]), sys.argv[2:]
    tmp = tempfile.mkdtemp(prefix="ncl-bench-sp-")
    try:
        services = os.path.join(tmp, "data", "dbus-1", "services")
        os.makedirs(services)
        for d in ("config", "cache", "runtime"):
            os.makedirs(os.path.join(tmp, d), mode=0o700)
        with open(os.path.join(services, APP_ID + ".service"), "w", encoding="utf-8") as f:
            f.write(f"[D-BUS Service]\nName={APP_ID}\nExec={app} --gapplication-service\n")
        env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=os.path.join(tmp, "data"),
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_CACHE_HOME=os.path.join(tmp, "cache"),
                   XDG_RUNTIME_DIR=os.path.join(tmp, "runtime"), GSETTINGS_BACKEND="keyfile",
                   GDK_BACKEND="x11", NO_AT_BRIDGE="1", GTK_A11Y="none", GIO_USE_PROXY_RESOLVER="dummy")
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        subprocess.run(["dbus-run-session", "--", sys.executable, os.path.abspath(__file__), "--inside",
                        *[os.path.abspath(s) for s in schedules]], env=env, check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
