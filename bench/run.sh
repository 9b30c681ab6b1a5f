#!/usr/bin/env bash
# The benchmark of issue 13 in one command (BENCHMARKS.md explains the method).
#
#   bench/run.sh [--quick] [--scratch DIR] [--sizes "100000 300000 1000000"]
#                [--xlsx-rows N] [--no-naive] [--keep]
#
# Builds the release binary and the examples, generates the data sets into the scratch folder
# (default /tmp/patuh-bench, or $PATUH_BENCH_DIR), and measures each case's wall time and peak
# RSS with GNU time: the floor (examples/floor.rs), `patuh check` and `patuh build` at each
# size; for the largest size also the rebuild after one more weekly export, the build with the
# office-hours calendar, and the pandas + jinja2 script (bench/naive.py, whose numbers are then
# compared with patuh's summary.json); and a build of one large XLSX workbook. Prints the
# machine, the load before and after, and a Markdown table (also written to
# <scratch>/table.md); logs of every command go to <scratch>/logs/.
#
# Sizes: 1,000,000 items in 150 weekly CSV exports (6,667 items a week, about three years);
# smaller sizes keep the same items per week in proportionally fewer weeks (100k: 15 weeks,
# 300k: 45 weeks), so a larger size is a longer history of the same office. --quick runs
# 10k, 30k and 100k items and a 20k-row workbook, a smoke test of a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
args="$*"

quick=0
scratch=${PATUH_BENCH_DIR:-/tmp/patuh-bench}
sizes="100000 300000 1000000"
xlsx_rows=200000
naive=1
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; sizes="10000 30000 100000"; xlsx_rows=20000 ;;
    --scratch) scratch=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --xlsx-rows) xlsx_rows=$2; shift ;;
    --no-naive) naive=0 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
per_week=6667        # 1,000,000 items / 150 weeks
weeks_for() { local w=$(( ($1 + per_week / 2) / per_week )); [ "$w" -lt 2 ] && w=2; echo "$w"; }
largest=$(printf '%s\n' $sizes | sort -n | tail -n 1)

if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time: apt-get install -y time" >&2
  exit 1
fi
py=python3
if [ -x bench/.venv/bin/python ]; then py=bench/.venv/bin/python; fi
if [ "$naive" = 1 ] && ! "$py" -c 'import pandas, jinja2' 2>/dev/null; then
  echo "bench/naive.py needs pandas and jinja2:" >&2
  echo "  python3 -m venv bench/.venv && bench/.venv/bin/pip install -r bench/requirements.txt" >&2
  echo "(or run with --no-naive)" >&2
  exit 1
fi

mkdir -p "$scratch/logs"
scratch=$(cd "$scratch" && pwd)
: > "$scratch/results.tsv"
load() { uptime | sed 's/.*load average: //'; }
load_start=$(load)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
echo "== building (cargo build --release --locked --bins --examples)" >&2
cargo build --release --locked --bins --examples --quiet
bin=$root/target/release/patuh
gen=$root/target/release/examples/make_sample_data
floor=$root/target/release/examples/floor

