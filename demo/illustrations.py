"""The demo posts' featured images: abstract, calm illustrations drawn with Pillow, so the demo
needs no downloads and no image files in the repository."""

import io
import math
import random

from PIL import Image, ImageDraw

PALETTES = {
    "rose": ((250, 228, 228), (214, 120, 134)),
    "sage": ((226, 238, 229), (92, 140, 112)),
    "sand": ((246, 237, 222), (181, 140, 88)),
    "sky": ((225, 238, 248), (74, 128, 176)),
    "lilac": ((236, 231, 247), (132, 108, 186)),
    "peach": ((252, 235, 222), (221, 135, 96)),
}


def draw_illustration(palette: str, motif: str, seed: str, size=(1600, 1000)) -> bytes:
    """An abstract, calm illustration drawn with Pillow (no downloads), as a JPEG."""
    background, ink = PALETTES.get(palette, PALETTES["sage"])
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):  # a soft vertical gradient
        t = y / height
        row = tuple(round(b * (1 - 0.12 * t) + 255 * 0.12 * t) for b in background)
        draw.line([(0, y), (width, y)], fill=row)
    soft = tuple(round((b + i) / 2) for b, i in zip(background, ink, strict=True))
    if motif == "dots":
        for _ in range(900):
            x, y, r = rng.randrange(width), rng.randrange(height), rng.choice((3, 4, 6, 8))
            draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice((ink, soft)))
    elif motif == "waves":
        for band in range(14):
            points = [
                (x, height * band / 13 + 40 * math.sin(x / 140 + band * 0.7))
                for x in range(0, width + 20, 20)
            ]
            draw.line(points, fill=ink if band % 3 == 0 else soft, width=6)
    elif motif == "rings":
        for _ in range(14):
            x, y = rng.randrange(width), rng.randrange(height)
            for r in range(40, 360, 45):
                draw.ellipse([x - r, y - r, x + r, y + r], outline=soft, width=4)
            draw.ellipse([x - 18, y - 18, x + 18, y + 18], fill=ink)
    else:
        step = 80
        for x in range(0, width, step):
            draw.line([(x, 0), (x, height)], fill=soft, width=3)
        for y in range(0, height, step):
            draw.line([(0, y), (width, y)], fill=soft, width=3)
        for _ in range(30):
            x, y = rng.randrange(0, width, step), rng.randrange(0, height, step)
            draw.rectangle([x + 8, y + 8, x + step - 8, y + step - 8], fill=ink)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()
