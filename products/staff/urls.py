"""The staff workspace under /staff/: province-scoped entry, publication, import and export."""

from django.urls import path

from producers import staff_views as producer_views
from products.staff import accounts, imports_views, views

app_name = "staff"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("sign-in/", accounts.SignInView.as_view(), name="login"),
    path("sign-out/", accounts.SignOutView.as_view(), name="logout"),
    path("password/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", accounts.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # Producers
    path("producers/", producer_views.ProducerListView.as_view(), name="producer_list"),
    path("producers/export/<str:fmt>/", producer_views.producer_export, name="producer_export"),
    path("producers/new/", producer_views.producer_create, name="producer_create"),
    path("producers/<int:pk>/", producer_views.producer_detail, name="producer_detail"),
    path("producers/<int:pk>/edit/", producer_views.producer_edit, name="producer_edit"),
    path("producers/<int:pk>/status/<str:action>/", producer_views.producer_status, name="producer_status"),
    # Products
    path("products/", views.ProductListView.as_view(), name="product_list"),
    path("products/export/<str:fmt>/", views.product_export, name="product_export"),
    path("products/new/", views.product_create, name="product_create"),
    path("products/<int:pk>/", views.product_detail, name="product_detail"),
    path("products/<int:pk>/edit/", views.product_edit, name="product_edit"),
    path("products/<int:pk>/preview/", views.product_preview, name="product_preview"),
    path("products/<int:pk>/status/<str:action>/", views.product_status, name="product_status"),
    # Spreadsheet import
    path("import/", imports_views.import_upload, name="import_upload"),
    path("import/template/<str:fmt>/", imports_views.import_template, name="import_template"),
    path("import/<str:token>/", imports_views.import_preview, name="import_preview"),
]
