"""Checking every row of a file and deciding what it would do, with a fixed number of queries."""

import copy
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from producers.models import Producer, Province, Ward
from producers.text import normalize_search_text
from products.imports import cells
from products.imports.columns import COLUMN, COLUMN_OF_PRODUCT_FIELD, KIND_BY_FOLDED
from products.models import Category, Certificate, Product

# The product's and the certificate's values, which every row carries (the producer's are read
# only for a new producer).
ROW_VALUES = (
    "product_name",
    "stars",
    "decision_number",
    "decision_date",
    "issuer",
    "score",
    "net_quantity",
    "price_min",
    "story",
)
_WARD_PREFIX = re.compile(r"^(xa|phuong|dac khu|thi tran) ")
ACTION_LABELS = {
    "create": gettext_lazy("New product"),
    "certificate": gettext_lazy("New certificate"),
    "update": gettext_lazy("Update"),
    "unchanged": gettext_lazy("Unchanged"),
}
WAITS_FOR_APPROVAL = gettext_lazy("waits for approval")


@dataclass
class PlannedRow:
    number: int
    values: dict
    errors: list[str] = field(default_factory=list)
    action: str = ""  # create, certificate, update, unchanged
    product: Product | None = None
    certificate: Certificate | None = None
    producer: Producer | None = None
    new_producer_key: str = ""
    category: Category | None = None
    ward: Ward | None = None
    data: dict = field(default_factory=dict)
    # The row changes a published product the importer may not approve: it becomes a proposal.
    waits_for_approval: bool = False

    @property
    def action_label(self) -> str:
        label = str(ACTION_LABELS.get(self.action, ""))
        return f"{label}, {WAITS_FOR_APPROVAL}" if self.waits_for_approval else label

    def read(self, key: str, raw):
        """The value of this row's cell ``key``; its errors join the row's."""
        value, errors = cells.cell_value(key, raw)
        self.errors += errors
        return value


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


def _key(product_name: str, decision_number: str) -> tuple[str, str]:
    return normalize_search_text(product_name), " ".join(decision_number.split()).casefold()


@dataclass
class Lookups:
    """What checking the rows needs from the database, loaded once for the whole file."""

    province: Province
    categories: dict[str, Category]
    wards: dict[str, Ward]
    producers_by_name: dict[str, Producer]
    producers_by_code: dict[str, Producer]
    local_certificates: dict[tuple[str, str], Certificate]
    local_products: dict[tuple[int, str], Product]

    @classmethod
    def load(cls, *, rows: list[tuple[int, dict]], province: Province) -> "Lookups":
        """At most six queries, whatever the number of rows.

        Only the importer's province is read: what exists in another province is never looked
        up, so no row's outcome or message can tell whether it does.
        """
        codes = {cells.text(values.get("producer_code")) for _n, values in rows} - {""}
        local_certificates = Certificate.objects.filter(product__producer__province=province).select_related(
            "product__producer__province", "product__category"
        )
        local_products = Product.objects.filter(producer__province=province).select_related(
            "producer__province", "category"
        )
        producers = Producer.objects.filter(province=province).select_related("province")
        return cls(
            province=province,
            categories=_product_sets(),
            wards=_wards_by_name(province),
            producers_by_name={normalize_search_text(p.name): p for p in producers},
            producers_by_code={p.slug: p for p in producers.filter(slug__in=codes)},
            local_certificates={_key(c.product.name, c.decision_number): c for c in local_certificates},
            local_products={(p.producer_id, normalize_search_text(p.name)): p for p in local_products},
        )


def _product_sets() -> dict[str, Category]:
    """The categories a product may be filed under (its field's choices), by folded code."""
    choices = Product._meta.get_field("category").get_limit_choices_to()
    return {c.code.casefold(): c for c in Category.objects.complex_filter(choices)}


def _wards_by_name(province: Province) -> dict[str, Ward]:
    wards = {}
    for ward in Ward.objects.filter(province=province):
        folded = normalize_search_text(ward.name)
        wards[folded] = ward
        # Spreadsheets often drop the "Xã"/"Phường"/"Đặc khu" prefix: accept the bare name too.
        wards.setdefault(_WARD_PREFIX.sub("", folded), ward)
    return wards


def _formula_errors(raw: dict) -> list[str]:
    """A cell holding a formula is refused: what it computes is not what was checked."""
    return [
        _("%(column)s: formulas are not accepted; type the value itself.") % {"column": COLUMN[key].header}
        for key, value in raw.items()
        if isinstance(value, str) and value.strip().startswith("=")
    ]


def _find_category(row: PlannedRow, lookups: Lookups) -> None:
    column, code = COLUMN["category_code"], row.values.get("category_code", "")
    row.category = lookups.categories.get(code.casefold()) if code else None
    if code and row.category is None:
        row.errors.append(
            _("%(column)s: unknown product set code “%(code)s” (for example I.4.a).")
            % {"column": column.header, "code": code}
        )
    else:
        row.errors += cells.field_errors(column, row.category, code)


