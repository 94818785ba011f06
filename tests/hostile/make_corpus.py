"""The hostile-input corpus: files an attacker or a careless export could upload (issue 9).

Run ``python tests/hostile/make_corpus.py`` to (re)write the small files to
``tests/hostile/files/``; they are committed. Large ones (``large=True``) are built by the
test at run time and never written. Each case says where it is uploaded (``photo``, ``import``
or ``scan``) and what must happen: ``refused`` (a message, nothing changed) or ``accepted``
(a photo re-encoded: it decodes, carries no EXIF; a spreadsheet read as plain values).
"""

import csv
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from PIL import Image

FILES = Path(__file__).parent / "files"

# The import template's headers, written here so the script needs no Django.
HEADERS = [
    "Tên sản phẩm",
    "Mã bộ sản phẩm",
    "Số sao",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan cấp",
    "Điểm",
    "Tên chủ thể",
    "Mã chủ thể",
    "Loại hình chủ thể",
    "Xã/phường",
    "Khối lượng/thể tích",
    "Giá từ (đồng)",
    "Mô tả",
]
ROW = [
    "Mật ong Vũ Quang",
    "I.4.a",
    3,
    "101/QĐ-UBND",
    "15/03/2024",
    "UBND tỉnh Hà Tĩnh",
    72,
    "HTX Ong mật Vũ Quang",
    "",
    "Hợp tác xã",
    "",
    "500 ml",
    120000,
    "Mật ong rừng.",
]


@dataclass(frozen=True)
class Case:
    name: str  # the uploaded file name (its extension may lie on purpose)
    target: str  # photo, import or scan
    expect: str  # refused or accepted
    build: Callable[[], bytes]
    large: bool = False


# Images -------------------------------------------------------------------------------------


def _image(mode="RGB", size=(120, 90), fmt="PNG", color=(200, 30, 30), **kwargs) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims width × height pixels, with a few bytes of data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 4096))
        + _chunk(b"IEND", b"")
    )


def gif_with_huge_frames() -> bytes:
    """A GIF whose logical screen and frame claim 65,535 × 65,535 pixels."""
    screen = b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0, 0, 0)
    frame = b"\x2c" + struct.pack("<HHHHB", 0, 0, 65535, 65535, 0) + b"\x02\x02\x44\x01\x00"
    return screen + frame + b"\x3b"


def grey_16_bit() -> bytes:
    image = Image.new("I;16", (64, 8))
    image.putdata([x * 1024 for _y in range(8) for x in range(64)])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def exif_rotated_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "SpyCam Maker"
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)}
    return _image(size=(160, 90), fmt="JPEG", exif=exif.tobytes())


def palette_with_transparency() -> bytes:
    image = Image.new("P", (60, 40), 1)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", transparency=0)
    return buffer.getvalue()


IMAGES = [
    Case("truncated.png", "photo", "refused", lambda: _image(size=(400, 300))[:200]),
    Case("truncated.jpg", "photo", "refused", lambda: _image(size=(400, 300), fmt="JPEG")[:400]),
    Case("bomb-header.png", "photo", "refused", lambda: png_claiming(20_000, 20_000)),
    Case("strip-1x39999999.png", "photo", "refused", lambda: png_claiming(1, 39_999_999)),
    Case("wide-13000.png", "photo", "refused", lambda: png_claiming(13_000, 10)),
    Case("polyglot.png", "photo", "accepted", lambda: _image() + b"<html><script>alert(1)</script></html>"),
    Case(
        "html-named.png", "photo", "refused", lambda: b"<html><body><script>alert(1)</script></body></html>"
    ),
    Case(
        "script.svg",
        "photo",
        "refused",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
    ),
    Case("huge-frames.gif", "photo", "refused", gif_with_huge_frames),
    Case("cmyk.jpg", "photo", "accepted", lambda: _image("CMYK", fmt="JPEG", color=(0, 200, 200, 0))),
    Case("grey-16-bit.png", "photo", "accepted", grey_16_bit),
    Case("palette.png", "photo", "accepted", palette_with_transparency),
    Case("alpha.png", "photo", "accepted", lambda: _image("RGBA", color=(0, 128, 255, 60))),
    Case("grey-alpha.png", "photo", "accepted", lambda: _image("LA", color=(90, 128))),
    Case("exif-rotated-gps.jpg", "photo", "accepted", exif_rotated_with_gps),
    Case("zero-bytes.jpg", "photo", "refused", lambda: b""),
    Case("png-named.jpg", "photo", "accepted", _image),
    Case("webp-named.png", "photo", "accepted", lambda: _image(fmt="WEBP")),
]


