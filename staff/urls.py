"""The staff workspace under /staff/: province-scoped entry, publication, import and export."""

from django.urls import path

from staff import accounts, autocomplete
from staff.views import (
    dashboard,
    export,
    imports,
    inquiries,
    official,
    producers,
    products,
    promotion,
    promotion_imports,
    proposals,
    statistics,
)
from staff.views import promotion_activities as activities

app_name = "staff"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("statistics/", statistics.statistics, name="statistics"),
    path("statistics/expiring.csv", statistics.expiring_export, name="expiring_export"),
    path("statistics/official/", official.official_list, name="official_list"),
    path("statistics/official/new/", official.official_create, name="official_create"),
    path("sign-in/", accounts.SignInView.as_view(), name="login"),
    path("sign-out/", accounts.SignOutView.as_view(), name="logout"),
    path("password/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", accounts.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # Producers
    path("producers/", producers.ProducerListView.as_view(), name="producer_list"),
    path("producers/export/<str:fmt>/", export.export_list, {"subject": "producers"}, name="producer_export"),
    path("producers/choices/", autocomplete.producer_choices, name="producer_choices"),
    path("wards/choices/", autocomplete.ward_choices, name="ward_choices"),
    path("producers/new/", producers.producer_create, name="producer_create"),
    path("producers/<int:pk>/", producers.producer_detail, name="producer_detail"),
    path("producers/<int:pk>/edit/", producers.producer_edit, name="producer_edit"),
    path("producers/<int:pk>/status/<str:action>/", producers.producer_status, name="producer_status"),
    # Products
    path("products/", products.ProductListView.as_view(), name="product_list"),
    path("products/export/<str:fmt>/", export.export_list, {"subject": "products"}, name="product_export"),
    path("products/new/", products.product_create, name="product_create"),
    path("products/<int:pk>/", products.product_detail, name="product_detail"),
    path("products/<int:pk>/edit/", products.product_edit, name="product_edit"),
    path("products/<int:pk>/preview/", products.product_preview, name="product_preview"),
    path("products/<int:pk>/status/<str:action>/", products.product_status, name="product_status"),
    # Digital promotion
    path("campaigns/", promotion.CampaignListView.as_view(), name="campaign_list"),
    path("campaigns/new/", promotion.campaign_create, name="campaign_create"),
    path("campaigns/<int:pk>/", promotion.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", promotion.campaign_edit, name="campaign_edit"),
    path("campaigns/<int:pk>/status/<str:action>/", promotion.campaign_status, name="campaign_status"),
    path("campaigns/<int:pk>/support/new/", promotion.support_create, name="support_create"),
    path("support/<int:pk>/status/<str:action>/", promotion.support_status, name="support_status"),
    path("activities/", activities.ActivityListView.as_view(), name="activity_list"),
    path(
        "activities/export/<str:fmt>/", export.export_list, {"subject": "activities"}, name="activity_export"
    ),
    path("activities/new/", activities.activity_create, name="activity_create"),
    path("activities/<int:pk>/", activities.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/status/<str:action>/", activities.activity_status, name="activity_status"),
    path("activities/<int:pk>/figures/new/", activities.reading_create, name="reading_create"),
    path("activities/<int:pk>/figures/publish/", activities.reading_publish, name="reading_publish"),
    path("figures/<int:pk>/status/<str:action>/", activities.reading_status, name="reading_status"),
    path("activities/import/", promotion_imports.activities_upload, name="activities_upload"),
    path(
        "activities/import/template/<str:fmt>/",
        promotion_imports.activities_template,
        name="activities_template",
    ),
    path("activities/import/<str:token>/", promotion_imports.activities_preview, name="activities_preview"),
    path("figures/import/", promotion_imports.figures_upload, name="figures_upload"),
    path("figures/import/template/<str:fmt>/", promotion_imports.figures_template, name="figures_template"),
    path("figures/import/<str:token>/", promotion_imports.figures_preview, name="figures_preview"),
    path("figures/export/<str:fmt>/", export.export_list, {"subject": "readings"}, name="reading_export"),
    # Changes to published records waiting for approval
    path("proposals/", proposals.proposal_list, name="proposal_list"),
    path("proposals/<int:pk>/<str:action>/", proposals.proposal_action, name="proposal_action"),
    # Buyers' questions to the province's producers
    path("inquiries/", inquiries.inquiry_list, name="inquiry_list"),
    path("inquiries/<int:pk>/", inquiries.inquiry_detail, name="inquiry_detail"),
    path("inquiries/<int:pk>/<str:action>/", inquiries.inquiry_status, name="inquiry_status"),
    # Spreadsheet import
    path("import/", imports.import_upload, name="import_upload"),
    path("import/template/<str:fmt>/", imports.import_template, name="import_template"),
    path("import/<str:token>/", imports.import_preview, name="import_preview"),
]
