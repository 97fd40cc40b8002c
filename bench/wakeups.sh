#!/usr/bin/env bash
# Why a slower server can look faster unpinned: how often each server's accepting thread goes
# to sleep per connection (its voluntary context switches; every one is a wake-up the client's
# connect pays for), next to the client's CPU per connection. One client thread, unpinned,
# servers alternated round by round. Prints one line per server and round.
#
#   bench/wakeups.sh [ROUNDS=6] [CONNS=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-6}
conns=${2:-100000}
out=target/bench
mkdir -p "$out"
gcc -O2 -Wall -o "$out/greet_server" bench/c/greet_server.c
gcc -O2 -Wall -pthread -o "$out/load_client" bench/c/load_client.c
[[ -f target/socket-monitor.jar ]] || ./mvnw -o -q -B package -DskipTests
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pc=$(free_port); pp=$(free_port); po=$(free_port)
"$out/greet_server" "$pc" > "$out/wakeups-c.out" & cpid=$!
python3 bench/python/server.py "$pp" > "$out/wakeups-python.out" & ppid=$!
java -jar target/socket-monitor.jar --headless --port "$po" > "$out/wakeups-ours.out" & opid=$!
trap 'kill $cpid $ppid $opid 2>/dev/null || true' EXIT
for p in $pc $pp $po; do
  for _ in $(seq 100); do "$out/load_client" 127.0.0.1 "$p" 1 1 >/dev/null 2>&1 && break; sleep 0.1; done
  "$out/load_client" 127.0.0.1 "$p" 200000 8 >/dev/null # warm-up (the JIT, for ours)
done
# "tid voluntary involuntary" for every thread of a process
snapshot() { for f in /proc/"$1"/task/*/status; do
  echo "$(basename "$(dirname "$f")") $(awk '/^voluntary_ctxt/{v=$2} /^nonvoluntary_ctxt/{n=$2} END{print v, n}' "$f")"
done | sort; }
for round in $(seq "$rounds"); do
  for server in c:$cpid:$pc python:$ppid:$pp ours:$opid:$po; do
    IFS=: read -r name pid port <<< "$server"
    snapshot "$pid" > "$out/wakeups-before"
    result=$("$out/load_client" 127.0.0.1 "$port" "$conns" 8)
    snapshot "$pid" > "$out/wakeups-after"
    # the thread that slept most is the accepting one
    read -r slept preempted <<< "$(join "$out/wakeups-before" "$out/wakeups-after" \
      | awk '{v=$4-$2; i=$5-$3; if (v>m) {m=v; n=i}} END {print m+0, n+0}')"
    awk -v r="$result" -v n="$conns" -v s="$slept" -v p="$preempted" -v round="$round" -v name="$name" 'BEGIN {
      split(r, kv, " "); for (k in kv) { split(kv[k], f, "="); v[f[1]] = f[2] }
      printf "round %d %-6s rate=%.0f client_us=%.1f sleeps/conn=%.2f preempted/conn=%.2f\n",
        round, name, v["rate"], (v["cpu_user"] + v["cpu_sys"]) * 1e6 / n, s / n, p / n }'
  done
done
