#!/usr/bin/env bash
# Window benchmarks on Xvfb: cold start to visible window (5 launches, measured from outside with
# xdotool and inside from JVM start), idle CPU with the window open, EDT latency under 10,000
# events/s, and 10,000 keep-open peers with the window open. Reports only.
#   bench/window_bench.sh            uses target/test-classes + target/socket-monitor.jar
#   BENCH_WINDOW_CP=... bench/...    another class path holding io.socketmonitor.ui.MainWindow
#   BENCH_BASE_JAR=old.jar bench/... the cold start also launches an older build (plain java -jar)
#                                    in each round, and prints this build's ratio to it
#   BENCH_COLD_ROUNDS=N              cold-start rounds (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
cp="${BENCH_WINDOW_CP:-target/test-classes:target/socket-monitor.jar}"
[[ -d target/test-classes/io/socketmonitor/bench ]] || ./mvnw -o -q -B test-compile
gcc -O2 -Wall -pthread -o "$out/load_client" bench/c/load_client.c
gcc -O2 -Wall -o "$out/hold_client" bench/c/hold_client.c
if ! command -v Xvfb >/dev/null; then echo "window benchmarks: skipped (no Xvfb)"; exit 0; fi
# Xvfb picks a free display itself (-displayfd), so we never talk to another X server; -noreset:
# by default it resets when its last client leaves, and a launch in that moment cannot connect.
dfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$dfile" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -f "$dfile"' EXIT
for _ in $(seq 100); do [[ -s "$dfile" ]] && break; sleep 0.05; done
disp=":$(head -1 "$dfile")"
export DISPLAY="$disp"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
res="$out/window-results.txt"
: > "$res"
if ! unzip -l target/socket-monitor.jar 2>/dev/null | grep -c 'io/socketmonitor/ui/MainWindow.class' >/dev/null \
   && [[ -z "${BENCH_WINDOW_CP:-}" ]]; then
  echo "window benchmarks: skipped (this build has no window)" | tee -a "$res"; exit 0
fi
echo "cold start: 'java -jar target/socket-monitor.jar' launched to its window mapped (xdotool), alternated" \
  "with the README's launch (the same with -XX:SharedArchiveFile=target/socket-monitor.jsa)${BENCH_BASE_JAR:+ and $BENCH_BASE_JAR}, ${BENCH_COLD_ROUNDS:-5} rounds;" \
  "CPU is the process's user+sys time when the window maps; JVM start to the window showing is" \
  "measured inside (WindowBench coldstart, no archive):" | tee -a "$res"
archive=target/socket-monitor.jsa
[[ -f "$archive" ]] || echo "  (no $archive: build with ./mvnw package; the archived launch is skipped)" | tee -a "$res"
command -v xdotool >/dev/null \
  || echo "  (no xdotool: launch to window is n/a; apt-get install -y xdotool)" | tee -a "$res"
# Prints "<ms to window mapped> <CPU ms by then>" for one launch of java with the given options.
launch_to_mapped() {
  local prefs t0 pid ext=n/a cpu=n/a deadline jar="${LAUNCH_JAR:-target/socket-monitor.jar}"
  prefs=$(mktemp -d)
  t0=$(date +%s%N)
  # No arguments, as a double-click and the README start it (fresh preferences: the server stays stopped).
  java "$@" -Djava.util.prefs.userRoot="$prefs" -jar "$jar" > "$out/coldstart-app.log" 2>&1 &
  pid=$!
  if command -v xdotool >/dev/null; then
    # Poll every 10 ms (xdotool's own --sync sleeps 0.5 s between tries), 30 s at most.
    deadline=$(( $(date +%s) + 30 ))
    while (( $(date +%s) < deadline )); do
      if xdotool search --onlyvisible --name "^Socket Monitor" >/dev/null 2>&1; then
        ext=$(( ($(date +%s%N) - t0) / 1000000 ))
        cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
        break
      fi
      sleep 0.01
    done
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$prefs"
  echo "$ext $cpu"
}
plain_ms=(); archived_ms=(); base_ms=()
base="${BENCH_BASE_JAR:-}"
[[ -z "$base" || -f "$base" ]] || { echo "BENCH_BASE_JAR: no file $base" >&2; exit 2; }
for i in $(seq "${BENCH_COLD_ROUNDS:-5}"); do
  read -r ext cpu < <(launch_to_mapped)
  plain_ms+=("$ext")
  line="  run $i: plain launch_to_mapped_ms=$ext cpu_ms=$cpu"
  if [[ -f "$archive" ]]; then
    read -r aext acpu < <(launch_to_mapped -XX:SharedArchiveFile="$archive")
    archived_ms+=("$aext")
    line="$line | archive launch_to_mapped_ms=$aext cpu_ms=$acpu"
  fi
  if [[ -n "$base" ]]; then
    read -r bext bcpu < <(LAUNCH_JAR="$base" launch_to_mapped)
    base_ms+=("$bext")
    line="$line | base launch_to_mapped_ms=$bext cpu_ms=$bcpu"
  fi
  inside=$(java -cp "$cp" io.socketmonitor.bench.WindowBench coldstart 2>&1 | grep jvm_start_to_window_ms || true)
  echo "$line | $inside" | tee -a "$res"
done
python3 - "${plain_ms[*]}" "${archived_ms[*]}" "${base_ms[*]}" <<'PY' | tee -a "$res"
import statistics, sys
plain, archived, base = ([int(v) if v.isdigit() else None for v in a.split()] for a in sys.argv[1:4])
def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None
p, a, b = median(plain), median(archived), median(base)
if p and a:
    print(f"  median launch to mapped: plain {p:.0f} ms, with the archive {a:.0f} ms, ratio {a / p:.2f}")
if p and b:
    # Per round: the two launches ran seconds apart, so the machine's mood cancels out.
    r = sorted(x / y for x, y in zip(plain, base) if x and y)
    print(f"  this build / BENCH_BASE_JAR, plain: medians {p:.0f} / {b:.0f} ms, per-round ratio median"
          f" {statistics.median(r):.2f} ({r[0]:.2f}-{r[-1]:.2f}, {len(r)} rounds)")
PY
echo "idle CPU and EDT latency under load:" | tee -a "$res"
for i in 1 2 3; do
  java -cp "$cp" io.socketmonitor.bench.WindowBench edt "$out/load_client" 10000 10 2>&1 | grep -E '^(idle|edt|events|load)' | tee -a "$res"
done
echo "10,000 keep-open peers with the window open:" | tee -a "$res"
java -cp "$cp" io.socketmonitor.bench.WindowBench keepopen "$out/hold_client" 10000 2>&1 | grep -E '^(edt|hold|heap|threads|socket)' | tee -a "$res"
