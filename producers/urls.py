from django.urls import path

from producers import views

app_name = "producers"

urlpatterns = [
    path("producers/<slug:slug>/", views.ProducerDetailView.as_view(), name="producer_detail"),
    path("provinces/<slug:slug>/", views.province_detail, name="province_detail"),
]
