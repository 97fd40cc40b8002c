#!/usr/bin/env bash
# Every benchmark, one command (also what `./mvnw -Pbench verify` runs after packaging):
#   greet-and-close rate (bench/run.sh), 10,000 keep-open peers headless and with the window
#   open (Xvfb), and the window benchmarks (bench/window_bench.sh). Results in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# Three times: all on one core (the rate follows each server's CPU per connection); unpinned
# (the rate follows round-trip latency and the load client's own core); unpinned with the
# client's 8 connections on two threads (the two cores are shared three ways).
bench/run.sh --pin same "$@"
bench/run.sh "$@"
bench/run.sh --client-threads 2 "$@"
gcc -O2 -Wall -o "$out/hold_client" bench/c/hold_client.c
python3 bench/keepopen_bench.py --jar target/socket-monitor.jar --hold "$out/hold_client" --out "$out"
if unzip -l target/socket-monitor.jar 2>/dev/null | grep -c 'io/socketmonitor/ui/MainWindow.class' >/dev/null; then
  if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x800x24" python3 bench/keepopen_bench.py --window \
      --jar target/socket-monitor.jar --hold "$out/hold_client" --out "$out"
  else
    echo "keep-open with the window: skipped (no xvfb-run)"
  fi
else
  echo "keep-open with the window: skipped (this build has no window yet)"
fi
bench/window_bench.sh
echo "results: $out/greet-results-pin-same.md, $out/greet-results.md, $out/greet-results-client-threads-2.md, $out/keepopen-*.json, $out/window-results.txt"
