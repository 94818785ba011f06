from django.urls import path

from stats import opendata, views

app_name = "stats"

urlpatterns = [
    path("statistics/", views.statistics, name="statistics"),
    path("products.csv", opendata.products_csv, name="products_csv"),
    path("products.json", opendata.products_json, name="products_json"),
]
