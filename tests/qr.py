"""Decodes a QR code drawn by segno as an SVG path, as a phone camera would read it."""

import re

import zxingcpp
from PIL import Image

_COMMAND = re.compile(r"([Mmh])(-?\d+(?:\.\d+)?)(?: (-?\d+(?:\.\d+)?))?")


def dark_modules(svg: str) -> set[tuple[int, int]]:
    """The (row, column) of every dark module in ``svg`` (quiet zone included), from its line path."""
    path = re.search(r'class="qrline"[^>]* d="([^"]+)"', svg) or re.search(
        r'd="([^"]+)"[^>]*class="qrline"', svg
    )
    assert path, "no QR path in the SVG"
    x = y = 0.0
    cells = set()
    for command, first, second in _COMMAND.findall(path.group(1)):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:  # "h": a run of dark modules on row y - 0.5
            length = int(float(first))
            cells.update((int(y - 0.5), int(x) + i) for i in range(length))
            x += length
    return cells


def decode(svg: str, *, scale: int = 4) -> str:
    """The text the QR code in ``svg`` carries, read back by the zxing-cpp decoder."""
    cells = dark_modules(svg)
    size = max(max(row, col) for row, col in cells) + 5  # the last module plus the quiet zone
    image = Image.new("L", (size * scale, size * scale), 255)
    for row, col in cells:
        image.paste(0, (col * scale, row * scale, (col + 1) * scale, (row + 1) * scale))
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1, f"{len(results)} codes found"
    return results[0].text
