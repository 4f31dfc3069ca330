#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make-locale.sh NAME OUTPUT: compiles the locale NAME (de_DE) for UTF-8
# into the folder OUTPUT, for test-locale (LOCPATH), so that the test does
# not depend on which locales a machine has generated. localedef exits 1 on
# warnings about the locale sources alone; the compiled messages category
# is what counts.
localedef -c -i "$1" -f UTF-8 "$2" >/dev/null 2>&1
[ -f "$2/LC_MESSAGES/SYS_LC_MESSAGES" ] || { echo "localedef could not compile $1.UTF-8 into $2" >&2; exit 1; }
