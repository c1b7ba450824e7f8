#!/usr/bin/env bash
# baocao against its Python peer (scripts/peer.py: openpyxl in read-only mode
# and python-docx doing the same reading, matching and a comparable report),
# whole processes, in one run, as ratios of wall time (median of 5):
#   check on 200 copies of a unit's own layout    target ≤ 0.25
#   check on 200 of our own filled forms           target ≤ 0.30
#   report on the samples                          target ≤ 0.22
# Needs Debian's python3-openpyxl, python3-docx, python3-yaml.
#   scripts/bench-vs-peer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3
$py -c 'import openpyxl, docx, yaml' 2>/dev/null || {
	echo "cần python3-openpyxl python3-docx python3-yaml (apt-get install)" >&2
	exit 2
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/baocao" ./cmd/baocao
samples=data/samples/2026-Q1
mkdir -p "$work/layout" "$work/forms"
for i in $(seq -w 1 200); do
	cp "$samples/HCCB bao cao tin dung CSXH.xlsx" "$work/layout/HCCB-$i.xlsx"
	cp "$samples/KT-2026-Q1.xlsx" "$work/forms/KT-$i.xlsx"
done

# median of 5 wall times of a command, in seconds
median() {
	local times=()
	for _ in 1 2 3 4 5; do
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s.%N)
		times+=("$(echo "$t1 - $t0" | bc -l)")
	done
	printf '%s\n' "${times[@]}" | sort -g | sed -n 3p
}

printf '%-28s %9s %9s %7s %7s\n' case baocao_s peer_s ratio target
row() { # name target baocao-command -- peer-command
	local name=$1 target=$2
	shift 2
	local ours=() peer=()
	while [ "$1" != -- ]; do ours+=("$1"); shift; done
	shift
	peer=("$@")
	local a b
	a=$(median "${ours[@]}")
	b=$(median "${peer[@]}")
	printf '%-28s %9.3f %9.3f %7.3f %7s\n' "$name" "$a" "$b" "$(echo "$a / $b" | bc -l)" "$target"
}
row "check 200 own-layout" 0.25 "$work/baocao" check --period 2026-Q1 --unit HCCB "$work/layout" -- $py scripts/peer.py check data "$work/layout"
row "check 200 own forms" 0.30 "$work/baocao" check --period 2026-Q1 "$work/forms" -- $py scripts/peer.py check data "$work/forms"
row "report samples" 0.22 "$work/baocao" report --period 2026-Q1 --in "$samples" --out "$work/out" -- $py scripts/peer.py report data "$samples" "$work/peer-out"
start=$(median "$work/baocao" --version)
printf 'process start (baocao --version): %.3f s\n' "$start"
