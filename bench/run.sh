#!/usr/bin/env bash
# Greet-and-close benchmark: our server (headless, and with the window open on Xvfb when the
# window exists), a minimal C epoll server, the least a Java server can do (java-min: the JDK's
# own floor) and the lecture's Python server, driven by a C load client, alternated round by
# round. Results in target/bench/greet-results.{md,json}.
#
#   bench/run.sh [--rounds N] [--conns N] [--warmup N] [--servers c,python,ours,...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
gcc -O2 -Wall -o "$out/greet_server" bench/c/greet_server.c
gcc -O2 -Wall -pthread -o "$out/load_client" bench/c/load_client.c
javac --release 17 -d "$out/java" bench/java/MinimalGreetServer.java
if [[ ! -f target/socket-monitor.jar || -n "${BENCH_REBUILD:-}" ]]; then
  ./mvnw -o -q -B package -DskipTests
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
xvfb_pid=""
prev=""
cleanup() { if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
if [[ -z "${BENCH_DISPLAY:-}" ]] && command -v Xvfb >/dev/null; then
  # Xvfb picks a free display itself (-displayfd), so we never talk to another X server.
  dfile=$(mktemp)
  # With --pin same the display server shares the core too, so the window's whole cost
  # (its painting in Xvfb included) is in the rate.
  pin_display=()
  for a in "$@"; do [[ "$a" == "--pin=same" || "$prev" == "--pin" && "$a" == "same" ]] && pin_display=(taskset -c 0); prev="$a"; done
  "${pin_display[@]}" Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dfile" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [[ -s "$dfile" ]] && break; sleep 0.05; done
  export BENCH_DISPLAY=":$(head -1 "$dfile")"
  rm -f "$dfile"
fi
python3 bench/greet_bench.py --jar target/socket-monitor.jar --client "$out/load_client" \
  --c-server "$out/greet_server" --java-classes "$out/java" --out "$out" "$@"
