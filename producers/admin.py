from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from producers import permissions
from producers.models import (
    ChangeProposal,
    FormerProvince,
    OfficialTotal,
    Producer,
    Province,
    ProvinceMembership,
    PublicationStatus,
    Ward,
)
from producers.proposals import withdraw_for_deleted
from producers.text import search_terms


class ProvinceScopedAdminMixin:
    """Limits a model admin to the rows, and form choices, of the provinces the user may edit.

    National admins (superusers) see everything; anyone else sees only their province, so a
    province staff user who is also given admin access still cannot reach another province.

    With ``publication_lookup`` set ("self", or the relation to the record that is published,
    such as "product"), the admin also keeps publication integrity: a staff user who does not
    approve the province may not change a published record here (the staff workspace turns
    such a change into a proposal) nor set a status; approvers and national admins save
    directly, as on the staff pages. Every change a version further, so stale staff forms
    and proposals made before it are refused.
    """

    province_lookup = "province"
    publication_lookup: str | None = None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return permissions.in_editable_provinces(queryset, request.user, province=self.province_lookup)

    def in_scope(self, request, obj) -> bool:
        """May ``request.user`` reach ``obj`` at all? (None: the model in general.)

        Object-level, because some admin views load objects without ``get_queryset``:
        django-simple-history's history list and revert form read historical rows directly.
        """
        if obj is None or permissions.is_national_admin(request.user):
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return (
            super().has_change_permission(request, obj)
            and self.in_scope(request, obj)
            and not self.waits_for_approval(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return (
            super().has_delete_permission(request, obj)
            and self.in_scope(request, obj)
            and not self.waits_for_approval(request, obj)
        )

    def province_id_of(self, obj) -> int | None:
        *path, last = self.province_lookup.split("__")
        for name in path:
            obj = getattr(obj, name)
        return getattr(obj, f"{last}_id")

    def published_record(self, obj):
        """The record whose publication guards changes to ``obj``, or None when not guarded."""
        if self.publication_lookup is None or obj is None:
            return None
        return obj if self.publication_lookup == "self" else getattr(obj, self.publication_lookup)

    def approves(self, request, obj=None) -> bool:
        """Does the user approve the province of ``obj`` (without ``obj``: their own province)?"""
        user = request.user
        if obj is not None:
            return permissions.can_approve(user, self.province_id_of(obj))
        membership = permissions.membership_of(user)
        return permissions.is_national_admin(user) or (
            membership is not None and permissions.can_approve(user, membership.province_id)
        )

    def waits_for_approval(self, request, obj) -> bool:
        """Would changing ``obj`` change a published record that the user does not approve?"""
        record = self.published_record(obj)
        if record is None or record.pk is None:
            return False
        # The stored status: a history page hands over an old version of the object.
        status = type(record)._default_manager.filter(pk=record.pk).values_list("status", flat=True).first()
        return status == PublicationStatus.PUBLISHED and not self.approves(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if self.publication_lookup == "self" and not self.approves(request, obj):
            return [*fields, "status"]  # publishing is the approvers'
        return fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            self.bump_version(obj)

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        if self.publication_lookup == "self":
            withdraw_for_deleted(type(obj), [pk], user=request.user)
        elif self.publication_lookup is not None:
            self.bump_version(obj)

    def delete_queryset(self, request, queryset):
        objs = list(queryset)
        super().delete_queryset(request, queryset)
        if self.publication_lookup == "self":
            withdraw_for_deleted(queryset.model, [obj.pk for obj in objs], user=request.user)
        elif self.publication_lookup is not None:
            for obj in objs:
                self.bump_version(obj)

    def bump_version(self, obj) -> None:
        """A version further for the published record, so stale forms and proposals are refused."""
        record = self.published_record(obj)
        if record is not None:
            type(record)._default_manager.filter(pk=record.pk).update(version=F("version") + 1)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history's revert saves on POST with only the view permission checked.
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not permissions.is_national_admin(request.user):
            provinces = permissions.editable_provinces(request.user)
            if db_field.name == "province":
                kwargs["queryset"] = provinces
            elif db_field.name == "ward":
                kwargs["queryset"] = permissions.editable_wards(request.user)
            elif db_field.name == "producer":
                kwargs["queryset"] = Producer.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class FormerProvinceInline(admin.TabularInline):
    model = FormerProvince
    extra = 0
    fields = ["code", "name", "slug"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "full_name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "full_name", "code", "slug"]
    ordering = ["code"]
    inlines = [FormerProvinceInline]
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(FormerProvince)
class FormerProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "province"]
    list_select_related = ["province"]
    list_filter = ["province"]
    search_fields = ["name", "code"]
    ordering = ["code"]
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(Ward)
class WardAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "province"]
    list_select_related = ["province"]
    list_filter = ["kind", "province"]
    search_fields = ["name", "code"]
    ordering = ["code"]
    show_facets = admin.ShowFacets.ALWAYS


@admin.register(Producer)
class ProducerAdmin(ProvinceScopedAdminMixin, SimpleHistoryAdmin):
    publication_lookup = "self"
    list_display = ["name", "kind", "province", "ward", "youth_led", "status", "updated_at"]
    list_select_related = ["province", "ward"]
    list_filter = ["status", "kind", "province", "youth_led", "youth_union_supported", "women_led"]
    search_fields = ["search_text"]  # see get_search_results
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["ward"]
    # No date hierarchy, facet counts or full count: each reads the whole table on every page.
    show_facets = admin.ShowFacets.NEVER
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "status", "description", "year_founded", "logo"]}),
        (_("Address"), {"fields": ["province", "ward", "street_address", "former_address"]}),
        (_("Contact"), {"fields": ["phone", "zalo", "email", "website"]}),
        (
            _("Attributes"),
            {"fields": ["youth_led", "youth_union_supported", "women_led", "ethnic_minority"]},
        ),
    ]

    def get_search_results(self, request, queryset, search_term):
        """Every word of the folded name (as on the staff list), or the exact phone or email."""
        terms = search_terms(search_term)
        if not terms:
            return queryset, False
        by_name = Q()
        for term in terms:
            by_name &= Q(search_text__contains=term)
        contact = search_term.strip()
        return queryset.filter(by_name | Q(phone=contact) | Q(email__iexact=contact)), False


