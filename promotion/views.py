"""Public promotion pages: the campaign list, a campaign, an activity, upcoming livestreams and calendars."""

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import ListView
from django_filters.views import FilterView

from producers.models import Producer, PublicationStatus
from products.models import Product
from products.sharing import absolute_url
from promotion.filters import CampaignFilter
from promotion.models import MEASURE_DEFINITIONS, MEASURE_ORDER, Activity, Campaign, Reading
from promotion.sharing import calendar_file, event_json_ld, events_json_ld, is_event

FEATURED_PRODUCTS = 12
FEATURED_PRODUCERS = 24
CALENDAR_SESSIONS = 200


def _nearest_page(view, queryset, page_size):
    """The nearest valid page: ``page=abc`` or ``0`` give page 1, ``page=99999`` the last (never a 404)."""
    paginator = view.get_paginator(queryset, page_size)
    number = view.request.GET.get("page")
    try:
        if int(number) < 1:
            number = 1
    except (TypeError, ValueError):
        pass
    page = paginator.get_page(number)
    return paginator, page, page.object_list, page.has_other_pages()


def _measures():
    return [(measure.label, MEASURE_DEFINITIONS[measure]) for measure in MEASURE_ORDER]


class CampaignListView(FilterView):
    """``/campaigns/``: public campaigns by province, year and kind of activity, with totals per measure."""

    filterset_class = CampaignFilter
    strict = False
    template_name = "promotion/campaign_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Campaign.objects.published().for_listing().newest_first()

    def paginate_queryset(self, queryset, page_size):
        return _nearest_page(self, queryset, page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaigns = self.filterset.filter_queryset(Campaign.objects.published()).order_by().values("pk")
        readings = Reading.objects.published().filter(activity__campaign__in=campaigns)
        if self.filterset.chosen_kind:
            readings = readings.filter(activity__kind=self.filterset.chosen_kind)
        context["totals"] = readings.totals()
        context["measures"] = _measures()
        context["notices"] = self.filterset.notices
        return context


def _public_readings():
    return Prefetch(
        "readings", queryset=Reading.objects.published().in_display_order(), to_attr="public_readings"
    )


def campaign_detail(request, slug):
    """``/campaigns/<slug>/``: a public campaign, its activities with their figures, totals, products."""
    campaign = get_object_or_404(Campaign.objects.published().select_related("province"), slug=slug)
    activities = list(
        campaign.activities.published().for_listing().chronological().prefetch_related(_public_readings())
    )
    # The campaign is public, so its public activities are its published ones.
    public = {"activity__campaign": campaign, "activity__status": PublicationStatus.PUBLISHED}
    featured = Activity.featured_products.through.objects.filter(**public)
    featured_producers = Activity.featured_producers.through.objects.filter(**public)
    context = {
        "campaign": campaign,
        "activities": activities,
        "totals": Reading.objects.published().filter(activity__campaign=campaign).totals(),
        "measures": _measures(),
        "supports": list(campaign.supports.published()),
        "products": list(
            Product.objects.published()
            .filter(pk__in=featured.values("product_id"))
            .for_listing()
            .by_stars()[:FEATURED_PRODUCTS]
        ),
        "producers": list(
            Producer.objects.published()
            .filter(pk__in=featured_producers.values("producer_id"))
            .for_listing()
            .order_by("name")[:FEATURED_PRODUCERS]
        ),
        "json_ld": events_json_ld(
            activities, url_of=lambda activity: absolute_url(activity.get_absolute_url(), request)
        ),
        "canonical_url": absolute_url(campaign.get_absolute_url(), request),
    }
    return render(request, "promotion/campaign_detail.html", context)


def activity_detail(request, slug):
    """``/campaigns/activities/<slug>/``: one public activity, every figure with its date and source."""
    activity = get_object_or_404(
        Activity.objects.published().for_listing().prefetch_related(_public_readings()), slug=slug
    )
    url = absolute_url(activity.get_absolute_url(), request)
    context = {
        "activity": activity,
        "measures": _measures(),
        "products": list(
            Product.objects.published()
            .filter(promotion_activities=activity)
            .for_listing()
            .by_stars()[:FEATURED_PRODUCTS]
        ),
        "producers": list(
            Producer.objects.published()
            .filter(promotion_activities=activity)
            .for_listing()
            .order_by("name")[:FEATURED_PRODUCERS]
        ),
        "json_ld": [{"@context": "https://schema.org", **event_json_ld(activity, url=url)}]
        if is_event(activity)
        else [],
        "canonical_url": url,
    }
    return render(request, "promotion/activity_detail.html", context)


def _upcoming_livestreams():
    return Activity.objects.published().livestreams().upcoming(timezone.localdate()).for_listing()


class LivestreamListView(ListView):
    """``/campaigns/livestreams/``: public livestream sessions from today on, soonest first."""

    template_name = "promotion/livestream_list.html"
    context_object_name = "sessions"
    paginate_by = 24

    def get_queryset(self):
        return _upcoming_livestreams().prefetch_related(
            Prefetch(
                "featured_products",
                queryset=Product.objects.published().select_related("producer").order_by("name"),
                to_attr="public_products",
            )
        )

    def paginate_queryset(self, queryset, page_size):
        return _nearest_page(self, queryset, page_size)


def _calendar_response(request, activities, *, name: str, filename: str) -> HttpResponse:
    body = calendar_file(
        activities, name=name, url_of=lambda activity: absolute_url(activity.get_absolute_url(), request)
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def livestream_calendar(request):
    """``/campaigns/livestreams/calendar.ics``: the upcoming sessions as one subscribable calendar."""
    sessions = list(_upcoming_livestreams()[:CALENDAR_SESSIONS])
    return _calendar_response(
        request, sessions, name=_("OCOP livestream sessions"), filename="ocop-livestreams.ics"
    )


def activity_calendar(request, slug):
    """``/campaigns/activities/<slug>.ics``: one dated activity, to add to a calendar."""
    activity = get_object_or_404(Activity.objects.published().for_listing(), slug=slug)
    if not is_event(activity):
        raise Http404
    return _calendar_response(request, [activity], name=activity.title, filename=f"{activity.slug}.ics")
