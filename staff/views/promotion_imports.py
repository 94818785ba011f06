"""Import of promotion figures and activities: template, upload with a dry run, confirmation.

The upload is kept under IMPORT_ROOT by a token in the user's session, as the product import
does; the confirmation writes all rows or none. Both imports run the same three pages, each
described by an ``_Import``.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from producers.audit import audit
from products import imports, spreadsheets
from products.imports.columns import Column
from staff.access import staff_required
from staff.activity_imports import ACTIVITY_COLUMNS, ActivitiesHaveErrors, import_activities, plan_activities
from staff.promotion_imports import READING_COLUMNS, FiguresHaveErrors, import_figures, plan_figures
from staff.views.imports import _TOKEN, MAX_PENDING, ImportForm, _path, _remove_stale_uploads

PREVIEW_ROWS = 200


@dataclass(frozen=True)
class _Import:
    what: str  # "figures" or "activities": the audit record's and the URL names' word
    columns: list[Column]
    session_key: str
    plan: Callable
    run: Callable  # writes all rows or raises one of ``refused``
    refused: tuple[type[Exception], ...]
    filename: str
    sheet: str
    title: str
    intro: str
    empty: str  # the message for a file without rows
    done: str  # the message once imported, with %(n)s

    def url(self, page: str, *args) -> str:
        return reverse(f"staff:{self.what}_{page}", args=args)


FIGURES = _Import(
    what="figures",
    columns=READING_COLUMNS,
    session_key="staff_figure_imports",
    plan=plan_figures,
    run=import_figures,
    refused=(FiguresHaveErrors, ValidationError),
    filename="mau-nhap-so-lieu-quang-ba",
    sheet="So lieu quang ba",
    title=gettext_lazy("Import figures"),
    intro=gettext_lazy(
        "One row per figure. The activity code is shown on each activity's page. "
        "You will see every row checked before anything is saved."
    ),
    empty=gettext_lazy("The file has no rows of figures."),
    done=gettext_lazy("Import finished: %(n)s figures."),
)
ACTIVITIES = _Import(
    what="activities",
    columns=ACTIVITY_COLUMNS,
    session_key="staff_activity_imports",
    plan=plan_activities,
    run=import_activities,
    refused=(ActivitiesHaveErrors, ValidationError),
    filename="mau-nhap-hoat-dong-quang-ba",
    sheet="Hoat dong quang ba",
    title=gettext_lazy("Import activities"),
    intro=gettext_lazy(
        "One row per activity. The campaign code is the campaign's slug, shown on its page; leave it "
        "empty for a standalone activity. Platform, hosts and duration are for livestreams; platform, "
        "creator and video link for videos. New activities are drafts. You will see every row checked "
        "before anything is saved."
    ),
    empty=gettext_lazy("The file has no rows of activities."),
    done=gettext_lazy("Import finished: %(n)s activities, saved as drafts."),
)


def _template(spec: _Import, fmt: str):
    if fmt not in spreadsheets.FORMATS:
        raise Http404
    return spreadsheets.download(
        fmt=fmt,
        filename=spec.filename,
        sheet=spec.sheet,
        headers=[c.header for c in spec.columns],
        rows=[[c.example for c in spec.columns]],
    )


def _upload(request, spec: _Import):
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(imports.MAX_FILE_BYTES + 1)
        try:
            rows = imports.read_table(data, upload.name, spec.columns)
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            if not rows:
                form.add_error("file", str(spec.empty))
            else:
                token = uuid.uuid4().hex
                path = _path(token)
                path.parent.mkdir(parents=True, exist_ok=True)
                _remove_stale_uploads()
                path.write_bytes(imports.dump_rows(rows))  # read once: the preview and confirm reuse it
                pending = request.session.get(spec.session_key, {})
                pending[token] = {"name": upload.name[:100], "user": request.user.pk}
                request.session[spec.session_key] = dict(list(pending.items())[-MAX_PENDING:])
                return redirect(spec.url("preview", token))
    return render(
        request,
        "staff/promotion/import_upload.html",
        {
            "form": form,
            "columns": spec.columns,
            "title": spec.title,
            "intro": spec.intro,
            "template_xlsx": spec.url("template", "xlsx"),
            "template_csv": spec.url("template", "csv"),
        },
    )


def _preview(request, token: str, spec: _Import):
    pending = request.session.get(spec.session_key, {})
    if not _TOKEN.match(token) or token not in pending or pending[token]["user"] != request.user.pk:
        raise Http404
    meta = pending[token]
    path = _path(token)
    if not path.exists():
        raise Http404
    rows = imports.load_rows(path.read_bytes())  # the rows read at upload: the file is not read again
    planned = None
    if request.method == "POST":
        try:
            saved = spec.run(rows, request.user)
        except spec.refused as error:
            messages.error(request, _("The file has errors, so nothing was imported."))
            planned = getattr(error, "rows", None)  # the confirmation's own, more thorough check
        else:
            audit(
                "import",
                user=request.user,
                request=request,
                what=spec.what,
                file=meta["name"],
                rows=len(saved),
            )
            path.unlink(missing_ok=True)
            pending.pop(token, None)
            request.session[spec.session_key] = pending
            messages.success(request, spec.done % {"n": len(saved)})
            return redirect("staff:activity_list")
    if planned is None:
        planned = spec.plan(rows, request.user)
    return render(
        request,
        f"staff/promotion/{spec.what}_preview.html",
        {
            "file_name": meta["name"],
            "rows": planned[:PREVIEW_ROWS],
            "hidden_rows": max(0, len(planned) - PREVIEW_ROWS),
            "error_rows": [row for row in planned if row.errors],
            "total": len(planned),
            "upload_url": spec.url("upload"),
        },
    )


@require_safe
@staff_required
def figures_template(request, fmt):
    return _template(FIGURES, fmt)


@staff_required
def figures_upload(request):
    return _upload(request, FIGURES)


@staff_required
def figures_preview(request, token):
    return _preview(request, token, FIGURES)


@require_safe
@staff_required
def activities_template(request, fmt):
    return _template(ACTIVITIES, fmt)


@staff_required
def activities_upload(request):
    return _upload(request, ACTIVITIES)


@staff_required
def activities_preview(request, token):
    return _preview(request, token, ACTIVITIES)
