from django.urls import path

from stats import api, opendata, views

app_name = "stats"

urlpatterns = [
    path("statistics/", views.statistics, name="statistics"),
    path("products.csv", opendata.products_csv, name="products_csv"),
    path("products.json", opendata.products_json, name="products_json"),
    path("api/v1/", api.index, name="api_index"),
    path("api/v1/products/", api.products, name="api_products"),
    path("api/v1/producers/", api.producers, name="api_producers"),
    path("api/v1/provinces/", api.provinces, name="api_provinces"),
    path("api/v1/categories/", api.categories, name="api_categories"),
    path("api/v1/openapi.json", api.schema, name="api_schema"),
]
