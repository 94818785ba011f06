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

from __future__ import annotations

import copy
from functools import partial
from pathlib import Path

from django.core.files.images import get_image_dimensions
from django.core.files.storage import default_storage
from django.db import transaction

from producers import proposals
from producers.proposals import ChildChange, Diff, ProposalHandler, field_changes, read_fields, to_json
from producers.services import StaleEditError
from products import certificates as certificate_rules
from products.models import Certificate, Product, ProductPhoto, SalesChannel

# What the staff product page edits, and a proposal carries (staff.forms uses these lists).
PRODUCT_FIELDS = [
    "name",
    "producer",
    "category",
    "story",
    "net_quantity",
    "packaging",
    "shelf_life",
    "ingredients",
    "storage",
    "standards",
    "price_min",
    "price_max",
    "price_unit",
]
CERTIFICATE_FIELDS = [
    "stars",
    "decision_number",
    "decision_date",
    "issuer",
    "level",
    "score",
    "expires_on",
    "potential_five_star",
    "revoked_on",
    "revocation_reason",
]
PHOTO_FIELDS = ["alt_text", "position"]
PHOTO_FILES = ["image", "width", "height", "card_image", "card_width", "card_height"]
CHANNEL_FIELDS = ["kind", "url", "label"]


# States -----------------------------------------------------------------------------------------


def _by_id(entry: dict) -> tuple:
    return (entry.get("id") is None, entry.get("id") or 0, entry.get("key", ""))


def normalized(payload: dict) -> dict:
    """``payload`` with its children in a fixed order, so that equal states compare equal."""
    return {
        "fields": payload["fields"],
        "certificates": sorted(payload["certificates"], key=_by_id),
        "photos": sorted(payload["photos"], key=lambda e: (e["position"], *_by_id(e))),
        "channels": sorted(payload["channels"], key=_by_id),
    }


def _photo_files(photo: ProductPhoto) -> dict:
    return {
        "image": photo.image.name,
        "width": photo.width,
        "height": photo.height,
        "card_image": photo.card_image.name or "",
        "card_width": photo.card_width,
        "card_height": photo.card_height,
    }


def _certificate_entry(values: dict, pk: int | None) -> dict:
    """A certificate's state; an empty expiry is 36 months after the decision, as ``save()`` sets."""
    entry = {"id": pk, **values}
    if entry.get("expires_on") is None and entry.get("decision_date"):
        expiry = certificate_rules.default_expiry(
            Certificate._meta.get_field("decision_date").to_python(entry["decision_date"])
        )
        entry["expires_on"] = expiry.isoformat() if expiry else None
    return entry


def _state_of(model, names: list[str], values: dict) -> dict:
    return {name: to_json(model._meta.get_field(name), values.get(name)) for name in names}


def stage_photo(*, renditions, alt_text: str, position: int) -> dict:
    """Store an upload's renditions under their random names, for a proposal; returns its entry."""
    image_field = ProductPhoto._meta.get_field("image")
    card_field = ProductPhoto._meta.get_field("card_image")
    page, card = renditions.page, renditions.card
    width, height = get_image_dimensions(page)
    card_width, card_height = get_image_dimensions(card)
    page.seek(0)
    card.seek(0)
    image = default_storage.save(image_field.generate_filename(None, page.name), page)
    card_image = default_storage.save(card_field.generate_filename(None, card.name), card)
    return {
        "id": None,
        "key": Path(page.name).stem,
        "alt_text": alt_text,
        "position": position,
        "image": image,
        "width": width,
        "height": height,
        "card_image": card_image,
        "card_width": card_width,
        "card_height": card_height,
    }


