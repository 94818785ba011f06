"""Spreadsheet import of products and certificates: reading, checking and planning (no writes).

A file becomes a list of row dicts (``read_table``), then an ``ImportPlan``: for every row,
what would happen (create, update, unchanged) or why it cannot (row errors). The plan is shown
as a dry run; ``products.services.apply_import`` writes a plan without errors, all or nothing.

Rows always land in the importer's province. A row is matched to an existing product by its
stable key: product name (folded) + decision number; importing the same file twice therefore
changes nothing the second time.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook

from producers.models import Producer, Province, Ward
from producers.text import normalize_search_text
from products.models import Category, Certificate, Product

MAX_ROWS = 10_000
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_INFLATED_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Vietnamese, as in the template
    required: bool
    example: object
    help: str


COLUMNS = [
    Column("product_name", "Tên sản phẩm", True, "Kẹo cu đơ Thiên Cầm", "text"),
    Column("category_code", "Mã bộ sản phẩm", True, "I.4.a", "Decision 148 code"),
    Column("stars", "Số sao", True, 4, "3, 4 or 5"),
    Column("decision_number", "Số quyết định", True, "2394/QĐ-UBND", "text"),
    Column("decision_date", "Ngày quyết định", True, "15/10/2024", "dd/mm/yyyy"),
    Column("issuer", "Cơ quan cấp", True, "UBND tỉnh Hà Tĩnh", "text"),
    Column("score", "Điểm", False, 78, "0-100"),
    Column("producer_name", "Tên chủ thể", True, "Hợp tác xã Kẹo cu đơ Thiên Cầm", "text"),
    Column("producer_code", "Mã chủ thể", False, "", "code of an existing producer"),
    Column(
        "producer_kind",
        "Loại hình chủ thể",
        False,
        "Hợp tác xã",
        "Doanh nghiệp, Hợp tác xã, Tổ hợp tác, Hộ sản xuất kinh doanh",
    ),
    Column("ward", "Xã/phường", False, "", "name of a commune or ward of the province"),
    Column("net_quantity", "Khối lượng/thể tích", False, "300 g", "text"),
    Column("price_min", "Giá từ (đồng)", False, 45000, "whole number"),
    Column("story", "Mô tả", False, "Kẹo truyền thống làm từ mật mía, lạc và gừng.", "text"),
]
HEADERS = {c.key: c.header for c in COLUMNS}
COLUMN_BY_FOLDED = {normalize_search_text(c.header): c for c in COLUMNS} | {c.key: c for c in COLUMNS}

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

DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d")
_TIME_OF_DAY = re.compile(r" \d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header row, missing columns)."""


def template_workbook() -> bytes:
    """The XLSX template: Vietnamese headers and one example row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "San pham OCOP"
    sheet.append([c.header + (" *" if c.required else "") for c in COLUMNS])
    sheet.append([c.example for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
            14, len(column.header) + 4
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv() -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([c.header + (" *" if c.required else "") for c in COLUMNS])
    writer.writerow([c.example for c in COLUMNS])
    return buffer.getvalue()


def _map_header(header_row) -> dict[int, Column]:
    mapping: dict[int, Column] = {}
    for index, cell in enumerate(header_row):
        text = str(cell or "").replace("*", "").strip()
        column = COLUMN_BY_FOLDED.get(normalize_search_text(text)) or COLUMN_BY_FOLDED.get(text)
        if column and column not in mapping.values():
            mapping[index] = column
    missing = [c.header for c in COLUMNS if c.required and c not in mapping.values()]
    if missing:
        raise ImportFileError(
            _("The file lacks these columns: %(columns)s. Start from the template.")
            % {"columns": ", ".join(missing)}
        )
    return mapping


def read_table(data: bytes, filename: str) -> list[tuple[int, dict]]:
    """Rows of the file as (spreadsheet row number, {column key: raw value}), blank rows skipped."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 10 MB."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        if not data.startswith(b"PK"):
            raise ImportFileError(_("This file is not a valid XLSX spreadsheet."))
        try:
            # A few MB of zip can inflate to gigabytes: refuse before openpyxl inflates anything.
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                inflated = sum(info.file_size for info in archive.infolist())
        except zipfile.BadZipFile as error:
            raise ImportFileError(_("This file is not a valid XLSX spreadsheet.")) from error
        if inflated > MAX_INFLATED_BYTES:
            raise ImportFileError(_("The spreadsheet is too large once unpacked. Split it."))
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            rows = list(workbook.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 2))
            workbook.close()
        except Exception as error:  # openpyxl raises many kinds on damaged files
            raise ImportFileError(_("This file is not a valid XLSX spreadsheet.")) from error
    elif name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("Save the CSV file with UTF-8 encoding and try again.")) from error
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        try:
            rows = list(csv.reader(io.StringIO(text), dialect))
        except csv.Error as error:  # e.g. a cell longer than the csv module's field limit
            raise ImportFileError(
                _("This CSV file cannot be read: a cell is too long or badly quoted.")
            ) from error
    else:
        raise ImportFileError(_("Upload a .xlsx or .csv file."))
    if not rows:
        raise ImportFileError(_("The file is empty."))
    mapping = _map_header(rows[0])
    result = []
    for number, row in enumerate(rows[1:], start=2):
        values = {column.key: row[index] if index < len(row) else None for index, column in mapping.items()}
        if all(v is None or str(v).strip() == "" for v in values.values()):
            continue
        result.append((number, values))
    if len(result) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)s rows. Split it.") % {"max": MAX_ROWS})
    return result


