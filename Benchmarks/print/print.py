#!/usr/bin/env python3
"""Print-production benchmarks, pinned to one core, printed beside the plain render:

- postal batch: N letters (the bundled letters with the shared generator's recipients) through
  `pressroom batch letter --post deutsche-post`, pages per second and peak RSS, beside
  `pressroom render letter --variant plain --jobs 1` on the same records (targets: at least half
  the plain render's pages per second, under 200 MiB flat);
- imposition: a PDF of N A5 pages written by ReportLab (another producer) imposed 2-up on A4 and
  cut-and-stack on SRA3 (target: 10,000 pages in under 10 s).

Prints figures; asserts nothing (a slow machine is not a failure). Usage:
    python3 Benchmarks/print/print.py [--pressroom .build/release/pressroom] [--letters 10000] [--pages 10000]
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT.parent / "shared" / "bench"))
import gen_data  # noqa: E402


def letters(count):
    """`count` letters: the bundled four in turn, each to one of the generator's customers."""
    templates = [json.loads(line) for line in (ROOT / "Fixtures/records/letters.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    customers = (record["customer"] for record in gen_data.generate("invoice", count, 7))
    for index, customer in enumerate(customers):
        letter = dict(templates[index % len(templates)])
        letter["customer"] = customer
        letter["reference"] = f"DOP-2026-{index + 1:06d}"
        yield letter


def timed(command):
    """Runs `command` on core 0 under /usr/bin/time: (seconds, peak RSS in MiB, stderr)."""
    done = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", "taskset", "-c", "0", *command], capture_output=True, text=True, cwd=ROOT)
    lines = done.stderr.strip().splitlines()
    seconds, kib = lines[-1].split()[1:3]
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return float(seconds), int(kib) / 1024, done.stderr


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pressroom", default=str(ROOT / ".build" / "release" / "pressroom"))
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        data = folder / "letters.jsonl"
        with open(data, "w", encoding="utf-8") as out:
            for letter in letters(args.letters):
                out.write(json.dumps(letter, ensure_ascii=False) + "\n")

        plain_s, plain_mib, _ = timed([args.pressroom, "render", "letter", str(data), "--variant", "plain", "--jobs", "1", "-o", str(folder / "plain")])
        plain_pages = sum(pdf_pages(p) for p in list((folder / "plain").glob("*.pdf"))[:50]) / min(50, args.letters) * args.letters
        post_s, post_mib, post_err = timed([args.pressroom, "batch", "letter", str(data), "--post", "deutsche-post", "-o", str(folder / "post"),
                                            "--job", "bench", "--date", "2026-12-04"])
        manifest = json.loads((folder / "post" / "manifest.json").read_text(encoding="utf-8"))
        post_pages = manifest["totals"]["pages"]
        print(f"postal batch, {args.letters} letters, one core")
        print(f"  plain render   {plain_s:7.2f} s  {plain_pages / plain_s:7.1f} pages/s  peak {plain_mib:6.1f} MiB")
        print(f"  postal batch   {post_s:7.2f} s  {post_pages / post_s:7.1f} pages/s  peak {post_mib:6.1f} MiB  "
              f"({manifest['totals']['pieces']} pieces, {len(manifest['totals']['left_out'])} left out, "
              f"{(folder / 'post' / 'bench.pdf').stat().st_size / 2**20:.1f} MiB file)")
        print(f"  ratio          {post_pages / post_s / (plain_pages / plain_s):.2f} of the plain render's pages/s (target >= 0.5)")

        source = folder / "a5.pdf"
        subprocess.run([sys.executable, str(ROOT / "Tests/Tools/make_marked_pages.py"), str(source), str(args.pages), "419.53", "595.28"], check=True)
        print(f"imposition, {args.pages} A5 pages from ReportLab, one core")
        for scheme in ["2up-a5-on-a4", "cut-and-stack-a5-on-sra3"]:
            seconds, mib, _ = timed([args.pressroom, "impose", scheme, str(source), "-o", str(folder / f"{scheme}.pdf")])
            print(f"  {scheme:26s} {seconds:6.2f} s  {args.pages / seconds:8.0f} pages/s  peak {mib:6.1f} MiB  (target < 10 s)")


if __name__ == "__main__":
    main()
