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
# A CSV with a 5 MB text and a 5 MB id, and 10 MB of binary data named .csv.
mkdir -p "$tmp/long" "$tmp/binary"
big() { head -c 5242880 /dev/zero | tr '\0' "$1"; }
{
  echo "No Tiket,Waktu Posting,Waktu Lapor,Admin,Isi Aduan"
  echo "T1,27/11/2026 08:00,27/11/2026 08:20,Rina,$(big t)"
  echo "$(big I),27/11/2026 09:00,27/11/2026 09:30,Budi,isi"
} > "$tmp/long/panjang.csv"
head -c 10485760 /dev/urandom > "$tmp/binary/sampah.csv"
measure "check 5 MB values (CSV)" "$bin" check --data "$tmp/long"
measure "build 5 MB values (CSV)" "$bin" build --data "$tmp/long" --out "$tmp/long-site"
echo "  site: $(du -sk "$tmp/long-site" | cut -f1) KB"
measure "check 10 MB binary named .csv" "$bin" check --data "$tmp/binary"
# Small files of huge repeated content (issue 9), made at bench time: a 1 KB ODS of 16
# sheets of repeated rows, a 10 MB XLSX of 10 sheets of 1 M identical rows (1.47 GB of XML),
# a 200 MB CSV of one line of 100 M fields. Each must end in an error naming the file.
cargo run --release --locked --quiet --example make_hostile_large -- --out "$tmp/huge"
for case in ods_many_sheets xlsx_many_rows csv_wide; do
  measure "check $case" "$bin" check --data "$tmp/huge/$case"
  echo "  $(head -c 160 "$tmp/err")"
done
if [ "${1:-}" = "--large" ]; then
  cargo run --release --locked --quiet --example make_sample_data -- \
    --out "$tmp/large" --start 2024-W40 --weeks 104 --per-day 100 >/dev/null
  measure "check large (78k rows)" "$bin" check --data "$tmp/large"
  measure "build large (78k rows)" "$bin" build --data "$tmp/large" --out "$tmp/large-site"
fi
