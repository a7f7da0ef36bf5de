#!/usr/bin/env bash
# build.sh — configures and builds Escalade into build/.
# Usage: scripts/build.sh [--tests]   (--tests also builds the unit tests)
set -euo pipefail
cd "$(dirname "$0")/.."
tests=OFF
[[ "${1:-}" == "--tests" ]] && tests=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DESCALADE_BUILD_TESTS="$tests" >/dev/null
cmake --build build -- -j"$(nproc)"