# measure CASE DATASET NOTE COMMAND...: wall seconds and peak RSS of COMMAND, one line in
# results.tsv (case, data set, seconds, peak KiB, exit status, note, CPU seconds).
measure() {
  local name=$1 set=$2 note=$3; shift 3
  local log=$scratch/logs/$(echo "$name" | tr -c 'A-Za-z0-9\n' '-').log
  local status=0
  echo "== $name" >&2
  /usr/bin/time -f '%e %M %U %S' -o "$scratch/time" "$@" >"$log" 2>&1 || status=$?
  local secs kib user sys
  read -r secs kib user sys < <(tail -n 1 "$scratch/time")
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$set" "$secs" "$kib" "$status" "$note" "$cpu" >>"$scratch/results.tsv"
  printf '   %s s (CPU %s s), %s MB, exit %s\n' "$secs" "$cpu" "$((kib / 1024))" "$status" >&2
  LAST_LOG=$log
}
note_last() { # append to the note of the last result line
  local tmp=$scratch/results.tmp
  awk -v n="$1" 'BEGIN{FS=OFS="\t"} {l[NR]=$0} END{for(i=1;i<NR;i++) print l[i]; split(l[NR],f,"\t"); f[6]=(f[6]==""?n:f[6]"; "n); print f[1],f[2],f[3],f[4],f[5],f[6],f[7]}' \
    "$scratch/results.tsv" >"$tmp" && mv "$tmp" "$scratch/results.tsv"
}
site_note() { # files and bytes of a site
  local files bytes
  files=$(find "$1" -type f | wc -l)
  bytes=$(du -sb "$1" | cut -f1)
  printf 'site: %s files, %s MB' "$files" "$((bytes / 1000000))"
}
# verify DATASET CONFIG GENLOG: the ledger patuh check reports equals the generator's, no file
# is left unread; notes the data issues.
verify() {
  "$bin" check --data "$1" --config "$2" --format json >"$scratch/check.json" 2>/dev/null || true
  python3 - "$scratch/check.json" "$3" <<'EOF'
import json, re, sys
d = json.load(open(sys.argv[1]))
gen = open(sys.argv[2]).read()
m = re.search(r"ledger: files=(\d+) read=(\d+) included=(\d+) duplicates=(\d+) rejected=(\d+)", gen)
want = dict(zip(["read", "included", "duplicates", "rejected"], map(int, m.groups()[1:])))
ok = all(d["rows"][k] == v for k, v in want.items()) and not d["skipped_files"]
print(("ledger as generated" if ok else f"LEDGER DIFFERS: patuh {d['rows']}, generator {want}, skipped {d['skipped_files']}")
      + f"; {len(d['issues'])} data issues")
EOF
}

office_config() { # the generated configuration with office hours
  { echo 'clock = "office"'; cat "$1"; cat <<'EOF'

[calendar]
mon = ["07:30-16:00"]
tue = ["07:30-16:00"]
wed = ["07:30-16:00"]
thu = ["07:30-16:00"]
fri = ["07:30-16:30"]
holidays = "id"
cuti_bersama = true
EOF
  } >"$2"
}

human() { printf "%'d" "$1" 2>/dev/null || echo "$1"; }

for n in $sizes; do
  w=$(weeks_for "$n")
  set=$(( n / 1000 ))k
  data=$scratch/csv-$set
  cfg=$data.patuh.toml
  extra=()
  [ "$n" = "$largest" ] && extra=(--append 1 --append-out "$data-append")
  echo "== generating $n items in $w weekly CSV exports" >&2
  rm -rf "$data" "$data-append"
  "$gen" --items "$n" --weeks "$w" --out "$data" "${extra[@]}" >"$scratch/logs/generate-$set.log"
  ledger=$(grep '^ledger:' "$scratch/logs/generate-$set.log")
  read_rows=$(sed 's/.*read=\([0-9]*\).*/\1/' <<<"$ledger")
  echo "csv-$set	$n items, $w weekly CSV exports, $read_rows rows, $(du -sm "$data" | cut -f1) MB" >>"$scratch/datasets.tsv.new"

  measure "floor $set" "csv-$set" "" "$floor" "$data"
  note_last "$(grep -o '[0-9]* records' "$LAST_LOG")"
  measure "check $set" "csv-$set" "" "$bin" check --data "$data" --config "$cfg"
  note_last "$(verify "$data" "$cfg" "$scratch/logs/generate-$set.log")"
  site=$scratch/site-$set
  rm -rf "$site"
  measure "build $set" "csv-$set" "" "$bin" build --data "$data" --config "$cfg" --out "$site"
  [ -d "$site" ] && note_last "$(site_note "$site")"

  if [ "$n" = "$largest" ]; then
    cp "$site/data/summary.json" "$scratch/summary-$set.json" 2>/dev/null || true
    # one more weekly export into the same history, then the same build again
    (cd "$data-append" && tar cf - .) | tar xf - -C "$data"
    measure "rebuild $set + 1 export" "csv-$set" "" "$bin" build --data "$data" --config "$cfg" --out "$site"
    note_last "$(site_note "$site")"
    (cd "$data-append" && find . -type f -print0) | (cd "$data" && xargs -0 rm -f --)
    rm -rf "$site" "$site.patuh-new"

    office_config "$cfg" "$data.office.patuh.toml"
    measure "build $set office hours" "csv-$set" "" "$bin" build --data "$data" --config "$data.office.patuh.toml" --out "$site"
    [ -d "$site" ] && note_last "$(site_note "$site")"
    rm -rf "$site" "$site.patuh-new"

    if [ "$naive" = 1 ]; then
      out=$scratch/naive-$set
      rm -rf "$out"
      measure "naive pandas+jinja2 $set" "csv-$set" "" "$py" bench/naive.py --data "$data" --config "$cfg" --out "$out"
      note_last "$(find "$out" -name '*.html' | wc -l) pages, $(( $(du -sb "$out" | cut -f1) / 1000000 )) MB"
      if [ -f "$scratch/summary-$set.json" ]; then
        note_last "$("$py" bench/compare.py "$out/summary.csv" "$scratch/summary-$set.json" | head -n 1)"
      fi
      [ "$keep" = 1 ] || rm -rf "$out"
    fi
  fi
  [ "$keep" = 1 ] || rm -rf "$site"
