"""Product photos: uploads judged by content, size-checked before decoding, re-encoded without metadata.

An upload is accepted only if its first bytes say JPEG, PNG or WebP *and* Pillow agrees; its
pixel count is read from the header and checked before any pixel is decoded. What is stored is
never the uploaded file: it is decoded and written again as JPEG, which drops EXIF (GPS
included), colour-profile tricks and anything appended after the image data. File names are
random and chosen here.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
# A 1 × 39,999,999 strip is under MAX_PIXELS yet costs seconds and a gigabyte to resize.
MAX_SIDE = 12_000
MAX_PHOTOS_PER_PRODUCT = 30
# What one save (one request) may decode, summed over its photos (issue 9, finding 3).
MAX_PIXELS_PER_SAVE = 60_000_000
# Pillow refuses anything above twice this with DecompressionBombError and warns above it; the
# header check below refuses above MAX_PIXELS before Pillow gets that far.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ImageFile.LOAD_TRUNCATED_IMAGES = False

# (longest side in pixels, JPEG quality) for each stored rendition.
PAGE_SIZE = 1600
CARD_SIZE = 480
QUALITY = 85

_SIGNATURES = {
    "JPEG": (b"\xff\xd8\xff",),
    "PNG": (b"\x89PNG\r\n\x1a\n",),
}


def sniff_format(head: bytes) -> str | None:
    """The image format the first bytes announce (JPEG, PNG or WEBP), or None."""
    for name, prefixes in _SIGNATURES.items():
        if head.startswith(prefixes):
            return name
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


@dataclass
class PixelBudget:
    """The pixels one request may still decode; every photo of the request spends from it."""

    remaining: int = MAX_PIXELS_PER_SAVE

    def spend(self, pixels: int) -> None:
        if pixels > self.remaining:
            raise ValidationError(
                _(
                    "The photos of one save have more than 60 megapixels together. "
                    "Save fewer photos at a time, or smaller ones."
                ),
                code="over_budget",
            )
        self.remaining -= pixels


# Said wherever the photos kept and added would pass MAX_PHOTOS_PER_PRODUCT (formsets fill num).
TOO_MANY_PHOTOS = _("A product has at most %(num)s photos. Remove some before adding more.")


def too_many_photos_message() -> str:
    return TOO_MANY_PHOTOS % {"num": MAX_PHOTOS_PER_PRODUCT}


class PixelBudgetFormSetMixin:
    """Formsets of photo forms: one ``PixelBudget`` shared by the forms of one request."""

    def get_form_kwargs(self, index):
        if not hasattr(self, "pixel_budget"):
            self.pixel_budget = PixelBudget()
        return {**super().get_form_kwargs(index), "budget": self.pixel_budget}


@dataclass
class Renditions:
    page: ContentFile
    card: ContentFile


def _not_an_image() -> ValidationError:
    return ValidationError(
        _("This file is not a JPEG, PNG or WebP photo, or it is damaged. Choose another file."),
        code="invalid_image",
    )


def _encode(image: Image.Image, longest_side: int, name: str) -> ContentFile:
    copy = image.copy()
    copy.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # No exif= and no icc_profile= arguments: the new file carries no metadata at all.
    copy.save(buffer, format="JPEG", quality=QUALITY, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=name)


# Greyscale with more than 8 bits a pixel (16-bit PNGs): values 0-65,535, not 0-255.
_WIDE_GREY = ("I;16", "I;16B", "I;16L", "I;16N", "I")


def _grey_to_8_bits(image: Image.Image) -> Image.Image:
    """Scale 16-bit greyscale to 8 bits (v / 257): a plain convert would clip it almost white."""
    return image.convert("I").point(lambda value: value * (1 / 257)).convert("L")


def _check_header(width: int, height: int, budget: PixelBudget | None) -> None:
    """Refuse from the header's dimensions, before a pixel is decoded."""
    if max(width, height) > MAX_SIDE:
        raise ValidationError(
            _("The photo is longer than 12,000 pixels on one side. Make it smaller and try again."),
            code="too_long",
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("The photo has more than 40 megapixels. Make it smaller and try again."),
            code="too_many_pixels",
        )
    if budget is not None:
        budget.spend(width * height)


def process_photo(upload, budget: PixelBudget | None = None) -> Renditions:
    """Check an uploaded photo and return its clean renditions; raise ValidationError otherwise.

    ``budget``, shared by the photos of one request, caps the pixels the request decodes.
    """
    size = getattr(upload, "size", None)
    if size is None or size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is larger than 5 MB. Make it smaller and try again."), code="too_large"
        )
    upload.seek(0)
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is larger than 5 MB. Make it smaller and try again."), code="too_large"
        )
    sniffed = sniff_format(data[:16])
    if sniffed is None:
        raise _not_an_image()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[sniffed])
            _check_header(*image.size, budget)
            image.load()
            image = ImageOps.exif_transpose(image)
            if image.mode in _WIDE_GREY:
                image = _grey_to_8_bits(image)
            if image.mode not in ("RGB", "L"):
                background = Image.new("RGB", image.size, (255, 255, 255))
                rgba = image.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            elif image.mode == "L":
                image = image.convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The photo has more than 40 megapixels. Make it smaller and try again."),
            code="too_many_pixels",
        ) from error
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.UnidentifiedImageError) as error:
        raise _not_an_image() from error
    stem = uuid.uuid4().hex
    return Renditions(
        page=_encode(image, PAGE_SIZE, f"{stem}.jpg"),
        card=_encode(image, CARD_SIZE, f"{stem}-card.jpg"),
    )
