#!/usr/bin/env python3
"""Service benchmark (issue 13): `pressroom serve` and `pressroom render` on the same cores, with
the same one-page invoices from the shared generator.

1. Batch throughput: `pressroom render` renders N invoices (digital variant, --jobs W); then a
   fresh service with W workers takes the same N as one batch job, timed from the POST to the
   job's finish. Printed: records/s of each and their ratio (target: the service at least 80 %).
2. On-line latency under load: while a second batch of N runs in the service, one client posts
   single invoices to /v1/documents one after another; printed: p50, p90 and p99 of the whole
   request time (target: p99 under 50 ms for a one-page invoice), and the same with no batch.

Prints figures; asserts nothing (a slow machine is not a failure). Usage:
    python3 Benchmarks/service/service.py [--pressroom .build/release/pressroom] [--count 1000] [--cores 0,1]
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("PRESSROOM_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(SHARED / "bench"))
import gen_data  # noqa: E402

ONE_PAGE_ITEMS = 24


def records(count, seed):
    chosen = [r for r in gen_data.generate("invoice", count * 2, seed) if len(r["items"]) <= ONE_PAGE_ITEMS][:count]
    return [json.dumps(r, ensure_ascii=False) for r in chosen]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(method, url, key, body=None, headers=None):
    request = urllib.request.Request(url, data=body, method=method, headers={"Authorization": f"Bearer {key}", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Service:
    def __init__(self, pressroom, data, cores, workers):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(data / "serve.log", "w")
        self.process = subprocess.Popen(["taskset", "-c", cores, pressroom, "serve", "--data", str(data), "--port", str(self.port),
                                         "--workers", str(workers)], stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(600):
            try:
                urllib.request.urlopen(self.base + "/health", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        keys = (data / "first-keys.txt").read_text().splitlines()
        self.key = keys[0].split()[-1]

    def submit(self, lines):
        status, body = call("POST", self.base + "/v1/jobs?layout=invoice", self.key, "\n".join(lines).encode())
        assert status == 202, body
        return json.loads(body)["id"]

    def wait(self, job):
        while True:
            status, body = call("GET", f"{self.base}/v1/jobs/{job}", self.key)
            state = json.loads(body)
            if state["state"] in ("finished", "failed"):
                return state
            time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def online(service, lines, count):
    """`count` sequential on-line renders; their times in ms."""
    times = []
    for index in range(count):
        start = time.perf_counter()
        status, body = call("POST", service.base + "/v1/documents?layout=invoice", service.key, lines[index % len(lines)].encode())
        times.append((time.perf_counter() - start) * 1000)
        assert status == 200 and body.startswith(b"%PDF-"), (status, body[:300])
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pressroom", default=str(ROOT / ".build/release/pressroom"))
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--cores", default="0,1", help="taskset core list for both engines")
    parser.add_argument("--online", type=int, default=200, help="on-line renders per measurement")
    args = parser.parse_args()
    pressroom = str(Path(args.pressroom).resolve())
    workers = len(args.cores.split(","))
    batch = records(args.count, 11)
    singles = records(50, 29)
    with tempfile.TemporaryDirectory(prefix="pressroom-service-bench-") as folder:
        work = Path(folder)
        (work / "batch.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(["taskset", "-c", args.cores, pressroom, "render", "invoice", str(work / "batch.jsonl"), "-o", str(work / "cli"),
                        "--jobs", str(workers)], check=True, capture_output=True, cwd=ROOT)
        cli = time.perf_counter() - start

        (work / "data").mkdir()
        service = Service(pressroom, work / "data", args.cores, workers)
        try:
            idle = online(service, singles, args.online)
            start = time.perf_counter()
            job = service.submit(batch)
            state = service.wait(job)
            served = time.perf_counter() - start
            assert state["counts"]["rendered"] == len(batch), state
            loaded_job = service.submit(batch)
            time.sleep(0.5)
            loaded = online(service, singles, args.online)
            status, body = call("GET", f"{service.base}/v1/jobs/{loaded_job}", service.key)
            during = json.loads(body)["state"] not in ("finished", "failed")
            service.wait(loaded_job)
        finally:
            service.stop()

    print(f"{len(batch)} one-page invoices (digital variant), cores {args.cores}, {workers} worker(s)")
    print(f"  pressroom render --jobs {workers}: {cli:6.2f} s  {len(batch) / cli:7.1f} records/s")
    print(f"  service batch job:            {served:6.2f} s  {len(batch) / served:7.1f} records/s  "
          f"({100 * cli / served:.0f} % of render; target at least 80 %)")
    for label, times in (("idle", idle), ("during a batch", loaded)):
        print(f"  on-line, {label:15} p50 {percentile(times, 0.5):6.1f} ms  p90 {percentile(times, 0.9):6.1f} ms  "
              f"p99 {percentile(times, 0.99):6.1f} ms  ({len(times)} requests; target p99 under 50 ms)")
    if not during:
        print("  (the batch ended before the on-line requests did)")


if __name__ == "__main__":
    main()
