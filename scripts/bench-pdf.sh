#!/usr/bin/env bash
# Benchmark of the PDFs (issue 22, point 6): `baocao report --pdf` on the
# samples (process start, reading, Word, Excel and the three PDFs) against
# one bare `soffice --headless --convert-to pdf` of the same three files
# with a fresh profile, as LibreOffice itself would do them at best. The two
# run in turns, ROUNDS times (default 5), each time into fresh folders; the
# script prints each median and their ratio (target: at most 1.2).
#
#   scripts/bench-pdf.sh               # needs LibreOffice (soffice) on PATH
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/baocao
go build -o "$bin" ./cmd/baocao
soffice=$(command -v soffice || command -v libreoffice)

# The three files, as the report writes them.
"$bin" report --period 2026-Q1 --in data/samples/2026-Q1 --out "$work/docs" >/dev/null 2>&1 || true
files=("$work"/docs/2026-Q1/bao-cao-2026-Q1.docx "$work"/docs/2026-Q1/tong-hop-2026-Q1.xlsx "$work"/docs/2026-Q1/don-doc-2026-Q1.docx)
for f in "${files[@]}"; do [ -s "$f" ] || { echo "missing $f" >&2; exit 1; }; done

now() { date +%s.%N; }
ours=() bare=()
for i in $(seq "$rounds"); do
	t0=$(now)
	"$bin" report --period 2026-Q1 --in data/samples/2026-Q1 --out "$work/ours$i" --pdf >/dev/null 2>&1 || true
	t1=$(now)
	[ -s "$work/ours$i/2026-Q1/tong-hop-2026-Q1.pdf" ] || { echo "baocao made no PDF" >&2; exit 1; }
	"$soffice" "-env:UserInstallation=file://$work/profile$i" --headless --norestore --nolockcheck \
		--convert-to pdf --outdir "$work/bare$i" "${files[@]}" >/dev/null 2>&1
	t2=$(now)
	[ -s "$work/bare$i/tong-hop-2026-Q1.pdf" ] || { echo "soffice made no PDF" >&2; exit 1; }
	ours+=("$(awk "BEGIN {print $t1 - $t0}")") bare+=("$(awk "BEGIN {print $t2 - $t1}")")
	printf 'round %d: report --pdf %.2f s, soffice --convert-to %.2f s\n' "$i" "${ours[-1]}" "${bare[-1]}"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mo=$(median "${ours[@]}") mb=$(median "${bare[@]}")
printf 'median: report --pdf %.2f s, soffice --convert-to %.2f s, ratio %.2f (target ≤ 1.2)\n' "$mo" "$mb" "$(awk "BEGIN {print $mo / $mb}")"
