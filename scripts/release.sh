#!/usr/bin/env bash
# Builds the release a clerk downloads: out/release/baocao-VERSION-windows-amd64.zip
# (baocao.exe + HUONG-DAN.txt) and the same for linux-amd64.
#   scripts/release.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./cmd/release ${1:+-version "$1"} -out out/release
