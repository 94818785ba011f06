"""The staff workspace under /staff/: province-scoped entry, publication, import and export."""

from django.urls import path

from staff import accounts, autocomplete
from staff.views import dashboard, export, imports, producers, products, proposals

app_name = "staff"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
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
    # Changes to published records waiting for approval
    path("proposals/", proposals.proposal_list, name="proposal_list"),
    path("proposals/<int:pk>/<str:action>/", proposals.proposal_action, name="proposal_action"),
    # Spreadsheet import
    path("import/", imports.import_upload, name="import_upload"),
    path("import/template/<str:fmt>/", imports.import_template, name="import_template"),
    path("import/<str:token>/", imports.import_preview, name="import_preview"),
]
