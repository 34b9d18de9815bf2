#!/usr/bin/env python3
"""How long `pressroom watch` takes to render again after a save.

Starts the release binary on a copy of Layouts/ with a one-page invoice (record 2 of the
bundled invoices), saves the theme N times the way editors do (write a temporary file, rename it
over the original), each time with another accent colour, and reads the render time the watcher
prints for each save. Prints the median, the 90th percentile and the slowest, for the render
alone (what the terminal and the page show) and from the save to the watcher's line.

    swift build -c release && python3 Benchmarks/watch/latency.py [--saves 30] [--record 2]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RENDERED = re.compile(r"rendered record \d+ of \d+: (\d+) pages? in ([0-9.]+) ms after a change")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=30)
    parser.add_argument("--record", type=int, default=2)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/pressroom"))
    parser.add_argument("--core", default="0", help="taskset core list ('' to not pin)")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="pressroom-watch-bench-")
    layouts = os.path.join(work, "Layouts")
    shutil.copytree(os.path.join(ROOT, "Layouts"), layouts)
    theme = os.path.join(layouts, "themes", "brand.yaml")
    original = open(theme, encoding="utf-8").read()
    command = [args.binary, "watch", "invoice", "--layouts", layouts, "--record", str(args.record),
               "--data", os.path.join(ROOT, "Fixtures/records/invoices.jsonl"), "--port", "0"]
    if args.core:
        command = ["taskset", "-c", args.core] + command
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    renders, round_trips, pages = [], [], None
    try:
        first = wait_for(server, lambda line: line.startswith("Preview: "))
        for n in range(args.saves):
            colour = "#%02x%02x%02x" % (16 + n, 64, 120)
            temporary = theme + ".tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(original.replace('"#104078"', f'"{colour}"'))
            saved = time.monotonic()
            os.replace(temporary, theme)
            match = RENDERED.search(wait_for(server, lambda line: RENDERED.search(line) is not None))
            round_trips.append((time.monotonic() - saved) * 1000)
            pages = int(match.group(1))
            renders.append(float(match.group(2)))
            time.sleep(0.15)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    def describe(values):
        ordered = sorted(values)
        p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
        return f"median {statistics.median(ordered):6.1f} ms   p90 {p90:6.1f} ms   max {ordered[-1]:6.1f} ms"

    print(f"pressroom watch, invoice record {args.record} ({pages} page{'s' if pages != 1 else ''}), {len(renders)} saves by rename"
          + (f", pinned to core {args.core}" if args.core else ""))
    print(f"  render (layout folder read, laid out, SVG):  {describe(renders)}")
    print(f"  save -> watcher's line (incl. polling):      {describe(round_trips)}")
    print(f"  target: render under 100 ms -> {'met' if statistics.median(renders) < 100 else 'NOT met'}")


def wait_for(server, predicate, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line:
            sys.exit(f"pressroom watch ended early (status {server.poll()})")
        if predicate(line):
            return line
    sys.exit("timed out waiting for pressroom watch")


if __name__ == "__main__":
    main()
