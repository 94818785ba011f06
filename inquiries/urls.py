from django.urls import path

from inquiries import views

app_name = "inquiries"

urlpatterns = [
    path("products/<slug:slug>/ask/", views.ask_about_product, name="ask_product"),
    path("producers/<slug:slug>/ask/", views.ask_producer, name="ask_producer"),
    path("ask/sent/", views.sent, name="sent"),
]