def payload_from_forms(
    *, state: dict, form, certificates, photos, staged_photos, channels, new_photos
) -> dict:
    """The proposed state the staff product page's validated forms describe.

    ``state`` is the proposal the page continued (its staged photos are looked up there by
    key) or the live snapshot; ``new_photos`` are entries from ``stage_photo``.
    """
    staged = {entry["key"]: entry for entry in state["photos"] if entry.get("key")}
    result = {
        "fields": proposals.form_state(form, PRODUCT_FIELDS),
        "certificates": [],
        "photos": [],
        "channels": [],
    }
    for subform in _kept(certificates):
        values = _state_of(Certificate, CERTIFICATE_FIELDS, subform.cleaned_data)
        result["certificates"].append(_certificate_entry(values, subform.instance.pk))
    for subform in _kept(photos):
        result["photos"].append(
            {
                "id": subform.instance.pk,
                **_state_of(ProductPhoto, PHOTO_FIELDS, subform.cleaned_data),
                **_photo_files(subform.instance),
            }
        )
    for subform in _kept(staged_photos):
        entry = staged.get(subform.cleaned_data["key"])
        if entry is None:
            raise StaleEditError  # the proposal the page showed holds no such photo any more
        result["photos"].append({**entry, **_state_of(ProductPhoto, PHOTO_FIELDS, subform.cleaned_data)})
    next_position = max((entry["position"] for entry in result["photos"]), default=-1) + 1
    for offset, entry in enumerate(new_photos):
        result["photos"].append({**entry, "position": next_position + offset})
    for subform in _kept(channels):
        values = _state_of(SalesChannel, CHANNEL_FIELDS, subform.cleaned_data)
        result["channels"].append({"id": subform.instance.pk, **values})
    return normalized(result)


def propose_product_edit(
    *,
    form,
    certificates,
    photos,
    staged_photos,
    channels,
    new_photos: list[dict],
    user,
    expected_version: int | None,
    proposal_version: int | None,
):
    """Store the staff product page of a published product as its proposal; nothing live changes.

    New photos are re-encoded already (``new_photos`` holds the upload forms' cleaned data) and
    stored now under random names, attached to the proposal only; if the proposal is not
    saved, they are deleted again. Raises StaleEditError as ``producers.proposals.propose``.
    """
    staged: list[dict] = []
    try:
        for data in new_photos:
            staged.append(stage_photo(renditions=data["renditions"], alt_text=data["alt_text"], position=0))
        return proposals.propose(
            obj=form.instance,
            user=user,
            change=lambda state: payload_from_forms(
                state=state,
                form=form,
                certificates=certificates,
                photos=photos,
                staged_photos=staged_photos,
                channels=channels,
                new_photos=staged,
            ),
            expected_version=expected_version,
            proposal_version=proposal_version,
        )
    except BaseException:
        for entry in staged:
            default_storage.delete(entry["image"])
            default_storage.delete(entry["card_image"])
        raise


def _kept(formset) -> list:
    """The forms of a validated formset that stay: filled in, not marked for deletion."""
    if not formset.is_bound:
        return []
    return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


# Import ----------------------------------------------------------------------------------------


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


# The handler ------------------------------------------------------------------------------------


def _certificate_title(entry: dict) -> str:
    date = proposals.display(Certificate._meta.get_field("decision_date"), entry.get("decision_date"))
    return f"{entry.get('stars')}★ {entry.get('decision_number')} ({date})"


def _channel_title(entry: dict) -> str:
    kind = proposals.display(SalesChannel._meta.get_field("kind"), entry.get("kind"))
    return f"{kind}: {entry.get('url')}"


def _photo_image(entry: dict) -> dict:
    name = entry.get("card_image") or entry.get("image")
    width = entry.get("card_width") if entry.get("card_image") else entry.get("width")
    height = entry.get("card_height") if entry.get("card_image") else entry.get("height")
    return {"url": default_storage.url(name), "width": width or 480, "height": height or 360}


def _child_changes(model, names, old: list[dict], new: list[dict], title, image=None) -> list[ChildChange]:
    group = str(model._meta.verbose_name).capitalize()
    old_by_id = {entry["id"]: entry for entry in old}
    kept = {entry["id"] for entry in new if entry.get("id")}
    result = []
    for entry in new:
        picture = image(entry) if image else None
        before = old_by_id.get(entry.get("id"))
        if before is None:
            result.append(ChildChange("added", group, title(entry), image=picture))
            continue
        changes = field_changes(model, names, before, entry)
        if changes:
            result.append(ChildChange("changed", group, title(before), changes, image=picture))
    for pk, entry in old_by_id.items():
        if pk not in kept:
            result.append(ChildChange("removed", group, title(entry), image=image(entry) if image else None))
    return result


