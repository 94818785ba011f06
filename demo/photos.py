"""The demo catalog's photos: a generated picture (a gradient and a shape, no text) per product set.

Two renditions each, stored like the staff upload's: a product-page picture and a card.
"""

import colorsys
import io
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageOps

from demo.planner import PHOTOS_PER_SET, SEED
from producers.text import vietnamese_slugify
from products import photos
from products.models import Category

PHOTO_SIZE = (800, 600)
# The card rendition is as wide as an uploaded photo's (products.photos.CARD_SIZE), in 4:3.
CARD_SIZE = (photos.CARD_SIZE, photos.CARD_SIZE * 3 // 4)


def card_name(name: str) -> str:
    """Where the card rendition of the demo photo ``name`` is stored."""
    return name.replace("demo/", "demo/cards/", 1)


def _draw(code: str, index: int) -> Image.Image:
    """The ``index``-th picture of the product set ``code``, the same on every run."""
    rng = random.Random(f"{SEED}:photo:{code}:{index}")
    hue = rng.random()
    dark = tuple(round(c * 255) for c in colorsys.hsv_to_rgb(hue, 0.65, 0.45))
    light = tuple(round(c * 255) for c in colorsys.hsv_to_rgb((hue + 0.08) % 1, 0.35, 0.95))
    gradient = Image.linear_gradient("L").rotate(rng.choice((0, 45, 90, 135))).resize(PHOTO_SIZE)
    image = ImageOps.colorize(gradient, dark, light)
    draw = ImageDraw.Draw(image)
    accent = tuple(round(c * 255) for c in colorsys.hsv_to_rgb((hue + 0.5) % 1, 0.5, 0.9))
    width, height = PHOTO_SIZE
    box = (width * 0.3, height * 0.2, width * 0.7, height * 0.85)
    shape = (index + len(code)) % 3
    if shape == 0:
        draw.ellipse(box, fill=accent, outline=light, width=8)
    elif shape == 1:
        draw.rounded_rectangle(box, radius=40, fill=accent, outline=light, width=8)
    else:
        draw.polygon([(width / 2, height * 0.15), box[2:], (box[0], box[3])], fill=accent)
    return image


def ensure_photos() -> dict[str, list[str]]:
    """The stored names of the pictures of each product set; only missing ones are written."""
    names: dict[str, list[str]] = {}
    codes = Category.objects.filter(level=Category.Level.SET).values_list("code", flat=True)
    for code in codes:
        names[code] = []
        for index in range(PHOTOS_PER_SET):
            name = f"demo/ocop-{vietnamese_slugify(code)}-{index + 1}.jpg"
            names[code].append(name)
            if default_storage.exists(name) and default_storage.exists(card_name(name)):
                continue
            image = _draw(code, index)
            for path, size in ((name, PHOTO_SIZE), (card_name(name), CARD_SIZE)):
                buffer = io.BytesIO()
                image.resize(size, Image.Resampling.LANCZOS).save(buffer, "JPEG", quality=80, optimize=True)
                default_storage.delete(path)
                default_storage.save(path, ContentFile(buffer.getvalue()))
    return names
