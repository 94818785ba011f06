from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from producers import permissions
from producers.models import FormerProvince, Producer, Province, ProvinceMembership, Ward


class ProvinceScopedAdminMixin:
    """Limits a model admin to the rows, and form choices, of the provinces the user may edit.

    National admins (superusers) see everything; anyone else sees only their province, so a
    province staff user who is also given admin access still cannot reach another province.
    """

    province_lookup = "province"

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
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

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
    list_display = ["name", "kind", "province", "ward", "youth_led", "status", "updated_at"]
    list_select_related = ["province", "ward"]
    list_filter = ["status", "kind", "province", "youth_led", "youth_union_supported", "women_led"]
    search_fields = ["name", "slug", "phone", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["ward"]
    date_hierarchy = "created_at"
    show_facets = admin.ShowFacets.ALWAYS
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "status", "description", "year_founded", "logo"]}),
        (_("Address"), {"fields": ["province", "ward", "street_address", "former_address"]}),
        (_("Contact"), {"fields": ["phone", "zalo", "email", "website"]}),
        (
            _("Attributes"),
            {"fields": ["youth_led", "youth_union_supported", "women_led", "ethnic_minority"]},
        ),
    ]


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
