#!/usr/bin/env python3
"""Job-store benchmark (issue 13): how many records per second the queue hands out, with no
rendering, on SQLite and on PostgreSQL (a cluster of this benchmark's own, from Debian's
postgresql package, on a free port of 127.0.0.1, with the server's default durability: every
claim and completion is flushed to the disk at commit).

`pressroom bench-queue` makes 4 jobs of placeholder records, then W workers claim records
(`chunk` at a time, as the service's workers do; its default is 8) and record them as rendered.
Printed per store and chunk: records/s and claim statements/s (target: PostgreSQL at least
2,000 records/s with 4 workers). PostgreSQL, the workers and the client share this machine's
cores, as they would on one machine; a database on a machine of its own does better.

Prints figures; asserts nothing. Usage:
    python3 Benchmarks/service/queue.py [--pressroom .build/release/pressroom] [--records 20000] [--workers 4]
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(command):
    """PostgreSQL refuses to run as root: under root its commands run as the postgres user."""
    return ["runuser", "-u", "postgres", "--"] + command if os.geteuid() == 0 else command


class Cluster:
    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="pressroom-queue-pg-")
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        subprocess.run(as_postgres([str(PG_BIN / "initdb"), "-D", f"{self.folder}/data", "-A", "trust", "-U", "pressroom",
                                    "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
        subprocess.run(as_postgres([str(PG_BIN / "pg_ctl"), "-D", f"{self.folder}/data", "-l", f"{self.folder}/log", "-w",
                                    "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "start"]),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def database(self, name):
        subprocess.run(as_postgres([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "pressroom", name]),
                       check=True)
        return f"postgres://pressroom@127.0.0.1:{self.port}/{name}?sslmode=disable"

    def stop(self):
        subprocess.run(as_postgres([str(PG_BIN / "pg_ctl"), "-D", f"{self.folder}/data", "-m", "fast", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.folder, ignore_errors=True)


def bench(pressroom, store, data, records, workers, chunk):
    command = [pressroom, "bench-queue", "--records", str(records), "--workers", str(workers), "--chunk", str(chunk)]
    command += ["--store", store] if store else ["--data", data]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pressroom", default=str(ROOT / ".build/release/pressroom"))
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    cluster = Cluster()
    scratch = tempfile.mkdtemp(prefix="pressroom-queue-")
    try:
        print(f"{'store':<10} {'chunk':>5} {'records':>8} {'seconds':>8} {'records/s':>10} {'claims/s':>9}")
        for chunk in (1, 8):
            for name in ("sqlite", "postgres"):
                store = cluster.database(f"bench_{chunk}") if name == "postgres" else None
                result = bench(args.pressroom, store, f"{scratch}/sqlite-{chunk}", args.records, args.workers, chunk)
                print(f"{name:<10} {chunk:>5} {result['records']:>8} {result['seconds']:>8.2f} "
                      f"{result['records_per_s']:>10} {result['claims_per_s']:>9}", flush=True)
        print(f"({args.workers} workers; target: PostgreSQL at least 2,000 records/s at the service's chunk of 8)")
    finally:
        cluster.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
