#!/usr/bin/env bash
# Side-by-side benchmark: repcard against the Python peer in
# ../shared/bench/peer_baseline.py, on the generated workload (1,000,000
# activity rows, 50,000 deals, 500 reps under 50 managers), once with the
# activities as xlsx (shared strings) and once as CSV. Prints wall time, CPU
# time and peak RSS of each, and the ratios the targets are about.
#
#   bench/run.sh                 # full workload
#   ROWS=100000 bench/run.sh     # a smaller one (also used for the linearity check)
#   SKIP_PEER=1 bench/run.sh     # repcard only
#   SKIP_SMALL=1 bench/run.sh    # without the tenth-size run (flatness and linearity)
#
# Unless SKIP_SMALL is set, repcard also runs on a tenth of the rows, and the
# script prints how peak RSS and wall time grow from there (targets: RSS at
# most 1.5x, time at most 11x).
#
# Needs /usr/bin/time and, for the peer, Debian's python3-pandas
# python3-openpyxl python3-matplotlib python3-reportlab fonts-dejavu-core.
# Generated data goes to $BENCH_DIR (default: a temporary folder), never into git.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
REPS=${REPS:-500}
DEALS=${DEALS:-$((ROWS / 20))}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/repcard-bench.XXXXXX)}
PEER=${PEER:-../shared/bench/peer_baseline.py}
mkdir -p "$BENCH_DIR"

go build -o "$BENCH_DIR/repcard" ./cmd/repcard
SMALL=$((ROWS / 10))
if [ -n "${SKIP_SMALL:-}" ]; then SMALL=0; fi
# generate ROWS FORMAT: writes the workload's inbox unless it is there.
generate() {
  local dir="$BENCH_DIR/inbox-$2-$1"
  [ -d "$dir" ] || go run ./bench/gen -out "$dir" -rows "$1" -reps "$REPS" -deals "$(($1 / 20))" -format "$2"
}
for f in xlsx csv; do
  if [ ! -d "$BENCH_DIR/inbox-$f-$ROWS" ]; then
    go run ./bench/gen -out "$BENCH_DIR/inbox-$f-$ROWS" -rows "$ROWS" -reps "$REPS" -deals "$DEALS" -format "$f"
  fi
  if [ "$SMALL" -gt 0 ]; then generate "$SMALL" "$f"; fi
done

# measure NAME CMD...: runs CMD under /usr/bin/time -v, records wall, CPU and RSS.
declare -A WALL CPU RSS
measure() {
  local name=$1; shift
  local log="$BENCH_DIR/$name.time"
  /usr/bin/time -v "$@" >"$BENCH_DIR/$name.out" 2>"$log" || { echo "$name failed:"; tail -5 "$log"; exit 1; }
  WALL[$name]=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  CPU[$name]=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$log")
  RSS[$name]=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log")
}

for f in xlsx csv; do
  in="$BENCH_DIR/inbox-$f-$ROWS"
  rm -rf "$BENCH_DIR/out-repcard-$f" "$BENCH_DIR/out-peer-$f"
  measure "repcard-$f" "$BENCH_DIR/repcard" run -config /dev/null -in "$in" -out "$BENCH_DIR/out-repcard-$f" -quiet
  if [ -z "${SKIP_PEER:-}" ]; then
    measure "peer-$f" /usr/bin/python3 "$PEER" "$in" "$BENCH_DIR/out-peer-$f"
  fi
  if [ "$SMALL" -gt 0 ]; then
    rm -rf "$BENCH_DIR/out-small-$f"
    measure "small-$f" "$BENCH_DIR/repcard" run -config /dev/null -in "$BENCH_DIR/inbox-$f-$SMALL" -out "$BENCH_DIR/out-small-$f" -quiet
  fi
done

echo
echo "repcard vs peer · $ROWS activity rows, $DEALS deals, $REPS reps · $(nproc) cores · $(date -u +%Y-%m-%d)"
printf '%-14s %9s %9s %9s\n' run "wall s" "CPU s" "RSS MB"
for name in repcard-xlsx peer-xlsx repcard-csv peer-csv; do
  [ -n "${WALL[$name]:-}" ] && printf '%-14s %9.1f %9.1f %9d\n' "$name" "${WALL[$name]}" "${CPU[$name]}" "${RSS[$name]}"
done
if [ "$SMALL" -gt 0 ]; then
  echo "repcard on $SMALL rows:"
  for f in xlsx csv; do
    printf '%-14s %9.1f %9.1f %9d\n' "repcard-$f" "${WALL[small-$f]}" "${CPU[small-$f]}" "${RSS[small-$f]}"
  done
fi
if [ -z "${SKIP_PEER:-}" ]; then
  for f in xlsx csv; do
    awk -v r="${WALL[repcard-$f]}" -v p="${WALL[peer-$f]}" -v f="$f" 'BEGIN {printf "%s: repcard takes %.2f of the peer'"'"'s wall time (%.1fx faster)\n", f, r/p, p/r}'
  done
fi
if [ "$SMALL" -gt 0 ]; then
  for f in xlsx csv; do
    awk -v m="${RSS[repcard-$f]}" -v s="${RSS[small-$f]}" -v tm="${WALL[repcard-$f]}" -v ts="${WALL[small-$f]}" -v f="$f" -v n="$ROWS" -v k="$SMALL" \
      'BEGIN {printf "%s: %d rows take %.2fx the peak RSS and %.1fx the wall time of %d rows\n", f, n, m/s, tm/ts, k}'
  done
fi
echo "outputs and logs in $BENCH_DIR"
