"""Loads the geography of 2025: 34 provinces, 63 former provinces, 3,321 communes and wards."""

import csv
from pathlib import Path

from django.db import transaction

from producers import catalog_version
from producers.models import FormerProvince, Province, Ward
from producers.text import vietnamese_slugify

DATA_DIR = Path(__file__).resolve().parent / "data"
FORMER_PROVINCES_CSV = DATA_DIR / "provinces_2025.csv"


def upsert_rows(model, rows: list[dict], *, key: str) -> tuple[int, int]:
    """Create missing rows and update changed ones, matched on ``key``; returns (created, updated)."""
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    to_create, to_update = [], []
    fields = [name for name in rows[0] if name != key] if rows else []
    for row in rows:
        obj = existing.get(row[key])
        if obj is None:
            to_create.append(model(**row))
        elif any(getattr(obj, name) != row[name] for name in fields):
            for name in fields:
                setattr(obj, name, row[name])
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=1000)
    model.objects.bulk_update(to_update, fields, batch_size=1000)
    if to_create or to_update:
        catalog_version.bump()
    return len(to_create), len(to_update)


def _read_former_provinces() -> list[dict[str, str]]:
    with FORMER_PROVINCES_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_geography() -> dict[str, tuple[int, int]]:
    """Idempotently load provinces, former provinces and wards; returns (created, updated) per table."""
    import vietnam_provinces as vp

    former_rows = _read_former_provinces()
    short_names = {row["new_code"]: row["new_name"] for row in former_rows}
    provinces = [
        {
            "code": f"{int(p.code):02d}",
            "name": short_names[f"{int(p.code):02d}"],
            "full_name": p.name,
            "slug": p.codename.replace("_", "-"),
            "kind": p.division_type.value,
        }
        for p in sorted(vp.Province.iter_all(), key=lambda p: int(p.code))
    ]
    result = {"provinces": upsert_rows(Province, provinces, key="code")}

    province_ids = dict(Province.objects.values_list("code", "pk"))
    former = [
        {
            "code": row["legacy_code"],
            "name": row["legacy_name"],
            "slug": vietnamese_slugify(row["legacy_name"]),
            "province_id": province_ids[row["new_code"]],
        }
        for row in former_rows
    ]
    result["former_provinces"] = upsert_rows(FormerProvince, former, key="code")

    wards = [
        {
            "code": f"{int(w.code):05d}",
            "name": w.name,
            "kind": w.division_type.value,
            "province_id": province_ids[f"{int(w.province_code):02d}"],
        }
        for w in sorted(vp.Ward.iter_all(), key=lambda w: int(w.code))
    ]
    result["wards"] = upsert_rows(Ward, wards, key="code")
    return result
