#!/usr/bin/env python3
"""Draws Fixtures/logos/pressroom-logo.png: an RGBA logo with soft (anti-aliased) transparency,
used by the specimen and tests. Reproducible: same Pillow, same bytes."""
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent / "pressroom-logo.png"


def main():
    size = 240
    image = Image.new("RGBA", (size * 2, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, size - 8, size - 8), radius=40, fill=(22, 78, 140, 255))
    draw.polygon([(60, 180), (120, 56), (180, 180)], fill=(250, 190, 40, 255))
    draw.ellipse((size - 40, 40, size + 120, 200), fill=(200, 30, 60, 140))
    for step in range(10):
        draw.rectangle((size + 140 + step * 20, 60, size + 156 + step * 20, 180), fill=(22, 78, 140, 255 - step * 24))
    image = image.resize((size, size // 2), Image.LANCZOS)
    image.save(OUT, optimize=True)
    print(f"{OUT} {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
