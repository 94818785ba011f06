"""``{% inquiry_form product=product %}`` / ``{% inquiry_form producer=producer %}`` on public pages."""

from django import template
from django.urls import reverse

from inquiries.forms import InquiryForm

register = template.Library()


@register.inclusion_tag("inquiries/includes/form.html")
def inquiry_form(product=None, producer=None):
    if product is not None:
        action = reverse("inquiries:ask_product", kwargs={"slug": product.slug})
        producer = product.producer
    else:
        action = reverse("inquiries:ask_producer", kwargs={"slug": producer.slug})
    return {"form": InquiryForm(), "action": action, "producer": producer, "product": product}
