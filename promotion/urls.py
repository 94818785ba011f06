from django.urls import path

from promotion import views

app_name = "promotion"

# Fixed paths first: a campaign slug can never take them (``promotion.models.RESERVED_SLUGS``).
urlpatterns = [
    path("campaigns/", views.CampaignListView.as_view(), name="campaign_list"),
    path("campaigns/livestreams/", views.LivestreamListView.as_view(), name="livestream_list"),
    path("campaigns/livestreams/calendar.ics", views.livestream_calendar, name="livestream_calendar"),
    path("campaigns/activities/<slug:slug>/", views.activity_detail, name="activity_detail"),
    path("campaigns/activities/<slug:slug>.ics", views.activity_calendar, name="activity_calendar"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign_detail"),
]
