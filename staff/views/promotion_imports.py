"""Import of promotion figures: template, upload with a dry run, confirmation (all rows or none).

The upload is kept under IMPORT_ROOT by a token in the user's session, as the product import does.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from producers.audit import audit
from products import imports, spreadsheets
from staff.access import staff_required
from staff.promotion_imports import READING_COLUMNS, FiguresHaveErrors, import_figures, plan_figures
from staff.views.imports import _TOKEN, MAX_PENDING, ImportForm, _path, _remove_stale_uploads

SESSION_KEY = "staff_figure_imports"
PREVIEW_ROWS = 200


@require_safe
@staff_required
def figures_template(request, fmt):
    if fmt not in spreadsheets.FORMATS:
        raise Http404
    return spreadsheets.download(
        fmt=fmt,
        filename="mau-nhap-so-lieu-quang-ba",
        sheet="So lieu quang ba",
        headers=[c.header for c in READING_COLUMNS],
        rows=[[c.example for c in READING_COLUMNS]],
    )


@staff_required
def figures_upload(request):
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(imports.MAX_FILE_BYTES + 1)
        try:
            rows = imports.read_table(data, upload.name, READING_COLUMNS)
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            if not rows:
                form.add_error("file", _("The file has no rows of figures."))
            else:
                token = uuid.uuid4().hex
                path = _path(token)
                path.parent.mkdir(parents=True, exist_ok=True)
                _remove_stale_uploads()
                path.write_bytes(imports.dump_rows(rows))  # read once: the preview and confirm reuse it
                pending = request.session.get(SESSION_KEY, {})
                pending[token] = {"name": upload.name[:100], "user": request.user.pk}
                request.session[SESSION_KEY] = dict(list(pending.items())[-MAX_PENDING:])
                return redirect("staff:figures_preview", token=token)
    return render(request, "staff/promotion/figures_upload.html", {"form": form, "columns": READING_COLUMNS})


@staff_required
def figures_preview(request, token):
    pending = request.session.get(SESSION_KEY, {})
    if not _TOKEN.match(token) or token not in pending or pending[token]["user"] != request.user.pk:
        raise Http404
    meta = pending[token]
    path = _path(token)
    if not path.exists():
        raise Http404
    rows = imports.load_rows(path.read_bytes())  # the rows read at upload: the file is not read again
    if request.method == "POST":
        try:
            saved = import_figures(rows, request.user)
        except (FiguresHaveErrors, ValidationError):
            messages.error(request, _("The file has errors, so nothing was imported."))
        else:
            audit(
                "import",
                user=request.user,
                request=request,
                what="figures",
                file=meta["name"],
                rows=len(saved),
            )
            path.unlink(missing_ok=True)
            pending.pop(token, None)
            request.session[SESSION_KEY] = pending
            messages.success(request, _("Import finished: %(n)s figures.") % {"n": len(saved)})
            return redirect("staff:activity_list")
    planned = plan_figures(rows, request.user)
    errors = [row for row in planned if row.errors]
    return render(
        request,
        "staff/promotion/figures_preview.html",
        {
            "file_name": meta["name"],
            "rows": planned[:PREVIEW_ROWS],
            "hidden_rows": max(0, len(planned) - PREVIEW_ROWS),
            "error_rows": errors,
            "total": len(planned),
        },
    )
