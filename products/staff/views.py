"""Staff pages for products: dashboard, list, export, edit with formsets, detail, preview, status."""

from itertools import chain

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_filters.views import FilterView

from producers.models import Producer, PublicationStatus
from producers.permissions import (
    editable_provinces,
    is_national_admin,
)
from producers.services import (
    ACTION_LABELS,
    TRANSITIONS,
    StaleEditError,
    allowed_actions,
)
from producers.staff_views import apply_status_action
from products.models import Certificate, Product, ProductPhoto
from products.services import save_product
from products.staff import exports, history
from products.staff.access import StaffRequiredMixin, staff_required
from products.staff.filters import ProductFilter
from products.staff.forms import (
    CertificateFormSet,
    ChannelFormSet,
    NewPhotoFormSet,
    PhotoFormSet,
    ProductForm,
)

HISTORY_LIMIT = 30
DASHBOARD_LIMIT = 10


@require_safe
@staff_required
def dashboard(request):
    user = request.user
    today = timezone.localdate()
    products = Product.objects.editable_by(user)
    producers = Producer.objects.editable_by(user)
    by_status = products.count_by("status")
    by_stars = products.filter(stars__isnull=False).count_by("stars")
    cards = products.select_related("producer", "category")
    product_history = Product.history.select_related("history_user").order_by("-history_date")
    producer_history = Producer.history.select_related("history_user").order_by("-history_date")
    if not is_national_admin(user):
        province_ids = list(editable_provinces(user).values_list("pk", flat=True))
        product_history = product_history.filter(producer__province_id__in=province_ids)
        producer_history = producer_history.filter(province_id__in=province_ids)
    recent = sorted(
        chain(product_history[:DASHBOARD_LIMIT], producer_history[:DASHBOARD_LIMIT]),
        key=lambda r: r.history_date,
        reverse=True,
    )[:DASHBOARD_LIMIT]
    return render(
        request,
        "staff/dashboard.html",
        {
            "provinces": editable_provinces(user)[:3] if not is_national_admin(user) else None,
            "status_counts": [
                (label, by_status.get(value, 0), value) for value, label in PublicationStatus.choices
            ],
            "star_counts": [(stars, by_stars.get(stars, 0)) for stars in (3, 4, 5)],
            "producer_count": producers.count(),
            "pending_products": cards.filter(status=PublicationStatus.PENDING).order_by("updated_at")[
                :DASHBOARD_LIMIT
            ],
            "pending_producers": producers.filter(status=PublicationStatus.PENDING).order_by("updated_at")[
                :DASHBOARD_LIMIT
            ],
            "expiring": cards.expiring_on(today).order_by("certificate_expires_on")[:DASHBOARD_LIMIT],
            "expiring_count": products.expiring_on(today).count(),
            "expired": cards.expired_on(today).order_by("certificate_expires_on")[:DASHBOARD_LIMIT],
            "expired_count": products.expired_on(today).count(),
            "recent": recent,
        },
    )


def _staff_products(user):
    return Product.objects.editable_by(user).select_related(
        "producer__province", "category", "current_certificate"
    )


class ProductListView(StaffRequiredMixin, FilterView):
    filterset_class = ProductFilter
    template_name = "staff/product_list.html"
    paginate_by = 25

    def get_queryset(self):
        return _staff_products(self.request.user)


@require_safe
@staff_required
def product_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    filterset = ProductFilter(
        request.GET, queryset=Product.objects.editable_by(request.user), request=request
    )
    queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    headers, rows = exports.product_rows(queryset)
    return exports.respond(fmt=fmt, basename="products", headers=headers, rows=rows)