@dataclass
class PlannedRow:
    number: int
    values: dict
    errors: list[str] = field(default_factory=list)
    action: str = ""  # create, update, unchanged
    product: Product | None = None
    certificate: Certificate | None = None
    producer: Producer | None = None
    new_producer_key: str = ""
    category: Category | None = None
    ward: Ward | None = None
    data: dict = field(default_factory=dict)

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, ""))


ACTION_LABELS = {
    "create": gettext_lazy("New product"),
    "certificate": gettext_lazy("New certificate"),
    "update": gettext_lazy("Update"),
    "unchanged": gettext_lazy("Unchanged"),
}


@dataclass
class ImportPlan:
    province: Province
    rows: list[PlannedRow]

    @property
    def error_rows(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.errors]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.error_rows

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _key(product_name: str, decision_number: str) -> tuple[str, str]:
    return normalize_search_text(product_name), " ".join(decision_number.split()).casefold()


def _parse_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    # A date cell saved to CSV by some tools carries a midnight time: "2024-03-15 00:00:00".
    text = _TIME_OF_DAY.sub("", _text(value))
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


MAX_PRICE = 9_223_372_036_854_775_807  # the largest value the price column holds
# "120000", "120.000", "120,000", "1 200 000", "120.000,00" or "120,000.00", with an optional
# "đ"/"VND"; not "12.5" or "1,5", which are not whole amounts and must not become 125 or 15.
_PRICE = re.compile(
    r"^(?P<whole>[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+)"
    r"(?:[.,]00?)?\s*(?:đ|đồng|vnd|vnđ)?$",
    re.IGNORECASE,
)


def _parse_price(value) -> int | None:
    """A whole, non-negative number of đồng from a number or text like "120.000"; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        match = _PRICE.match(_text(value))
        if match is None:
            return None
        number = int(re.sub(r"\D", "", match.group("whole")))
    return number if 0 <= number <= MAX_PRICE else None


def _parse_score(text: str) -> Decimal | None:
    """A score from 0 to 100, rounded to the two decimals the column keeps; None otherwise."""
    try:
        score = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    # NaN would raise on comparison, and an exponent like 1E+999 would not fit the column.
    if not score.is_finite() or not (0 <= score <= 100):
        return None
    return score.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


_STARS = re.compile(r"^([345])(?:[.,]0+)?\s*(?:sao|★)?$", re.IGNORECASE)
_WARD_PREFIX = re.compile(r"^(xa|phuong|dac khu|thi tran) ")


def _parse_stars(value) -> int | None:
    """3, 4 or 5 from a number or text such as "4", "4.0", "4 sao" or "4★"; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if value in (3, 4, 5) else None
    match = _STARS.match(_text(value))
    return int(match.group(1)) if match else None


