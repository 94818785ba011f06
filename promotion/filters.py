"""The campaign list's filters: ``province`` (a slug, or ``national``), ``year`` and ``kind`` of activity.

Unknown or malformed values never fail the page: they are dropped and ``CampaignFilter.notices``
says in words what was ignored.
"""

import django_filters
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from producers.models import Province
from producers.text import fold
from promotion.models import ActivityKind

NATIONAL = "national"
FIRST_YEAR = 2018  # the OCOP programme's first year


def year_choices() -> list[tuple[str, str]]:
    """Every year from the programme's start to next year, newest first."""
    last = timezone.localdate().year + 1
    return [(str(year), str(year)) for year in range(last, FIRST_YEAR - 1, -1)]


class CampaignFilter(django_filters.FilterSet):
    province = django_filters.ChoiceFilter(label=_("Province"), method="filter_province")
    year = django_filters.ChoiceFilter(label=_("Year"), method="filter_year")
    kind = django_filters.ChoiceFilter(
        label=_("Kind of activity"), choices=ActivityKind.choices, method="filter_kind"
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        self.provinces = sorted(Province.objects.all(), key=lambda province: fold(province.name))
        self.notices: list[str] = []
        super().__init__(self.clean_params(data or QueryDict()), queryset, request=request, prefix=prefix)
        self.filters["province"].extra["choices"] = self.province_choices()
        self.filters["year"].extra["choices"] = year_choices()

    def province_choices(self) -> list[tuple[str, str]]:
        return [(NATIONAL, _("National campaigns")), *((p.slug, p.name) for p in self.provinces)]

    def clean_params(self, data: QueryDict) -> QueryDict:
        """The query string with unknown and empty values dropped, and a notice for each."""
        known = {
            "province": dict(self.province_choices()),
            "year": dict(year_choices()),
            "kind": dict(ActivityKind.choices),
        }
        messages = {
            "province": _("There is no province “%(value)s”; campaigns of every province are shown."),
            "year": _("“%(value)s” is not a year we have campaigns for; every year is shown."),
            "kind": _("“%(value)s” is not a kind of activity; every kind is shown."),
        }
        cleaned = QueryDict(mutable=True)
        for name, allowed in known.items():
            value = (data.getlist(name) or [""])[-1].strip()
            if not value:
                continue
            if value in allowed:
                cleaned[name] = value
            else:
                self.notices.append(messages[name] % {"value": value[:40]})
        return cleaned

    def filter_province(self, queryset, name, value):
        return queryset.national() if value == NATIONAL else queryset.filter(province__slug=value)

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))

    def filter_kind(self, queryset, name, value):
        return queryset.with_activity_kind(value)

    @property
    def chosen_kind(self) -> str:
        return self.form.cleaned_data.get("kind") or ""
