#!/usr/bin/env python3
"""Pressroom against the peer PDF engines, on the shared invoice and statement data, in one command.

Generates the records with shared/bench/gen_data.py (seed 1), runs shared/bench/peers.py pinned to
one core with Pressroom as an external peer (`pressroom bench-peer`), and prints one table per kind
with Pressroom's speed as a multiple of each peer's, then whether the targets are met.
See README.md beside this file.
"""
import argparse
import json
import re
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KINDS = ("invoice", "statement")
# What "pressroom ×" divides: documents per second for one-page invoices, pages per second for
# statements, whose documents run to several pages and differ in page count between engines.
RATE = {"invoice": ("docs_per_s", "docs/s"), "statement": ("pages_per_s", "pages/s")}
SPEED_TARGET_FASTEST = 5.0
SPEED_TARGET_WEASYPRINT = 50.0


def shared_dir():
    """shared/: PRESSROOM_SHARED, else the repository root's sibling (as the end-to-end tests find it)."""
    path = Path(os.environ.get("PRESSROOM_SHARED", REPO.parent / "shared"))
    if not (path / "bench" / "peers.py").is_file():
        sys.exit(f"compare.py: {path}/bench/peers.py not found: check out shared/ beside the repository "
                 "or set PRESSROOM_SHARED")
    return path


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="invoices to render (0: none; default 200)")
    parser.add_argument("--statements", type=int, default=20, help="statements to render (0: none; default 20)")
    parser.add_argument("--peers", help="comma-separated peers for peers.py (default: all it knows)")
    parser.add_argument("--skip-peers", action="store_true", help="run Pressroom only: quick, without ratios")
    parser.add_argument("--pressroom", default=str(REPO / ".build" / "release" / "pressroom"),
                        help="the pressroom executable (default: the release build in this repository)")
    parser.add_argument("--warmup", type=int, default=2, help="records each engine renders before timing")
    parser.add_argument("--out-dir", default=str(REPO / "out" / "peers"),
                        help="data, PDFs and JSON results (default: out/peers, git-ignored)")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to core 0 with taskset")
    return parser.parse_args()


def generate(shared, kind, count, out_dir):
    path = out_dir / f"data-{kind}-{count}-seed1.jsonl"
    subprocess.run([sys.executable, str(shared / "bench" / "gen_data.py"), "--kind", kind, "--count", str(count),
                    "--seed", "1", "--out", str(path)], check=True)
    return path


def run_peers(shared, kind, data, args, out_dir):
    """Runs peers.py for one kind and returns its JSON run record."""
    result_path = out_dir / f"{kind}-results.json"
    result_path.unlink(missing_ok=True)  # never report an earlier run's figures
    command = [sys.executable, str(shared / "bench" / "peers.py"), "--input", str(data), "--kind", kind,
               "--json", str(result_path), "--out-dir", str(out_dir), "--warmup", str(args.warmup),
               "--external", f"pressroom={shlex.join([args.pressroom, 'bench-peer', '--layout', kind])}"]
    if args.skip_peers:
        command.append("--peers=")
    elif args.peers:
        command.append(f"--peers={args.peers}")
    if not args.no_pin:
        command = ["taskset", "-c", "0"] + command
    print(f"$ {shlex.join(command)}", file=sys.stderr, flush=True)
    log = out_dir / f"{kind}-peers.log"
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run(command, stdout=out)  # progress ("running typst ...") goes to stderr
    if done.returncode != 0 or not result_path.is_file():
        sys.exit(f"compare.py: peers.py failed for {kind} (status {done.returncode}); see {log}")
    return json.loads(result_path.read_text(encoding="utf-8"))


def ok(result):
    return result.get("status") == "ok" and result.get("docs_per_s") is not None


def find(results, name):
    return next((r for r in results if r["peer"] == name), None)


def ratio(ours, peer, key):
    if not (ours and ok(ours) and ok(peer)) or peer[key] <= 0:
        return None
    return ours[key] / peer[key]


def times(value):
    return "n/a" if value is None else f"{value:.1f}×"


