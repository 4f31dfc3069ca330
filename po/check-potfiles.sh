#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that po/POTFILES.in is complete and up to date:
#  - every file under src/ and data/ with translatable strings is listed
#    (unless it is listed in po/POTFILES.skip);
#  - every file listed actually exists.
#
# Usage: check-potfiles.sh SOURCE_ROOT

set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 SOURCE_ROOT" >&2
  exit 2
fi

root=$1
potfiles=$root/po/POTFILES.in
skipfile=$root/po/POTFILES.skip

if [[ ! -f $potfiles ]]; then
  echo "po/POTFILES.in not found in $root" >&2
  exit 1
fi

# Print the entries of a POTFILES-style list: no comments, no blank lines,
# no surrounding whitespace.
list_entries() {
  [[ -f $1 ]] || return 0
  sed -e 's/#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"
}

declare -A listed=()
declare -A skipped=()
status=0

while IFS= read -r entry; do
  if [[ -n ${listed[$entry]+set} ]]; then
    echo "po/POTFILES.in lists a file twice: $entry"
    status=1
  fi
  listed[$entry]=1
  if [[ ! -f $root/$entry ]]; then
    echo "po/POTFILES.in lists a file that does not exist: $entry"
    status=1
  fi
done < <(list_entries "$potfiles")

while IFS= read -r entry; do
  skipped[$entry]=1
done < <(list_entries "$skipfile")

# C: _(), N_(), C_(), NC_() (GNU style allows a space before the
# parenthesis), and the (n|p)gettext family.
c_pattern='(^|[^[:alnum:]_])(N|C|NC)?_[[:space:]]*\(|(^|[^[:alnum:]_])(g_d?n?gettext|g_dc?gettext|g_dpgettext2?|d?c?n?gettext|ngettext)[[:space:]]*\('
ui_pattern='translatable[[:space:]]*=[[:space:]]*["'"'"']yes["'"'"']'

candidates=()
for dir in src data; do
  [[ -d $root/$dir ]] || continue
  while IFS= read -r -d '' path; do
    file=${path#"$root"/}
    case $file in
      *.c|*.h)
        grep -Eq "$c_pattern" "$path" && candidates+=("$file") ;;
      *.ui)
        grep -Eq "$ui_pattern" "$path" && candidates+=("$file") ;;
      *.desktop.in|*.metainfo.xml.in|*.appdata.xml.in|*.gschema.xml)
        candidates+=("$file") ;;
    esac
  done < <(find "$root/$dir" -type f -print0 | sort -z)
done

for file in "${candidates[@]}"; do
  if [[ -z ${listed[$file]+set} && -z ${skipped[$file]+set} ]]; then
    echo "po/POTFILES.in is missing: $file"
    status=1
  fi
done

if [[ $status -eq 0 ]]; then
  echo "po/POTFILES.in is up to date (${#listed[@]} files listed)"
fi
exit $status
