from django.urls import path

from products import views

app_name = "products"

urlpatterns = [
    path("products/", views.ProductListView.as_view(), name="product_list"),
    path("products/<slug:slug>/", views.ProductDetailView.as_view(), name="product_detail"),
    path("products/<slug:slug>/label.svg", views.product_label, name="product_label"),
]
