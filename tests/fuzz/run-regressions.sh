#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Replays every file in the given directories through a libFuzzer target
# (given files rather than a directory, libFuzzer runs each once and stops):
# the seeds, and the inputs that once crashed it. Missing directories are
# skipped.
#
#   run-regressions.sh FUZZER DIR...
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 FUZZER DIR..." >&2
  exit 2
fi

fuzzer=$1
shift

inputs=()
for dir in "$@"; do
  if [ -d "$dir" ]; then
    while IFS= read -r -d '' file; do
      inputs+=("$file")
    done < <(find "$dir" -type f ! -name 'README*' -print0 | sort -z)
  fi
done

if [ ${#inputs[@]} -eq 0 ]; then
  echo "no inputs in $*" >&2
  exit 1
fi

echo "replaying ${#inputs[@]} inputs"
# libFuzzer exits with 77 on a crash, which meson would count as a skip.
if ! "$fuzzer" -timeout=10 -rss_limit_mb=2048 "${inputs[@]}"; then
  echo "$fuzzer failed on one of the inputs above" >&2
  exit 1
fi
