"""Multi-model writes on products: the edit page (product, certificates, photos, channels) and imports."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from producers import catalog_version
from producers.models import Producer, Province, PublicationStatus
from producers.proposals import needs_approval
from producers.services import save_versioned_form
from producers.slugs import unique_slugs
from producers.text import normalize_search_text
from products import certificates as certificate_rules
from products.imports import certificate_changes, plan_import, product_changes
from products.models import Certificate, Product, ProductPhoto
from products.proposals import propose_import


@transaction.atomic
def save_product(
    *,
    form,
    certificates,
    photos,
    channels,
    new_photos: list[dict],
    user,
    expected_version: int | None,
) -> Product:
    """Save a validated product form and its formsets together, or nothing at all.

    ``new_photos`` holds the cleaned data of the upload forms (already re-encoded
    renditions and alt text). Raises StaleEditError if the product was saved by someone
    else since ``expected_version``.
    """
    province_id = form.instance.producer.province_id if form.instance.pk else None
    product = save_versioned_form(
        form=form, user=user, expected_version=expected_version, province_id=province_id
    )
    # An approver's save of a published product: its children's history says so too.
    reason = getattr(product, "_change_reason", None)
    for formset in (certificates, photos, channels):
        formset.instance = product
        for subform in formset.forms:
            subform.instance._history_user = user
            subform.instance._change_reason = reason
        formset.save()
    # A removed photo's files leave the server once the removal commits (products.media).
    next_position = max((p.position for p in product.photos.all()), default=-1) + 1
    for offset, data in enumerate(new_photos):
        renditions = data["renditions"]
        photo = ProductPhoto(product=product, alt_text=data["alt_text"], position=next_position + offset)
        photo._history_user, photo._change_reason = user, reason
        photo.image.save(renditions.page.name, renditions.page, save=False)
        photo.card_image.save(renditions.card.name, renditions.card, save=False)
        photo.full_clean()
        photo.save()
    product.sync_current_certificate()
    return product


# Relations are set from objects the plan loaded, and slugs are unique by construction.
_CLEAN_EXCLUDE = ["producer", "category", "product", "province", "ward", "slug"]
_REASON = "import"


def _checked(obj):
    """``obj`` after the model's field and ``clean()`` rules (bulk writes skip ``save()``)."""
    obj.full_clean(exclude=_CLEAN_EXCLUDE, validate_unique=False, validate_constraints=False)
    return obj


def _create_producers(plan, user) -> None:
    """New producers, one per distinct name; then every row knows its producer."""
    new_producers: dict[str, Producer] = {}
    for row in plan.rows:
        if row.producer is None and row.new_producer_key not in new_producers:
            new_producers[row.new_producer_key] = Producer(
                name=row.values["producer_name"],
                kind=row.data["producer_kind"],
                province=plan.province,
                ward=row.ward,
                status=PublicationStatus.DRAFT,
            )
    if new_producers:
        objs = list(new_producers.values())
        for producer, slug in zip(objs, unique_slugs(Producer, [p.name for p in objs]), strict=True):
            producer.slug = slug
            producer.search_text = normalize_search_text(producer.name)
            _checked(producer)
        bulk_create_with_history(
            objs, Producer, batch_size=500, default_user=user, default_change_reason=_REASON
        )
    for row in plan.rows:
        if row.producer is None:
            row.producer = new_producers[row.new_producer_key]


def _create_products(plan, user) -> None:
    """New products; rows sharing producer and name share one product."""
    new_products: dict[tuple, Product] = {}
    for row in plan.rows:
        if row.action == "create":
            key = (id(row.producer), normalize_search_text(row.data["name"]))
            if key not in new_products:
                new_products[key] = Product(
                    name=row.data["name"],
                    producer=row.producer,
                    category=row.category,
                    net_quantity=row.data["net_quantity"],
                    story=row.data["story"],
                    price_min=row.data["price_min"],
                    status=PublicationStatus.DRAFT,
                )
            row.product = new_products[key]
    if new_products:
        objs = list(new_products.values())
        for product, slug in zip(objs, unique_slugs(Product, [p.name for p in objs]), strict=True):
            product.slug = slug
            product.set_search_fields()
            _checked(product)
        bulk_create_with_history(
            objs, Product, batch_size=500, default_user=user, default_change_reason=_REASON
        )


def _update_matched(plan, user) -> None:
    """Write what the rows matched to existing certificates change, in their products too.

    Every existing product a row changes, or adds a certificate to, moves a version further.
    """
    changed_products, product_fields = {}, set()
    changed_certificates, certificate_fields = [], set()
    for row in plan.rows:
        if row.waits_for_approval:
            continue
        if row.action == "certificate":
            # Its page changes: a form opened before, or a proposal made before, is now stale
            # (an approval would otherwise remove the new certificate again).
            changed_products[row.product.pk] = row.product
            continue
        if row.action != "update":
            continue
        changes = product_changes(row)
        if changes:
            for name, value in changes.items():
                setattr(row.product, name, value)
            product_fields.update(changes)
            changed_products[row.product.pk] = row.product
        changes = certificate_changes(row)
        if changes:
            for name, value in changes.items():
                setattr(row.certificate, name, value)
            if "decision_date" in changes:
                row.certificate.expires_on = certificate_rules.default_expiry(row.certificate.decision_date)
                changes["expires_on"] = row.certificate.expires_on
            changed_certificates.append(_checked(row.certificate))
            certificate_fields.update(changes)
            # Certificates are edited on the product's page: a form opened before this import
            # must be refused as stale rather than write the old certificate back.
            changed_products[row.product.pk] = row.product
    _update_products(list(changed_products.values()), product_fields, user)
    if changed_certificates:
        bulk_update_with_history(
            changed_certificates,
            Certificate,
            sorted(certificate_fields),
            batch_size=500,
            default_user=user,
            default_change_reason=_REASON,
        )


