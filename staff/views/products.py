"""Staff pages for products: list, create and edit with formsets, detail, preview, publication."""

from dataclasses import dataclass

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_filters.views import FilterView

from producers.models import ChangeProposal, PublicationStatus
from producers.services import TRANSITIONS, StaleEditError, posted_version
from products.models import Certificate, Product, ProductPhoto, SalesChannel
from products.photos import MAX_PHOTOS_PER_PRODUCT, too_many_photos_message
from products.proposals import propose_product_edit
from products.services import save_product
from staff import history
from staff.access import StaffRequiredMixin, staff_required
from staff.filters import StaffProductFilter
from staff.forms import (
    CertificateFormSet,
    ChannelFormSet,
    NewPhotoFormSet,
    PhotoFormSet,
    ProductForm,
    StagedPhotoFormSet,
)
from staff.messages import NOTHING_PROPOSED, PROPOSED, STALE_EDIT
from staff.views import proposals
from staff.views.publication import action_buttons, apply_status_action


def _staff_products(user):
    return (
        Product.objects.editable_by(user)
        .select_related("producer__province", "category", "current_certificate")
        .annotate(has_pending_changes=ChangeProposal.objects.pending_exists(Product))
    )


class ProductListView(StaffRequiredMixin, FilterView):
    filterset_class = StaffProductFilter
    template_name = "staff/product_list.html"
    paginate_by = 25

    def get_queryset(self):
        return _staff_products(self.request.user)


