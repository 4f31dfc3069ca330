#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-bundled-post.sh BUNDLED PUBLISHED
#
# The app ships the event's post unchanged: its bundled copy must match the
# published one byte for byte. Skipped (exit 77) where there is no published
# copy beside the project.

set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 BUNDLED PUBLISHED" >&2
  exit 99
fi

bundled=$1
published=$2

if [ ! -e "$published" ]; then
  echo "SKIP: no published post at $published"
  exit 77
fi

if cmp "$bundled" "$published"; then
  echo "$bundled is identical to $published"
  exit 0
fi

echo "FAIL: the bundled post differs from the published one; copy $published unchanged" >&2
exit 1
