#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-deps.sh SOURCE_ROOT BUILD_DIR [--without PACKAGE]
#
# Every program (find_program) and library (dependency) that the build
# found, as meson's log of the last configure records them, comes from a
# package that .ci/deps installs, or that one of those depends on
# (Depends and Pre-Depends; Recommends are never installed), or from an
# essential or required package, which every Debian system has. Anything
# else worked only because this machine happened to have it, and a fresh
# machine's `meson setup` would stop where this test fails. Files of the
# project itself (the source and build trees) need no package.
#
# With --without PACKAGE the check runs as if .ci/deps did not list
# PACKAGE, and passes only when that makes it fail: the proof that a
# program added to meson.build without its package in .ci/deps is caught.
set -uo pipefail

if [ $# -ne 2 ] && { [ $# -ne 4 ] || [ "$3" != --without ]; }; then
  echo "usage: $0 SOURCE_ROOT BUILD_DIR [--without PACKAGE]" >&2
  exit 2
fi
source_root=$(realpath "$1")
build_dir=$(realpath "$2")
without=${4:-}
log=$build_dir/meson-logs/meson-log.txt

if ! command -v dpkg-query >/dev/null || ! command -v apt-cache >/dev/null; then
  echo "not a Debian system: no dpkg and apt to ask which package holds a file"
  exit 77
fi
if [ ! -s "$log" ]; then
  echo "no meson log at $log" >&2
  exit 1
fi

# What .ci/deps installs, with the tests' packages.
mapfile -t listed < <("$source_root/.ci/deps" --tests --list | grep -vxF -- "$without")
if [ ${#listed[@]} -lt 10 ]; then
  echo ".ci/deps --tests --list listed only ${#listed[@]} packages" >&2
  exit 1
fi

# Their closure over Depends and Pre-Depends, as apt resolves it here:
# real packages only ("<virtual>" names are provided by one of them).
declare -A allowed=()
while read -r package; do
  allowed[${package%%:*}]=1
done < <(apt-cache depends --recurse --important --no-recommends --no-suggests \
           --no-conflicts --no-breaks --no-replaces --no-enhances "${listed[@]}" 2>/dev/null |
         sed -n 's/^\([^ <][^ ]*\)$/\1/p; s/^ *\(Pre\)\?Depends: \([^<][^ ]*\)$/\2/p')
# What every system has: essential and required packages.
while read -r package essential priority; do
  if [ "$essential" = yes ] || [ "$priority" = required ]; then
    allowed[${package%%:*}]=1
  fi
done < <(dpkg-query -W -f '${Package} ${Essential} ${Priority}\n' 2>/dev/null)

# What the build used: "Program NAME found: YES (PATH ...)" and
# "Run-time dependency NAME found: YES VERSION" ("Dependency NAME found:
# YES VERSION (cached)" on a reconfigure), the latter found through
# pkg-config, so its .pc file names the package.
declare -A used=()
while IFS=$'\t' read -r kind what where; do
  case $kind in
    program)
      case $where in
        "$source_root"/*|"$build_dir"/*) continue ;;
      esac
      used["$what ($where)"]=$where
      ;;
    dependency)
      pc=$(pkg-config --path "$what" 2>/dev/null)
      if [ -z "$pc" ]; then
        echo "dependency $what: pkg-config has no .pc file for it" >&2
        exit 1
      fi
      used["dependency $what ($pc)"]=$pc
      ;;
  esac
done < <(sed -n -e 's/^Program \(.*\) found: YES (\([^ )]*\).*/program\t\1\t\2/p' \
                -e 's/^\(Run-time d\|D\)ependency \([^ ]*\) found: YES.*/dependency\t\2\t/p' "$log" | sort -u)

if [ ${#used[@]} -eq 0 ]; then
  echo "meson's log at $log names no program or dependency found" >&2
  exit 1
fi

# dpkg knows a file by the path its package ships it under; with merged
# /usr, /usr/bin/bash is bash's /bin/bash.
owner () {
  local path=$1 candidate
  for candidate in "$path" "$(realpath -m "$path")" "${path#/usr}" "$(realpath -m "$path" | sed 's|^/usr||')"; do
    [ -n "$candidate" ] || continue
    dpkg-query -S "$candidate" 2>/dev/null | sed -n '1s/^\([^:,]*\).*/\1/p' | grep . && return 0
  done
  return 1
}

failures=()
count=0
for what in "${!used[@]}"; do
  count=$((count + 1))
  package=$(owner "${used[$what]}")
  if [ -z "$package" ]; then
    failures+=("$what belongs to no Debian package: it is on this machine by hand, not from .ci/deps")
  elif [ -z "${allowed[$package]:-}" ]; then
    failures+=("$what comes from the package $package, which .ci/deps does not install (nor anything it installs depend on)")
  fi
done

if [ -n "$without" ]; then
  if [ ${#failures[@]} -eq 0 ]; then
    echo "without $without in .ci/deps the check still passes: it would not catch a missing package"
    exit 1
  fi
  echo "without $without in .ci/deps, the check fails as it must:"
  printf '  %s\n' "${failures[@]}"
  exit 0
fi

if [ ${#failures[@]} -gt 0 ]; then
  printf '%s\n' "${failures[@]}"
  exit 1
fi
echo "all $count programs and dependencies the build found come from packages .ci/deps installs"
