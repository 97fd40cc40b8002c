#!/usr/bin/env python3
"""10,000 keep-open peers: greeted and held; heap, threads, CPU; stop time; rebind.

Runs the real program (java -jar, keep-open mode, printing its lines to a file as a user
would redirect them), holds the peers with bench/c/hold_client, and measures from outside:
heap used after a full GC (jcmd GC.run + GC.heap_info), threads (/proc/PID/task), RSS and CPU
(/proc/PID/stat), a new client's greeting latency while 10,000 are held, the time from SIGTERM
to the last peer closed, and whether the port binds again at once. Reports, never asserts.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from benchlib import cpu_seconds, free_port  # noqa: E402  (beside this script)


def threads(pid):
    names = []
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                names.append(f.read().strip())
        except OSError:
            pass
    return names


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def heap_used_kib(jcmd, pid):
    subprocess.run([jcmd, str(pid), "GC.run"], capture_output=True, timeout=60)
    out = subprocess.run([jcmd, str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    m = re.search(r"total (\d+)K, used (\d+)K", out)
    return int(m.group(2)) if m else -1


def wait_for(path, pattern, proc, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with open(path, errors="replace") as f:
                m = re.search(pattern, f.read())
            if m:
                return m
        except FileNotFoundError:
            pass
        if proc is not None and proc.poll() is not None:
            break
        time.sleep(0.02)
    return None


def probe_latency_ms(port, expect=b"Hello from server\n"):
    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        data = b""
        while len(data) < len(expect):
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    return (time.monotonic() - t0) * 1000, data == expect


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--hold", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--peers", type=int, default=10000)
    ap.add_argument("--window", action="store_true", help="open the window (needs DISPLAY), --start")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    java = shutil.which("java")
    jcmd = os.path.join(os.path.dirname(os.path.realpath(java)), "jcmd")
    port = free_port()
    name = "keepopen-window" if args.window else "keepopen-headless"
    log = os.path.join(args.out, f"{name}.out")
    mode_args = ["--start"] if args.window else ["--headless"]
    # The window remembers settings; a fresh preferences root keeps them from overriding these.
    jvm = [f"-Djava.util.prefs.userRoot={tempfile.mkdtemp(prefix='socket-monitor-bench-prefs')}"] if args.window else []
    argv = [java, *jvm, "-jar", args.jar, *mode_args, "--mode", "keep-open", "--port", str(port),
            "--max-connections", str(args.peers + 100)]
    r = {"peers": args.peers, "command": " ".join(argv[1:])}
    server = subprocess.Popen(argv, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    hold = None
    try:
        if args.window:
            end = time.monotonic() + 30
            while time.monotonic() < end and server.poll() is None:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            else:
                raise SystemExit(f"window's server did not start: {open(log).read()[-2000:]}")
        elif not wait_for(log, r"Listening on", server, 30):
            raise SystemExit(f"server did not start: {open(log).read()[-2000:]}")
        time.sleep(1.0)  # let start-up settle (JIT, the window's first paint)
        pid = server.pid
        names_before = threads(pid)
        r["before"] = {"heap_used_kib": heap_used_kib(jcmd, pid), "threads": len(names_before),
                       "rss_kib": rss_kib(pid)}
        time.sleep(0.5)
        c_idle, t_idle = cpu_seconds(pid), time.monotonic()
        time.sleep(5.0)  # idle with no peer, for comparison with idle while holding
        r["idle_cpu_pct_no_peers"] = 100 * (cpu_seconds(pid) - c_idle) / (time.monotonic() - t_idle)
        c0 = cpu_seconds(pid)
        t = time.monotonic()
        hold = subprocess.Popen([args.hold, "127.0.0.1", str(port), str(args.peers)],
                                stdout=subprocess.PIPE, text=True)
        line = hold.stdout.readline()
        kv = dict(p.split("=") for p in line.split())
        r["greet_all_secs"] = float(kv["secs"])
        r["greeted"] = int(kv["greeted"])
        r["failed"] = int(kv["failed"]) + int(kv["closed_early"])
        r["cpu_to_greet_all_s"] = cpu_seconds(pid) - c0
        time.sleep(1.0)
        c1, t1 = cpu_seconds(pid), time.monotonic()
        time.sleep(5.0)  # idle while holding: what the 100 ms tick costs with 10,000 peers
        r["idle_cpu_pct_holding"] = 100 * (cpu_seconds(pid) - c1) / (time.monotonic() - t1)
        lat = [probe_latency_ms(port) for _ in range(20)]
        r["probe_ms_median"] = sorted(x[0] for x in lat)[len(lat) // 2]
        r["probe_ms_max"] = max(x[0] for x in lat)
        r["probe_ok"] = all(x[1] for x in lat)
        names = threads(pid)
        r["holding"] = {"heap_used_kib": heap_used_kib(jcmd, pid), "threads": len(names),
                        "rss_kib": rss_kib(pid),
                        "socket_monitor_threads": sorted(n for n in names if n.startswith("socket-monitor"))}
        r["extra_heap_mib"] = (r["holding"]["heap_used_kib"] - r["before"]["heap_used_kib"]) / 1024
        r["extra_threads"] = r["holding"]["threads"] - r["before"]["threads"]
        added = list(names)
        for n in names_before:
            if n in added:
                added.remove(n)
        r["new_thread_names"] = added  # Linux thread names, cut to 15 characters
        # Stop with all of them open.
        t_term = time.monotonic()
        server.send_signal(signal.SIGTERM)
        out, _ = hold.communicate(timeout=60)
        m = re.search(r"closed=(\d+) of (\d+) last_close_monotonic=([\d.]+)", out)
        r["closed_by_stop"] = int(m.group(1))
        r["stop_all_closed_ms"] = (float(m.group(3)) - t_term) * 1000
        server.wait(30)
        r["process_exit_ms"] = (time.monotonic() - t_term) * 1000
        r["exit_code"] = server.returncode
        # Rebind at once: the socket a restarted server opens (SO_REUSEADDR, as ours and the lecture's).
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            s.listen()
            r["rebind_immediate"] = True
        except OSError as e:
            r["rebind_immediate"] = False
            r["rebind_error"] = str(e)
        finally:
            s.close()
        with open(log) as f:
            tail = f.read().strip().splitlines()
        r["summary_line"] = tail[-1] if tail else ""
        again = subprocess.Popen([java, "-jar", args.jar, "--headless", "--quiet", "--port", str(port)],
                                 stdout=open(log + ".restart", "w"), stderr=subprocess.STDOUT)
        r["restart_listening"] = bool(wait_for(log + ".restart", r"Listening on", again, 30))
        again.send_signal(signal.SIGTERM)
        again.wait(30)
    finally:
        for p in (hold, server):
            if p and p.poll() is None:
                p.kill()
                p.wait()
    text = json.dumps(r, indent=1)
    print(text)
    with open(os.path.join(args.out, f"{name}.json"), "w") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