def _update_products(products: list[Product], changed_fields: set[str], user) -> None:
    """Save the changed fields of ``products``, each a version further (stale forms are refused)."""
    if not products:
        return
    now = timezone.now()
    for product in products:
        product.version += 1
        product.set_search_fields()
        _checked(product)
        product.updated_at = now
    fields = sorted(changed_fields | {"version", "search_text", "search_name", "updated_at"})
    bulk_update_with_history(
        products, Product, fields, batch_size=500, default_user=user, default_change_reason=_REASON
    )


def _create_certificates(plan, user) -> None:
    """The certificate of every row that adds one (to a new or an existing product)."""
    new_certificates = []
    for row in plan.rows:
        if row.action in ("create", "certificate") and not row.waits_for_approval:
            data = row.data
            certificate = Certificate(
                product=row.product,
                stars=data["stars"],
                score=data["score"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                issuer=data["issuer"],
                level=certificate_rules.level_for(stars=data["stars"], decision_date=data["decision_date"]),
                expires_on=certificate_rules.default_expiry(data["decision_date"]),
            )
            new_certificates.append(_checked(certificate))
    if new_certificates:
        bulk_create_with_history(
            new_certificates, Certificate, batch_size=500, default_user=user, default_change_reason=_REASON
        )


def mark_rows_for_approval(plan, user) -> int:
    """Mark the rows that would change a published product ``user`` may not approve; how many.

    Those rows write nothing live: ``apply_import`` adds them to their product's proposal.
    """
    for row in plan.rows:
        row.waits_for_approval = (
            not row.errors
            and row.action in ("update", "certificate")
            and needs_approval(obj=row.product, province_id=plan.province.pk, user=user)
        )
    return sum(1 for row in plan.rows if row.waits_for_approval)


def _propose_changes(plan, user) -> None:
    """Each published product's waiting rows, added to its pending proposal."""
    by_product: dict[int, list] = {}
    for row in plan.rows:
        if row.waits_for_approval:
            by_product.setdefault(row.product.pk, []).append(row)
    if by_product:
        propose_import(rows_by_product=by_product, user=user)


@transaction.atomic
def apply_import(*, plan, user, progress=None) -> dict[str, int]:
    """Write an error-free import plan into the plan's province, all rows or none.

    Bulk writes keep a 5,000-row file fast; history records are written for every created or
    changed row with ``user`` as author. Rows marked unchanged write nothing. Rows that would
    change a published product of an editor (``mark_rows_for_approval``) become its proposal
    and count as ``proposed``. ``progress`` is told the share of the write that is finished,
    counted in rows.
    """
    if not plan.is_valid:
        raise ValidationError("The import plan has errors.")
    mark_rows_for_approval(plan, user)
    total = len(plan.rows)
    steps = (
        (_create_producers, 0.1),
        (_create_products, 0.4),
        (_update_matched, 0.5),
        (_create_certificates, 0.7),
        (_propose_changes, 0.8),
    )
    for step, finished in steps:
        step(plan, user)
        if progress:
            progress(round(total * finished), total)
    # The denormalised current certificate of every touched product.
    touched = {
        row.product.pk for row in plan.rows if row.action != "unchanged" and not row.waits_for_approval
    }
    Product.objects.filter(pk__in=touched).sync_current_certificates()
    catalog_version.bump()  # the bulk writes above send no signal
    if progress:
        progress(total, total)
    counts = {
        action: sum(1 for row in plan.rows if row.action == action and not row.waits_for_approval)
        for action in ("create", "certificate", "update", "unchanged")
    }
    counts["proposed"] = sum(1 for row in plan.rows if row.waits_for_approval)
    return counts


@transaction.atomic
def run_import(*, rows, province, user, progress=None, check_progress=None):
    """Check ``rows`` and, if every row is valid, write them; returns (plan, counts or None).

    The province row is locked first, so two imports into one province (a double click on
    "import now", two staff at once) run one after the other and the second sees the first's
    rows: it finds them unchanged instead of creating duplicates. The province's product rows
    are locked as well, against staff edits saved between the check and the write.
    """
    Province.objects.select_for_update().get(pk=province.pk)
    # Staff edits do not take the province lock, so lock the province's products too: an edit
    # saving meanwhile waits for this import and is then refused as stale, instead of being
    # overwritten by what the import checked before it.
    list(
        Product.objects.filter(producer__province=province).select_for_update(of=("self",)).values_list("pk")
    )
    plan = plan_import(rows=rows, province=province, progress=check_progress)
    if not plan.is_valid:
        return plan, None
    return plan, apply_import(plan=plan, user=user, progress=progress)
