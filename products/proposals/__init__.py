"""A published product's proposed changes: the product with its certificates, photos and channels.

The payload (``producers.proposals`` stores it) is the whole proposed state::

    {"fields": {"name": ..., "producer": 12, "standards": [1, 4], ...},
     "certificates": [{"id": 5 or None, "stars": 4, "decision_date": "2024-10-15", ...}],
     "photos": [{"id": 7 or None, "alt_text": ..., "position": 0, "image": ..., "key": ...}],
     "channels": [{"id": 3 or None, "kind": "shopee", "url": ..., "label": ""}]}

A child with an id is a live row kept (and maybe changed); without one it is new; a live row
missing from a list is removed. A new photo is re-encoded when proposed and stored under a
random name (its ``key``), but no ``ProductPhoto`` row points at it until the approval.
"""

from products.proposals.handler import ProductProposals
from products.proposals.imports import import_rows_into, propose_import
from products.proposals.state import (
    CERTIFICATE_FIELDS,
    CHANNEL_FIELDS,
    PHOTO_FIELDS,
    PHOTO_FILES,
    PRODUCT_FIELDS,
    normalized,
    payload_from_forms,
    propose_product_edit,
    stage_photo,
)

__all__ = [
    "CERTIFICATE_FIELDS",
    "CHANNEL_FIELDS",
    "PHOTO_FIELDS",
    "PHOTO_FILES",
    "PRODUCT_FIELDS",
    "ProductProposals",
    "import_rows_into",
    "normalized",
    "payload_from_forms",
    "propose_import",
    "propose_product_edit",
    "stage_photo",
]
