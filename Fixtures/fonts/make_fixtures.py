#!/usr/bin/env python3
# Regenerates the font fixtures in Fixtures/fonts/ and the font-* files in Fixtures/broken/,
# byte for byte: fontTools subsets of Debian's fonts-ebgaramond and of the bundled Noto faces.
#
#   apt-get install -y fonts-ebgaramond && pip install fonttools
#   python3 Fixtures/fonts/make_fixtures.py
import logging
import struct
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BROKEN = ROOT / "Fixtures" / "broken"
EBGARAMOND = Path("/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf")
NOTO = ROOT / "Fonts" / "NotoSans"

# Basic Latin, Latin-1 Supplement, Latin Extended-A.
LATIN = list(range(0x20, 0x7F)) + list(range(0xA0, 0x180))
BASIC_LATIN = list(range(0x20, 0x7F))


def subsetted(path: Path, unicodes: list[int]) -> TTFont:
    """A subset keeping every layout feature and every name record (the licence lives in name 13/14)."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = True
    font = TTFont(str(path), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def cff_fixture() -> Path:
    if not EBGARAMOND.exists():
        sys.exit(f"{EBGARAMOND} not found: apt-get install -y fonts-ebgaramond")
    font = subsetted(EBGARAMOND, LATIN)
    assert "CFF " in font, "EB Garamond should have CFF outlines"
    out = HERE / "EBGaramond12-Regular-Latin.otf"
    font.save(str(out))
    # The copyright notice and OFL text, as the font itself carries them (name ID 13).
    licence = font["name"].getDebugName(13) or ""
    assert "SIL Open Font License" in licence, "EB Garamond should be under the SIL OFL"
    (HERE / "EBGaramond-OFL.txt").write_text(licence.strip() + "\n", encoding="utf-8")
    return out


def ttc_fixture() -> Path:
    collection = TTCollection()
    collection.fonts = [subsetted(NOTO / f"NotoSans-{style}.ttf", BASIC_LATIN) for style in ("Regular", "Bold")]
    out = HERE / "NotoSans-RegularBold-Latin.ttc"
    collection.save(str(out), shareTables=True)
    return out


def broken_fixtures(real: Path) -> None:
    """Damaged fonts, each meant to raise one FontError case; names start font- (the images
    fixtures share the folder)."""
    BROKEN.mkdir(parents=True, exist_ok=True)
    data = real.read_bytes()
    (BROKEN / "font-empty.ttf").write_bytes(b"")
    (BROKEN / "font-truncated-2k.ttf").write_bytes(data[:2048])
    (BROKEN / "font-truncated-40pct.ttf").write_bytes(data[: len(data) * 40 // 100])
    # A PNG signature and IHDR chunk start, then junk: a file with the wrong extension.
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(range(256)) * 4
    (BROKEN / "font-not-a-font.ttf").write_bytes(png)

    # Full length, but the table directory sends 'glyf' past the end of the file.
    damaged = bytearray(data)
    tables = struct.unpack_from(">H", damaged, 4)[0]
    for index in range(tables):
        record = 12 + 16 * index
        if damaged[record:record + 4] == b"glyf":
            struct.pack_into(">I", damaged, record + 8, len(data) + 4096)
            break
    else:
        sys.exit("no glyf table in the Noto subset")
    (BROKEN / "font-table-past-end.ttf").write_bytes(bytes(damaged))

    # Every table in place, but the directory has no 'cmap' (its tag is renamed).
    damaged = bytearray(data)
    for index in range(tables):
        record = 12 + 16 * index
        if damaged[record:record + 4] == b"cmap":
            damaged[record:record + 4] = b"cmaX"
            break
    (BROKEN / "font-missing-cmap.ttf").write_bytes(bytes(damaged))


def main() -> None:
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset; dropped"
    cff_fixture()
    ttc_fixture()
    # The broken corpus starts from a real face: the Latin subset of Noto Sans Regular.
    real = subsetted(NOTO / "NotoSans-Regular.ttf", BASIC_LATIN)
    source = BROKEN / ".font-source.ttf"
    BROKEN.mkdir(parents=True, exist_ok=True)
    real.save(str(source))
    try:
        broken_fixtures(source)
    finally:
        source.unlink()


if __name__ == "__main__":
    main()
