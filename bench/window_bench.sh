#!/usr/bin/env bash
# Window benchmarks on Xvfb: cold start to visible window (5 launches, measured from outside with
# xdotool and inside from JVM start), idle CPU with the window open, EDT latency under 10,000
# events/s, and 10,000 keep-open peers with the window open. Reports only.
#   bench/window_bench.sh            uses target/test-classes + target/socket-monitor.jar
#   BENCH_WINDOW_CP=... bench/...    another class path holding io.socketmonitor.ui.MainWindow
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
# Xvfb picks a free display itself (-displayfd), so we never talk to another X server.
dfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dfile" >/dev/null 2>&1 &
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
echo "cold start: 'java -jar target/socket-monitor.jar' launched to its window mapped (xdotool), 5 runs;" \
  "and JVM start to the window showing, measured inside (WindowBench coldstart):" | tee -a "$res"
for i in 1 2 3 4 5; do
  prefs=$(mktemp -d)
  t0=$(date +%s%N)
  java -Djava.util.prefs.userRoot="$prefs" -jar target/socket-monitor.jar --port 0 > "$out/coldstart-app.$i" 2>&1 &
  pid=$!
  ext="n/a"
  if command -v xdotool >/dev/null; then
    # Poll every 10 ms (xdotool's own --sync sleeps 0.5 s between tries), 30 s at most.
    deadline=$(( $(date +%s) + 30 ))
    while (( $(date +%s) < deadline )); do
      if xdotool search --onlyvisible --name "^Socket Monitor" >/dev/null 2>&1; then
        t1=$(date +%s%N)
        ext=$(( (t1 - t0) / 1000000 ))
        break
      fi
      sleep 0.01
    done
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  inside=$(java -cp "$cp" io.socketmonitor.bench.WindowBench coldstart 2>&1 | grep jvm_start_to_window_ms || true)
  echo "  run $i: launch_to_mapped_ms=$ext $inside" | tee -a "$res"
  rm -rf "$prefs"
done
echo "idle CPU and EDT latency under load:" | tee -a "$res"
for i in 1 2 3; do
  java -cp "$cp" io.socketmonitor.bench.WindowBench edt "$out/load_client" 10000 10 2>&1 | grep -E '^(idle|edt|events|load)' | tee -a "$res"
done
echo "10,000 keep-open peers with the window open:" | tee -a "$res"
java -cp "$cp" io.socketmonitor.bench.WindowBench keepopen "$out/hold_client" 10000 2>&1 | grep -E '^(edt|hold|heap|threads|socket)' | tee -a "$res"
