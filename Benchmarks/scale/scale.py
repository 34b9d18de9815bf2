#!/usr/bin/env python3
"""Scale benchmarks of `pressroom render` on the shared generator's records, pinned to one core:

- memory of a long batch: 10,000 invoices in one process, read one at a time as `render` reads
  them, RSS sampled every 1,000 records (target: peak under 200 MiB, flat after the first thousand);
- linearity: one statement of 400 rows against one of 4,000 rows (target: at most 11x the time);
- one huge document: a 1,000,000-row statement, about 24,000 pages, rendered by `pressroom render`
  as a user would, plain and digital (tagged PDF/A-3b) (target: under 500 MiB peak RSS).

Prints figures; asserts nothing (a slow machine is not a failure). Usage:
    python3 Benchmarks/scale/scale.py [--pressroom .build/release/pressroom] [--invoices 10000] [--rows 1000000]
"""
import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT.parent / "shared" / "bench"))
import gen_data  # noqa: E402
from decimal import Decimal  # noqa: E402


def statement_with_rows(count, seed=1):
    """One generator statement with its transactions repeated (fresh references) to `count` rows."""
    record = next(gen_data.generate("statement", 1, seed))
    rows, balance = [], Decimal(record["opening_balance"])
    source = record["transactions"]
    while len(rows) < count:
        row = dict(source[len(rows) % len(source)], reference=str(9_100_000_000 + len(rows) * 7))
        balance += Decimal(row["amount"])
        row["balance"] = str(balance)
        rows.append(row)
    record["transactions"] = rows
    record["closing_balance"] = str(balance)
    return record


def run(pressroom, layout, records, folder, extra=()):
    data = folder / f"{layout}-{len(records)}.jsonl"
    with open(data, "w", encoding="utf-8") as out:
        gen_data.write_jsonl(records, out)
    command = ["taskset", "-c", "0", pressroom, "bench-peer", "--layout", layout, "--input", str(data),
               "--out-dir", str(folder / "out"), "--warmup", "0", *extra]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def write_huge(rows, path):
    with open(path, "w", encoding="utf-8") as out:
        gen_data.write_jsonl([statement_with_rows(rows)], out)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--write-huge":
        write_huge(int(sys.argv[2]), sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pressroom", default=str(ROOT / ".build" / "release" / "pressroom"))
    parser.add_argument("--invoices", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        print(f"## Batch memory: {args.invoices} invoices in one process")
        result, log = run(args.pressroom, "invoice", list(gen_data.generate("invoice", args.invoices, 1)), folder,
                          ["--rss-every", "1000", "--no-write", "--stream"])
        samples = [(int(m.group(1)), float(m.group(2))) for m in re.finditer(r"after (\d+) records: ([\d.]+) MiB", log)]
        print("| records | RSS MiB |\n|--:|--:|")
        for records, rss in samples:
            print(f"| {records} | {rss:.1f} |")
        later = [rss for records, rss in samples if records >= 1000]
        growth = (max(later) - min(later)) if later else 0
        print(f"\npeak RSS {result['peak_rss_mib']:.1f} MiB (target < 200); after the first 1,000 records RSS moves "
              f"{growth:.1f} MiB; {result['docs'] / result['wall_s']:.0f} docs/s\n")

        print("## Linearity: one statement of 400 rows against one of 4,000")
        times = {}
        for rows in (400, 4000):
            best = None
            for _ in range(3):
                result, _ = run(args.pressroom, "statement", [statement_with_rows(rows)], folder, ["--no-write"])
                best = result["cpu_s"] if best is None else min(best, result["cpu_s"])
            times[rows] = best
            print(f"{rows:>6} rows: {best * 1000:.1f} ms CPU (best of 3)")
        print(f"ratio {times[4000] / times[400]:.2f}x for 10x the rows (target <= 11x)\n")

        print(f"## One huge document: a {args.rows:,}-row statement")
        data = folder / "huge.jsonl"
        # Made in a process of its own: a child's peak RSS starts at its parent's, and this
        # process holding the record would set the render's figure.
        subprocess.run([sys.executable, __file__, "--write-huge", str(args.rows), str(data)], check=True)
        size_mib = data.stat().st_size / 1048576
        for variant in ("plain", "digital"):
            out = folder / f"huge-{variant}"
            command = ["taskset", "-c", "0", args.pressroom, "render", "statement", str(data), "--variant", variant,
                       "--max-record-size", f"{int(size_mib) + 16}M", "-o", str(out)]
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
            output = process.stdout.read()
            _, status, usage = os.wait4(process.pid, 0)  # this child's own peak RSS
            if status != 0:
                sys.exit(f"{' '.join(command)} failed:\n{output}")
            peak = usage.ru_maxrss / 1024
            pdf = next(out.glob("*.pdf"))
            pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            count = re.search(r"Pages:\s+(\d+)", pages)
            print(f"{variant}: {output.strip()}\n  {size_mib:.0f} MiB of JSON, peak RSS {peak:.0f} MiB (target < 500), "
                  f"{count.group(1) if count else '?'} pages, {pdf.stat().st_size / 1048576:.1f} MiB PDF")
            shutil.rmtree(out)


if __name__ == "__main__":
    main()
