#!/usr/bin/python3
"""Makes the tiny test images of ImageDecodingTest and stores the values Pillow decodes from them.

Run from the repository root (the build never runs it; its outputs are checked in):

    /usr/bin/python3 augment-core/src/test/resources/dev/augment/data/decoding/make_decoding_images.py

Needs Pillow (Debian: apt-get install python3-pil; made with Pillow 9.4.0 and libjpeg62-turbo 2.1.5) and
ImageMagick's convert (6.9.11) for the one YCCK JPEG.

PNGs are written by the small encoder below, so that every colour type and bit depth of the PNG
specification can be made exactly (Pillow cannot write 2/4-bit grey or 16-bit colour): grey 1/2/4/8/16,
grey + alpha 8/16, RGB 8/16, RGBA 8/16, palette 1/2/4/8 with grey and with colour palettes, tRNS on
grey, RGB and palette images, and Adam7 interlacing. JPEGs are written by Pillow (libjpeg): baseline
grey, baseline YCbCr with 4:2:0, 4:2:2 and 4:4:4 subsampling, progressive grey and YCbCr, and CMYK;
ImageMagick writes a YCCK JPEG (Adobe transform 2, as Photoshop writes CMYK). A JPEG and a 21x13 PNG carry
an embedded (LittleCMS sRGB) colour profile, as camera and editor files do, and one JPEG a profile other than
sRGB (Java's linear RGB, linear-rgb.icc, standing for a camera's Adobe RGB).

Every image is then decoded by Pillow (Image.open) and converted to 8-bit samples by the rules augment
documents (datasets/README.md), which are Pillow's:
- grey images (PNG colour types 0 and 4, palette PNGs whose every palette entry has R = G = B, and
  one-component JPEGs) give one channel; every other image gives three (R, G, B);
- alpha and tRNS transparency are dropped (Pillow's convert('RGB') / convert('L'), no compositing);
- palettes are expanded to their colours;
- 16-bit samples keep their high byte (v >> 8), as Pillow does when it opens 16-bit RGB, RGBA and
  grey + alpha PNGs; 16-bit grey, which Pillow opens as 32-bit integer mode I, is shifted the same way;
- 1, 2 and 4-bit grey are scaled to 0..255 (x 255, 85, 17), as Pillow does;
- CMYK and YCCK JPEGs give RGB by Pillow's convert('RGB') (Adobe's inverted convention assumed).

The values go to <image>.txt next to each image:

    # comment lines
    channels C height H width W
    then C * H lines of W integers 0..255: channel 0 rows top to bottom, then channel 1, ...
"""

import os
import random
import struct
import subprocess
import sys
import zlib

import PIL
from PIL import Image, ImageCms

HERE = os.path.dirname(os.path.abspath(__file__))
WIDTH, HEIGHT = 7, 5


# ----------------------------------------------------------------------------------------------- PNG

def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def scanline(samples, bit_depth):
    """Packs one row of samples (flat, channels interleaved) into bytes, MSB first."""
    if bit_depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if bit_depth == 8:
        return bytes(samples)
    out = bytearray()
    per_byte = 8 // bit_depth
    for i in range(0, len(samples), per_byte):
        byte = 0
        group = samples[i:i + per_byte]
        for j, s in enumerate(group):
            byte |= s << (8 - bit_depth * (j + 1))
        out.append(byte)
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def write_png(name, rows, colour_type, bit_depth, palette=None, trns=None, interlace=False):
    """rows: HEIGHT lists of WIDTH pixels, each a tuple of samples (one per channel)."""
    height, width = len(rows), len(rows[0])
    raw = bytearray()
    if interlace:
        for x0, y0, dx, dy in ADAM7:
            xs = range(x0, width, dx)
            if not xs:
                continue
            for y in range(y0, height, dy):
                raw.append(0)
                raw += scanline([s for x in xs for s in rows[y][x]], bit_depth)
    else:
        for row in rows:
            raw.append(0)  # filter type None
            raw += scanline([s for pixel in row for s in pixel], bit_depth)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0,
                                      1 if interlace else 0))
    if palette is not None:
        png += chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    if trns is not None:
        png += chunk(b"tRNS", trns)
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9))
    png += chunk(b"IEND", b"")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(png)
    return name


