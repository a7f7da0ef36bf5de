#!/usr/bin/env bash
# check-format.sh — fails if any C++ source is not clang-formatted.
# With --fix, formats the files in place instead.
set -euo pipefail
cd "$(dirname "$0")/.."
format=$(command -v clang-format-14 || command -v clang-format)
mapfile -t files < <(find compiler runtime tests \( -name '*.cpp' -o -name '*.h' \) -type f | sort)
if [[ "${1:-}" == "--fix" ]]; then
  "$format" -i "${files[@]}"
else
  "$format" --dry-run --Werror "${files[@]}"
fi
