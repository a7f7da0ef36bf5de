#!/usr/bin/env bash
# main.sh — the main job: install what is needed, build the tools, check
# every procedure under policies/, compile each one to the runtime table
# escrun reads (into out/tables/), and write each one's practitioner
# document and flowcharts (into out/docs/). Findings in the published procedures are
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

echo
echo "== Writing the documents and flowcharts =="
mkdir -p out/docs/flowcharts
build/bin/escc doc policies/ --format=html --out-dir out/docs
build/bin/escc doc policies/ --format=md --out-dir out/docs
for format in svg mermaid dot; do
  build/bin/escc graph policies/ --format=$format --out-dir out/docs/flowcharts
done
echo "main: documents (HTML and Markdown) are in $(pwd)/out/docs, and the"
echo "  flowcharts (SVG, Mermaid, DOT) in $(pwd)/out/docs/flowcharts"
