#!/usr/bin/env bash
# Scale benchmark: repcard on teams of 500, 2,000 and 10,000 reps, each rep
# with 30 activities (CSV), one manager per 10 reps and 2 deals per rep.
# Prints, per team size, the PDFs written, wall, user and system time, CPU
# milliseconds per PDF and peak RSS; then how the CPU per PDF of each size
# compares with the smallest (target: within ±20 %) and the largest peak
# RSS (target: at most 200 MB).
#
#   bench/scale.sh                   # 500, 2000 and 10000 reps
#   SIZES="500 2000" bench/scale.sh  # other sizes
#   PROFILE=1 bench/scale.sh         # also a CPU profile of each size, in-process
#                                    # (bench/prof): go tool pprof -top FILE
#
# CPU time, not wall time, is the measure: on a shared machine the wall time
# says more about the other processes. Generated data goes to $BENCH_DIR
# (default: a temporary folder), never into git.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"500 2000 10000"}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/repcard-scale.XXXXXX)}
mkdir -p "$BENCH_DIR"
go build -o "$BENCH_DIR/repcard" ./cmd/repcard
[ -z "${PROFILE:-}" ] || go build -o "$BENCH_DIR/prof" ./bench/prof

declare -A PDFS WALL USR SYS RSS
for n in $SIZES; do
  in="$BENCH_DIR/inbox-$n"
  [ -d "$in" ] || go run ./bench/gen -out "$in" -rows $((n * 30)) -reps "$n" -managers $((n / 10)) -deals $((n * 2)) -format csv
  out="$BENCH_DIR/out-$n"
  rm -rf "$out"
  log="$BENCH_DIR/time-$n.log"
  /usr/bin/time -v "$BENCH_DIR/repcard" run -config /dev/null -in "$in" -out "$out" -quiet >"$BENCH_DIR/run-$n.out" 2>"$log" ||
    { echo "$n reps: run failed"; tail -5 "$log"; exit 1; }
  PDFS[$n]=$(find "$out" -name '*.pdf' | wc -l)
  WALL[$n]=$(awk -F': ' '/Elapsed \(wall clock\)/ {k=split($2,a,":"); s=0; for(i=1;i<=k;i++) s=s*60+a[i]; print s}' "$log")
  USR[$n]=$(awk -F': ' '/User time/ {print $2}' "$log")
  SYS[$n]=$(awk -F': ' '/System time/ {print $2}' "$log")
  RSS[$n]=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log")
  if [ -n "${PROFILE:-}" ]; then
    rm -rf "$out"
    "$BENCH_DIR/prof" -in "$in" -out "$out" -cpu "$BENCH_DIR/cpu-$n.prof" >/dev/null
  fi
done

echo "repcard at scale · 30 activities a rep · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg) · $(date -u +%Y-%m-%d)"
printf '%7s %7s %8s %8s %8s %10s %8s\n' reps PDFs "wall s" "user s" "sys s" "CPU ms/PDF" "RSS MB"
first=""
for n in $SIZES; do
  per=$(awk -v u="${USR[$n]}" -v s="${SYS[$n]}" -v p="${PDFS[$n]}" 'BEGIN {printf "%.1f", (u+s)*1000/p}')
  [ -n "$first" ] || first=$per
  printf '%7d %7d %8.1f %8.1f %8.1f %10s %8d   (%s× the CPU per PDF of %s reps)\n' "$n" "${PDFS[$n]}" "${WALL[$n]}" "${USR[$n]}" "${SYS[$n]}" "$per" "${RSS[$n]}" \
    "$(awk -v a="$per" -v b="$first" 'BEGIN {printf "%.2f", a/b}')" "${SIZES%% *}"
done
[ -z "${PROFILE:-}" ] || echo "CPU profiles: $BENCH_DIR/cpu-*.prof (go tool pprof -top $BENCH_DIR/prof FILE)"
echo "outputs and logs in $BENCH_DIR"
