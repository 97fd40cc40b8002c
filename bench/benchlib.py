"""Helpers shared by the benchmark drivers: free loopback ports and process CPU time."""
import os
import socket

CLK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stat_cpu(path):
    """(name, CPU seconds) from a /proc stat file: a process's or one of its threads'."""
    with open(path) as f:
        s = f.read()
    fields = s.rsplit(")", 1)[1].split()
    return s[s.index("(") + 1:s.rindex(")")], (int(fields[11]) + int(fields[12])) / CLK  # utime, stime


def cpu_seconds(pid):
    return stat_cpu(f"/proc/{pid}/stat")[1]
