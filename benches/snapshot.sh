#!/usr/bin/env bash
# Writes every output of dossier for one input into a directory, so that two builds can be
# compared byte for byte (`diff -r`) before and after a change that must not alter them:
#   benches/snapshot.sh corpus/ /tmp/before     # on the old build
#   benches/snapshot.sh corpus/ /tmp/after      # on the new build
#   benches/snapshot_diff.py /tmp/before /tmp/after
# The binary is target/release/dossier (build it first), or $DOSSIER.
set -euo pipefail
input=${1:?usage: benches/snapshot.sh INPUT OUTDIR}
out=${2:?usage: benches/snapshot.sh INPUT OUTDIR}
bin=${DOSSIER:-target/release/dossier}
rm -rf "$out"
mkdir -p "$out"
index="$out/index"
"$bin" tag "$input" -q -o "$out/tag.jsonl"
for format in csv jsonl md; do
  "$bin" facts "$input" -q --format "$format" -o "$out/facts.$format"
  "$bin" facts "$input" -q --group --format "$format" -o "$out/facts-group.$format"
done
"$bin" index "$input" -q --index "$index"
"$bin" facts -q --index "$index" -o "$out/facts-index.csv"
"$bin" facts -q --index "$index" --group --format jsonl -o "$out/facts-index-group.jsonl"
# Hits of equal score (or date) come in the order of the index's segments, which differs
# between two builds of the index: queries that tie a whole page show only their counts, and
# pages are compared with ties sorted (benches/snapshot_diff.py).
"$bin" search '*' --index "$index" --json --limit 0 > "$out/search-all.json"
"$bin" search 'usd:[1000000 TO *]' --index "$index" --json --limit 0 --facet weapon > "$out/search-range.json"
n=0
for query in fentanyl 'cartel AND weapons' '"Sinaloa Cartel"' 'oil prices' 'seized OR seizure'; do
  n=$((n + 1))
  "$bin" search "$query" --index "$index" --json --limit 20 > "$out/search-$n.json"
  "$bin" search "$query" --index "$index" --limit 5 > "$out/search-$n.txt"
  "$bin" search "$query" --index "$index" --json --sort date --facet weapon --facet published --limit 1000 > "$out/search-date-$n.json"
done
rm -rf "$index"
ls "$out" | wc -l
