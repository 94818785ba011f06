"""Buyers' questions to the province's producers: the inbox, one question, its status.

Only the producer's province staff (and national admins) see a question: another province's
is a 404, whatever the URL. The buyer's words are shown as text, never as links or HTML.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from inquiries.models import Inquiry
from inquiries.services import forward
from staff.access import staff_required

PAGE_SIZE = 25


def _visible(user):
    return Inquiry.objects.editable_by(user).select_related("producer__province", "product")


@require_safe
@staff_required
def inquiry_list(request):
    queryset = _visible(request.user)
    status = request.GET.get("status", "")
    if status in Inquiry.Status.values:
        queryset = queryset.filter(status=status)
    else:
        status = ""
    page = Paginator(queryset.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "staff/inquiry_list.html",
        {
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.has_other_pages(),
            "status": status,
            "statuses": Inquiry.Status.choices,
        },
    )


@require_safe
@staff_required
def inquiry_detail(request, pk):
    inquiry = get_object_or_404(_visible(request.user), pk=pk)
    return render(
        request, "staff/inquiry_detail.html", {"inquiry": inquiry, "statuses": Inquiry.Status.choices}
    )


@require_POST
@staff_required
def inquiry_status(request, pk, action):
    """Mark a question new, answered or spam, or (``forward``) email it to the producer again."""
    inquiry = get_object_or_404(_visible(request.user), pk=pk)
    if action == "forward":
        if forward(inquiry):
            messages.success(request, _("The question was emailed to the producer."))
        else:
            messages.error(request, _("This producer has no email address; call them instead."))
    elif action in (Inquiry.Status.NEW, Inquiry.Status.ANSWERED, Inquiry.Status.SPAM):
        inquiry.status = action
        inquiry.save(update_fields=["status", "updated_at"])
        messages.success(
            request, _("Status changed to “%(status)s”.") % {"status": inquiry.get_status_display()}
        )
    else:
        messages.error(request, _("That is not something a question can become."))
    return redirect("staff:inquiry_detail", pk=inquiry.pk)
