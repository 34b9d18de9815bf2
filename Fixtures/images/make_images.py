#!/usr/bin/env python3
# Generates the image fixtures in Fixtures/images/ and the broken corpus in Fixtures/broken/.
# PNGs are written chunk by chunk (zlib + struct) so every colour type, bit depth, tRNS and Adam7 case is exact;
# Pillow then decodes each PNG and must agree with the pattern formulas below (the Swift tests use the same ones).
# Run once from the repository root: python3 Fixtures/images/make_images.py  (needs Pillow for JPEGs and checking).
import os
import random
import struct
import zlib

from PIL import Image, ImageCms

HERE = os.path.dirname(os.path.abspath(__file__))
BROKEN = os.path.join(os.path.dirname(HERE), "broken")
SIZE = 16


# --- pattern formulas (mirrored in Tests/PressroomPDFTests/ImageFixturePattern.swift) -------------------------

def sample(x, y, c, bits):
    """Sample of channel c at (x, y) for a given bit depth; varies in both bytes at 16 bits."""
    v = x * 7 + y * 13 + c * 50
    if bits == 16:
        return (v * 251) % 65536
    return v % (1 << bits)


def palette_entry(i):
    return ((i * 37) % 256, (i * 91) % 256, 255 - i)


def palette_index(x, y, count):
    return (x + y * 3) % count


def palette_alpha(i):
    """tRNS alpha for palette index i; the tRNS chunk holds only the first count // 2 + 1 entries."""
    return (i * 67) % 256


# --- PNG writer ---------------------------------------------------------------------------------------------

