#!/usr/bin/env bash
# update-docs.sh — regenerates the documents made from the tools' output:
# the check catalogue in docs/checks.md (from `escc explain`) and
# docs/findings.md (from `escc check` over policies/, as of --today, by
# default the date the document already states).
# Usage: scripts/update-docs.sh [--today YYYY-MM-DD]
set -euo pipefail
cd "$(dirname "$0")/.."
escc=build/bin/escc
today=$(sed -n 's/.*--today=\([0-9-]*\).*/\1/p' docs/findings.md 2>/dev/null | head -1)
[[ "${1:-}" == "--today" ]] && today=$2
[[ -n "$today" ]] || today=$(date +%F)

# The catalogue, between its markers.
catalogue=$(mktemp)
trap 'rm -f "$catalogue"' EXIT
"$escc" explain --format=markdown > "$catalogue"
python3 - "$catalogue" <<'PY'
import sys
begin = "<!-- BEGIN GENERATED: escc explain --format=markdown -->"
end = "<!-- END GENERATED -->"
doc = open("docs/checks.md", encoding="utf-8").read()
head, rest = doc.split(begin, 1)
_, tail = rest.split(end, 1)
generated = open(sys.argv[1], encoding="utf-8").read()
open("docs/checks.md", "w", encoding="utf-8").write(
    head + begin + "\n\n" + generated + end + tail)
PY

scripts/findings.py --escc "$escc" --today "$today" --out docs/findings.md