def pixels(rng, channels, maximum):
    return [[tuple(rng.randint(0, maximum) for _ in range(channels)) for _ in range(WIDTH)]
            for _ in range(HEIGHT)]


def make_pngs(rng):
    names = []
    for bits in (1, 2, 4, 8, 16):
        names.append(write_png(f"grey-{bits}.png", pixels(rng, 1, (1 << bits) - 1), 0, bits))
    names.append(write_png("grey-1-interlaced.png", pixels(rng, 1, 1), 0, 1, interlace=True))
    names.append(write_png("grey-8-trns.png", pixels(rng, 1, 255), 0, 8, trns=struct.pack(">H", 0)))
    names.append(write_png("grey-2-trns.png", pixels(rng, 1, 3), 0, 2, trns=struct.pack(">H", 1)))
    names.append(write_png("grey-16-trns.png", pixels(rng, 1, 65535), 0, 16, trns=struct.pack(">H", 0)))
    for bits in (8, 16):
        names.append(write_png(f"grey-alpha-{bits}.png", pixels(rng, 2, (1 << bits) - 1), 4, bits))
        names.append(write_png(f"rgb-{bits}.png", pixels(rng, 3, (1 << bits) - 1), 2, bits))
        names.append(write_png(f"rgba-{bits}.png", pixels(rng, 4, (1 << bits) - 1), 6, bits))
    names.append(write_png("rgb-8-interlaced.png", pixels(rng, 3, 255), 2, 8, interlace=True))
    names.append(write_png("rgb-8-trns.png", pixels(rng, 3, 255), 2, 8, trns=struct.pack(">HHH", 0, 0, 0)))
    names.append(write_png("rgb-16-trns.png", pixels(rng, 3, 65535), 2, 16,
                           trns=struct.pack(">HHH", 0, 0, 0)))
    for bits in (1, 2, 4, 8):
        size = 1 << bits
        grey = [(v, v, v) for v in (rng.randint(0, 255) for _ in range(size))]
        colour = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(size)]
        names.append(write_png(f"palette-{bits}-grey.png", pixels(rng, 1, size - 1), 3, bits, palette=grey))
        names.append(write_png(f"palette-{bits}-colour.png", pixels(rng, 1, size - 1), 3, bits, palette=colour))
    short = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(5)]
    names.append(write_png("palette-8-short.png", pixels(rng, 1, 4), 3, 8, palette=short))
    colour = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(16)]
    names.append(write_png("palette-4-trns.png", pixels(rng, 1, 15), 3, 4, palette=colour,
                           trns=bytes([0, 128, 255])))
    grey = [(v, v, v) for v in range(0, 256)]
    names.append(write_png("palette-8-grey-trns.png", pixels(rng, 1, 255), 3, 8, palette=grey,
                           trns=bytes([0])))
    names.append(write_png("palette-2-grey-interlaced.png", pixels(rng, 1, 3), 3, 2,
                           palette=[(0, 0, 0), (90, 90, 90), (180, 180, 180), (255, 255, 255)], interlace=True))
    return names


# ---------------------------------------------------------------------------------------------- JPEG

def photo(rng, width, height):
    """A smooth colour picture with some noise, so that every subsampling and IDCT path matters."""
    image = Image.new("RGB", (width, height))
    for y in range(height):
        for x in range(width):
            image.putpixel((x, y), (min(255, 20 + 14 * x + rng.randint(0, 20)),
                                    min(255, 200 - 11 * y + rng.randint(0, 20)),
                                    min(255, 60 + 6 * (x + y) + rng.randint(0, 40))))
    return image