def plan_import(*, rows: list[tuple[int, dict]], province: Province, progress=None) -> ImportPlan:
    """Check every row and decide what it would do, with a bounded number of queries."""
    today = timezone.localdate()
    categories = {c.code.casefold(): c for c in Category.objects.all()}
    wards = {}
    for ward in Ward.objects.filter(province=province):
        folded = normalize_search_text(ward.name)
        wards[folded] = ward
        # Spreadsheets often drop the "Xã"/"Phường"/"Đặc khu" prefix: accept the bare name too.
        bare = _WARD_PREFIX.sub("", folded)
        wards.setdefault(bare, ward)
    producers_by_name = {
        normalize_search_text(p.name): p
        for p in Producer.objects.filter(province=province).select_related("province")
    }
    codes = {_text(values.get("producer_code")) for _n, values in rows} - {""}
    producers_by_code = {
        p.slug: p for p in Producer.objects.filter(slug__in=codes).select_related("province")
    }
    local_certificates = {}
    for cert in Certificate.objects.filter(product__producer__province=province).select_related(
        "product__producer__province", "product__category"
    ):
        local_certificates[_key(cert.product.name, cert.decision_number)] = cert
    local_products = {
        (p.producer_id, normalize_search_text(p.name)): p
        for p in Product.objects.filter(producer__province=province).select_related(
            "producer__province", "category"
        )
    }
    numbers = {_text(values.get("decision_number")) for _n, values in rows} - {""}
    foreign_keys = {
        _key(name, number)
        for name, number in Certificate.objects.filter(decision_number__in=numbers)
        .exclude(product__producer__province=province)
        .values_list("product__name", "decision_number")
    }

    planned: list[PlannedRow] = []
    seen: dict[tuple[str, str], int] = {}
    for index, (number, values) in enumerate(rows):
        if progress:
            progress(index + 1, len(rows))
        row = PlannedRow(number=number, values={k: _text(v) for k, v in values.items()})
        planned.append(row)
        errors = row.errors
        for key, value in values.items():
            if isinstance(value, str) and value.strip().startswith("="):
                column = next(c for c in COLUMNS if c.key == key)
                errors.append(
                    _("%(column)s: formulas are not accepted; type the value itself.")
                    % {"column": column.header}
                )
        if errors:
            continue
        v = row.values
        for column in COLUMNS:
            if column.required and not v.get(column.key) and column.key != "producer_name":
                errors.append(_("%(column)s is required.") % {"column": column.header})
        name = v.get("product_name", "")
        if len(name) > 200:
            errors.append(_("%(column)s: at most 200 characters.") % {"column": HEADERS["product_name"]})
        category = categories.get(v.get("category_code", "").casefold())
        if v.get("category_code") and (category is None or category.level != Category.Level.SET):
            errors.append(
                _("%(column)s: unknown product set code “%(code)s” (for example I.4.a).")
                % {"column": HEADERS["category_code"], "code": v["category_code"]}
            )
        row.category = category
        stars = _parse_stars(values.get("stars"))
        if v.get("stars") and stars not in (3, 4, 5):
            errors.append(
                _("%(column)s: must be 3, 4 or 5, not “%(value)s”.")
                % {"column": HEADERS["stars"], "value": v["stars"]}
            )
        decision_date = _parse_date(values.get("decision_date"))
        if v.get("decision_date") and decision_date is None:
            errors.append(
                _("%(column)s: “%(value)s” is not a date; write it as dd/mm/yyyy.")
                % {"column": HEADERS["decision_date"], "value": v["decision_date"]}
            )
        elif decision_date and decision_date > today:
            errors.append(
                _("%(column)s: the decision date cannot be in the future.")
                % {"column": HEADERS["decision_date"]}
            )
        score = None
        if v.get("score"):
            score = _parse_score(v["score"])
            if score is None:
                errors.append(_("%(column)s: must be a number from 0 to 100.") % {"column": HEADERS["score"]})
        price = None
        if v.get("price_min"):
            price = _parse_price(values.get("price_min"))
            if price is None:
                errors.append(
                    _("%(column)s: must be a whole number of đồng.") % {"column": HEADERS["price_min"]}
                )
        for key, limit in (("decision_number", 60), ("issuer", 200), ("net_quantity", 100)):
            if len(v.get(key, "")) > limit:
                column = next(c for c in COLUMNS if c.key == key)
                errors.append(
                    _("%(column)s: at most %(limit)s characters.") % {"column": column.header, "limit": limit}
                )
        # The producer: by code (must be in the importer's province), else by name, else new.
        producer = None
        if v.get("producer_code"):
            producer = producers_by_code.get(v["producer_code"])
            if producer is None:
                errors.append(
                    _("%(column)s: no producer has the code “%(code)s”.")
                    % {"column": HEADERS["producer_code"], "code": v["producer_code"]}
                )
            elif producer.province_id != province.pk:
                errors.append(
                    _(
                        "%(column)s: this producer belongs to another province; "
                        "you can import only into %(province)s."
                    )
                    % {"column": HEADERS["producer_code"], "province": province.name}
                )
                producer = None
        elif not v.get("producer_name"):
            errors.append(_("%(column)s is required.") % {"column": HEADERS["producer_name"]})
        else:
            producer = producers_by_name.get(normalize_search_text(v["producer_name"]))
            if producer is None:
                row.new_producer_key = normalize_search_text(v["producer_name"])
                kind = KIND_BY_FOLDED.get(normalize_search_text(v.get("producer_kind", "")))
                if kind is None:
                    errors.append(
                        _(
                            "%(column)s: for a new producer write Doanh nghiệp, Hợp tác xã, "
                            "Tổ hợp tác or Hộ sản xuất kinh doanh."
                        )
                        % {"column": HEADERS["producer_kind"]}
                    )
                row.data["producer_kind"] = kind
                if len(v["producer_name"]) > 200:
                    errors.append(
                        _("%(column)s: at most 200 characters.") % {"column": HEADERS["producer_name"]}
                    )
        row.producer = producer
        if v.get("ward"):
            row.ward = wards.get(normalize_search_text(v["ward"]))
            if row.ward is None:
                errors.append(
                    _("%(column)s: “%(ward)s” is not a commune or ward of %(province)s.")
                    % {"column": HEADERS["ward"], "ward": v["ward"], "province": province.name}
                )
        if errors:
            continue
        key = _key(name, v["decision_number"])
        if key in seen:
            errors.append(
                _("This row repeats row %(row)s (same product name and decision number).")
                % {"row": seen[key]}
            )
            continue
        seen[key] = number
        row.data.update(
            {
                "name": name,
                "stars": stars,
                "decision_number": " ".join(v["decision_number"].split()),
                "decision_date": decision_date,
                "issuer": v["issuer"],
                "score": score,
                "price_min": price,
                "net_quantity": v.get("net_quantity", ""),
                "story": v.get("story", ""),
            }
        )
        certificate = local_certificates.get(key)
        if certificate is not None:
            row.certificate, row.product = certificate, certificate.product
            row.action = "update" if _differs(row) else "unchanged"
            price_max = certificate.product.price_max
            if price is not None and price_max is not None and price > price_max:
                errors.append(
                    _("%(column)s: higher than the product's highest price (%(max)s đồng).")
                    % {"column": HEADERS["price_min"], "max": price_max}
                )
        elif key in foreign_keys:
            errors.append(
                _(
                    "This product and decision number belong to another province; "
                    "you can import only into %(province)s."
                )
                % {"province": province.name}
            )
        else:
            existing = local_products.get((producer.pk, normalize_search_text(name))) if producer else None
            row.product = existing
            row.action = "certificate" if existing else "create"
    return ImportPlan(province=province, rows=planned)


def _differs(row: PlannedRow) -> bool:
    return bool(product_changes(row) or certificate_changes(row))


def product_changes(row: PlannedRow) -> dict:
    """Fields of the matched product the row would change (blank optional cells change nothing)."""
    product, data = row.product, row.data
    wanted = {"category_id": row.category.pk}
    for field_name in ("price_min", "net_quantity", "story"):
        if data[field_name] not in (None, ""):
            wanted[field_name] = data[field_name]
    return {k: v for k, v in wanted.items() if getattr(product, k) != v}


def certificate_changes(row: PlannedRow) -> dict:
    certificate, data = row.certificate, row.data
    wanted = {"stars": data["stars"], "decision_date": data["decision_date"], "issuer": data["issuer"]}
    if data["score"] is not None:
        wanted["score"] = data["score"]
    return {k: v for k, v in wanted.items() if getattr(certificate, k) != v}
