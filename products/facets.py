"""The product list's facet counts in one query, whatever the number of products.

Each facet counts the results as if its own filter were not chosen. One pass over the
products matching the search text (and the public filter) computes, per row, whether it
matches each chosen filter; then one statement sums, for each facet, the rows that match
every other filter, grouped by the facet's value (a UNION ALL over a common table, which
PostgreSQL and SQLite both run as one scan of the matching rows).
"""

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

# Facet name -> the column its options are counted by (None: one total, no grouping).
GROUPED = {
    "province": "producer__province_id",
    "stars": "stars",
    "category": "category_id",
    "kind": "producer__kind",
}


def _flag(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


def facet_counts(base: QuerySet, chosen: dict[str, Q], statuses: dict[str, Q]) -> dict:
    """Counts of every facet in one query.

    ``base`` is the list before any facet filter (public filter and search text); ``chosen``
    maps each facet the visitor chose to its condition; ``statuses`` maps each certificate
    status to its condition (the status facet's options).
    Returns {"province": {id: n}, "stars": {3: n}, "category": {id: n}, "kind": {k: n},
    "youth": n, "status": {"all": n, "valid": n, ...}}.
    """
    columns = {f"g_{name}": column for name, column in GROUPED.items()}
    flags = {f"m_{name}": _flag(condition) for name, condition in chosen.items()}
    flags["m_youth_value"] = _flag(Q(producer__youth_led=True))
    for status, condition in statuses.items():
        flags[f"s_{status}"] = _flag(condition)
    rows = base.order_by().annotate(**flags).values(*columns.values(), *flags)
    sql, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    # The inner SELECT names its columns after the fields; the CTE's header renames them.
    header = ", ".join(quote(alias) for alias in (*columns, *flags))

    def others(facet: str) -> str:
        terms = [_true(quote(f"m_{name}")) for name in chosen if name != facet]
        return " AND ".join(terms) or "1=1"

    # Only constant names and quoted aliases are written into the SQL; every value the visitor
    # sent is a parameter of the inner query (``params``).
    parts = []
    for name in GROUPED:
        column = quote(f"g_{name}")
        parts.append(
            f"SELECT '{name}', CAST({column} AS TEXT), COUNT(*) FROM facet_rows "  # noqa: S608
            f"WHERE {others(name)} GROUP BY {column}"
        )
    youth_rows = f"WHERE {others('youth')} AND {_true(quote('m_youth_value'))}"
    parts.append(f"SELECT 'youth', '1', COUNT(*) FROM facet_rows {youth_rows}")  # noqa: S608
    for status in statuses:
        parts.append(
            f"SELECT 'status', '{status}', COUNT(*) FROM facet_rows "  # noqa: S608
            f"WHERE {others('status')} AND {_true(quote('s_' + status))}"
        )
    parts.append(f"SELECT 'status', 'all', COUNT(*) FROM facet_rows WHERE {others('status')}")  # noqa: S608
    statement = f"WITH facet_rows ({header}) AS ({sql}) " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        result_rows = cursor.fetchall()
    return _collect(result_rows, statuses)


def _true(column: str) -> str:
    return f"{column} = 1" if connection.vendor == "sqlite" else column


def _collect(result_rows, statuses) -> dict:
    counts: dict = {name: {} for name in GROUPED}
    counts["youth"] = 0
    counts["status"] = dict.fromkeys(["all", *statuses], 0)
    for facet, value, count in result_rows:
        if facet == "youth":
            counts["youth"] = count
        elif facet == "status":
            counts["status"][value] = count
        elif value is not None:
            key = int(value) if facet in ("province", "stars", "category") else value
            counts[facet][key] = count
    return counts
