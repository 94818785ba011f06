"""Spreadsheet import pages: template download, upload with dry run, confirmation.

Reading and checking are the domain's (products.imports), writing too (products.services).
"""

import re
import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_safe

from producers.audit import audit
from producers.permissions import import_province
from products import imports, spreadsheets
from products.services import mark_rows_for_approval, run_import
from staff.access import staff_required

SESSION_KEY = "staff_imports"
PREVIEW_ROWS = 200
STALE_AFTER_SECONDS = 24 * 3600
MAX_PENDING = 5
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("An .xlsx or .csv file made from the template, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


def _province_or_403(user):
    province = import_province(user)
    if province is None:
        # National admins import with the management command, which names the province.
        raise PermissionDenied
    return province


def _path(token: str) -> Path:
    """Where an upload's rows wait for confirmation: read once at upload, stored as JSON."""
    return Path(settings.IMPORT_ROOT) / f"{token}.json"


def _remove_stale_uploads() -> None:
    """Delete uploads nobody confirmed within a day, so the import directory does not grow."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    for path in Path(settings.IMPORT_ROOT).glob("*.*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            continue


@require_safe
@staff_required
def import_template(request, fmt):
    if fmt not in spreadsheets.FORMATS:
        raise Http404
    return spreadsheets.download(
        fmt=fmt,
        filename="mau-nhap-san-pham-ocop",
        sheet="San pham OCOP",
        headers=imports.template_headers(),
        rows=imports.template_rows(),
        widths=imports.template_widths(),
    )


@staff_required
def import_upload(request):
    if import_province(request.user) is None:
        # A national admin has no province of their own: say how to import instead of a bare 403.
        return render(request, "staff/import_admin.html", status=403)
    province = import_province(request.user)
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(imports.MAX_FILE_BYTES + 1)
        try:
            rows = imports.read_table(data, upload.name)
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            if not rows:
                form.add_error("file", _("The file has no product rows."))
            else:
                token = uuid.uuid4().hex
                path = _path(token)
                path.parent.mkdir(parents=True, exist_ok=True)
                _remove_stale_uploads()
                path.write_bytes(imports.dump_rows(rows))
                pending = request.session.get(SESSION_KEY, {})
                pending[token] = {"name": upload.name[:100], "province": province.pk}
                pending = dict(list(pending.items())[-MAX_PENDING:])  # the session stays small
                request.session[SESSION_KEY] = pending
                return redirect("staff:import_preview", token=token)
    return render(
        request,
        "staff/import_upload.html",
        {"form": form, "province": province, "columns": imports.COLUMNS},
    )


@staff_required
def import_preview(request, token):
    province = _province_or_403(request.user)
    pending = request.session.get(SESSION_KEY, {})
    if not _TOKEN.match(token) or token not in pending or pending[token]["province"] != province.pk:
        raise Http404
    meta = pending[token]
    path = _path(token)
    if not path.exists():
        raise Http404
    rows = imports.load_rows(path.read_bytes())  # the rows read at upload: the file is not read again
    if request.method == "POST":
        plan, counts = run_import(rows=rows, province=province, user=request.user)
    else:
        plan, counts = imports.plan_import(rows=rows, province=province), None
    waiting = mark_rows_for_approval(plan, request.user) if counts is None else counts["proposed"]
    if counts is not None:
        audit("import", user=request.user, request=request, file=meta["name"], rows=len(rows), **counts)
        path.unlink(missing_ok=True)
        pending.pop(token, None)
        request.session[SESSION_KEY] = pending
        messages.success(
            request,
            _(
                "Import finished: %(create)s new products, %(certificate)s new certificates, "
                "%(update)s updated, %(unchanged)s unchanged."
            )
            % counts,
        )
        if counts["proposed"]:
            messages.info(
                request,
                ngettext(
                    "%(n)s row changes a published product: it waits for an approver, and the public "
                    "keeps seeing the published version until then.",
                    "%(n)s rows change published products: they wait for an approver, and the public "
                    "keeps seeing the published versions until then.",
                    counts["proposed"],
                )
                % {"n": counts["proposed"]},
            )
        return redirect("staff:product_list")
    if request.method == "POST":
        messages.error(request, _("The file has errors, so nothing was imported."))
    return render(
        request,
        "staff/import_preview.html",
        {
            "plan": plan,
            "province": province,
            "file_name": meta["name"],
            "rows": plan.rows[:PREVIEW_ROWS],
            "hidden_rows": max(0, len(plan.rows) - PREVIEW_ROWS),
            "error_rows": plan.error_rows,
            "counts": [(label, plan.count(action)) for action, label in imports.ACTION_LABELS.items()],
            "waiting": waiting,
            "token": token,
        },
    )
