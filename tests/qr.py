"""Reads back the modules of a QR code drawn by segno as an SVG path, to check what it encodes."""

import re

import segno

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


def encodes(svg: str, text: str, *, error: str = "m", border: int = 4) -> bool:
    """Whether ``svg`` draws exactly the QR code that encodes ``text``."""
    expected = {
        (row + border, col + border)
        for row, line in enumerate(segno.make(text, error=error, micro=False).matrix)
        for col, dark in enumerate(line)
        if dark
    }
    return dark_modules(svg) == expected
