#!/usr/bin/env python3
"""Reads OMR marks back from a PDF's rendered pages, as an inserter's reader would.

Usage: inserter_read.py FILE.pdf --top MM --pitch MM --positions N --inset MM --length MM
                   [--side left|right] [--trim-x MM] [--trim-y MM] [--dpi 200] [--pages 1,3,...]
                   [--dm-x MM --dm-y MM --dm-size MM]

Each page is rendered gray by pdftoppm. The reader looks along the track (a band in the middle
of the bars' length, at the profile's inset from the trim's edge) for the first dark run from the
top: the benchmark, which must sit at the first position (within 0.6 mm) or the page is reported
unreadable. From it, each position 1..N is read at its pitch: dark (mean under 96 of 255 over
0.3 mm rows) is a mark. With --dm-*, the square at (x, y) from the trim's corner, `size` wide,
is rendered at 300 dpi and decoded by dmtxread (libdmtx) as "datamatrix". Prints one JSON
object per page: {"page": n, "bits": [0/1, ...], "datamatrix": "..."} or {"page": n, "error":
"..."}. Exits 1 if any page was unreadable.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import pathlib


def read_pgm(path):
    data = pathlib.Path(path).read_bytes()
    parts = []
    index = 0
    while len(parts) < 4:
        while data[index:index + 1].isspace():
            index += 1
        if data[index:index + 1] == b"#":
            while data[index:index + 1] != b"\n":
                index += 1
            continue
        start = index
        while not data[index:index + 1].isspace():
            index += 1
        parts.append(data[start:index])
    index += 1
    if parts[0] != b"P5" or int(parts[3]) != 255:
        raise ValueError(f"{path}: not an 8-bit PGM")
    width, height = int(parts[1]), int(parts[2])
    return width, height, data[index:index + width * height]


def read_datamatrix(args, page, folder):
    """The Data Matrix in its square on `page`, decoded; "" when none is found."""
    dpi = 300
    scale = dpi / 25.4
    x, y = (args.trim_x + args.dm_x - 1) * scale, (args.trim_y + args.dm_y - 1) * scale
    side = (args.dm_size + 2) * scale
    stem = f"{folder}/dm{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), "-x", str(int(x)), "-y", str(int(y)),
                    "-W", str(int(side)), "-H", str(int(side)), "-singlefile", args.pdf, stem], check=True)
    result = subprocess.run(["dmtxread", "-N1", "-m", "3000", f"{stem}.png"], capture_output=True, text=True)
    return result.stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("--top", type=float, required=True)
    parser.add_argument("--pitch", type=float, required=True)
    parser.add_argument("--positions", type=int, required=True)
    parser.add_argument("--inset", type=float, required=True)
    parser.add_argument("--length", type=float, required=True)
    parser.add_argument("--side", choices=["left", "right"], default="left")
    parser.add_argument("--trim-x", type=float, default=15.0, help="the trim's left edge on the page, mm")
    parser.add_argument("--trim-y", type=float, default=15.0, help="the trim's top edge on the page, mm")
    parser.add_argument("--trim-width", type=float, default=210.0)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--pages", default="")
    parser.add_argument("--dm-x", type=float)
    parser.add_argument("--dm-y", type=float)
    parser.add_argument("--dm-size", type=float)
    args = parser.parse_args()

    pages = [int(p) for p in args.pages.split(",") if p] or None
    scale = args.dpi / 25.4
    bad = False
    with tempfile.TemporaryDirectory() as folder:
        command = ["pdftoppm", "-r", str(args.dpi), "-gray", args.pdf, f"{folder}/p"]
        subprocess.run(command, check=True)
        files = sorted(pathlib.Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[-1]))
        for file in files:
            number = int(file.stem.split("-")[-1])
            if pages and number not in pages:
                continue
            width, height, pixels = read_pgm(file)
            if args.side == "left":
                x0 = args.trim_x + args.inset
            else:
                x0 = args.trim_x + args.trim_width - args.inset - args.length
            band = range(int((x0 + args.length * 0.3) * scale), int((x0 + args.length * 0.7) * scale))

            def row_mean(y):
                return sum(pixels[y * width + x] for x in band) / len(band)

            start = int((args.trim_y + args.top - 6) * scale)
            end = int((args.trim_y + args.top + args.pitch * args.positions + 6) * scale)
            benchmark = next((y for y in range(start, end) if row_mean(y) < 96), None)
            if benchmark is None:
                print(json.dumps({"page": number, "error": "no benchmark mark found"}))
                bad = True
                continue
            run_end = benchmark
            while run_end < end and row_mean(run_end) < 96:
                run_end += 1
            centre_mm = (benchmark + run_end) / 2 / scale - args.trim_y
            if abs(centre_mm - args.top) > 0.6:
                print(json.dumps({"page": number, "error": f"the first mark is at {centre_mm:.2f} mm, not {args.top} mm"}))
                bad = True
                continue
            bits = []
            for position in range(args.positions):
                y_mm = centre_mm + position * args.pitch
                rows = range(int((y_mm - 0.15) * scale + args.trim_y * scale), int((y_mm + 0.15) * scale + args.trim_y * scale) + 1)
                mean = sum(row_mean(y) for y in rows) / len(rows)
                bits.append(1 if mean < 96 else 0)
            result = {"page": number, "bits": bits}
            if args.dm_size:
                result["datamatrix"] = read_datamatrix(args, number, folder)
            print(json.dumps(result))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