def make_jpegs(rng):
    picture = photo(rng, 21, 13)
    grey = picture.convert("L")
    cases = [
        ("jpeg-grey.jpg", grey, dict(quality=90)),
        ("jpeg-grey-progressive.jpg", grey, dict(quality=90, progressive=True)),
        ("jpeg-420.jpg", picture, dict(quality=90, subsampling=2)),
        ("jpeg-422.jpg", picture, dict(quality=90, subsampling=1)),
        ("jpeg-444.jpg", picture, dict(quality=90, subsampling=0)),
        ("jpeg-420-progressive.jpg", picture, dict(quality=75, subsampling=2, progressive=True)),
        ("jpeg-444-progressive.jpg", picture, dict(quality=95, subsampling=0, progressive=True)),
    ]
    names = []
    for name, image, options in cases:
        image.save(os.path.join(HERE, name), "JPEG", **options)
        names.append(name)
    # Camera and editor files carry a colour profile; decoders must not apply it (Pillow's Image.open does not).
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture.save(os.path.join(HERE, "jpeg-420-icc.jpg"), "JPEG", quality=90, subsampling=2, icc_profile=profile)
    names.append("jpeg-420-icc.jpg")
    picture.save(os.path.join(HERE, "rgb-8-icc.png"), "PNG", icc_profile=profile)
    names.append("rgb-8-icc.png")
    # A profile other than sRGB, as cameras' Adobe RGB: Java's reader converted it to sRGB, Pillow does not (6 Dec).
    # linear-rgb.icc is Java's built-in CS_LINEAR_RGB profile (ICC_Profile.getInstance(CS_LINEAR_RGB).getData()).
    with open(os.path.join(HERE, "linear-rgb.icc"), "rb") as f:
        linear = f.read()
    picture.save(os.path.join(HERE, "jpeg-420-linear-icc.jpg"), "JPEG", quality=90, subsampling=2,
                 icc_profile=linear)
    names.append("jpeg-420-linear-icc.jpg")
    picture.convert("CMYK").save(os.path.join(HERE, "jpeg-cmyk.jpg"), "JPEG", quality=90)
    names.append("jpeg-cmyk.jpg")
    # Pillow cannot write YCCK (Adobe transform 2), the kind Photoshop writes; ImageMagick does.
    subprocess.run(["convert", os.path.join(HERE, "jpeg-444.jpg"), "-colorspace", "CMYK",
                    os.path.join(HERE, "jpeg-ycck.jpg")], check=True)
    names.append("jpeg-ycck.jpg")
    return names


# ----------------------------------------------------------------------------------- expected values

def source_is_grey(path, image):
    """Grey by what the file holds, not by Pillow's mode (Pillow 9.4 opens 16-bit grey + alpha as RGBA)."""
    with open(path, "rb") as f:
        head = f.read(26)
    if head.startswith(b"\x89PNG"):
        colour_type = head[25]
        if colour_type in (0, 4):
            return True
        if colour_type == 3:
            palette = image.getpalette()
            return all(palette[i] == palette[i + 1] == palette[i + 2] for i in range(0, len(palette), 3))
        return False
    return image.mode == "L"  # a one-component JPEG


def decoded_planes(path, image):
    """Pillow's decoded values as 8-bit planes, by the rules in the module documentation."""
    width, height = image.size
    if image.mode in ("I", "I;16", "I;16B"):
        return [[v >> 8 for v in image.getdata()]], width, height
    if source_is_grey(path, image):
        if image.mode in ("RGB", "RGBA"):
            rgb = list(image.getdata())
            assert all(p[0] == p[1] == p[2] for p in rgb), path
            return [[p[0] for p in rgb]], width, height
        return [list(image.convert("L").getdata())], width, height
    rgb = list(image.convert("RGB").getdata())
    return [[p[c] for p in rgb] for c in range(3)], width, height


def write_expected(name):
    path = os.path.join(HERE, name)
    with Image.open(path) as image:
        image.load()
        mode = image.mode
        planes, width, height = decoded_planes(path, image)
    lines = [f"# {name}: decoded by Pillow {PIL.__version__} (mode {mode}); see make_decoding_images.py",
             f"channels {len(planes)} height {height} width {width}"]
    for plane in planes:
        for y in range(height):
            lines.append(" ".join(str(v) for v in plane[y * width:(y + 1) * width]))
    with open(os.path.join(HERE, name + ".txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    rng = random.Random(15)
    names = make_pngs(rng) + make_jpegs(rng)
    for name in names:
        write_expected(name)
    print(f"wrote {len(names)} images and their expected values with Pillow {PIL.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
