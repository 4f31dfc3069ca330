#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's two set-up commands, and CI running the same test command:
# fails when one of them changes without the others.
set -u
root=$1
run='.ci/deps && .ci/build && meson devenv -C _build connect-live'
test='.ci/deps --tests && .ci/test'
status=0

grep -qxF "$run" "$root/README.md" || { echo "README.md lacks the run command: $run"; status=1; }
grep -qxF "$test" "$root/README.md" || { echo "README.md lacks the test command: $test"; status=1; }
grep -qxF "$test" "$root/.ci/run" || { echo ".ci/run does not run the README's test command: $test"; status=1; }
for script in deps build test run; do
  [ -x "$root/.ci/$script" ] || { echo ".ci/$script is missing or not executable"; status=1; }
done

exit $status
