"""Loads Decision 148's product categories and the list of standards a product can hold."""

import csv
from pathlib import Path

from django.db import transaction

from producers.reference import upsert_rows
from products.models import Category, Standard

CATEGORIES_CSV = Path(__file__).resolve().parent / "data" / "ocop_categories_148.csv"

STANDARDS = [
    ("vietgap", "VietGAP", "VietGAP"),
    ("globalgap", "GlobalGAP", "GlobalGAP"),
    ("organic", "Hữu cơ (TCVN 11041)", "Organic (TCVN 11041)"),
    ("haccp", "HACCP", "HACCP"),
    ("iso-22000", "ISO 22000", "ISO 22000"),
    ("iso-9001", "ISO 9001", "ISO 9001"),
    ("fssc-22000", "FSSC 22000", "FSSC 22000"),
    ("gmp", "GMP", "GMP"),
    ("geographical-indication", "Chỉ dẫn địa lý", "Geographical indication"),
    ("collective-trademark", "Nhãn hiệu tập thể", "Collective trademark"),
    ("traceability", "Truy xuất nguồn gốc", "Traceability code"),
]


@transaction.atomic
def load_categories() -> dict[str, tuple[int, int]]:
    """Idempotently load the category tree and the standards; returns (created, updated) per table."""
    with CATEGORIES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    nodes = [
        {
            "code": row["code"],
            "level": row["level"],
            "name_vi": row["name_vi"],
            "name_en": row["name_en"],
            "position": position,
        }
        for position, row in enumerate(rows)
    ]
    result = {"categories": upsert_rows(Category, nodes, key="code")}
    ids = dict(Category.objects.values_list("code", "pk"))
    parents = [{"code": row["code"], "parent_id": ids.get(row["parent_code"])} for row in rows]
    _, updated = upsert_rows(Category, parents, key="code")
    result["categories"] = (result["categories"][0], result["categories"][1] + updated)

    standards = [{"code": code, "name_vi": vi, "name_en": en} for code, vi, en in STANDARDS]
    result["standards"] = upsert_rows(Standard, standards, key="code")
    return result
