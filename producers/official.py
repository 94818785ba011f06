"""A province's official OCOP figures as published, to set the catalog's own counts against.

Officials report "Hà Tĩnh has 250 OCOP products, 12 four-star and 238 three-star": a figure
true on a date, from a source. The catalog counts only what staff have entered, so the
public pages show both, "officially N, in the catalog M (coverage %)", and gaps show.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STAR_FIELDS = ("stars_5", "stars_4", "stars_3")


def validate_not_future(value) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("The date of an official figure cannot be in the future."), code="future")


class OfficialTotalQuerySet(models.QuerySet):
    def latest_by_province(self) -> dict[int, "OfficialTotal"]:
        """{province id: its latest figure} in one query (few rows: a handful per province)."""
        latest = {}
        for figure in self.order_by("province_id", "-as_of", "-pk"):
            latest.setdefault(figure.province_id, figure)
        return latest


class OfficialTotal(models.Model):
    province = models.ForeignKey(
        "producers.Province",
        on_delete=models.PROTECT,
        related_name="official_totals",
        verbose_name=_("province"),
    )
    as_of = models.DateField(
        _("as of"), validators=[validate_not_future], help_text=_("The day the figure was true.")
    )
    total = models.PositiveIntegerField(_("OCOP products in total"))
    stars_5 = models.PositiveIntegerField(_("five-star"), null=True, blank=True)
    stars_4 = models.PositiveIntegerField(_("four-star"), null=True, blank=True)
    stars_3 = models.PositiveIntegerField(_("three-star"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=255, help_text=_("The document or report that published the figure.")
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = OfficialTotalQuerySet.as_manager()

    class Meta:
        verbose_name = _("official OCOP total")
        verbose_name_plural = _("official OCOP totals")
        ordering = ["province", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["province", "as_of"], name="official_total_one_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.province} · {self.as_of:%d/%m/%Y} · {self.total}"

    def clean(self):
        given = [getattr(self, name) for name in STAR_FIELDS if getattr(self, name) is not None]
        if self.total is not None and sum(given) > self.total:
            raise ValidationError(
                _("The star levels add up to more than the total."), code="stars_over_total"
            )
        if self.total is not None and len(given) == len(STAR_FIELDS) and sum(given) != self.total:
            raise ValidationError(_("The three star levels must add up to the total."), code="stars_total")

    def coverage(self, in_catalog: int) -> int | None:
        """The catalog's count as a whole percentage of this figure (None when the figure is 0)."""
        return round(100 * in_catalog / self.total) if self.total else None
