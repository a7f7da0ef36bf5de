#!/usr/bin/env bash
# fetch-sarif-schema.sh — puts the SARIF 2.1.0 JSON schema where the SARIF
# test finds it (build/third_party/sarif-schema-2.1.0.json). The schema is
# the schemastore copy that Microsoft's @microsoft/sarif-matcher-utils npm
# package ships; it is fetched from the npm registry at a pinned version and
# its checksum checked, not kept in this repository. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=build/third_party/sarif-schema-2.1.0.json
sha=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
if [[ -f $dest ]] && echo "$sha  $dest" | sha256sum --check --status; then
  exit 0
fi
mkdir -p build/third_party
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && npm pack --loglevel=error @microsoft/sarif-matcher-utils@1.0.0-beta.0 \
  >/dev/null && tar xzf microsoft-sarif-matcher-utils-1.0.0-beta.0.tgz); then
  echo "fetch-sarif-schema: could not fetch @microsoft/sarif-matcher-utils from" \
    "the npm registry; the SARIF test needs its schema" >&2
  exit 1
fi
cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$dest.tmp"
if ! echo "$sha  $dest.tmp" | sha256sum --check --status; then
  echo "fetch-sarif-schema: the downloaded schema does not match its checksum" >&2
  rm -f "$dest.tmp"
  exit 1
fi
mv "$dest.tmp" "$dest"
