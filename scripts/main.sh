#!/usr/bin/env bash
# main.sh — the main job: install what is needed, build the tools, then check
# every procedure under policies/. Findings in the published procedures are
# the job's output, not its failure: it exits 0 once every procedure has been
# processed, and non-zero only if something stopped it (a build failure, an
# unreadable file).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
scripts/build.sh

echo
echo "== Checking every procedure under policies/ =="
status=0
build/bin/escc check policies/ || status=$?
if [[ $status -gt 1 ]]; then
  echo "main: escc could not process every procedure (exit $status)" >&2
  exit "$status"
fi
