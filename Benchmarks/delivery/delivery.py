#!/usr/bin/env python3
"""Email delivery benchmark: N one-page invoices (the shared generator's, each given an address
and an idempotency key) rendered in the digital variant, put in their email, DKIM-signed (RSA and
Ed25519) and handed over STARTTLS with AUTH to the local SMTP sink (../shared/tools/mail), by
`pressroom send` pinned to one core. Printed: seconds, messages per second and peak RSS for a
tenth of N and for N (flat memory: the two peaks about equal), and the messages the sink holds.
Target (issue 12): 1,000 invoices in under 10 s on one core, in flat memory.

Prints figures; asserts nothing (a slow machine is not a failure). Usage:
    python3 Benchmarks/delivery/delivery.py [--pressroom .build/release/pressroom] [--count 1000]
"""
import argparse
import json
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("PRESSROOM_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(SHARED / "bench"))
import gen_data  # noqa: E402

SINK = SHARED / "tools" / "mail" / "smtp-sink"


# The bundled invoice layout fits this many items on one page with its totals (measured on the
# generator's records: up to 24 items always make one page); the target is for one-page invoices.
ONE_PAGE_ITEMS = 24


def records(count, path):
    """`count` one-page invoices: the shared generator's, in its order, without those with more
    items than fit one page, each given an address and a key."""
    chosen = [r for r in gen_data.generate("invoice", count * 2, 11) if len(r["items"]) <= ONE_PAGE_ITEMS][:count]
    with open(path, "w", encoding="utf-8") as out:
        for index, record in enumerate(chosen):
            slug = re.sub(r"[^a-z0-9]+", "-", record["customer"]["name"].lower()).strip("-")[:40] or "customer"
            record["delivery"] = {"email": f"accounts@{slug}.example", "preference": "email"}
            record["meta"] = {"idempotency_key": f"bench-{index + 1}"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_send(pressroom, data, work, port, keys, label):
    """One `send`, pinned to core 0; returns (seconds, peak RSS in MiB, output)."""
    ledger = work / f"ledger-{label}.jsonl"
    command = ["taskset", "-c", "0", pressroom, "send", "invoice", str(data), "--from", "Billing <billing@bench.example>",
               "--date", "2026-12-04", "--smtp", f"127.0.0.1:{port}", "--smtp-user", "bench", "--smtp-ca",
               str(work / f"mails-{label}" / ".tls" / "cert.pem"), "--dkim-key", str(keys / "rsa.pem"),
               "--dkim-ed25519-key", str(keys / "ed.pem"), "--ledger", str(ledger)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PRESSROOM_SMTP_PASSWORD": "secret"})
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        raise SystemExit(f"send exited with {result.returncode}")
    return seconds, max(peak, before) / 1024, result.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pressroom", default=str(ROOT / ".build/release/pressroom"))
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    pressroom = str(Path(args.pressroom).resolve())
    with tempfile.TemporaryDirectory(prefix="pressroom-delivery-bench-") as folder:
        work = Path(folder)
        keys = work / "keys"
        subprocess.run([pressroom, "dns", "bench.example", "--dkim-key", str(keys / "rsa.pem"),
                        "--dkim-ed25519-key", str(keys / "ed.pem"), "--generate"], check=True, capture_output=True)
        rows = []
        for label, count in (("tenth", max(1, args.count // 10)), ("all", args.count)):
            data = work / f"{label}.jsonl"
            records(count, data)
            port = free_port()
            mails = work / f"mails-{label}"
            subprocess.run([str(SINK), "--port", str(port), "--dir", str(mails), "--pidfile", str(work / f"{label}.pid"),
                            "--starttls", "--auth", "bench:secret", "--auth-required", "--background"], check=True)
            try:
                seconds, peak, _ = run_send(pressroom, data, work, port, keys, label)
            finally:
                subprocess.run([str(SINK), "--stop", "--pidfile", str(work / f"{label}.pid")], capture_output=True)
            received = len(list(mails.glob("*.eml")))
            rows.append((count, seconds, count / seconds, peak, received))
        print(f"pressroom send, one core, STARTTLS + AUTH, DKIM RSA-2048 and Ed25519, digital variant (PDF/A-3b with Factur-X):")
        print(f"{'invoices':>9} {'seconds':>9} {'msgs/s':>9} {'peak MiB':>9} {'at sink':>8}")
        for count, seconds, rate, peak, received in rows:
            print(f"{count:>9} {seconds:>9.2f} {rate:>9.1f} {peak:>9.1f} {received:>8}")
        count, seconds, _, peak, received = rows[-1]
        print(f"target: {count} in under 10 s: {'met' if seconds < 10 else 'NOT met'} ({seconds:.2f} s); "
              f"memory {rows[0][3]:.0f} MiB at {rows[0][0]} -> {peak:.0f} MiB at {count}; every message at the sink: {'yes' if received == count else 'NO'}")


if __name__ == "__main__":
    main()
