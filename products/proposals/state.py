"""A product's proposed state: the fields it carries, and the state the staff page's forms describe."""

from __future__ import annotations

from pathlib import Path

from django.core.files.images import get_image_dimensions
from django.core.files.storage import default_storage

from producers import proposals
from producers.proposals import to_json
from producers.services import StaleEditError
from products import certificates as certificate_rules
from products.models import Certificate, ProductPhoto, SalesChannel

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


def by_id(entry: dict) -> tuple:
    return (entry.get("id") is None, entry.get("id") or 0, entry.get("key", ""))


def normalized(payload: dict) -> dict:
    """``payload`` with its children in a fixed order, so that equal states compare equal."""
    return {
        "fields": payload["fields"],
        "certificates": sorted(payload["certificates"], key=by_id),
        "photos": sorted(payload["photos"], key=lambda e: (e["position"], *by_id(e))),
        "channels": sorted(payload["channels"], key=by_id),
    }


def photo_files(photo: ProductPhoto) -> dict:
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
                **photo_files(subform.instance),
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
