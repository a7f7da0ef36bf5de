#!/usr/bin/env bash
# fetch-browser-deps.sh — installs the npm packages the browser tests use
# (playwright-core to drive Debian's chromium, and mermaid) into
# build/browser/node_modules, at the exact versions in
# tests/browser/package-lock.json. npm never downloads a browser here:
# playwright-core ships none and the tests point it at /usr/bin/chromium.
# Safe to re-run: it does nothing while node_modules is present and the
# lock file is the one it last installed from.
set -euo pipefail
cd "$(dirname "$0")/.."
src=tests/browser
dest=build/browser
stamp=$dest/.installed-lock.sha256
if ! command -v npm >/dev/null; then
  echo "fetch-browser-deps: npm is not installed (Debian: apt-get install npm)" >&2
  exit 1
fi
want=$(cat "$src/package.json" "$src/package-lock.json" | sha256sum | cut -d' ' -f1)
if [[ -d $dest/node_modules && -f $stamp && $(cat "$stamp") == "$want" ]]; then
  exit 0
fi
mkdir -p "$dest"
rm -f "$stamp"
cp "$src/package.json" "$src/package-lock.json" "$dest/"
if ! (cd "$dest" && npm ci --loglevel=error --no-audit --no-fund >/dev/null); then
  echo "fetch-browser-deps: 'npm ci' failed in $dest; the browser tests need" \
    "the packages in $src/package-lock.json from the npm registry" >&2
  exit 1
fi
echo "$want" >"$stamp"
