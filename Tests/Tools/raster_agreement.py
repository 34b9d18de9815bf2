#!/usr/bin/env python3
"""raster_agreement - do two PDFs draw the same pages? (SVG export against the PDF it came from)

Usage: raster_agreement.py EXPECTED.pdf ACTUAL.pdf [--tolerance 64] [--dpi 300] [--cell 6]

Both files are drawn by MuPDF (`mutool draw`) at --dpi in gray; each page is averaged over
--cell x --cell pixel cells (300 dpi / 6 = 50 dpi cells, 0.5 mm) and the pages agree when no cell
differs by more than --tolerance gray levels. Averaging first takes the anti-aliasing of glyph
edges (the PDF's text drawn from fonts, the SVG's from outlines) out of the comparison, while a
missing glyph, rule, image or colour change still moves whole cells. MuPDF places glyphs where
they are (poppler snaps text baselines to whole pixels, which differs from any outline renderer).

Prints one line per page: PASS or FAIL, the largest cell difference and the cells beyond the
tolerance; exits 0 when every page agrees and the page counts and sizes match, 1 otherwise.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image


def pages(pdf, dpi, folder, tag):
    pattern = os.path.join(folder, tag + "-%d.png")
    proc = subprocess.run(["mutool", "draw", "-q", "-r", str(dpi), "-c", "gray", "-o", pattern, pdf],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"raster_agreement: mutool draw failed on {pdf}: {proc.stderr.strip()}")
    names = sorted((f for f in os.listdir(folder) if f.startswith(tag + "-")),
                   key=lambda f: int(f[len(tag) + 1:-4]))
    return [os.path.join(folder, f) for f in names]


def cells(path, size):
    with Image.open(path) as image:
        pixels = np.asarray(image.convert("L"), dtype=np.float64)
    height, width = pixels.shape[0] // size * size, pixels.shape[1] // size * size
    return pixels.shape, pixels[:height, :width].reshape(height // size, size, width // size, size).mean(axis=(1, 3))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("expected")
    parser.add_argument("actual")
    parser.add_argument("--tolerance", type=float, default=64)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--cell", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        expected = pages(args.expected, args.dpi, folder, "expected")
        actual = pages(args.actual, args.dpi, folder, "actual")
        ok = True
        if len(expected) != len(actual):
            print(f"FAIL page_count: {len(expected)} expected, {len(actual)} actual")
            ok = False
        for number, (left, right) in enumerate(zip(expected, actual), start=1):
            (shape_a, a), (shape_b, b) = cells(left, args.cell), cells(right, args.cell)
            if abs(shape_a[0] - shape_b[0]) > 1 or abs(shape_a[1] - shape_b[1]) > 1:
                print(f"FAIL page_{number}: sizes differ, {shape_a[1]}x{shape_a[0]} and {shape_b[1]}x{shape_b[0]} px")
                ok = False
                continue
            height, width = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
            delta = np.abs(a[:height, :width] - b[:height, :width])
            beyond = int((delta > args.tolerance).sum())
            verdict = "PASS" if beyond == 0 else "FAIL"
            ok = ok and beyond == 0
            print(f"{verdict} page_{number}: largest cell difference {delta.max():.0f}, {beyond} cells beyond {args.tolerance:g}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
