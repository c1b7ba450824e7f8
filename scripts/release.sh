#!/usr/bin/env bash
# Builds the release a clerk downloads: out/release/baocao-VERSION-windows-amd64.zip
# and baocao-VERSION-linux-amd64.zip, each holding one folder baocao-VERSION with
# the program and its HUONG-DAN.txt. baocao.exe carries an icon, version and
# publisher information and a manifest (github.com/tc-hib/winres, a .syso written
# for the build and removed after it).
#   scripts/release.sh [VERSION]
# To sign baocao.exe (osslsigncode: apt-get install osslsigncode), give the
# certificate and its key, the key's password if any, and a timestamp server:
#   BAOCAO_SIGN_CERT=cert.pem BAOCAO_SIGN_KEY=key.pem [BAOCAO_SIGN_PASS=...] \
#   [BAOCAO_SIGN_TIMESTAMP=http://timestamp.digicert.com] scripts/release.sh 1.2.0
# (or BAOCAO_SIGN_CERT=cert.pfx); the publisher is -publisher of cmd/release.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./cmd/release ${1:+-version "$1"} -out out/release
