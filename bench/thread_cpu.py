#!/usr/bin/env python3
"""CPU per connection of each thread of a running process while a load client runs.

    bench/thread_cpu.py PID LOAD_CLIENT ARGS...     e.g.
    bench/thread_cpu.py 4242 target/bench/load_client 127.0.0.1 8080 200000 8

Reads utime+stime of every thread in /proc/PID/task before and after the client (which must
print ok=N), and prints each thread's microseconds per connection and share of a core. Thread
names are cut to 15 characters by the kernel (AWT-EventQueue- is the EDT).
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import stat_cpu  # noqa: E402  (beside this script)


def threads(pid):
    """CPU seconds of each live thread, by (thread id, name)."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name, secs = stat_cpu(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            continue  # the thread ended
        out[(tid, name)] = secs
    return out


def main():
    pid, cmd = int(sys.argv[1]), sys.argv[2:]
    before, t0 = threads(pid), time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    after, secs = threads(pid), time.time() - t0
    print(out.strip())
    conns = int(next(p for p in out.split() if p.startswith("ok="))[3:])
    rows = sorted(((v - before.get(k, 0), k[1]) for k, v in after.items()), reverse=True)
    total = 0
    for cpu, name in rows:
        total += cpu
        if cpu > 0:
            print(f"{name:16s} {cpu * 1e6 / conns:6.2f} us/conn {cpu / secs * 100:5.1f} % of a core")
    print(f"{'all threads':16s} {total * 1e6 / conns:6.2f} us/conn")


if __name__ == "__main__":
    main()
