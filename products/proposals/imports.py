"""What an editor's import rows would change on a published product, added to its proposal."""

from __future__ import annotations

import copy
from functools import partial

from producers import proposals
from producers.proposals import read_fields, to_json
from products import certificates as certificate_rules
from products.models import Certificate, Product
from products.proposals.state import CERTIFICATE_FIELDS, normalized


def _entry_for_decision(entries: list[dict], decision_number: str) -> dict | None:
    folded = " ".join(decision_number.split()).casefold()
    for entry in entries:
        if " ".join(entry["decision_number"].split()).casefold() == folded:
            return entry
    return None


def import_rows_into(state: dict, rows) -> dict:
    """``state`` with what the import ``rows`` (matched to this product) would write."""
    payload = copy.deepcopy(state)
    certificate_field = Certificate._meta.get_field
    for row in rows:
        data = row.data
        wanted = {"category": row.category.pk}
        for name in ("price_min", "net_quantity", "story"):
            if data[name] not in (None, ""):
                wanted[name] = to_json(Product._meta.get_field(name), data[name])
        payload["fields"].update(wanted)
        values = {
            "stars": data["stars"],
            "decision_date": data["decision_date"].isoformat(),
            "issuer": data["issuer"],
        }
        if data["score"] is not None:
            values["score"] = to_json(certificate_field("score"), data["score"])
        if row.action == "update":
            entry = next((e for e in payload["certificates"] if e["id"] == row.certificate.pk), None)
            if entry is None:  # the proposal removed it; the file says it stays
                entry = {"id": row.certificate.pk, **read_fields(row.certificate, CERTIFICATE_FIELDS)}
                payload["certificates"].append(entry)
        else:
            entry = _entry_for_decision(
                [e for e in payload["certificates"] if e["id"] is None], data["decision_number"]
            )
            if entry is None:
                entry = {
                    "id": None,
                    **read_fields(Certificate(), CERTIFICATE_FIELDS),
                    "decision_number": data["decision_number"],
                    "level": certificate_rules.level_for(
                        stars=data["stars"], decision_date=data["decision_date"]
                    ),
                }
                payload["certificates"].append(entry)
        if entry.get("decision_date") != values["decision_date"]:
            expiry = certificate_rules.default_expiry(data["decision_date"])
            values["expires_on"] = expiry.isoformat() if expiry else None
        entry.update(values)
        _check_certificate(entry)
    return normalized(payload)


def _check_certificate(entry: dict) -> None:
    """The certificate rules over a proposed certificate (ValidationError), as the live write would."""
    certificate = Certificate()
    proposals.write_fields(certificate, entry, CERTIFICATE_FIELDS)
    certificate.full_clean(exclude=["product"], validate_unique=False, validate_constraints=False)


def propose_import(*, rows_by_product: dict[int, list], user) -> list:
    """Add what each product's import rows would change to its pending proposal, in one batch."""
    changes = {pk: partial(import_rows_into, rows=rows) for pk, rows in rows_by_product.items()}
    return proposals.propose_many(model=Product, changes=changes, user=user)
