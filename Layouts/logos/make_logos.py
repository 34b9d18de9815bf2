#!/usr/bin/env python3
"""Draws the sample logos the bundled themes use (palette PNG with soft transparency, a mark and a
wordmark set in the bundled Noto fonts). Reproducible: same Pillow, same fonts, same bytes.
Replace a theme's logo by pointing its `logo:` at your own PNG or JPEG."""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent.parent / "Fonts"


def logo(name, mark, word, colour, accent, font_file):
    scale = 4
    width, height = 520 * scale, 120 * scale
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    mark(draw, scale, colour, accent)
    font = ImageFont.truetype(str(FONTS / font_file), 64 * scale)
    draw.text((140 * scale, 18 * scale), word, font=font, fill=colour)
    image = image.resize((width // scale, height // scale), Image.LANCZOS)
    # Two flat colours and their anti-aliased edges fit a 32-colour palette with alpha (PNG tRNS):
    # a quarter of the RGBA file's size, and in a PDF one indexed image with a small soft mask.
    image = image.quantize(colors=32, method=Image.Quantize.FASTOCTREE)
    out = HERE / name
    image.save(out, optimize=True)
    print(f"{out} {out.stat().st_size} bytes")


def press_mark(draw, s, colour, accent):
    draw.rounded_rectangle((8 * s, 8 * s, 112 * s, 112 * s), radius=22 * s, fill=colour)
    draw.polygon([(30 * s, 92 * s), (60 * s, 28 * s), (90 * s, 92 * s)], fill=accent)


def harbour_mark(draw, s, colour, accent):
    draw.ellipse((8 * s, 8 * s, 112 * s, 112 * s), fill=colour)
    for row in range(3):
        y = (50 + row * 18) * s
        draw.arc((22 * s, y - 12 * s, 98 * s, y + 12 * s), 200, 340, fill=accent, width=6 * s)


def main():
    logo("brand-logo.png", press_mark, "Northwind", (16, 64, 120, 255), (246, 176, 38, 255), "NotoSans/NotoSans-Bold.ttf")
    logo("harbour-logo.png", harbour_mark, "Harbour", (14, 94, 84, 255), (236, 244, 240, 255), "NotoSerif/NotoSerif-Bold.ttf")


if __name__ == "__main__":
    main()
