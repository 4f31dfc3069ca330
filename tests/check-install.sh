#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR, checks that every file a
# desktop needs is there and valid, then starts the installed app the two
# ways a desktop does (its desktop file, and D-Bus activation) and waits for
# its window; a second launch must reach the running app, and the desktop
# file's Agenda action must be one of its actions.
#
#   check-install.sh BUILD_ROOT PREFIX BINDIR DATADIR LIBDIR
#
# The directories are the absolute ones meson was configured with. The
# installed binary has them compiled in while its files sit under DESTDIR,
# so the launches point it at the DESTDIR copies through the environment.
# The launches need an X display (the test command runs meson under
# xvfb-run and dbus-run-session); without one they are skipped and the test
# reports a skip (77) once the file checks passed.
set -uo pipefail

app_id=io.nats.ConnectLive
app_path=/io/nats/ConnectLive
window_name='^NATS Connect Live$'
window_timeout=30

# Inside a Flatpak build the SDK may lack a tool the CI image has; there a
# missing tool skips its check, everywhere else it fails the test.
in_flatpak_build=false
[ -e /.flatpak-info ] && in_flatpak_build=true

failures=0
skipped=0

ok () { echo "ok    $*"; }
fail () { echo "FAIL  $*"; failures=$((failures + 1)); }
skip () { echo "skip  $*"; skipped=$((skipped + 1)); }

# need TOOL CHECK: true when TOOL is there; otherwise fails or skips CHECK.
need () {
  if command -v "$1" >/dev/null; then
    return 0
  fi
  if $in_flatpak_build; then
    skip "$2: $1 is not in this SDK"
  else
    fail "$2: $1 not found (.ci/deps --tests installs it)"
  fi
  return 1
}

# ---------------------------------------------------------------------------
# Inside a D-Bus session of our own: start the app one way, see its window,
# stop it. Run as: check-install.sh --inside-session launch|activate DESKTOP BIN
if [ "${1:-}" = "--inside-session" ]; then
  how=$2
  target=$3
  expected_exe=$4
  app_pid=

  stop_app () {
    [ -n "$app_pid" ] || return 0
    kill "$app_pid" 2>/dev/null
    for _ in $(seq 50); do
      kill -0 "$app_pid" 2>/dev/null || { app_pid=; return 0; }
      sleep 0.1
    done
    kill -KILL "$app_pid" 2>/dev/null
    app_pid=
  }
  trap stop_app EXIT

  if xdotool search --onlyvisible --name "$window_name" >/dev/null 2>&1; then
    echo "FAIL  $how: a window named '$window_name' is already there; cannot tell ours"
    exit 1
  fi

  case $how in
    launch)
      what="gio launch $(basename "$target")"
      gio launch "$target" || { echo "FAIL  $what: gio launch exited with $?"; exit 1; }
      ;;
    activate)
      what="D-Bus activation of $app_id"
      gdbus call --session --timeout 30 --dest "$app_id" --object-path "$app_path" \
        --method org.freedesktop.Application.Activate '{}' >/dev/null ||
        { echo "FAIL  $what: org.freedesktop.Application.Activate failed"; exit 1; }
      ;;
  esac

  window=
  for _ in $(seq $((window_timeout * 10))); do
    window=$(xdotool search --onlyvisible --name "$window_name" 2>/dev/null | head -n 1)
    [ -n "$window" ] && break
    sleep 0.1
  done

  # Whoever owns the app's name on this private bus is the app we started.
  app_pid=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
              --method org.freedesktop.DBus.GetConnectionUnixProcessID "$app_id" 2>/dev/null |
            sed -n 's/^(uint32 \([0-9]*\),)$/\1/p')

  if [ -z "$window" ]; then
    echo "FAIL  $what: no visible window named '$window_name' after ${window_timeout} s" \
         "(app process: ${app_pid:-none})"
    exit 1
  fi
  echo "ok    $what: window $window appeared (process $app_pid)"
  if [ -z "$app_pid" ]; then
    echo "FAIL  $what: the window is there but nobody owns $app_id on the bus"
    exit 1
  fi
  exe=$(readlink "/proc/$app_pid/exe")
  if [ "$exe" != "$(readlink -f "$expected_exe")" ]; then
    echo "FAIL  $what: $app_id is $exe, not the installed $expected_exe"
    exit 1
  fi

  if [ "$how" = activate ]; then
    # One process: a later launch hands its command line to the running app
    # and returns its exit status. "--talk 99" is well-formed, so only the
    # running app, which has the post loaded, can refuse it (status 2).
    failed=0
    owner () {
      gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.GetConnectionUnixProcessID "$app_id" 2>/dev/null |
        sed -n 's/^(uint32 \([0-9]*\),)$/\1/p'
    }
    timeout 20 "$expected_exe" --talk 3
    status=$?
    if [ "$status" -eq 0 ] && [ "$(owner)" = "$app_pid" ]; then
      echo "ok    connect-live --talk 3 reached the running app (process $app_pid) and returned 0"
    else
      echo "FAIL  connect-live --talk 3: exit status $status (124: still running after 20 s)," \
           "$app_id owned by process $(owner), expected $app_pid"
      failed=1
    fi
    err=$(timeout 20 "$expected_exe" --talk 99 2>&1 >/dev/null)
    status=$?
    if [ "$status" -eq 2 ] && grep -q 99 <<<"$err"; then
      echo "ok    connect-live --talk 99: the running app refused it with status 2 ($err)"
    else
      echo "FAIL  connect-live --talk 99: exit status $status, expected 2 with a message; said: $err"
      failed=1
    fi
    # The desktop file's Agenda action, as a desktop shell starts it.
    if gdbus call --session --timeout 20 --dest "$app_id" --object-path "$app_path" \
         --method org.freedesktop.Application.ActivateAction Agenda '[]' '{}' >/dev/null; then
      echo "ok    desktop action Agenda is an action of the running app"
    else
      echo "FAIL  desktop action Agenda: org.freedesktop.Application.ActivateAction failed"
      failed=1
    fi
    [ "$failed" -eq 0 ] || exit 1
  fi

  stop_app
  if xdotool search --onlyvisible --name "$window_name" >/dev/null 2>&1; then
    echo "FAIL  $what: the window is still there after the app was stopped"
    exit 1
  fi
  exit 0