def table(kind, count, results):
    key, unit = RATE[kind]
    ours = find(results, "pressroom")
    lines = [f"### {kind}s: {count} records; pressroom × = our {unit} / the peer's",
             "",
             "| peer | version | docs | pages | docs/s | pages/s | mean KiB/doc | peak RSS MiB | pressroom × |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    for result in results:
        if not ok(result):
            lines.append(f"| {result['peer']} | {result.get('status', '?')}: {result.get('note', '')} | | | | | | | |")
            continue
        multiple = "—" if result is ours else times(ratio(ours, result, key))
        lines.append(f"| {result['peer']} | {result['version']} | {result['docs']} | {result['pages']} "
                     f"| {result['docs_per_s']:.1f} | {result['pages_per_s']:.1f} | {result['mean_pdf_kib']:.1f} "
                     f"| {result['peak_rss_mib']:.0f} | {multiple} |")
    return "\n".join(lines)


def verdict(met):
    return "not measured" if met is None else ("met" if met else "NOT met")


def targets(kind, results, out_dir):
    """One line: each target, the figure against it, and whether it is met."""
    key, unit = RATE[kind]
    ours = find(results, "pressroom")
    peers = [r for r in results if r["peer"] != "pressroom" and ok(r)]
    parts = []
    fastest = max(peers, key=lambda r: r[key], default=None)
    multiple = ratio(ours, fastest, key) if fastest else None
    parts.append(f"≥{SPEED_TARGET_FASTEST:.0f}× the fastest peer ({fastest['peer'] if fastest else 'none ran'}): "
                 f"{times(multiple)} — {verdict(None if multiple is None else multiple >= SPEED_TARGET_FASTEST)}")
    weasy = find(results, "weasyprint")
    multiple = ratio(ours, weasy, key) if weasy else None
    parts.append(f"≥{SPEED_TARGET_WEASYPRINT:.0f}× WeasyPrint: {times(multiple)} — "
                 f"{verdict(None if multiple is None else multiple >= SPEED_TARGET_WEASYPRINT)}")
    if kind == "invoice":
        # The smaller Typst file is the untagged one; Pressroom writes untagged PDF too.
        typst = [r for r in (find(results, "typst-untagged"), find(results, "typst")) if r and ok(r)]
        if typst and ours and ok(ours):
            smallest = min(typst, key=lambda r: r["mean_pdf_kib"])
            mine = one_page_sizes(out_dir / "invoice" / "pressroom")
            theirs = one_page_sizes(out_dir / "invoice" / smallest["peer"].replace("-", "_"))
            if mine and theirs:
                # Same records, both one page: the fair size comparison.
                common = sorted(set(mine) & set(theirs))
                ours_kib = sum(mine[n] for n in common) / len(common) / 1024
                typst_kib = sum(theirs[n] for n in common) / len(common) / 1024
                met = ours_kib <= typst_kib
                parts.append(f"one-page invoice no larger than Typst's: over the {len(common)} invoices both set on one page, "
                             f"{ours_kib:.1f} KiB against {smallest['peer']} {typst_kib:.1f} KiB — {verdict(met)}")
            else:
                met = ours["mean_pdf_kib"] <= smallest["mean_pdf_kib"]
                parts.append(f"one-page invoice no larger than Typst's ({smallest['peer']} {smallest['mean_pdf_kib']:.1f} KiB): "
                             f"{ours['mean_pdf_kib']:.1f} KiB mean — {verdict(met)}")
        else:
            parts.append("one-page invoice no larger than Typst's — not measured")
    return f"Targets ({kind}s, in {unit}): " + "; ".join(parts) + "."


def one_page_sizes(folder):
    """{file name: bytes} of the one-page PDFs an engine wrote (pdfinfo counts the pages)."""
    sizes = {}
    for pdf in sorted(Path(folder).glob("*.pdf")):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        if re.search(r"^Pages:\s+1$", info, re.M):
            sizes[pdf.name] = pdf.stat().st_size
    return sizes


def main():
    args = parse_args()
    shared = shared_dir()
    args.pressroom = str(Path(args.pressroom).resolve())
    if not os.access(args.pressroom, os.X_OK):
        sys.exit(f"compare.py: {args.pressroom} is not an executable: build it with "
                 "`swift build -c release --product pressroom`, or pass --pressroom PATH")
    if not args.no_pin and shutil.which("taskset") is None:
        sys.exit("compare.py: taskset not found (util-linux); install it or pass --no-pin")
    out_dir = Path(args.out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)

    reports, failures = [], []
    for kind, count in zip(KINDS, (args.count, args.statements)):
        if count <= 0:
            continue
        data = generate(shared, kind, count, out_dir)
        run = run_peers(shared, kind, data, args, out_dir)
        results = run["results"]
        ours = find(results, "pressroom")
        if not (ours and ok(ours)):
            failures.append(f"{kind}s: {(ours or {}).get('note', 'no result')}")
        reports.append(f"{table(kind, count, results)}\n\n{targets(kind, results, out_dir)}")
        machine = run["machine"]
        header = (f"{run['date']}  nproc={machine['nproc']}  {machine['cpu']}  python {machine['python']}  "
                  f"warm-up {run['warmup']}  {'unpinned' if args.no_pin else 'pinned to core 0'}")
    if not reports:
        sys.exit("compare.py: nothing to do (--count 0 and --statements 0)")
    print(header)
    print()
    print("\n\n".join(reports))
    print(f"\nJSON results, data and PDFs: {out_dir}")
    if failures:
        sys.exit("compare.py: pressroom bench-peer failed: " + "; ".join(failures))


if __name__ == "__main__":
    main()
