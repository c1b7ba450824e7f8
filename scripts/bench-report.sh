#!/usr/bin/env bash
# Benchmark of the main job: `baocao report` as a user runs it (process start
# included) on N submissions. The submissions are copies
# of the shipped samples under distinct names, so the program reads, checks
# and matches every file, and keeps the newest of each unit. Prints, per N
# (10, 100, 1000, 3000; or BENCH_SIZES="..."),
# the best of 3 runs: wall time, time per file, and peak memory (RSS).
#
#   scripts/bench-report.sh            # needs /usr/bin/time (Debian package "time")
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(mktemp -d)/baocao
go build -o "$bin" ./cmd/baocao
samples=(data/samples/2026-Q1/*.xlsx)

printf '%6s %10s %12s %10s\n' files seconds ms/file peak_MB
for n in ${BENCH_SIZES:-10 100 1000 3000}; do
	in=$(mktemp -d)
	out=$(mktemp -d)
	for ((i = 0; i < n; i++)); do
		cp "${samples[i % ${#samples[@]}]}" "$in/$i-$(basename "${samples[i % ${#samples[@]}]}")"
	done
	best_s="" best_kb=""
	for _ in 1 2 3; do
		stats=$(/usr/bin/time -f '%e %M' "$bin" report --period 2026-Q1 --in "$in" --out "$out" 2>&1 >/dev/null | tail -1)
		s=${stats% *} kb=${stats#* }
		if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s best_kb=$kb; fi
	done
	awk -v n="$n" -v s="$best_s" -v kb="$best_kb" 'BEGIN{printf "%6d %10.2f %12.2f %10.1f\n", n, s, s*1000/n, kb/1024}'
	rm -rf "$in" "$out"
done
