"""PostgreSQL-only indexes of the public pages; SQLite databases are small and keep scans.

- The list's default order (``STAR_ORDER``: stars descending with uncertified last, folded
  name, id) under the public filter, so page 1 and deep pages walk an index instead of
  sorting every published product; the same order within a product set, for related products.
  (SQLite cannot index ``NULLS LAST``, hence raw SQL on PostgreSQL only.)
- Search runs ``search_text LIKE 'term%' OR LIKE '% term%'`` on folded text (no diacritics,
  đ = d) on every database; on PostgreSQL trigram GIN indexes serve those LIKEs.
"""

from django.db import migrations

INDEXES = {
    "product_public_star_order": (
        "(stars DESC NULLS LAST, search_name, id) WHERE status = 'published'"
    ),
    "product_public_category_order": (
        "(category_id, stars DESC NULLS LAST, search_name, id) WHERE status = 'published'"
    ),
    "product_search_text_trgm": "USING gin (search_text gin_trgm_ops)",
    "product_search_name_trgm": "USING gin (search_name gin_trgm_ops)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON products_product {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0008_back_office_list_order_indexes"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
