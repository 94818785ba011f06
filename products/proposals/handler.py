"""The product's proposal handler: snapshot, differences and approval of a product with its children."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.utils.text import capfirst

from producers import proposals
from producers.proposals import ChildChange, Diff, ProposalHandler, field_changes, read_fields
from producers.services import StaleEditError
from products.models import Certificate, Product, ProductPhoto, SalesChannel
from products.proposals.state import (
    CERTIFICATE_FIELDS,
    CHANNEL_FIELDS,
    PHOTO_FIELDS,
    PHOTO_FILES,
    PRODUCT_FIELDS,
    by_id,
    normalized,
    photo_files,
)


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
    group = capfirst(str(model._meta.verbose_name))
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
                    {"id": p.pk, **read_fields(p, PHOTO_FIELDS), **photo_files(p)} for p in obj.photos.all()
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
        # A removed photo's files leave the server once the approval commits (products.media).
        _apply_children(
            obj.photos.all(),
            payload["photos"],
            PHOTO_FIELDS,
            stamp,
            # The staged renditions become the photo's files; their sizes are known, not re-read.
            new=lambda entry: ProductPhoto(product=obj, **{name: entry[name] for name in PHOTO_FILES}),
        )
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
    children = {child.pk: child for child in live}
    kept = {entry["id"] for entry in entries if entry.get("id")}
    if kept - set(children):
        raise StaleEditError
    removed = [child for pk, child in children.items() if pk not in kept]
    for child in removed:
        for attribute, value in stamp.items():
            setattr(child, attribute, value)
        child.delete()
    for entry in sorted(entries, key=by_id):
        child = children[entry["id"]] if entry.get("id") else new(entry)
        proposals.write_fields(child, entry, names)
        for attribute, value in stamp.items():
            setattr(child, attribute, value)
        child.full_clean(exclude=["product"], validate_unique=False)
        child.save()
    return removed
