#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs `msgfmt --check --check-format` on every translation listed in
# po/LINGUAS, and fails if one is listed but missing.
#
# Usage: check-po.sh PO_DIR

set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 PO_DIR" >&2
  exit 2
fi

podir=$1
msgfmt=${MSGFMT:-msgfmt}
status=0
count=0

while IFS= read -r lang; do
  po=$podir/$lang.po
  if [[ ! -f $po ]]; then
    echo "po/LINGUAS lists $lang, but $po does not exist"
    status=1
    continue
  fi
  if ! "$msgfmt" --check --check-format -o /dev/null "$po"; then
    echo "$po: msgfmt --check --check-format failed"
    status=1
  fi
  count=$((count + 1))
done < <(sed -e 's/#.*$//' -e 's/[[:space:]]\+/\n/g' "$podir/LINGUAS" | sed -e '/^$/d')

if [[ $status -eq 0 ]]; then
  echo "$count translations pass msgfmt --check --check-format"
fi
exit $status