@admin.register(ProvinceMembership)
class ProvinceMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "province", "role"]
    list_select_related = ["user", "province"]
    list_filter = ["role", "province"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
    show_facets = admin.ShowFacets.ALWAYS

    def has_module_permission(self, request):
        return permissions.is_national_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.is_national_admin(request.user)

    def has_add_permission(self, request):
        return permissions.is_national_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return permissions.is_national_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.is_national_admin(request.user)


class ProvinceMembershipInline(admin.StackedInline):
    model = ProvinceMembership
    can_delete = True
    extra = 0
    max_num = 1
    verbose_name_plural = _("province assignment")


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class OcopUserAdmin(UserAdmin):
    """Django's user admin with the user's province assignment inline."""

    inlines = [ProvinceMembershipInline]
    list_display = ["username", "email", "first_name", "last_name", "province_of", "is_staff", "is_superuser"]
    list_select_related = ["province_membership__province"]
    list_filter = [*UserAdmin.list_filter, "province_membership__province", "province_membership__role"]

    @admin.display(description=_("province"), ordering="province_membership__province__name")
    def province_of(self, user):
        membership = getattr(user, "province_membership", None)
        return membership.province if membership else "—"


@admin.register(ChangeProposal)
class ChangeProposalAdmin(ProvinceScopedAdminMixin, admin.ModelAdmin):
    """Read only: proposals are decided on the staff pages, where the differences are shown."""

    list_display = ["__str__", "province", "status", "proposed_by", "proposed_at", "decided_by", "decided_at"]
    list_select_related = ["content_type", "province", "proposed_by", "decided_by"]
    list_filter = ["status", "content_type", ("province", admin.RelatedFieldListFilter)]
    show_facets = admin.ShowFacets.NEVER
    show_full_result_count = False
    readonly_fields = [
        "content_type",
        "object_id",
        "province",
        "status",
        "base_version",
        "version",
        "proposed_by",
        "created_at",
        "proposed_at",
        "decided_by",
        "decided_at",
        "note",
        "payload",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OfficialTotal)
class OfficialTotalAdmin(ProvinceScopedAdminMixin, admin.ModelAdmin):
    """Official figures as published; province staff record their own province's only."""

    list_display = ("province", "as_of", "total", "stars_5", "stars_4", "stars_3", "source", "recorded_by")
    list_select_related = ("province", "recorded_by")
    date_hierarchy = "as_of"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
