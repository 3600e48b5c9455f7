#!/usr/bin/env bash
# Whole-process throughput of `dossier tag` on a JSONL file (default: the Reuters-21578 file
# of the shared benchmark folder), all threads and one thread, best of three runs each.
# Usage: benches/tag_file.sh [FILE.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-../shared/bench/reuters21578.jsonl}"
cargo build --release --quiet
bin=target/release/dossier
size=$(stat -c %s "$file")
best() {
  local best=999999
  for _ in 1 2 3; do
    local start end t
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  echo "$best"
}
all=$(best "$bin" tag "$file" -q)
one=$(RAYON_NUM_THREADS=1 best "$bin" tag "$file" -q)
peak=$( { /usr/bin/time -f %M "$bin" tag "$file" -q > /dev/null; } 2>&1 | tail -1)
printf 'file: %s (%.1f MB)\n' "$file" "$(echo "$size / 1000000" | bc -l)"
printf 'all threads: %.2f s, %.1f MB/s\n' "$all" "$(echo "$size / 1000000 / $all" | bc -l)"
printf 'one thread:  %.2f s, %.1f MB/s\n' "$one" "$(echo "$size / 1000000 / $one" | bc -l)"
printf 'peak memory: %.0f MB\n' "$(echo "$peak / 1024" | bc -l)"
