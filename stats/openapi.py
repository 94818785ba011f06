"""The OpenAPI 3.1 document of ``/api/v1/``, written by hand (validated in tests/stats/test_api.py)."""

from stats.opendata import FIELDS

NULLABLE_TEXT = {"type": ["string", "null"]}


def _list_of(ref: str) -> dict:
    return {
        "type": "object",
        "required": ["licence", "as_of", "count", "page", "pages", "next", "previous", "results"],
        "properties": {
            "licence": {"type": "string"},
            "as_of": {"type": "string", "format": "date-time"},
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{ref}"}},
        },
    }


def _parameter(name: str, description: str, *, many: bool = False, enum: list | None = None) -> dict:
    schema: dict = {"type": "string"}
    if enum:
        schema["enum"] = enum
    if many:
        schema = {"type": "array", "items": schema}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if many else {}),
    }


PAGING = [
    _parameter("page", "Page number, from 1; past the last page gives the last page."),
    _parameter("page_size", "Records per page, 1 to 100 (default 50)."),
]
CATALOG_FILTERS = [
    _parameter("province", "Province slug, e.g. ha-tinh.", many=True),
    _parameter("stars", "Star level.", many=True, enum=["3", "4", "5"]),
    _parameter("category", "Decision 148 code; a group includes its sets."),
    _parameter(
        "kind",
        "Producer kind.",
        many=True,
        enum=["enterprise", "cooperative", "cooperative_group", "household"],
    ),
    _parameter("youth", "1: youth-led producers only.", enum=["1"]),
    _parameter("status", "Certificate status (default valid).", enum=["valid", "expiring", "expired", "all"]),
    _parameter("q", "Search text, without diacritics or with."),
    _parameter("sort", "Order.", enum=["relevance", "stars", "newest", "name"]),
]


def _operation(summary: str, ref: str, parameters: list) -> dict:
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": "One page of records.",
                    "content": {"application/json": {"schema": _list_of(ref)}},
                },
                "429": {"description": "Too many requests from this address; see Retry-After."},
            },
        }
    }


def _object(properties: dict) -> dict:
    return {"type": "object", "required": list(properties), "properties": properties}


def openapi_document(server: str) -> dict:
    product = dict.fromkeys(FIELDS, NULLABLE_TEXT)
    product.update(
        {"stars": {"type": ["integer", "null"], "enum": [3, 4, 5, None]}, "name": {"type": "string"}}
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "OCOP catalog open data API",
            "version": "1",
            "description": (
                "Read-only. The products, producers, provinces and Decision 148 categories the public "
                "pages show; never unpublished data. The product filters are those of /products/. "
                "Licence: CC BY 4.0. Rate-limited per client address (HTTP 429 with Retry-After)."
            ),
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": server}],
        "paths": {
            "/products/": _operation(
                "Products, filtered as /products/ is", "Product", CATALOG_FILTERS + PAGING
            ),
            "/producers/": _operation(
                "Published producers",
                "Producer",
                [
                    _parameter("province", "Province slug.", many=True),
                    _parameter("kind", "Producer kind.", many=True),
                    _parameter("youth", "1: youth-led only.", enum=["1"]),
                    *PAGING,
                ],
            ),
            "/provinces/": _operation("The 34 provinces", "Province", PAGING),
            "/categories/": _operation("Decision 148 groups, subgroups and sets", "Category", PAGING),
        },
        "components": {
            "schemas": {
                "Product": _object(product),
                "Producer": _object(
                    {
                        "name": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                        "kind": {"type": "string"},
                        "province": {"type": "string"},
                        "youth_led": {"type": "boolean"},
                        "women_led": {"type": "boolean"},
                        "ethnic_minority": {"type": "boolean"},
                    }
                ),
                "Province": _object(
                    {
                        "slug": {"type": "string"},
                        "name": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                        "valid_products": {"type": "integer"},
                    }
                ),
                "Category": _object(
                    {
                        "code": {"type": "string"},
                        "level": {"type": "string", "enum": ["group", "subgroup", "set"]},
                        "name_vi": {"type": "string"},
                        "name_en": {"type": "string"},
                        "parent": NULLABLE_TEXT,
                    }
                ),
            }
        },
    }
