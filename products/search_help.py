"""When a product search finds nothing: what dropping one filter or one word would find.

One COUNT query per suggestion, at most ``MAX_SUGGESTIONS`` of them, whatever the data size.
"""

from django.utils.translation import gettext as _

from producers.text import search_terms
from products.filters import CatalogFilter, product_list_url

MAX_SUGGESTIONS = 6
PARAMS = ("province", "stars", "category", "kind", "youth", "status", "q", "sort")


def suggestions(filterset: CatalogFilter) -> list[dict]:
    """Links to the same list without one chosen filter or one search word, with their counts.

    Only those that would find something, most results first.
    """
    data = filterset.form.cleaned_data
    current = {name: data.get(name) for name in PARAMS}
    found = []
    for name in ("province", "stars", "category", "kind", "youth", "q"):
        if not data.get(name) or len(found) >= MAX_SUGGESTIONS:
            continue
        if name == "q":
            label = _("without the search “%(query)s”") % {"query": data["q"][:40]}
        else:
            label = _("without the filter “%(filter)s”") % {"filter": filterset.filters[name].label}
        found.append(
            (
                product_list_url(**{**current, name: None}),
                label,
                filterset.queryset_without(name).count(),
            )
        )
    terms = search_terms(data.get("q") or "")
    if len(terms) > 1:
        base = filterset.queryset_without("q")
        for term in terms[: max(0, MAX_SUGGESTIONS - len(found))]:
            rest = " ".join(t for t in terms if t != term)
            found.append(
                (
                    product_list_url(**{**current, "q": rest}),
                    _("without the word “%(word)s”") % {"word": term},
                    base.search(rest).count(),
                )
            )
    return [
        {"url": url, "label": label, "count": count}
        for url, label, count in sorted(found, key=lambda item: -item[2])
        if count
    ]