# Spreadsheets -------------------------------------------------------------------------------


def _xlsx(rows, headers=HEADERS, setup=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    if setup:
        setup(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv(rows, headers=HEADERS, encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def zip_bomb() -> bytes:
    """A small XLSX-looking zip whose sheet unpacks to 300 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    return buffer.getvalue()


def with_macros() -> bytes:
    """An .xlsm (a VBA project inside) renamed .xlsx."""
    source = zipfile.ZipFile(io.BytesIO(_xlsx([ROW])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
            archive.writestr(info, data)
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b'Attribute VB_Name = "Module1"' * 20)
    return buffer.getvalue()


def formulas() -> bytes:
    return _xlsx(
        [
            ['=HYPERLINK("https://evil.example","Bấm vào đây")', *ROW[1:]],
            ["=1+2", "I.4.a", "=2+2", "=A1", *ROW[4:]],
            ["@SUM(1,1)", *ROW[1:3], "+1-2", *ROW[4:]],
        ]
    )


def merged() -> bytes:
    def merge(sheet):
        sheet.merge_cells("A2:A3")
        sheet.merge_cells("F2:F3")

    return _xlsx([ROW, [None, *ROW[1:5], None, *ROW[6:]]], setup=merge)


def many_rows_csv() -> bytes:
    return _csv([[f"Sản phẩm {i}", *ROW[1:]] for i in range(20_000)])


def many_columns() -> bytes:
    extra = [f"Cột {i}" for i in range(500 - len(HEADERS))]
    return _xlsx([[*ROW, *["x"] * len(extra)]] * 3, headers=HEADERS + extra)


SHEETS = [
    Case("zip-bomb.xlsx", "import", "refused", zip_bomb, large=True),
    Case("macros.xlsx", "import", "refused", with_macros),
    Case("utf-16.csv", "import", "refused", lambda: _csv([ROW], encoding="utf-16")),
    Case("nul.csv", "import", "refused", lambda: _csv([[*ROW[:13], "Mật\x00ong"]])),
    Case("formulas.xlsx", "import", "accepted", formulas),
    Case("rows-20000.csv", "import", "refused", many_rows_csv, large=True),
    Case("columns-500.xlsx", "import", "refused", many_columns),
    Case("merged-cells.xlsx", "import", "accepted", merged),
    Case("binary.csv", "import", "refused", lambda: _image(fmt="JPEG")),
    Case("zero-bytes.xlsx", "import", "refused", lambda: b""),
    Case("not-a-zip.xlsx", "import", "refused", lambda: b"PK\x03\x04" + b"\x00" * 64),
]


# Certificate scans --------------------------------------------------------------------------

SCANS = [
    Case("scan-html.pdf", "scan", "refused", lambda: b"<html><script>alert(document.cookie)</script></html>"),
    Case("scan.svg", "scan", "refused", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
    Case("scan-pdf.html", "scan", "accepted", lambda: b"%PDF-1.4\n%%EOF\n"),
    Case("scan-png.pdf", "scan", "accepted", _image),
]

CASES = IMAGES + SHEETS + SCANS


def content(case: Case) -> bytes:
    """The case's bytes: the committed file, or built now if it is a large one."""
    return case.build() if case.large else (FILES / case.name).read_bytes()


def main() -> None:
    FILES.mkdir(exist_ok=True)
    for case in CASES:
        if not case.large:
            (FILES / case.name).write_bytes(case.build())
    print(f"{sum(not c.large for c in CASES)} files written to {FILES}")


if __name__ == "__main__":
    main()