@dataclass
class ProductForms:
    """The edit page's product form and its formsets, bound to one request."""

    form: ProductForm
    certificates: CertificateFormSet
    photos: PhotoFormSet
    staged_photos: StagedPhotoFormSet
    channels: ChannelFormSet
    new_photos: NewPhotoFormSet

    @classmethod
    def for_request(cls, request, product: Product | None, proposed: dict | None = None) -> "ProductForms":
        """The page's forms; with ``proposed`` (a pending proposal's payload) they show and edit it."""
        instance = product or Product()
        data = request.POST if request.method == "POST" else None
        files = request.FILES if request.method == "POST" else None
        initial = dict(proposed["fields"]) if proposed else {}
        if product is None and data is None and request.GET.get("producer", "").isdigit():
            initial["producer"] = int(request.GET["producer"])  # only offered if in the user's choices
        photos = ProductPhoto.objects.order_by("position", "pk")
        staged = {e["key"]: e for e in proposed["photos"] if e.get("key")} if proposed else {}
        return cls(
            form=ProductForm(data, instance=instance, user=request.user, initial=initial),
            certificates=CertificateFormSet(
                data, instance=instance, prefix="certificates", proposed=proposed and proposed["certificates"]
            ),
            photos=PhotoFormSet(
                data,
                instance=instance,
                prefix="photos",
                queryset=photos,
                proposed=proposed and [e for e in proposed["photos"] if e.get("id")],
            ),
            staged_photos=StagedPhotoFormSet(
                # A page opened before the proposal existed posts no staged photos: the save is
                # then refused as stale (producers.proposals.propose), not as a broken form.
                data if data is not None and "staged-TOTAL_FORMS" in data else None,
                prefix="staged",
                form_kwargs={"staged": staged},
                initial=[
                    {"key": k, "alt_text": e["alt_text"], "position": e["position"]}
                    for k, e in staged.items()
                ],
            ),
            channels=ChannelFormSet(
                data, instance=instance, prefix="channels", proposed=proposed and proposed["channels"]
            ),
            new_photos=NewPhotoFormSet(data, files, prefix="newphotos"),
        )

    def all_valid(self) -> bool:
        """Validate every form, not only up to the first invalid one, so every error shows."""
        forms = (
            self.form,
            self.certificates,
            self.photos,
            self.staged_photos,
            self.channels,
            self.new_photos,
        )
        valid = all([f.is_valid() for f in forms if f.is_bound])  # noqa: C419
        return valid and self._proposed_photos_fit()

    def _proposed_photos_fit(self) -> bool:
        """The photos kept, staged by a proposal and added stay within what a product may have."""
        total = sum(
            1
            for formset in (self.photos, self.staged_photos, self.new_photos)
            if formset.is_bound
            for f in formset.forms
            if f.cleaned_data
            and not f.cleaned_data.get("DELETE")
            and (formset is not self.new_photos or f.cleaned_data.get("image"))
        )
        if total <= MAX_PHOTOS_PER_PRODUCT:
            return True
        self.new_photos._non_form_errors.append(too_many_photos_message())
        return False

    def context(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _save(request, forms: ProductForms, product: Product | None, mode: dict) -> tuple[Product | None, bool]:
    """Save the page and say how it went: (the saved product or None, whether it was a stale edit).

    A published product edited by someone who does not approve its province is not written:
    the page becomes (or continues) its proposal, and the public keeps the published version.
    """
    uploads = [f.cleaned_data for f in forms.new_photos.forms if f.cleaned_data.get("image")]
    try:
        if mode.get("waits_for_approval"):
            proposal = propose_product_edit(
                form=forms.form,
                certificates=forms.certificates,
                photos=forms.photos,
                staged_photos=forms.staged_photos,
                channels=forms.channels,
                new_photos=uploads,
                user=request.user,
                expected_version=forms.form.expected_version(),
                proposal_version=posted_version(request.POST.get("proposal_version")),
            )
            messages.success(request, PROPOSED if proposal is not None else NOTHING_PROPOSED)
            return product, False
        saved = save_product(
            form=forms.form,
            certificates=forms.certificates,
            photos=forms.photos,
            channels=forms.channels,
            new_photos=uploads,
            user=request.user,
            expected_version=forms.form.expected_version() if product else None,
        )
    except StaleEditError:
        messages.error(request, STALE_EDIT)
        return None, True
    except IntegrityError:
        messages.error(
            request,
            _("The product could not be saved because it conflicts with another record. Nothing was saved."),
        )
        return None, False
    messages.success(request, _("The product was saved."))
    return saved, False


def _product_form_page(request, product: Product | None):
    mode = (
        proposals.edit_mode(product, province_id=product.producer.province_id, user=request.user)
        if product
        else {}
    )
    proposed = mode["proposal"].payload if mode.get("continuing") else None
    forms = ProductForms.for_request(request, product, proposed)
    saved, stale = None, False
    if request.method == "POST":
        if forms.all_valid():
            saved, stale = _save(request, forms, product, mode)
        else:
            messages.error(request, _("Please correct the errors below. Nothing was saved."))
    if saved is not None:
        return redirect("staff:product_detail", pk=saved.pk)
    return render(
        request,
        "staff/product_form.html",
        {**forms.context(), **mode, "product": product, "stale": stale},
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


def _history(product: Product) -> list[history.Entry]:
    """The product's changes and its certificates', photos' and sales channels', newest first."""
    records = list(product.history.select_related("history_user")[: history.LIMIT])
    # The product was looked up among the user's provinces, and so are its children.
    for model in (Certificate, ProductPhoto, SalesChannel):
        records += list(
            model.history.filter(product_id=product.pk)
            .select_related("history_user")
            .order_by("-history_date")[: history.LIMIT]
        )
    return history.entries(records, subject=_history_subject)[: history.LIMIT]


def _history_subject(record) -> str:
    if record.instance_type is Certificate:
        return _("Certificate %(number)s") % {"number": record.decision_number}
    if record.instance_type is ProductPhoto:
        return _("Photo “%(description)s”") % {"description": record.alt_text}
    if record.instance_type is SalesChannel:
        return _("Sales channel %(url)s") % {"url": record.url}
    return ""


@require_safe
@staff_required
def product_detail(request, pk):
    product = get_object_or_404(_detail_queryset(request.user), pk=pk)
    province_id = product.producer.province_id
    return render(
        request,
        "staff/product_detail.html",
        {
            "product": product,
            "history": _history(product),
            "today": timezone.localdate(),
            "actions": action_buttons(product, province_id=province_id, user=request.user),
            **proposals.panel(product, province_id=province_id, user=request.user),
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
