"""The product list's filters: the public query-string contract of ``/products/``.

Parameters (people share these links, so names and values never change):
``province`` (slugs, several), ``stars`` (3, 4, 5, several), ``category`` (a Decision 148
code; a group includes everything under it), ``kind`` (producer kind, several), ``youth``
(1 = youth-led producers), ``status`` (valid by default, expiring, expired, all), ``q`` (text),
``sort`` (relevance, stars, newest, name) and ``page``.

Unknown or malformed values never fail the page: they are dropped, the rest of the query
still applies, and ``CatalogFilter.notices`` says in words what was ignored.
"""

from dataclasses import dataclass

import django_filters
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from producers import catalog_version
from producers.models import Producer, Province
from producers.text import fold, search_terms
from products.certificates import looks_like_decision_number
from products.facets import facet_counts
from products.models import STAR_ORDER, Category, certificate_status_conditions

MAX_QUERY_LENGTH = 200

STAR_CHOICES = [("3", _("3 stars")), ("4", _("4 stars")), ("5", _("5 stars"))]
STATUS_CHOICES = [
    ("valid", _("Valid certificate")),
    ("expiring", _("Expiring within 90 days")),
    ("expired", _("Expired or revoked")),
    ("all", _("All")),
]
SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("stars", _("Most stars")),
    ("newest", _("Newest")),
    ("name", _("Name")),
]
# The allow-list of orderings; "relevance" falls back to "stars" when there is no search text.
ORDERINGS = {
    "relevance": ("-relevance", *STAR_ORDER),
    "stars": STAR_ORDER,
    "newest": ("-created_at", "-pk"),
    "name": ("search_name", "pk"),
}
YOUTH_CHOICES = [("1", _("Youth-led producers only"))]
MULTI_VALUED = ("province", "stars", "kind")
FACETS = ("province", "stars", "category", "kind", "youth", "status")


def product_list_url(**params) -> str:
    """The product list's URL with ``params`` (None and "" left out), in the active language."""
    query = urlencode({name: value for name, value in params.items() if value not in (None, "")}, doseq=True)
    return reverse("products:product_list") + (f"?{query}" if query else "")


def _choices() -> tuple[list[Province], list[Category]]:
    """The provinces (in Vietnamese alphabetical order) and the categories the filters offer."""
    return (
        sorted(Province.objects.all(), key=lambda province: fold(province.name)),
        list(Category.objects.order_by("position")),
    )


@dataclass
class Option:
    """One choice of a filter, as the page shows it."""

    value: str
    label: str
    count: int
    selected: bool
    depth: int = 0


class CatalogFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    province = django_filters.MultipleChoiceFilter(
        label=_("Province"), field_name="producer__province__slug", lookup_expr="exact", distinct=False
    )
    stars = django_filters.MultipleChoiceFilter(
        label=_("Stars"), choices=STAR_CHOICES, field_name="stars", lookup_expr="exact", distinct=False
    )
    category = django_filters.ChoiceFilter(label=_("Category"), method="filter_category")
    kind = django_filters.MultipleChoiceFilter(
        label=_("Producer kind"),
        choices=Producer.Kind.choices,
        field_name="producer__kind",
        lookup_expr="exact",
        distinct=False,
    )
    youth = django_filters.ChoiceFilter(label=_("Youth-led"), choices=YOUTH_CHOICES, method="filter_youth")
    status = django_filters.ChoiceFilter(
        label=_("Certificate"), choices=STATUS_CHOICES, method="filter_status", empty_label=None
    )
    # Ordering is applied last, in filter_queryset(), from the ORDERINGS allow-list: the contract's
    # values ("newest") do not map onto OrderingFilter's "field / -field" pairs.
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORT_CHOICES, method="keep")

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        self.today = timezone.localdate()
        self.provinces, self.categories = catalog_version.kept_in_process("filter-choices", _choices)
        self.categories_by_code = {category.code: category for category in self.categories}
        self.notices: list[str] = []
        # Always bound, so the defaults (valid certificates, ordering) apply to a bare /products/.
        super().__init__(self.clean_params(data or QueryDict()), queryset, request=request, prefix=prefix)
        self.filters["province"].extra["choices"] = [(p.slug, p.name) for p in self.provinces]
        self.filters["category"].extra["choices"] = [(c.code, c.name) for c in self.categories]

    def clean_params(self, data: QueryDict) -> QueryDict:
        """The query string with unknown, empty and repeated values dropped, and a notice for each."""
        known = {
            "province": {p.slug: p.name for p in self.provinces},
            "stars": dict(STAR_CHOICES),
            "kind": dict(Producer.Kind.choices),
            "category": {c.code: c.name for c in self.categories},
            "youth": dict(YOUTH_CHOICES),
            "status": dict(STATUS_CHOICES),
            "sort": dict(SORT_CHOICES),
        }
        unknown_messages = {
            "province": _("There is no province “%(value)s”; it was left out of the search."),
            "stars": _("“%(value)s” is not a star level (3, 4 or 5); it was left out."),
            "kind": _("“%(value)s” is not a producer kind; it was left out."),
            "category": _("There is no category “%(value)s”; all categories are shown."),
            "youth": _("“%(value)s” is not a valid youth-led choice; it was left out."),
            "status": _("“%(value)s” is not a certificate status; valid certificates are shown."),
            "sort": _("“%(value)s” is not a sort order; the default order is used."),
        }
        cleaned = QueryDict(mutable=True)
        for name, allowed in known.items():
            values = [value.strip() for value in data.getlist(name) if value.strip()]
            if name not in MULTI_VALUED:
                values = values[-1:]
            kept = []
            for value in values:
                if value in allowed:
                    if value not in kept:
                        kept.append(value)
                else:
                    self.notices.append(unknown_messages[name] % {"value": value[:40]})
            cleaned.setlist(name, kept)
        if not cleaned.get("status"):
            cleaned["status"] = "valid"
        # NUL characters are refused by Django's form fields and by PostgreSQL: drop them.
        query = " ".join(data.get("q", "").replace("\x00", " ").split())
        if len(query) > MAX_QUERY_LENGTH:
            query = query[:MAX_QUERY_LENGTH]
            self.notices.append(
                _("The search text was shortened to its first %(count)d characters.")
                % {"count": MAX_QUERY_LENGTH}
            )
        if query and not search_terms(query) and not looks_like_decision_number(query):
            # Only symbols, or a script the search does not fold (it keeps Latin letters and digits).
            self.notices.append(
                _("“%(value)s” has no letters or digits the search understands; it was ignored.")
                % {"value": query[:40]}
            )
            query = ""
        if query:
            cleaned["q"] = query
        return cleaned

    # Filter methods -------------------------------------------------------------------------

    def filter_search(self, queryset, name, value):
        if looks_like_decision_number(value):  # an exact look-up, apart from the word search
            return queryset.with_decision_number(value)
        return queryset.search(value)

    def filter_category(self, queryset, name, value):
        category = self.categories_by_code[value]
        prefix = category.code + "."
        ids = [c.pk for c in self.categories if c.code == category.code or c.code.startswith(prefix)]
        return queryset.filter(category_id__in=ids)

    def filter_youth(self, queryset, name, value):
        return queryset.filter(producer__youth_led=True)

    def filter_status(self, queryset, name, value):
        if value == "all":
            return queryset
        return queryset.filter(certificate_status_conditions(self.today)[value])

    def keep(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(*ORDERINGS[self.sort_order])

    def queryset_without(self, facet: str) -> QuerySet:
        """The results as if ``facet`` were not chosen (search help, statistics), unordered."""
        queryset = self.queryset.select_related(None).prefetch_related(None)
        for name, value in self.form.cleaned_data.items():
            if name in (facet, "sort"):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()

    # What the page shows --------------------------------------------------------------------

    @property
    def searching(self) -> bool:
        return bool(self.form.cleaned_data.get("q"))

    @property
    def sort_order(self) -> str:
        sort = self.form.cleaned_data.get("sort") or ("relevance" if self.searching else "stars")
        if sort == "relevance" and not self.searching:
            return "stars"
        return sort

    @property
    def selected_province(self) -> Province | None:
        """The one province asked for, if exactly one was (for the page title)."""
        slugs = self.form.cleaned_data.get("province") or []
        if len(slugs) == 1:
            return next((p for p in self.provinces if p.slug == slugs[0]), None)
        return None

    def active_filters(self) -> list[dict[str, str]]:
        """Each chosen filter value with a link to the same list without it (page reset)."""
        data = self.form.cleaned_data
        labels = {
            "province": {p.slug: p.name for p in self.provinces},
            "stars": dict(STAR_CHOICES),
            "kind": dict(Producer.Kind.choices),
            "category": {c.code: f"{c.code} {c.name}" for c in self.categories},
            "youth": dict(YOUTH_CHOICES),
            "status": dict(STATUS_CHOICES),
        }
        current = {name: data.get(name) for name in (*labels, "q", "sort")}
        chosen = []
        for name, names in labels.items():
            values = data.get(name) or []
            values = values if isinstance(values, list) else [values]
            for value in values:
                if name == "status" and value == "valid":
                    continue  # the default, not a choice the user made
                remaining = dict(current)
                if isinstance(current[name], list):
                    remaining[name] = [v for v in current[name] if v != value]
                else:
                    remaining[name] = None
                chosen.append({"label": str(names[value]), "url": product_list_url(**remaining)})
        return chosen

    def _category_options(self, by_set: dict) -> list[Option]:
        """Every category with its results: a set's own, a group's or subgroup's summed over its sets."""
        code_counts: dict[str, int] = {}
        for category in self.categories:
            count = by_set.get(category.pk, 0)
            if count:
                parts = category.code.split(".")
                for depth in range(1, len(parts) + 1):
                    code = ".".join(parts[:depth])
                    code_counts[code] = code_counts.get(code, 0) + count
        chosen = self.form.cleaned_data.get("category") or ""
        return [
            Option(c.code, c.name, code_counts.get(c.code, 0), c.code == chosen, depth=c.code.count("."))
            for c in self.categories
        ]

    def chosen_conditions(self) -> dict[str, Q]:
        """Each facet filter the visitor chose, as a condition on a product row."""
        data = self.form.cleaned_data
        conditions = {
            "province": data.get("province") and Q(producer__province__slug__in=data["province"]),
            "stars": data.get("stars") and Q(stars__in=[int(value) for value in data["stars"]]),
            "kind": data.get("kind") and Q(producer__kind__in=data["kind"]),
            "youth": data.get("youth") and Q(producer__youth_led=True),
        }
        if data.get("category"):
            code = data["category"]
            ids = [c.pk for c in self.categories if c.code == code or c.code.startswith(code + ".")]
            conditions["category"] = Q(category_id__in=ids)
        if data.get("status") and data["status"] != "all":
            conditions["status"] = certificate_status_conditions(self.today)[data["status"]]
        return {name: condition for name, condition in conditions.items() if condition}

    def summary_key(self) -> str:
        """The cleaned search text and filters, for keys of counts kept per catalog version."""
        data = self.form.cleaned_data
        return repr(sorted((name, repr(data.get(name))) for name in ("q", *FACETS) if data.get(name)))

    def facets(self) -> dict[str, list[Option]]:
        """Each filter's options with the number of results choosing it would give, in one query."""
        data = self.form.cleaned_data
        base = self.queryset.select_related(None).prefetch_related(None)
        if data.get("q"):
            base = base.search(data["q"])
        counts = catalog_version.summary(
            f"facets:{self.summary_key()}",
            lambda: facet_counts(base, self.chosen_conditions(), certificate_status_conditions(self.today)),
        )
        by_province, by_stars, by_kind = counts["province"], counts["stars"], counts["kind"]
        category_options = self._category_options(counts["category"])
        youth_count, by_status = counts["youth"], counts["status"]
        provinces, stars, kinds = (set(data.get(name) or []) for name in ("province", "stars", "kind"))
        return {
            # Chosen provinces first, so that a phone user sees them without scrolling 34 names.
            "province": sorted(
                (
                    Option(p.slug, p.name, by_province.get(p.pk, 0), p.slug in provinces)
                    for p in self.provinces
                ),
                key=lambda option: not option.selected,
            ),
            "stars": [
                Option(value, label, by_stars.get(int(value), 0), value in stars)
                for value, label in STAR_CHOICES
            ],
            "category": category_options,
            "kind": [
                Option(value, label, by_kind.get(value, 0), value in kinds)
                for value, label in Producer.Kind.choices
            ],
            "youth": [Option("1", YOUTH_CHOICES[0][1], youth_count, data.get("youth") == "1")],
            "status": [
                Option(value, label, by_status[value], data.get("status") == value)
                for value, label in STATUS_CHOICES
            ],
        }