class ProductProposals(ProposalHandler):
    model = Product

    def province_id(self, obj) -> int | None:
        return obj.producer.province_id

    def lock(self, pk: int):
        return Product.objects.select_for_update(of=("self",)).select_related("producer").get(pk=pk)

    def lock_many(self, pks: list[int]) -> dict:
        products = (
            Product.objects.select_for_update(of=("self",))
            .select_related("producer")
            .prefetch_related("certificates", "photos", "channels", "standards")
            .filter(pk__in=pks)
        )
        return {product.pk: product for product in products}

    def snapshot(self, obj) -> dict:
        return normalized(
            {
                "fields": read_fields(obj, PRODUCT_FIELDS),
                "certificates": [
                    {"id": c.pk, **read_fields(c, CERTIFICATE_FIELDS)} for c in obj.certificates.all()
                ],
                "photos": [
                    {"id": p.pk, **read_fields(p, PHOTO_FIELDS), **_photo_files(p)} for p in obj.photos.all()
                ],
                "channels": [{"id": c.pk, **read_fields(c, CHANNEL_FIELDS)} for c in obj.channels.all()],
            }
        )

    def diff(self, old: dict, new: dict) -> Diff:
        return Diff(
            fields=field_changes(Product, PRODUCT_FIELDS, old["fields"], new["fields"]),
            children=[
                *_child_changes(
                    Certificate,
                    CERTIFICATE_FIELDS,
                    old["certificates"],
                    new["certificates"],
                    _certificate_title,
                ),
                *_child_changes(
                    ProductPhoto,
                    PHOTO_FIELDS,
                    old["photos"],
                    new["photos"],
                    lambda e: e["alt_text"],
                    _photo_image,
                ),
                *_child_changes(
                    SalesChannel, CHANNEL_FIELDS, old["channels"], new["channels"], _channel_title
                ),
            ],
        )

    def differs(self, old: dict, new: dict) -> bool:
        return normalized(old) != normalized(new)

    def staged_files(self, payload: dict) -> set[str]:
        names = set()
        for entry in payload["photos"]:
            if entry.get("id") is None:
                names |= {entry["image"], entry["card_image"]} - {""}
        return names

    def apply(self, obj, payload: dict, *, user, reason: str) -> None:
        proposals.write_fields(obj, payload["fields"], PRODUCT_FIELDS)
        obj._history_user, obj._change_reason = user, reason
        obj.full_clean(validate_unique=False)
        obj.save()
        obj.standards.set(payload["fields"]["standards"])
        stamp = {"_history_user": user, "_change_reason": reason}
        _apply_children(
            obj.certificates.all(),
            payload["certificates"],
            CERTIFICATE_FIELDS,
            stamp,
            new=lambda entry: Certificate(product=obj),
        )
        removed = _apply_children(
            obj.photos.all(),
            payload["photos"],
            PHOTO_FIELDS,
            stamp,
            # The staged renditions become the photo's files; their sizes are known, not re-read.
            new=lambda entry: ProductPhoto(product=obj, **{name: entry[name] for name in PHOTO_FILES}),
        )
        for photo in removed:
            # A removed photo leaves the server too, once the approval is committed.
            for name in (photo.image.name, photo.card_image.name):
                if name:
                    transaction.on_commit(partial(default_storage.delete, name))
        _apply_children(
            obj.channels.all(),
            payload["channels"],
            CHANNEL_FIELDS,
            stamp,
            new=lambda entry: SalesChannel(product=obj),
        )
        obj.sync_current_certificate()


def _apply_children(live, entries: list[dict], names: list[str], stamp: dict, *, new) -> list:
    """Make the live children ``live`` what ``entries`` say: remove, then update, then add.

    Returns the removed rows. A kept id that is no longer live means the product changed
    since the proposal: StaleEditError.
    """
    by_id = {child.pk: child for child in live}
    kept = {entry["id"] for entry in entries if entry.get("id")}
    if kept - set(by_id):
        raise StaleEditError
    removed = [child for pk, child in by_id.items() if pk not in kept]
    for child in removed:
        for attribute, value in stamp.items():
            setattr(child, attribute, value)
        child.delete()
    for entry in sorted(entries, key=_by_id):
        child = by_id[entry["id"]] if entry.get("id") else new(entry)
        proposals.write_fields(child, entry, names)
        for attribute, value in stamp.items():
            setattr(child, attribute, value)
        child.full_clean(exclude=["product"], validate_unique=False)
        child.save()
    return removed
