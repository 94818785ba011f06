"""Django admin of the catalogue, scoped to the user's provinces like every other path."""

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.forms import BaseInlineFormSet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from producers import permissions
from producers.admin import ProvinceScopedAdminMixin
from producers.models import PublicationStatus
from products.models import Category, Certificate, Product, ProductPhoto, SalesChannel, Standard
from products.photos import (
    MAX_PHOTOS_PER_PRODUCT,
    PixelBudget,
    PixelBudgetFormSetMixin,
    process_photo,
    too_many_photos_message,
)


def search_products(queryset, search_term: str):
    """The admin's product search: the public search's lookups (and index), without its ranking."""
    if not search_term.strip():
        return queryset
    return queryset.search(search_term)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_vi", "name_en", "level", "parent"]
    list_select_related = ["parent"]
    list_filter = ["level"]
    search_fields = ["code", "name_vi", "name_en"]
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(Standard)
class StandardAdmin(admin.ModelAdmin):
    list_display = ["code", "name_vi", "name_en"]
    search_fields = ["code", "name_vi", "name_en"]


class CertificateInline(admin.StackedInline):
    model = Certificate
    extra = 0
    fields = [
        ("stars", "score", "potential_five_star"),
        ("decision_number", "decision_date"),
        ("issuer", "level"),
        ("expires_on", "revoked_on", "revocation_reason"),
        "scan",
    ]


class AdminPhotoForm(forms.ModelForm):
    """Django admin's photo form: the same checks and re-encoding as the staff pages.

    Without it, the admin inline would store uploads as they came (EXIF, GPS, trailing bytes).
    """

    class Meta:
        model = ProductPhoto
        fields = ["image", "alt_text", "position"]

    def __init__(self, *args, budget: PixelBudget | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.budget = budget

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and "image" in self.changed_data:
            self._renditions = process_photo(image, budget=self.budget)
            return self._renditions.page
        return image

    def save(self, commit=True):
        renditions = getattr(self, "_renditions", None)
        if renditions is not None:
            self.instance.card_image.save(renditions.card.name, renditions.card, save=False)
        return super().save(commit)


class AdminPhotoFormSet(PixelBudgetFormSetMixin, BaseInlineFormSet):
    """The photos of one admin save share one pixel budget, and stay within a product's 30."""

    def clean(self):
        super().clean()
        kept = sum(
            1
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and (form.instance.pk or form.cleaned_data.get("image"))
        )
        if kept > MAX_PHOTOS_PER_PRODUCT:
            raise forms.ValidationError(too_many_photos_message(), code="too_many_photos")


class ProductPhotoInline(admin.TabularInline):
    model = ProductPhoto
    form = AdminPhotoForm  # re-encodes uploads like the staff pages
    formset = AdminPhotoFormSet
    max_num = MAX_PHOTOS_PER_PRODUCT
    extra = 0
    fields = ["image", "alt_text", "position"]


class SalesChannelInline(admin.TabularInline):
    model = SalesChannel
    extra = 0
    fields = ["kind", "url", "label"]


class ValidityFilter(admin.SimpleListFilter):
    title = _("certificate validity")
    parameter_name = "validity"

    def lookups(self, request, model_admin):
        return Certificate.Status.choices

    def queryset(self, request, queryset):
        today = timezone.localdate()
        value = self.value()
        if value == Certificate.Status.VALID:
            return queryset.certified_valid_on(today)
        if value == Certificate.Status.EXPIRING:
            return queryset.expiring_on(today)
        if value == Certificate.Status.EXPIRED:
            return queryset.expired_on(today).exclude(stars__isnull=True)
        if value == Certificate.Status.REVOKED:
            return queryset.expired_on(today).filter(stars__isnull=True)
        return queryset


@admin.register(Product)
class ProductAdmin(ProvinceScopedAdminMixin, SimpleHistoryAdmin):
    province_lookup = "producer__province"
    publication_lookup = "self"
    list_display = [
        "name",
        "producer",
        "province",
        "category_code",
        "stars",
        "certificate_expires_on",
        "validity",
        "status",
    ]
    list_select_related = ["producer__province", "category"]
    list_per_page = 50  # 100 rows of eight columns take longer to draw than to find
    list_filter = [
        "status",
        "stars",
        ValidityFilter,
        ("producer__province", admin.RelatedFieldListFilter),
        "category",
        "producer__kind",
        "producer__youth_led",
    ]
    search_fields = ["search_text"]  # only to show the search box: get_search_results searches
    autocomplete_fields = ["producer"]
    filter_horizontal = ["standards"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["stars", "certificate_expires_on", "current_certificate", "created_at", "updated_at"]
    inlines = [CertificateInline, ProductPhotoInline, SalesChannelInline]
    # At 100,000 products, facet counts and the full count scan the whole table on every page.
    show_facets = admin.ShowFacets.NEVER
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name", "slug", "producer", "category", "status", "story"]}),
        (
            _("Specifications"),
            {"fields": ["net_quantity", "packaging", "shelf_life", "ingredients", "storage", "standards"]},
        ),
        (_("Price"), {"fields": ["price_min", "price_max", "price_unit"]}),
        (
            _("Current certificate"),
            {
                "fields": [
                    "stars",
                    "certificate_expires_on",
                    "current_certificate",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_ordering(self, request):
        # Searching, the folded name (no plain index): PostgreSQL then takes the few matches from
        # the trigram index and sorts them, rather than walking the name index past every row.
        if request.GET.get("q", "").strip():
            return ["search_name"]
        return super().get_ordering(request)

    def get_search_results(self, request, queryset, search_term):
        """The public search (words of the folded name, producer, province, set), on its index."""
        return search_products(queryset, search_term), False

    @admin.display(description=_("province"), ordering="producer__province__name")
    def province(self, product):
        return product.producer.province

    @admin.display(description=_("set"), ordering="category__code")
    def category_code(self, product):
        return product.category.code

    @admin.display(description=_("validity"))
    def validity(self, product):
        return product.get_validity_display()


@admin.register(Certificate)
class CertificateAdmin(ProvinceScopedAdminMixin, SimpleHistoryAdmin):
    province_lookup = "product__producer__province"
    publication_lookup = "product"
    list_display = [
        "decision_number",
        "decision_date",
        "product",
        "stars",
        "level",
        "expires_on",
        "revoked_on",
        "potential_five_star",
    ]
    list_select_related = ["product"]
    list_filter = ["stars", "level", "potential_five_star", "product__producer__province"]
    search_fields = ["decision_number"]  # see get_search_results
    autocomplete_fields = ["product"]
    # No date hierarchy (it reads every decision date) and no facet or full counts: each scans
    # the whole table at 100,000 products.
    show_facets = admin.ShowFacets.NEVER
    show_full_result_count = False

    def get_search_results(self, request, queryset, search_term):
        """Decision numbers starting with the term, or certificates of the products it finds."""
        term = search_term.strip()
        if not term:
            return queryset, False
        products = search_products(Product.objects.all(), term).values("pk")
        return queryset.filter(Q(decision_number__istartswith=term) | Q(product__in=products)), False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "product" and not permissions.is_national_admin(request.user):
            kwargs["queryset"] = Product.objects.editable_by(request.user)
            if not self.approves(request):  # a published product's certificates are the approvers'
                kwargs["queryset"] = kwargs["queryset"].exclude(status=PublicationStatus.PUBLISHED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
