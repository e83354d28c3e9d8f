#!/usr/bin/env python3
"""Prints a loopback TCP port that is free now, for a test or bench process to bind next.

The port is chosen below the kernel's ephemeral range (/proc/sys/net/ipv4/ip_local_port_range), so
the source port of an outgoing connection (a test's PostgreSQL or HTTP client) can never take it
between this check and the bind; a port the system hands out for bind(0) could be. Ports are chosen
at random so that tests running side by side rarely try the same one; a port someone holds is skipped.
"""
import random
import socket

LOWEST = 10000


def ephemeral_start():
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def is_free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def main():
    top = ephemeral_start()
    if top - LOWEST >= 1000:
        for _ in range(200):
            port = random.randrange(LOWEST, top)
            if is_free(port):
                print(port)
                return
    with socket.socket() as s:  # no room below the ephemeral range: the system's choice
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


if __name__ == "__main__":
    main()
