#!/usr/bin/env python3
"""Greet-and-close rate on loopback, 8 connections in flight, servers alternated round by round.

Started by bench/run.sh (which builds the C programs and the jar). Every server runs for the
whole benchmark on its own loopback port, printing its lines into target/bench/<name>.out as a
user would redirect them; each round drives every server once with bench/c/load_client, the
order rotated round by round. Server CPU comes from /proc/PID/stat (all threads, user+system)
read just before and after its turn; the client's from getrusage. Reports, never asserts.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import cpu_seconds, free_port  # noqa: E402  (beside this script)


def wait_listening(path, proc, seconds=20.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"{path}: server exited with {proc.returncode}")
        try:
            with open(path, errors="replace") as f:
                if "Listening on" in f.read(4096):
                    return
        except FileNotFoundError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{path}: no 'Listening on' line within {seconds} s")


def wait_port(port, proc, seconds=30.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as c:
                c.recv(100)
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing accepted on port {port} within {seconds} s")


class Server:
    def __init__(self, name, argv, env, note, out_dir):
        self.name, self.argv, self.env, self.note = name, argv, env, note
        self.port = free_port()
        self.argv = [a.replace("{port}", str(self.port)) for a in argv]
        self.out_path = os.path.join(out_dir, f"{name}.out")
        self.proc = None
        self.rounds = []

    def start(self, pin="none"):
        out = open(self.out_path, "w")
        cpu = PIN[pin][0]
        self.proc = subprocess.Popen((["taskset", "-c", cpu] if cpu else []) + self.argv, stdout=out,
                                     stderr=subprocess.STDOUT, env=self.env)
        if self.name.startswith("ours-window"):
            wait_port(self.port, self.proc)  # the window prints nothing: wait until it accepts
        else:
            wait_listening(self.out_path, self.proc)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


PIN = {"none": (None, None), "split": ("1", "0"), "same": ("0", "0")}


def drive(client, server, conns, conc, pin="none", threads=1):
    before = cpu_seconds(server.proc.pid)
    cpu = PIN[pin][1]
    r = subprocess.run((["taskset", "-c", cpu] if cpu else [])
                       + [client, "127.0.0.1", str(server.port), str(conns), str(conc), "18", "0", str(threads)],
                       capture_output=True, text=True, timeout=180)
    after = cpu_seconds(server.proc.pid)
    kv = dict(p.split("=") for p in r.stdout.split())
    if r.returncode != 0:
        raise RuntimeError(f"{server.name}: load client failed: {r.stdout} {r.stderr}")
    return {"rate": float(kv["rate"]), "secs": float(kv["secs"]), "conns": int(kv["conns"]),
            "server_cpu": after - before,
            "client_cpu": float(kv["cpu_user"]) + float(kv["cpu_sys"])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--client", required=True)
    ap.add_argument("--c-server", required=True)
    ap.add_argument("--java-classes", help="where bench/java/MinimalGreetServer.class is, for 'java-min'")
    ap.add_argument("--out", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--conns", type=int, default=20000)
    ap.add_argument("--conc", type=int, default=8)
    ap.add_argument("--warmup", type=int, default=200000)  # the window JIT-compiles for ~150-200k
    ap.add_argument("--servers", default="c,python,java-min,ours,c-quiet,ours-quiet,ours-window")
    ap.add_argument("--jar-base", help="an older build to compare with, as 'ours-base' (headless) and "
                                       "'ours-window-base'")
    ap.add_argument("--pin", choices=["none", "split", "same"], default="none",
                    help="split: servers on CPU 1, client on CPU 0; same: all on CPU 0, so the rate is "
                         "1 / (client + server CPU per connection) and the server's own cost decides it")
    ap.add_argument("--client-threads", type=int, default=1,
                    help="threads the load client splits its 8 connections over (like wrk -t2 -c8); with "
                         "2 on 2 cores the client is no longer held to one core and the machine is the limit")
    ap.add_argument("--jvm-variant", action="append", default=[], metavar="NAME=OPTIONS",
                    help="also run ours headless as 'ours-NAME' with these JVM options, e.g. serial=-XX:+UseSerialGC")
    ap.add_argument("--jdk", action="append", default=[], metavar="NAME=JAVA_HOME",
                    help="also offer java-min, ours and ours-window run by another JDK's java, as "
                         "'java-min-NAME', 'ours-NAME' and 'ours-window-NAME' (name them in --servers)")
    ap.add_argument("--display", default=os.environ.get("BENCH_DISPLAY", ""))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    java = shutil.which("java")
    defs = {
        "c": ([args.c_server, "{port}"], None, "gcc -O2 epoll, prints its lines"),
        "c-quiet": ([args.c_server, "{port}", "--quiet"], None, "gcc -O2 epoll, no lines"),
        "python": ([sys.executable, os.path.join(here, "python", "server.py"), "{port}"], None,
                   "the lecture's server.py"),
        "ours": ([java, "-jar", args.jar, "--headless", "--port", "{port}"], None, "--headless"),
        "java-min": ([java, "-cp", args.java_classes or "", "MinimalGreetServer", "{port}"], None,
                     "the least a Java 17 server can do: blocking accept, line, write, close"),
        "java-min-fin": ([java, "-cp", args.java_classes or "", "MinimalGreetServer", "{port}", "--fin-first"], None,
                         "java-min closing as ours does: write, shutdown (FIN), bytes waiting?, close"),
        "ours-quiet": ([java, "-jar", args.jar, "--headless", "--quiet", "--port", "{port}"], None,
                       "--headless --quiet"),
    }
    if args.jar_base:
        defs["ours-base"] = ([java, "-jar", args.jar_base, "--headless", "--port", "{port}"], None,
                             f"--headless, {os.path.basename(args.jar_base)}")
    for v in args.jvm_variant:
        name, _, opts = v.partition("=")
        defs[f"ours-{name}"] = ([java, *opts.split(), "-jar", args.jar, "--headless", "--port", "{port}"], None,
                                f"--headless, JVM options {opts}")
    jdks = {}
    for v in args.jdk:
        name, _, home = v.partition("=")
        if not os.access(os.path.join(home, "bin", "java"), os.X_OK):
            sys.exit(f"--jdk {v}: no {os.path.join(home, 'bin', 'java')} to run")
        jdks[name] = os.path.join(home, "bin", "java")
        defs[f"java-min-{name}"] = ([jdks[name], "-cp", args.java_classes or "", "MinimalGreetServer", "{port}"], None,
                                    f"java-min on {home}")
        defs[f"ours-{name}"] = ([jdks[name], "-jar", args.jar, "--headless", "--port", "{port}"], None,
                                f"--headless, on {home}")
    skipped = {}
    has_window = subprocess.run(["unzip", "-l", args.jar], capture_output=True, text=True).stdout \
        .find("io/socketmonitor/ui/MainWindow.class") >= 0
    if "ours-window" in args.servers.split(","):
        if not has_window:
            skipped["ours-window"] = "this build has no window yet (io.socketmonitor.ui.MainWindow)"
        elif args.display:
            env = dict(os.environ, DISPLAY=args.display)
            prefs = tempfile.mkdtemp(prefix="socket-monitor-bench-prefs")  # no remembered settings
            defs["ours-window"] = ([java, f"-Djava.util.prefs.userRoot={prefs}", "-jar", args.jar, "--start",
                                    "--port", "{port}"], env, f"window open on Xvfb {args.display}, --start")
            if args.jar_base:
                base_prefs = tempfile.mkdtemp(prefix="socket-monitor-bench-prefs")
                defs["ours-window-base"] = ([java, f"-Djava.util.prefs.userRoot={base_prefs}", "-jar", args.jar_base,
                                             "--start", "--port", "{port}"], env,
                                            f"window open, {os.path.basename(args.jar_base)}")
            for name, jdk_java in jdks.items():
                jdk_prefs = tempfile.mkdtemp(prefix="socket-monitor-bench-prefs")
                defs[f"ours-window-{name}"] = ([jdk_java, f"-Djava.util.prefs.userRoot={jdk_prefs}", "-jar", args.jar,
                                                "--start", "--port", "{port}"], env,
                                               f"window open on Xvfb {args.display}, --start, on {jdk_java}")
        else:
            skipped["ours-window"] = "no X display (set BENCH_DISPLAY or install xvfb)"
    servers = [Server(n, *defs[n], out_dir=args.out) for n in args.servers.split(",") if n in defs]
    try:
        for s in servers:
            try:
                s.start(args.pin)
            except RuntimeError as e:
                skipped[s.name] = str(e)
        servers = [s for s in servers if s.name not in skipped]
        for s in servers:  # warm-up: JIT compilation, page cache, first-touch allocations
            if args.warmup:
                drive(args.client, s, args.warmup, args.conc, args.pin, args.client_threads)
        for r in range(args.rounds):
            k = r % len(servers)
            for s in servers[k:] + servers[:k]:
                s.rounds.append(drive(args.client, s, args.conns, args.conc, args.pin, args.client_threads))
    finally:
        for s in servers:
            s.stop()

    result = {"pin": args.pin, "rounds": args.rounds, "conns_per_round": args.conns, "concurrency": args.conc,
              "client_threads": args.client_threads,
              "warmup": args.warmup, "skipped": skipped, "servers": {}}
    for s in servers:
        rates = [x["rate"] for x in s.rounds]
        result["servers"][s.name] = {
            "note": s.note, "rounds": s.rounds,
            "median_rate": statistics.median(rates), "min_rate": min(rates), "max_rate": max(rates),
            "server_cpu_us_per_conn": 1e6 * sum(x["server_cpu"] for x in s.rounds)
            / sum(x["conns"] for x in s.rounds),
            "client_cpu_us_per_conn": 1e6 * sum(x["client_cpu"] for x in s.rounds)
            / sum(x["conns"] for x in s.rounds),
        }
    by = {s.name: s for s in servers}

    def ratios(a, b):
        if a not in by or b not in by:
            return None
        per_round = [x["rate"] / y["rate"] for x, y in zip(by[a].rounds, by[b].rounds)]
        return {"median": statistics.median(per_round), "min": min(per_round), "max": max(per_round)}

    pairs = [("ours", "c"), ("ours", "python"), ("ours-quiet", "c-quiet"), ("ours-quiet", "c"),
             ("ours-window", "c"), ("ours-window", "python"), ("python", "c"),
             ("ours", "ours-base"), ("ours-base", "c"), ("ours-window", "ours-window-base"),
             ("ours-window-base", "c"), ("ours-window-base", "python"),
             ("java-min", "c"), ("ours", "java-min"), ("ours-window", "java-min"),
             ("java-min-fin", "c"), ("ours", "java-min-fin"), ("ours-window", "java-min-fin")]
    for name in jdks:  # --jdk: against C, Python, and the same server on the default java
        for base in ("java-min", "ours", "ours-window"):
            pairs += [(f"{base}-{name}", "c"), (f"{base}-{name}", "python"), (f"{base}-{name}", base)]
    pairs += [(n, "c") for n in by if n.startswith("ours-") and (n, "c") not in pairs]  # --jvm-variant
    result["ratios"] = {f"{a}/{b}": ratios(a, b) for a, b in pairs if ratios(a, b)}

    lines = [f"Greet-and-close, loopback, {args.conc} connections in flight, {args.rounds} rounds x "
             f"{args.conns} connections per server (after {args.warmup} warm-up), servers alternated, "
             f"CPU pinning: {args.pin}, load client threads: {args.client_threads}",
             "",
             "| server | median conn/s | min | max | server CPU us/conn | client CPU us/conn | how |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for name, v in result["servers"].items():
        lines.append(f"| {name} | {v['median_rate']:.0f} | {v['min_rate']:.0f} | {v['max_rate']:.0f} | "
                     f"{v['server_cpu_us_per_conn']:.1f} | {v['client_cpu_us_per_conn']:.1f} | {v['note']} |")
    lines += ["", "| ratio (per round, same run) | median | min | max |", "|---|---:|---:|---:|"]
    for k, v in result["ratios"].items():
        lines.append(f"| {k} | {v['median']:.2f} | {v['min']:.2f} | {v['max']:.2f} |")
    for k, v in skipped.items():
        lines.append(f"\nskipped {k}: {v}")
    text = "\n".join(lines)
    print(text)
    stem = "greet-results" + ("" if args.pin == "none" else f"-pin-{args.pin}") \
        + ("" if args.client_threads == 1 else f"-client-threads-{args.client_threads}")
    with open(os.path.join(args.out, stem + ".md"), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(args.out, stem + ".json"), "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