def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(samples, bits):
    if bits == 8:
        return bytes(samples)
    if bits == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, used = bytearray(), 0, 0
    for s in samples:
        acc = (acc << bits) | s
        used += bits
        if used == 8:
            out.append(acc)
            acc, used = 0, 0
    if used:
        out.append(acc << (8 - used))
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def png(width, height, colour_type, bits, pixel, extra=b"", interlace=False, palette=None, trns=None):
    """pixel(x, y) -> tuple of samples. Rows use filter type 0 except every third row, which uses Sub (1)."""
    raw = bytearray()
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for (x0, y0, dx, dy) in passes:
        xs = list(range(x0, width, dx))
        if not xs:
            continue
        for y in range(y0, height, dy):
            row = pack_row([s for x in xs for s in pixel(x, y)], bits)
            if y % 3 == 2:
                bpp = max(1, (bits * len(pixel(0, 0))) // 8)
                sub = bytes((row[i] - (row[i - bpp] if i >= bpp else 0)) & 0xFF for i in range(len(row)))
                raw += b"\x01" + sub
            else:
                raw += b"\x00" + row
    ihdr = struct.pack(">IIBBBBB", width, height, bits, colour_type, 0, 0, 1 if interlace else 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra
    if palette is not None:
        data += chunk(b"PLTE", b"".join(bytes(p) for p in palette))
    if trns is not None:
        data += chunk(b"tRNS", trns)
    compressed = zlib.compress(bytes(raw), 9)
    half = len(compressed) // 2  # two IDAT chunks: the stream spans chunks
    data += chunk(b"IDAT", compressed[:half]) + chunk(b"IDAT", compressed[half:]) + chunk(b"IEND", b"")
    return data


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    os.makedirs(BROKEN, exist_ok=True)
    made = {}

    # Grey 1/2/4/8/16.
    for bits in (1, 2, 4, 8, 16):
        made[f"gray{bits}.png"] = png(SIZE, SIZE, 0, bits, lambda x, y, b=bits: (sample(x, y, 0, b),))
    # RGB 8/16.
    for bits in (8, 16):
        made[f"rgb{bits}.png"] = png(SIZE, SIZE, 2, bits, lambda x, y, b=bits: tuple(sample(x, y, c, b) for c in range(3)))
    # Palette 1/2/4/8 (the 8-bit palette has 200 of 256 possible entries), with and without tRNS.
    for bits in (1, 2, 4, 8):
        count = 200 if bits == 8 else 1 << bits
        pal = [palette_entry(i) for i in range(count)]
        pix = lambda x, y, n=count: (palette_index(x, y, n),)
        made[f"palette{bits}.png"] = png(SIZE, SIZE, 3, bits, pix, palette=pal)
        trns = bytes(palette_alpha(i) for i in range(count // 2 + 1))
        made[f"palette{bits}_trns.png"] = png(SIZE, SIZE, 3, bits, pix, palette=pal, trns=trns)
    # Grey + alpha and RGBA 8/16; an RGBA whose alpha is all 255 (must come back with alpha == nil).
    for bits in (8, 16):
        made[f"gray_alpha{bits}.png"] = png(SIZE, SIZE, 4, bits, lambda x, y, b=bits: (sample(x, y, 0, b), sample(x, y, 1, b)))
        made[f"rgba{bits}.png"] = png(SIZE, SIZE, 6, bits, lambda x, y, b=bits: tuple(sample(x, y, c, b) for c in range(4)))
    made["rgba8_opaque.png"] = png(SIZE, SIZE, 6, 8, lambda x, y: tuple(sample(x, y, c, 8) for c in range(3)) + (255,))
    # tRNS colour keys on grey and RGB: the key is the sample at (1, 0).
    for name, ct, bits, ch in (("gray2_trns.png", 0, 2, 1), ("gray8_trns.png", 0, 8, 1),
                               ("rgb8_trns.png", 2, 8, 3), ("rgb16_trns.png", 2, 16, 3)):
        key = [sample(1, 0, c, bits) for c in range(ch)]
        made[name] = png(SIZE, SIZE, ct, bits, lambda x, y, b=bits, n=ch: tuple(sample(x, y, c, b) for c in range(n)),
                         trns=b"".join(struct.pack(">H", k) for k in key))
    # Adam7 interlaced, odd sizes so partial passes and partial bytes occur.
    made["rgb8_interlaced.png"] = png(13, 11, 2, 8, lambda x, y: tuple(sample(x, y, c, 8) for c in range(3)), interlace=True)
    made["gray1_interlaced.png"] = png(13, 11, 0, 1, lambda x, y: (sample(x, y, 0, 1),), interlace=True)
    # iCCP with Little CMS's sRGB profile.
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    # Deterministic output: fixed creation date (ICC.1 header bytes 24-35), profile ID zero ("not computed").
    icc = icc[:24] + struct.pack(">6H", 2024, 1, 1, 0, 0, 0) + icc[36:84] + bytes(16) + icc[100:]
    iccp = chunk(b"iCCP", b"sRGB\x00\x00" + zlib.compress(icc, 9))
    made["rgb8_iccp.png"] = png(SIZE, SIZE, 2, 8, lambda x, y: tuple(sample(x, y, c, 8) for c in range(3)), extra=iccp)
    write(os.path.join(HERE, "srgb.icc"), icc)
    # An ancillary chunk with a wrong CRC must only warn.
    text = chunk(b"tEXt", b"Comment\x00bad crc")
    text = text[:-4] + bytes(b ^ 0xFF for b in text[-4:])
    made["rgb8_bad_text_crc.png"] = png(SIZE, SIZE, 2, 8, lambda x, y: tuple(sample(x, y, c, 8) for c in range(3)), extra=text)

    for name, data in made.items():
        write(os.path.join(HERE, name), data)

    # Cross-check with Pillow: decoded samples equal the formulas.
    for name in made:
        if name == "rgb8_bad_text_crc.png":
            continue  # Pillow refuses any chunk with a bad CRC; libpng only warns for ancillary ones
        im = Image.open(os.path.join(HERE, name))
        im.load()
        w, h = im.size
        for (x, y) in ((0, 0), (1, 0), (5, 3), (w - 1, h - 1)):
            px = im.getpixel((x, y))
            if name.startswith("palette"):
                bits = int(name[7])
                count = 200 if bits == 8 else 1 << bits
                assert px == palette_index(x, y, count), (name, x, y, px)
            elif name.startswith("gray") and "alpha" not in name and im.mode in ("1", "L", "I", "I;16", "I;16B"):
                bits = 16 if "16" in name else int(name[4])
                got = px
                want = sample(x, y, 0, bits)
                if im.mode == "1":
                    got = 1 if px else 0
                elif im.mode == "L" and bits < 8:
                    want = want * 255 // ((1 << bits) - 1)
                assert got == want, (name, x, y, px, want, im.mode)
            elif im.mode in ("RGB", "RGBA") and "16" not in name:
                n = 3 if im.mode == "RGB" else 4
                want = tuple(sample(x, y, c, 8) for c in range(n))
                if name == "rgba8_opaque.png":
                    want = want[:3] + (255,)
                assert px == want, (name, x, y, px, want)
            elif im.mode == "LA":
                assert px == (sample(x, y, 0, 8), sample(x, y, 1, 8)), (name, px)

    # JPEGs: grey, RGB baseline, RGB progressive, RGB with ICC, CMYK (Pillow writes Adobe APP14, inverted).
    def gradient(mode):
        im = Image.new("RGB", (SIZE, SIZE))
        im.putdata([(x * 16, y * 16, 128) for y in range(SIZE) for x in range(SIZE)])
        return im.convert(mode)
    gradient("L").save(os.path.join(HERE, "gray.jpg"), quality=90)
    gradient("RGB").save(os.path.join(HERE, "rgb.jpg"), quality=90)
    gradient("RGB").save(os.path.join(HERE, "rgb_progressive.jpg"), quality=90, progressive=True)
    gradient("RGB").save(os.path.join(HERE, "rgb_icc.jpg"), quality=90, icc_profile=icc)
    gradient("CMYK").save(os.path.join(HERE, "cmyk.jpg"), quality=90)

    # Broken corpus.
    good = made["rgb8.png"]
    idat = good.index(b"IDAT")
    write(os.path.join(BROKEN, "truncated.png"), good[: idat + 20])
    bad = bytearray(good)
    bad[idat + 4] ^= 0x01  # first byte of the first IDAT's data; CRC now wrong
    write(os.path.join(BROKEN, "bad_crc_idat.png"), bytes(bad))
    bad = bytearray(good)
    bad[8 + 8 + 13] ^= 0xFF  # first byte of IHDR's CRC
    write(os.path.join(BROKEN, "bad_crc_ihdr.png"), bytes(bad))
    huge = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 6, 0, 0, 0))
    huge += chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    write(os.path.join(BROKEN, "huge.png"), huge)
    badihdr = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 4, 2, 0, 0, 0))  # RGB at 4 bits
    badihdr += chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b"")
    write(os.path.join(BROKEN, "bad_bit_depth.png"), badihdr)
    write(os.path.join(BROKEN, "empty.png"), b"")
    jpeg = open(os.path.join(HERE, "rgb.jpg"), "rb").read()
    write(os.path.join(BROKEN, "truncated.jpg"), jpeg[: len(jpeg) // 2])
    rng = random.Random(20240601)
    noise = bytes(rng.randrange(256) for _ in range(512))
    write(os.path.join(BROKEN, "random.bin"), b"\x00" + noise[1:])
    jfif = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    write(os.path.join(BROKEN, "garbage.jpg"), b"\xff\xd8" + jfif + b"\xff\x00" + noise[:200])  # FF00 is no marker


if __name__ == "__main__":
    main()
