#!/usr/bin/env bash
# Time and peak memory of `patuh check` / `patuh build` on the sample exports, the hostile
# workbooks of tests/fixtures/hostile, and (with --large) a generated export of about
# 75,000 rows. Prints one line per case; results are recorded in docs/benchmarks.md.
#
#   bash scripts/bench.sh            # sample + hostile files
#   bash scripts/bench.sh --large    # also the generated two-year export
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (Debian package 'time')" >&2; exit 1; }
cargo build --release --locked --quiet
bin=target/release/patuh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() { # name, command...
  local name=$1; shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || status=$?
  read -r secs kib < <(tail -n 1 "$tmp/time")
  printf '%-34s exit %-3s %7.2f s %8.1f MB\n' "$name" "$status" "$secs" "$(echo "$kib / 1024" | bc -l)"
}

measure "check data/ (sample)" "$bin" check --data data
measure "build data/ (sample)" "$bin" build --data data --out "$tmp/site"
for case in tests/fixtures/hostile/*/; do
  measure "check hostile/$(basename "$case")" "$bin" check --data "$case"
done
if [ "${1:-}" = "--large" ]; then
  cargo run --release --locked --quiet --example make_sample_data -- \
    --out "$tmp/large" --start 2024-W40 --weeks 104 --per-day 100 >/dev/null
  measure "check large (78k rows)" "$bin" check --data "$tmp/large"
  measure "build large (78k rows)" "$bin" build --data "$tmp/large" --out "$tmp/large-site"
fi
