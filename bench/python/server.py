#!/usr/bin/env python3
# The lecture's server (Lecture 2, Socket Programming), unchanged except that it binds loopback
# and takes the port from the command line, so the benchmark can run it next to the others.
import socket
import sys

HOST = "127.0.0.1"
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8080

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen()
print(f"Listening on {HOST}:{PORT} for HTTP connections", flush=True)
while True:
    conn, addr = s.accept()
    print(f"Connected to {addr}")
    conn.sendall(b"Hello from server\n")
    conn.close()
