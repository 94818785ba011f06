"""The public "ask the producer" form: a product's or a producer's, and the confirmation."""

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from inquiries.forms import InquiryForm
from inquiries.services import forward
from producers.models import Producer
from products.models import Product


def _ask(request, *, producer, product=None):
    form = InquiryForm(request.POST or None)
    if request.method == "POST":
        if form.is_bot:
            return redirect("inquiries:sent")  # say nothing to a robot; store nothing
        if form.is_valid():
            inquiry = form.save(commit=False)
            inquiry.producer, inquiry.product = producer, product
            inquiry.save()
            transaction.on_commit(lambda: forward(inquiry))
            return redirect("inquiries:sent")
    context = {"form": form, "producer": producer, "product": product}
    return render(request, "inquiries/ask.html", context, status=400 if form.errors else 200)


# No CSRF token: the form sits on public pages that may be served from a shared page cache, and
# it acts for no signed-in user (nothing to forge). Abuse is held by the per-address rate
# limit (ocop_catalog.ratelimit, scope "inquiry"), the honeypot and the length limits.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def ask_about_product(request, slug):
    product = get_object_or_404(Product.objects.published().select_related("producer__province"), slug=slug)
    return _ask(request, producer=product.producer, product=product)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def ask_producer(request, slug):
    producer = get_object_or_404(Producer.objects.published().select_related("province"), slug=slug)
    return _ask(request, producer=producer)


@require_safe
def sent(request):
    return render(request, "inquiries/sent.html")
