#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a libFuzzer target for a bounded time on a copy of its seed corpus
# (CORPUS_DIR, or several directories separated by ":", e.g. the target's own
# seeds and the test fixtures they would otherwise duplicate)
# (libFuzzer writes what it finds into the corpus directory, which must not
# be the source tree). Fails on a crash, a leak, a timeout (one input over
# 10 s) or more than 2 GiB of memory; the input that did it is kept in
# ARTIFACT_DIR, to be replayed with `FUZZER INPUT`.
#
#   run-fuzzer.sh FUZZER CORPUS_DIR ARTIFACT_DIR SECONDS [DICT]
set -euo pipefail

if [ $# -lt 4 ]; then
  echo "usage: $0 FUZZER CORPUS_DIR ARTIFACT_DIR SECONDS [DICT]" >&2
  exit 2
fi

fuzzer=$1
corpus=$2
artifacts=$3
seconds=$4
dict=${5:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/ncl-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/corpus" "$artifacts"
IFS=: read -r -a seed_dirs <<< "$corpus"
for dir in "${seed_dirs[@]}"; do
  if [ -d "$dir" ]; then
    cp -R "$dir"/. "$work/corpus/"
  fi
done

args=(
  -max_total_time="$seconds"
  -timeout=10
  -rss_limit_mb=2048
  -print_final_stats=1
  -artifact_prefix="$artifacts/"
)
if [ -n "$dict" ] && [ -f "$dict" ]; then
  args+=(-dict="$dict")
fi

echo "$fuzzer ${args[*]} $work/corpus"
# libFuzzer exits with 77 on a crash, which meson would count as a skip.
if ! "$fuzzer" "${args[@]}" "$work/corpus"; then
  echo "$fuzzer failed: the input is in $artifacts" >&2
  exit 1
fi
