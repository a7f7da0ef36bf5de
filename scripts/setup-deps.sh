#!/usr/bin/env bash
# setup-deps.sh — installs what Escalade needs from Debian's packages.
# Usage: scripts/setup-deps.sh [--tests]
# Safe to re-run: when every package is present it installs nothing and does
# not touch the network. Run as root (or with sudo available).
set -euo pipefail

packages=(
  cmake ninja-build g++ make python3
  antlr4 libantlr4-runtime-dev uuid-dev
  llvm-14-dev llvm-14-tools zlib1g-dev libtinfo-dev
  libfmt-dev libsimdjson-dev libhowardhinnant-date-dev tzdata
  graphviz fonts-dejavu-core
)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(libgtest-dev libgmock-dev libbenchmark-dev clang-format-14
    python3-jsonschema chromium)
  # npm fetches the SARIF schema and the browser tests' packages (Mermaid,
  # playwright-core); a machine with its own Node.js keeps it.
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    sudo="sudo"
  else
    echo "setup-deps: these packages are missing and you are not root: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
