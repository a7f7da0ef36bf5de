#!/usr/bin/env bash
# main.sh — the main job: install what is needed, build the tools, check
# every procedure under policies/, and compile each one to the runtime table
# escrun reads (into out/tables/). Findings in the published procedures are
# the job's output, not its failure: it exits 0 once every procedure has
# been processed, and non-zero only if something stopped it (a build
# failure, an unreadable file, a procedure with errors that cannot be
# compiled).
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

echo
echo "== Compiling every procedure to a runtime table =="
mkdir -p out/tables
build/bin/escc build policies/ --out-dir out/tables
echo "main: tables are in $(pwd)/out/tables; run one with, for example:"
echo "  build/bin/escrun timetable out/tables/medway.esct --raised $(date +%F) --stage one"
