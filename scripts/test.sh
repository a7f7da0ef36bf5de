#!/usr/bin/env bash
# test.sh — install what is needed, build, and run every test: GoogleTest
# units, lit golden tests (some in headless Chromium), and the clang-format
# check.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh --tests
scripts/build.sh --tests
scripts/fetch-sarif-schema.sh
scripts/fetch-browser-deps.sh
cd build
ctest --output-on-failure -j"$(nproc)"
