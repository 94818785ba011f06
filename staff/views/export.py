"""One download view for the staff lists: the rows the list's filters give, as CSV or XLSX."""

from django.http import Http404
from django.views.decorators.http import require_safe

from producers.audit import audit
from products import spreadsheets
from staff import exports
from staff.access import staff_required


@require_safe
@staff_required
def export_list(request, subject: str, fmt: str):
    """``subject`` is a key of ``exports.EXPORTED_LISTS``; invalid filters export no row."""
    if fmt not in spreadsheets.FORMATS:
        raise Http404
    exported = exports.EXPORTED_LISTS[subject]
    filterset = exported.filterset(request.GET, queryset=exported.queryset(request.user), request=request)
    queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    headers, rows = exported.rows(queryset)
    audit("export", user=request.user, request=request, what=subject, format=fmt, rows=queryset.count())
    return exports.download(fmt=fmt, basename=subject, headers=headers, rows=rows)