def _find_producer(row: PlannedRow, raw: dict, lookups: Lookups) -> None:
    """The producer: by code (in the importer's province), else by name, else a new one.

    A code of another province reads exactly as a code found nowhere (finding 13).
    """
    code, name = row.values.get("producer_code"), row.values.get("producer_name", "")
    if not code:
        row.producer = lookups.producers_by_name.get(normalize_search_text(name)) if name else None
        if row.producer is None:
            _new_producer(row, raw)
        return
    row.producer = lookups.producers_by_code.get(code)
    if row.producer is None:
        row.errors.append(
            _("%(column)s: not found in your province (%(province)s).")
            % {"column": COLUMN["producer_code"].header, "province": lookups.province.name}
        )


def _new_producer(row: PlannedRow, raw: dict) -> None:
    """The name and kind of a producer the row creates."""
    if not row.values.get("producer_name"):
        row.errors.append(cells.required_error(COLUMN["producer_name"]))
        return
    row.new_producer_key = normalize_search_text(row.values["producer_name"])
    kind = KIND_BY_FOLDED.get(normalize_search_text(row.values.get("producer_kind", "")))
    if kind is None:
        row.errors.append(
            _(
                "%(column)s: for a new producer write Doanh nghiệp, Hợp tác xã, "
                "Tổ hợp tác or Hộ sản xuất kinh doanh."
            )
            % {"column": COLUMN["producer_kind"].header}
        )
    row.data["producer_kind"] = kind
    row.read("producer_name", raw.get("producer_name"))


def _find_ward(row: PlannedRow, lookups: Lookups) -> None:
    name = row.values.get("ward")
    if not name:
        return
    row.ward = lookups.wards.get(normalize_search_text(name))
    if row.ward is None:
        row.errors.append(
            _("%(column)s: “%(ward)s” is not a commune or ward of %(province)s.")
            % {"column": COLUMN["ward"].header, "ward": name, "province": lookups.province.name}
        )


def _product_rule_errors(row: PlannedRow) -> list[str]:
    """The matched product's own rules (``Product.clean``) over the values the row would give it."""
    product = copy.copy(row.product)  # a model's copy has its own cache of related objects
    for name, value in product_changes(row).items():
        setattr(product, name, value)
    product.category = row.category  # already loaded: clean() reads its level
    try:
        product.clean()
    except ValidationError as error:
        return [
            f"{COLUMN_OF_PRODUCT_FIELD[name].header}: {message}"
            if name in COLUMN_OF_PRODUCT_FIELD
            else message
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []


def _match(row: PlannedRow, lookups: Lookups, seen: dict[tuple[str, str], int]) -> None:
    """Decide what the row does: update its certificate, add one to its product, or create both."""
    key = _key(row.data["name"], row.data["decision_number"])
    if key in seen:
        row.errors.append(
            _("This row repeats row %(row)s (same product name and decision number).") % {"row": seen[key]}
        )
        return
    seen[key] = row.number
    certificate = lookups.local_certificates.get(key)
    if certificate is not None:
        row.certificate, row.product = certificate, certificate.product
        row.action = "update" if product_changes(row) or certificate_changes(row) else "unchanged"
        row.errors += _product_rule_errors(row)
    else:
        folded_name = normalize_search_text(row.data["name"])
        row.product = lookups.local_products.get((row.producer.pk, folded_name)) if row.producer else None
        row.action = "certificate" if row.product else "create"


def plan_row(number: int, raw: dict, lookups: Lookups, seen: dict[tuple[str, str], int]) -> PlannedRow:
    """Check one row and decide what it would do; ``seen`` holds the keys of the rows before it."""
    row = PlannedRow(number=number, values={key: cells.text(value) for key, value in raw.items()})
    row.errors = _formula_errors(raw)
    if row.errors:
        return row
    for key in ROW_VALUES:
        row.data[key] = row.read(key, raw.get(key))
    row.data["name"] = row.data.pop("product_name")
    _find_category(row, lookups)
    _find_producer(row, raw, lookups)
    _find_ward(row, lookups)
    if not row.errors:
        _match(row, lookups, seen)
    return row


def plan_import(*, rows: list[tuple[int, dict]], province: Province, progress=None) -> ImportPlan:
    """Check every row and decide what it would do, with a bounded number of queries."""
    lookups = Lookups.load(rows=rows, province=province)
    seen: dict[tuple[str, str], int] = {}
    planned = []
    for index, (number, raw) in enumerate(rows):
        if progress:
            progress(index + 1, len(rows))
        planned.append(plan_row(number, raw, lookups, seen))
    return ImportPlan(province=province, rows=planned)


def product_changes(row: PlannedRow) -> dict:
    """Fields of the matched product the row would change (blank optional cells change nothing)."""
    product, data = row.product, row.data
    wanted = {"category_id": row.category.pk}
    for field_name in ("price_min", "net_quantity", "story"):
        if data[field_name] not in (None, ""):
            wanted[field_name] = data[field_name]
    return {k: v for k, v in wanted.items() if getattr(product, k) != v}


def certificate_changes(row: PlannedRow) -> dict:
    """Fields of the matched certificate the row would change (a blank score changes nothing)."""
    certificate, data = row.certificate, row.data
    wanted = {"stars": data["stars"], "decision_date": data["decision_date"], "issuer": data["issuer"]}
    if data["score"] is not None:
        wanted["score"] = data["score"]
    return {k: v for k, v in wanted.items() if getattr(certificate, k) != v}
