"""Photo modes re-encoded faithfully (issue 9, finding 8): 16-bit greyscale keeps its tones."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from products.photos import process_photo


def _gradient_16bit_png(mode: str) -> bytes:
    """A left-to-right grey gradient, 0 to 65,535 over 256 columns, as a 16-bit greyscale PNG."""
    image = Image.new(mode, (256, 8))
    image.putdata([x * 257 for _y in range(8) for x in range(256)])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_16_bit_greyscale_png_keeps_its_tones():
    data = _gradient_16bit_png("I;16")
    assert Image.open(io.BytesIO(data)).mode in ("I;16", "I")  # really a 16-bit greyscale file

    page = Image.open(io.BytesIO(process_photo(SimpleUploadedFile("grey.png", data)).page.read()))

    assert page.size == (256, 8)
    row = [page.getpixel((x, 4)) for x in range(256)]
    # Each 16-bit value v becomes v / 257 in 8 bits; JPEG may move a grey by a few levels.
    assert all(max(abs(channel - x) for channel in pixel) <= 4 for x, pixel in enumerate(row)), row[::32]
