"""Every promotion model in Django admin, scoped like producers and products.

Province staff with admin access see and change their own province only
(``ProvinceScopedAdminMixin``); national campaigns and activities (no province) are
reachable by national admins only, and a province user cannot create one: the province
field is required for them.
"""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from producers import permissions
from producers.admin import ProvinceScopedAdminMixin
from producers.models import Producer, PublicationStatus
from products.models import Product
from promotion.models import Activity, Campaign, Livestream, Reading, Support, Video


class PromotionScopedAdmin(ProvinceScopedAdminMixin, SimpleHistoryAdmin):
    """Province scoping plus the promotion foreign keys: campaigns, activities, featured items."""

    show_facets = admin.ShowFacets.ALWAYS

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        user = request.user
        if not permissions.is_national_admin(user):
            if db_field.name == "province":
                kwargs["required"] = True  # an empty province would make the row national
            elif db_field.name == "campaign":
                kwargs["queryset"] = Campaign.objects.editable_by(user)
            elif db_field.name == "activity":
                kwargs["queryset"] = Activity.objects.editable_by(user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Featured items: any public product or producer, plus the user's own unpublished ones.
        user = request.user
        if not permissions.is_national_admin(user):
            if db_field.name == "featured_products":
                kwargs["queryset"] = Product.objects.filter(
                    Q(pk__in=Product.objects.published().values("pk"))
                    | Q(pk__in=Product.objects.editable_by(user).values("pk"))
                )
            elif db_field.name == "featured_producers":
                kwargs["queryset"] = Producer.objects.filter(
                    Q(status=PublicationStatus.PUBLISHED)
                    | Q(pk__in=Producer.objects.editable_by(user).values("pk"))
                )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Campaign)
class CampaignAdmin(PromotionScopedAdmin):
    list_display = ["title", "province", "starts_on", "ends_on", "status", "updated_at"]
    list_select_related = ["province"]
    list_filter = ["status", ("province", admin.RelatedFieldListFilter), "starts_on"]
    search_fields = ["title", "slug", "organisers", "partners"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_on"
    fieldsets = [
        (None, {"fields": ["title", "slug", "province", "status", "description"]}),
        (_("Who and when"), {"fields": ["organisers", "partners", "starts_on", "ends_on"]}),
        (_("Source"), {"fields": ["source_text", "source_url"]}),
    ]


class LivestreamInline(admin.StackedInline):
    model = Livestream
    extra = 0
    max_num = 1
    fields = ["platform", "hosts", "duration_minutes"]


class VideoInline(admin.StackedInline):
    model = Video
    extra = 0
    max_num = 1
    fields = ["platform", "creator", "url"]


class ReadingInline(admin.TabularInline):
    model = Reading
    extra = 0
    fields = ["measure", "value", "as_of", "source_kind", "source_text", "source_url", "status"]


@admin.register(Activity)
class ActivityAdmin(PromotionScopedAdmin):
    list_display = ["title", "kind", "date", "campaign", "province", "status"]
    list_select_related = ["campaign", "province"]
    list_filter = ["status", "kind", ("province", admin.RelatedFieldListFilter), "date"]
    search_fields = ["title", "slug", "place", "campaign__title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["featured_products", "featured_producers"]
    date_hierarchy = "date"
    inlines = [LivestreamInline, VideoInline, ReadingInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "campaign", "province", "status"]}),
        (_("When and where"), {"fields": ["date", "start_time", "place", "link", "participants"]}),
        (None, {"fields": ["description", "featured_products", "featured_producers"]}),
    ]


@admin.register(Livestream)
class LivestreamAdmin(PromotionScopedAdmin):
    province_lookup = "activity__province"
    list_display = ["activity", "platform", "hosts", "duration_minutes"]
    list_select_related = ["activity"]
    list_filter = ["platform"]
    search_fields = ["activity__title", "hosts"]


@admin.register(Video)
class VideoAdmin(PromotionScopedAdmin):
    province_lookup = "activity__province"
    list_display = ["activity", "platform", "creator"]
    list_select_related = ["activity"]
    list_filter = ["platform"]
    search_fields = ["activity__title", "creator"]


@admin.register(Reading)
class ReadingAdmin(PromotionScopedAdmin):
    province_lookup = "activity__province"
    list_display = ["activity", "measure", "value", "as_of", "source_kind", "status"]
    list_select_related = ["activity"]
    list_filter = ["status", "measure", "source_kind", "as_of"]
    search_fields = ["activity__title", "source_text"]
    date_hierarchy = "as_of"


@admin.register(Support)
class SupportAdmin(PromotionScopedAdmin):
    list_display = ["giver", "recipient", "amount_vnd", "given_on", "province", "status"]
    list_select_related = ["province"]
    list_filter = ["status", ("province", admin.RelatedFieldListFilter), "given_on"]
    search_fields = ["giver", "recipient", "purpose"]
    date_hierarchy = "given_on"
