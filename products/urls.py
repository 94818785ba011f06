from django.urls import path

from products import directory, printing, trust, views

app_name = "products"

urlpatterns = [
    path("products/", views.ProductListView.as_view(), name="product_list"),
    path("products/print/", printing.catalogue, name="catalogue_print"),
    path("products/<slug:slug>/", views.ProductDetailView.as_view(), name="product_detail"),
    path("producers/", directory.producer_directory, name="producer_directory"),
    path("ocop/", trust.ocop_page, name="ocop"),
    path("verify/", trust.verify, name="verify"),
    path("products/<slug:slug>/label.svg", views.product_label, name="product_label"),
]
