"""The import template's columns: each one's Vietnamese header and the model field it fills."""

from dataclasses import dataclass

from django.db import models

from producers.models import Producer
from producers.text import normalize_search_text
from products.models import Certificate, Product


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Vietnamese, as in the template
    field: models.Field | None  # None: a key to look a row up by, not a value
    example: object
    # The file may lack the column although the field needs a value: the producer's kind
    # matters only for a new producer.
    optional: bool = False

    @property
    def required(self) -> bool:
        """The file must have this column: the model field needs a value."""
        return self.field is not None and not self.field.blank and not self.optional


def _field(model: type[models.Model], name: str) -> models.Field:
    return model._meta.get_field(name)


COLUMNS = [
    Column("product_name", "Tên sản phẩm", _field(Product, "name"), "Kẹo cu đơ Thiên Cầm"),
    Column("category_code", "Mã bộ sản phẩm", _field(Product, "category"), "I.4.a"),
    Column("stars", "Số sao", _field(Certificate, "stars"), 4),
    Column("decision_number", "Số quyết định", _field(Certificate, "decision_number"), "2394/QĐ-UBND"),
    Column("decision_date", "Ngày quyết định", _field(Certificate, "decision_date"), "15/10/2024"),
    Column("issuer", "Cơ quan cấp", _field(Certificate, "issuer"), "UBND tỉnh Hà Tĩnh"),
    Column("score", "Điểm", _field(Certificate, "score"), 78),
    Column("producer_name", "Tên chủ thể", _field(Producer, "name"), "Hợp tác xã Kẹo cu đơ Thiên Cầm"),
    Column("producer_code", "Mã chủ thể", None, ""),  # the slug of an existing producer
    Column("producer_kind", "Loại hình chủ thể", _field(Producer, "kind"), "Hợp tác xã", optional=True),
    Column("ward", "Xã/phường", _field(Producer, "ward"), ""),
    Column("net_quantity", "Khối lượng/thể tích", _field(Product, "net_quantity"), "300 g"),
    Column("price_min", "Giá từ (đồng)", _field(Product, "price_min"), 45000),
    Column("story", "Mô tả", _field(Product, "story"), "Kẹo truyền thống làm từ mật mía, lạc và gừng."),
]
COLUMN = {c.key: c for c in COLUMNS}
# A header is recognised without its accents or its "*", and so is a column's key.
COLUMN_BY_FOLDED = {normalize_search_text(c.header): c for c in COLUMNS} | COLUMN
# The column that presents an error of a product field (Product.clean reports a reversed price
# range on price_max; of the two prices, the file sets only price_min).
COLUMN_OF_PRODUCT_FIELD = {c.field.name: c for c in COLUMNS if c.field and c.field.model is Product} | {
    "price_max": COLUMN["price_min"]
}

# The words a spreadsheet uses for the producer kinds.
KIND_BY_FOLDED = {
    normalize_search_text(label): value
    for value, label in [
        ("enterprise", "Doanh nghiệp"),
        ("cooperative", "Hợp tác xã"),
        ("cooperative_group", "Tổ hợp tác"),
        ("household", "Hộ sản xuất kinh doanh"),
        ("household", "Hộ kinh doanh"),
        ("household", "Cơ sở sản xuất"),
    ]
} | {value: value for value in Producer.Kind.values}


def template_headers() -> list[str]:
    """The template's header row: required columns are marked with *."""
    return [c.header + (" *" if c.required else "") for c in COLUMNS]


def template_rows() -> list[list]:
    """The template's one example row."""
    return [[c.example for c in COLUMNS]]


def template_widths() -> list[int]:
    """Column widths that show each header in full."""
    return [max(14, len(c.header) + 4) for c in COLUMNS]
