#!/usr/bin/env python3
"""Checks, from Ghostscript's separations (tiffsep), that text prints on the black plate alone.

Renders page 1 of a PDF into one 8-bit plate per ink at 72 dpi, finds the words of the text
(pdftotext -bbox; the slug line is text too), and looks at every pixel inside
those words where the black plate carries ink (at least 50 %): the cyan, magenta and yellow plates
must carry at most 12 % there (a table's tinted stripe may lie under the text; rich black would
show 40-70 %). Prints a JSON summary; exits 1 when text is found on another plate.

    separation_check.py FILE.pdf [--min-words N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import numpy
from PIL import Image


def plates(pdf, folder):
    out = os.path.join(folder, "sep.tif")
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r72", "-dFirstPage=1",
                    "-dLastPage=1", "-sOutputFile=" + out, pdf], check=True)
    found = {}
    for name in os.listdir(folder):
        if name.startswith("sep(") and name.endswith(").tif"):
            # tiffsep writes each plate as a gray image of the ink (255 paper, 0 full ink): turned
            # into coverage here, 0 none to 255 full.
            found[name[4:-5]] = 255 - numpy.asarray(Image.open(os.path.join(folder, name)).convert("L"), dtype=numpy.int32)
    return found


def words(pdf, folder):
    out = os.path.join(folder, "words.html")
    subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, out], check=True)
    text = open(out, encoding="utf-8").read()
    root = ET.fromstring(text[text.index("<doc>"):text.index("</doc>") + 6]) if "<doc>" in text else None
    boxes = []
    for word in (root.iter("word") if root is not None else []):
        boxes.append(tuple(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")) + (word.text or "",))
    return boxes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("--min-words", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        inks = plates(args.pdf, folder)
        black = inks.get("Black")
        if black is None:
            print(json.dumps({"error": "no black plate", "plates": sorted(inks)}))
            return 1
        boxes = words(args.pdf, folder)
        inked = 0
        problems = []
        for x0, y0, x1, y1, text in boxes:
            region = (slice(int(y0), int(y1) + 1), slice(int(x0), int(x1) + 1))
            mask = black[region] >= 128
            inked += int(mask.sum())
            for ink in ("Cyan", "Magenta", "Yellow"):
                plate = inks.get(ink)
                if plate is None or not mask.any():
                    continue
                worst = int(plate[region][mask].max())
                if worst > 31:
                    problems.append(f"{text!r} at ({x0:.0f}, {y0:.0f}) has {worst * 100 // 255} % {ink.lower()}")
        summary = {"plates": sorted(inks), "words": len(boxes), "black_text_pixels": inked, "problems": problems[:20]}
        print(json.dumps(summary, ensure_ascii=False))
        if len(boxes) < args.min_words or inked == 0:
            print(f"too little text read: {len(boxes)} words", file=sys.stderr)
            return 1
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