done

# one large workbook
set=$(( xlsx_rows / 1000 ))k
data=$scratch/xlsx-$set
w=$(weeks_for "$xlsx_rows")
echo "== generating one XLSX of $xlsx_rows items" >&2
rm -rf "$data"
"$gen" --items "$xlsx_rows" --weeks "$w" --xlsx --out "$data" >"$scratch/logs/generate-xlsx-$set.log"
echo "xlsx-$set	$xlsx_rows items in one XLSX workbook (one sheet, $w weeks), $(du -sm "$data" | cut -f1) MB" >>"$scratch/datasets.tsv.new"
measure "floor xlsx $set" "xlsx-$set" "" "$floor" "$data"
note_last "$(grep -o '[0-9]* cells' "$LAST_LOG")"
measure "check xlsx $set" "xlsx-$set" "" "$bin" check --data "$data" --config "$data.patuh.toml"
note_last "$(verify "$data" "$data.patuh.toml" "$scratch/logs/generate-xlsx-$set.log")"
site=$scratch/site-xlsx-$set
rm -rf "$site"
measure "build xlsx $set" "xlsx-$set" "" "$bin" build --data "$data" --config "$data.patuh.toml" --out "$site"
[ -d "$site" ] && note_last "$(site_note "$site")"
[ "$keep" = 1 ] || rm -rf "$site"
mv "$scratch/datasets.tsv.new" "$scratch/datasets.tsv"

load_end=$(load)
{
  echo "Measured $started by \`bench/run.sh${args:+ $args}\`; patuh $("$bin" --version | awk '{print $2}'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src templates Cargo.toml Cargo.lock || echo ' (with uncommitted changes)')."
  echo
  echo "- Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(free -g | awk '/^Mem:/{print $2}') GiB RAM; $(uname -sr); $(rustc --version)."
  echo "- Load average (1, 5, 15 min) at the start: $load_start; at the end: $load_end."
  echo "- Data sets (generated by \`make_sample_data --items\`, seed 20261005):"
  while IFS=$'\t' read -r name desc; do echo "  \`$name\`: $desc."; done <"$scratch/datasets.tsv"
  echo
  echo "| case | data | wall s | CPU s | peak MB | × floor | notes |"
  echo "|---|---|---:|---:|---:|---:|---|"
  awk 'BEGIN{FS="\t"}
    { name[NR]=$1; set[NR]=$2; secs[NR]=$3; kib[NR]=$4; st[NR]=$5; note[NR]=$6; cpu[NR]=$7
      if ($1 ~ /^floor /) floor[$2]=$3 }
    END { for (i=1;i<=NR;i++) {
      r = ""
      if (name[i] !~ /^floor / && floor[set[i]]+0 > 0) {
        x = secs[i]/floor[set[i]]; r = sprintf(x < 10 ? "%.1f" : "%.0f", x) }
      n = note[i]; if (st[i] != 0) n = "**exit " st[i] "** " n
      printf "| %s | %s | %.2f | %.2f | %.0f | %s | %s |\n", name[i], set[i], secs[i], cpu[i], kib[i]/1024, r, n } }' "$scratch/results.tsv"
} | tee "$scratch/table.md"
