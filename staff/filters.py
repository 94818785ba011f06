"""Filters of the staff lists (also used by their exports); choices limited to the user's provinces.

Named apart from the public list's ``products.filters.CatalogFilter``: these filter by
publication status and show unpublished rows.
"""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from producers.models import Producer, PublicationStatus
from producers.permissions import editable_provinces
from producers.text import search_terms
from products.models import Category, Product
from staff.autocomplete import ProducerChoiceField


def _staff_provinces(request):
    return editable_provinces(request.user) if request else Producer.objects.none()


def _staff_producers(request):
    return Producer.objects.editable_by(request.user) if request else Producer.objects.none()


class ProducerFilter(django_filters.ModelChoiceFilter):
    """The producer as an autocomplete (staff.autocomplete): a national admin's list is too long."""

    field_class = ProducerChoiceField


class StaffListFilter(django_filters.FilterSet):
    """What both staff lists filter on: words of the name (folded) and publication status."""

    q = django_filters.CharFilter(field_name="search_text", label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        choices=PublicationStatus.choices, lookup_expr="exact", label=_("Status"), empty_label=_("All")
    )

    def search(self, queryset, name, value):
        terms = search_terms(value)
        for term in terms:
            queryset = queryset.filter(**{f"{name}__contains": term})
        # By the folded name (no plain index), unless the user sorts: PostgreSQL then takes the
        # few matches from the trigram index and sorts them, rather than walk the name index.
        return (
            queryset.order_by("search_name" if queryset.model is Product else "search_text", "pk")
            if terms
            else queryset
        )


class StaffProducerFilter(StaffListFilter):
    kind = django_filters.ChoiceFilter(
        choices=Producer.Kind.choices, lookup_expr="exact", label=_("Kind"), empty_label=_("All")
    )
    province = django_filters.ModelChoiceFilter(
        queryset=_staff_provinces, lookup_expr="exact", label=_("Province"), empty_label=_("All")
    )
    youth_led = django_filters.BooleanFilter(
        lookup_expr="exact",
        label=_("Youth-led"),
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )
    ordering = django_filters.OrderingFilter(
        fields=(("name", "name"), ("updated_at", "updated")),
        choices=[
            ("name", _("Name, A to Z")),
            ("-name", _("Name, Z to A")),
            ("-updated", _("Most recently changed")),
            ("updated", _("Least recently changed")),
        ],
        label=_("Sort by"),
        empty_label=_("Default order"),
    )

    class Meta:
        model = Producer
        fields = []


class StaffProductFilter(StaffListFilter):
    EXPIRY_CHOICES = (
        ("valid", _("Valid")),
        ("expiring", _("Expiring within 90 days")),
        ("expired", _("Expired or revoked")),
        ("none", _("No certificate")),
    )

    stars = django_filters.ChoiceFilter(
        choices=[(3, "3★"), (4, "4★"), (5, "5★")], lookup_expr="exact", label=_("Stars"), empty_label=_("All")
    )
    category = django_filters.ModelChoiceFilter(
        queryset=Category.objects.filter(level=Category.Level.SET),
        method="in_category",
        label=_("Product set"),
        empty_label=_("All"),
    )
    producer = ProducerFilter(queryset=_staff_producers, lookup_expr="exact", label=_("Producer"))
    certificate = django_filters.ChoiceFilter(
        choices=EXPIRY_CHOICES, method="by_certificate", label=_("Certificate"), empty_label=_("All")
    )
    ordering = django_filters.OrderingFilter(
        fields=(
            ("name", "name"),
            ("stars", "stars"),
            ("certificate_expires_on", "expiry"),
            ("updated_at", "updated"),
        ),
        choices=[
            ("name", _("Name, A to Z")),
            ("-name", _("Name, Z to A")),
            ("-stars", _("Most stars first")),
            ("expiry", _("Expiring first")),
            ("-updated", _("Most recently changed")),
        ],
        label=_("Sort by"),
        empty_label=_("Default order"),
    )

    class Meta:
        model = Product
        fields = []

    def in_category(self, queryset, name, value):
        return queryset.filter(category=value)

    def by_certificate(self, queryset, name, value):
        today = timezone.localdate()
        if value == "expiring":
            return queryset.expiring_on(today)
        if value == "expired":
            return queryset.expired_on(today)
        if value == "none":
            return queryset.filter(certificates__isnull=True)
        return queryset.certified_valid_on(today)