def _product_form_page(request, product: Product | None):
    user = request.user
    instance = product or Product()
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    initial = {}
    if product is None and data is None and request.GET.get("producer", "").isdigit():
        initial["producer"] = int(request.GET["producer"])  # only offered if in the user's choices
    form = ProductForm(data, instance=instance, user=user, initial=initial)
    certificates = CertificateFormSet(data, instance=instance, prefix="certificates")
    photos = PhotoFormSet(
        data, instance=instance, prefix="photos", queryset=ProductPhoto.objects.order_by("position", "pk")
    )
    channels = ChannelFormSet(data, instance=instance, prefix="channels")
    new_photos = NewPhotoFormSet(data, files, prefix="newphotos")
    stale = False
    if request.method == "POST":
        valid = all(
            [f.is_valid() for f in (form, certificates, photos, channels, new_photos)]  # noqa: C419
        )
        if valid:
            uploads = [f.cleaned_data for f in new_photos.forms if f.cleaned_data.get("image")]
            try:
                saved = save_product(
                    form=form,
                    certificates=certificates,
                    photos=photos,
                    channels=channels,
                    new_photos=uploads,
                    user=user,
                    expected_version=form.expected_version() if product else None,
                )
            except StaleEditError:
                stale = True
                messages.error(
                    request,
                    _(
                        "Somebody else saved this product after you opened it, so your changes were "
                        "not saved. Reload the page to see the current version, then make your "
                        "changes again."
                    ),
                )
            except IntegrityError:
                messages.error(
                    request,
                    _(
                        "The product could not be saved because it conflicts with another record. "
                        "Nothing was saved."
                    ),
                )
            else:
                messages.success(request, _("The product was saved."))
                return redirect("staff:product_detail", pk=saved.pk)
        else:
            messages.error(request, _("Please correct the errors below. Nothing was saved."))
    return render(
        request,
        "staff/product_form.html",
        {
            "form": form,
            "product": product,
            "certificates": certificates,
            "photos": photos,
            "channels": channels,
            "new_photos": new_photos,
            "stale": stale,
        },
    )


@staff_required
def product_create(request):
    return _product_form_page(request, None)


@staff_required
def product_edit(request, pk):
    product = get_object_or_404(Product.objects.editable_by(request.user), pk=pk)
    return _product_form_page(request, product)


def _detail_queryset(user):
    return _staff_products(user).prefetch_related(
        "standards",
        Prefetch("photos", queryset=ProductPhoto.objects.order_by("position", "pk")),
        "channels",
        Prefetch("certificates", queryset=Certificate.objects.order_by("-decision_date", "-pk")),
    )


@require_safe
@staff_required
def product_detail(request, pk):
    product = get_object_or_404(_detail_queryset(request.user), pk=pk)
    records = list(product.history.select_related("history_user")[:HISTORY_LIMIT])
    # The product lookup above is scoped to the user's provinces, and so are its certificates.
    certificate_records = list(
        Certificate.history.filter(product_id=product.pk)
        .select_related("history_user")
        .order_by("-history_date")[:HISTORY_LIMIT]
    )
    entries = history.entries(
        records + certificate_records,
        subject=lambda r: (
            _("Certificate %(number)s") % {"number": r.decision_number}
            if r.instance_type is Certificate
            else ""
        ),
    )[:HISTORY_LIMIT]
    return render(
        request,
        "staff/product_detail.html",
        {
            "product": product,
            "history": entries,
            "today": timezone.localdate(),
            "actions": [
                (a, ACTION_LABELS[a])
                for a in allowed_actions(
                    obj=product, province_id=product.producer.province_id, user=request.user
                )
            ],
        },
    )


@require_safe
@staff_required
def product_preview(request, pk):
    product = get_object_or_404(_detail_queryset(request.user), pk=pk)
    return render(request, "staff/product_preview.html", {"product": product, "today": timezone.localdate()})


@require_POST
@staff_required
def product_status(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    product = get_object_or_404(Product.objects.editable_by(request.user).select_related("producer"), pk=pk)
    changed = apply_status_action(
        request, obj=product, province_id=product.producer.province_id, action=action
    )
    if changed and action == "publish" and product.producer.status != PublicationStatus.PUBLISHED:
        messages.warning(
            request,
            _("The producer is not published yet, so the product stays hidden from the public until it is."),
        )
    return redirect("staff:product_detail", pk=product.pk)