fi

# ---------------------------------------------------------------------------
if [ $# -ne 5 ]; then
  echo "usage: $0 BUILD_ROOT PREFIX BINDIR DATADIR LIBDIR" >&2
  exit 2
fi
build_root=$1
prefix=$2
bindir=$3
datadir=$4
libdir=$5

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ncl-install-XXXXXX") || exit 1
cleanup () { rm -rf "$tmp"; }
trap cleanup EXIT

dest=$tmp/dest
echo "# meson install --destdir $dest (prefix $prefix)"
if meson install -C "$build_root" --destdir "$dest" --no-rebuild >"$tmp/install.log" 2>&1; then
  ok "meson install into DESTDIR"
else
  cat "$tmp/install.log"
  fail "meson install into DESTDIR"
  exit 1
fi

bin=$dest$bindir/connect-live
share=$dest$datadir
desktop=$share/applications/$app_id.desktop
service=$share/dbus-1/services/$app_id.service
metainfo=$share/metainfo/$app_id.metainfo.xml
search_provider=$share/gnome-shell/search-providers/$app_id.search-provider.ini
schema=$share/glib-2.0/schemas/$app_id.gschema.xml
web_module_dir=$dest$libdir/connect-live

# exists FILE WHAT
exists () {
  if [ -f "$1" ]; then ok "$2 installed: ${1#"$dest"}"; return 0; fi
  fail "$2 not installed: ${1#"$dest"} is missing"
  return 1
}

if [ -x "$bin" ]; then ok "program installed: ${bin#"$dest"}"; else fail "program ${bin#"$dest"} missing or not executable"; fi
exists "$web_module_dir/libncl-web.so" "web module"
exists "$web_module_dir/libncl-net.so" "network module"
# libsoup comes with the network module on the first download, never at
# start-up (issue 7).
if [ -x "$bin" ] && command -v ldd >/dev/null; then
  if ldd "$bin" | grep -q 'libsoup'; then fail "program links libsoup"; else ok "program does not link libsoup"; fi
fi
exists "$share/icons/hicolor/scalable/apps/$app_id.svg" "scalable icon"
exists "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" "symbolic icon"

if exists "$desktop" "desktop file"; then
  if need desktop-file-validate "desktop file validates"; then
    # Its hints are printed, as in the data suite; errors fail.
    if desktop-file-validate "$desktop"; then
      ok "desktop file validates"
    else
      fail "desktop file validates"
    fi
  fi
  # Keys of the [Desktop Entry] group only, not of the actions.
  entry=$(sed -n '/^\[Desktop Entry\]$/,/^\[/{/^\[/!p}' "$desktop")
  for key in DBusActivatable=true StartupNotify=true Categories= Keywords= Exec=connect-live; do
    if grep -q "^$key" <<<"$entry"; then ok "desktop file has $key…"; else fail "desktop file lacks $key…"; fi
  done
  if grep -q '^Actions=\(.*;\)\?Agenda;' <<<"$entry" &&
     grep -q '^\[Desktop Action Agenda\]$' "$desktop"; then
    ok "desktop file has the Agenda action"
  else
    fail "desktop file lacks the Agenda action (Actions=…Agenda; and [Desktop Action Agenda])"
  fi
fi

if exists "$service" "D-Bus service file"; then
  if grep -qx "Name=$app_id" "$service" &&
     grep -qx "Exec=$bindir/connect-live --gapplication-service" "$service"; then
    ok "D-Bus service file names $app_id and runs $bindir/connect-live --gapplication-service"
  else
    cat "$service"
    fail "D-Bus service file: wrong Name= or Exec="
  fi
fi

if exists "$search_provider" "GNOME Shell search provider"; then
  if grep -qx "DesktopId=$app_id.desktop" "$search_provider" &&
     grep -qx "BusName=$app_id" "$search_provider" &&
     grep -qx "ObjectPath=/io/nats/ConnectLive/SearchProvider" "$search_provider" &&
     grep -qx "Version=2" "$search_provider"; then
    ok "search provider names the desktop file, bus name, object path and Version=2"
  else
    cat "$search_provider"
    fail "search provider: wrong DesktopId=, BusName=, ObjectPath= or Version="
  fi
fi

if exists "$metainfo" "metainfo"; then
  if need appstreamcli "metainfo validates"; then
    if appstreamcli validate --no-net "$metainfo" >"$tmp/appstream.log" 2>&1; then
      ok "metainfo validates (appstreamcli validate --no-net)"
    else
      cat "$tmp/appstream.log"
      fail "metainfo validates (appstreamcli validate --no-net)"
    fi
  fi
fi

schemas=$tmp/schemas
if exists "$schema" "GSettings schema"; then
  if need glib-compile-schemas "GSettings schema compiles"; then
    mkdir -p "$schemas"
    if glib-compile-schemas --strict --targetdir "$schemas" "$(dirname "$schema")"; then
      ok "GSettings schema compiles (--strict)"
    else
      fail "GSettings schema compiles (--strict)"
    fi
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures failed: not launching the app"
  exit 1
fi

# ---------------------------------------------------------------------------
# Launches, each in a D-Bus session of its own. `gio launch` runs the
# desktop file's Exec= from PATH (GLib 2.74; a GLib that activates
# DBusActivatable files over D-Bus takes the service file instead). The
# second launch asks the bus for the app, as GNOME Shell does. dbus-daemon
# reads the activatable services from $XDG_DATA_HOME and $XDG_DATA_DIRS when
# it starts, and the installed service file runs the binary at its real
# path, so a copy that runs the DESTDIR binary goes into the private
# XDG_DATA_HOME, which comes first. Services inherit the bus's environment,
# hence the variables below reach the app whichever way it starts.
if [ -z "${DISPLAY:-}" ]; then
  skip "launching the installed app: no X display"
  exit 77
fi
launchable=true
for tool in dbus-run-session gio gdbus xdotool; do
  need "$tool" "launching the installed app" || launchable=false
done
if ! $launchable; then
  [ "$failures" -gt 0 ] && exit 1
  exit 77
fi

mkdir -p "$tmp/data-home/dbus-1/services" "$tmp/config" "$tmp/cache" "$tmp/state" "$tmp/runtime"
chmod 700 "$tmp/runtime"
sed "s|^Exec=$bindir/connect-live |Exec=$bin |" "$service" \
  >"$tmp/data-home/dbus-1/services/$app_id.service"

export XDG_DATA_HOME=$tmp/data-home
export XDG_DATA_DIRS=$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
export XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache XDG_STATE_HOME=$tmp/state
export XDG_RUNTIME_DIR=$tmp/runtime
export GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory
export PATH=$dest$bindir:$PATH
export NCL_WEB_MODULE_DIR=$web_module_dir
export NCL_NET_MODULE_DIR=$web_module_dir
export GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none
unset DBUS_SESSION_BUS_ADDRESS

for how in launch activate; do
  echo "# $how, in a D-Bus session of its own"
  if ! dbus-run-session -- "$BASH" "$0" --inside-session "$how" "$desktop" "$bin"; then
    failures=$((failures + 1))
  fi
done

echo "$failures failed"
[ "$failures" -eq 0 ]
