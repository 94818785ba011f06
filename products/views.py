"""Public product pages: the filtered list, the product page and its printable label."""

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, Q, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from producers import catalog_version
from products import search_help
from products.certificates import VALID_STATUSES
from products.filters import CatalogFilter
from products.models import STAR_ORDER, Certificate, Product
from products.sharing import absolute_url, label_svg, product_json_ld, qr_svg
from products.verification import short_code

RELATED_PRODUCTS = 4
# The deepest page of the list (1,200 products); past it, a notice invites to narrow the filter.
MAX_PAGES = 50


class CountedPaginator(Paginator):
    """A paginator whose count of results is kept per catalog version, like the facet counts."""

    def __init__(self, *args, filterset, **kwargs):
        super().__init__(*args, **kwargs)
        self.filterset = filterset

    @cached_property
    def count(self) -> int:
        return catalog_version.summary(f"count:{self.filterset.summary_key()}", self.object_list.count)

    def _get_page(self, *args, **kwargs):
        return BoundedPage(*args, **kwargs)


class BoundedPage(Page):
    """A page of the list; the deepest one the list shows (``MAX_PAGES``) has no next page."""

    def has_next(self) -> bool:
        return self.number < MAX_PAGES and super().has_next()


class ProductListView(FilterView):
    """``/products/``: filters, facet counts and 24 products a page."""

    filterset_class = CatalogFilter
    # The filterset cleans the query string itself; should a value still fail the form, drop
    # that one filter rather than show nothing.
    strict = False
    template_name = "products/product_list.html"
    paginate_by = 24

    def get_queryset(self):
        # Only counted and read for its keys: the cards load what they show (product_cards).
        return Product.objects.published()

    def paginate_queryset(self, queryset, page_size):
        """The nearest valid page: ``page=abc``, ``0`` or ``-1`` give page 1, ``page=99999`` the last.

        Pages past ``MAX_PAGES`` show the last of those, with a notice inviting to narrow the
        filter: a page N costs reading the N × 24 rows before it, whatever the index.
        """
        paginator = CountedPaginator(queryset, page_size, filterset=self.filterset)
        number = self.request.GET.get("page")
        try:
            if int(number) < 1:
                number = 1  # get_page() would give the last page, the farthest from the one asked for
            elif int(number) > MAX_PAGES:
                number = MAX_PAGES
        except (TypeError, ValueError):
            pass
        page = paginator.get_page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters_html"] = self._filters_html()
        # The page's product keys, kept like its count: a search or a deep page reads many rows
        # to find its 24. The template shows these (their cards come from the card cache) and
        # never reads page_obj.object_list itself.
        page = context["page_obj"]
        keys = page.object_list.values_list("pk", flat=True)
        name = f"page:{self.filterset.summary_key()}:{self.filterset.sort_order}:{page.number}"
        context["page_keys"] = catalog_version.summary(name, lambda: list(keys))
        context["notices"] = self.filterset.notices
        context["active_filters"] = self.filterset.active_filters()
        context["page_title"] = _page_title(self.filterset)
        if not context["paginator"].count:
            context["suggestions"] = search_help.suggestions(self.filterset)
        requested = self.request.GET.get("page", "")
        page = context["page_obj"]
        if page.number == MAX_PAGES and page.paginator.num_pages > MAX_PAGES:
            context["notices"] = [
                *context["notices"],
                _(
                    "Only the first %(pages)d pages of results are shown. Narrow the search or "
                    "choose a province, a star rating or a product set to see the others."
                )
                % {"pages": MAX_PAGES},
            ]
        elif requested and requested != str(page.number):
            context["notices"] = [
                *context["notices"],
                _("There is no page “%(requested)s”; showing page %(number)d of %(count)d.")
                % {"requested": requested[:20], "number": page.number, "count": page.paginator.num_pages},
            ]
        return context

    def _filters_html(self) -> str:
        """The search and filter form with its counts, rendered once per filter, catalog version and day.

        The form is the largest part of the page (34 provinces, 170 categories, each with its
        count), and it is the same for every page of a result and for any other parameter.
        """
        filterset = self.filterset
        name = (
            f"filters:{get_language()}:{filterset.summary_key()}:{filterset.sort_order}:{filterset.searching}"
        )
        return catalog_version.summary(
            name,
            lambda: render_to_string(
                "products/includes/list_filters.html", {"facets": filterset.facets(), "filter": filterset}
            ),
        )


def _page_title(filterset: CatalogFilter) -> str:
    province = filterset.selected_province
    if province is not None:
        return _("OCOP products of %(province)s") % {"province": province.name}
    return _("OCOP products")


class ProductDetailView(DetailView):
    """``/products/<slug>/``: one published product with its certificate, photos and QR code."""

    template_name = "products/product_detail.html"
    context_object_name = "product"

    def get_queryset(self):
        return Product.objects.published().for_detail()

    def get(self, request, *args, **kwargs):
        """Whether the product is published is asked every time (one query); the page's context
        (the product with its photos, certificates, standards and channels, the QR code, JSON-LD
        and related products) is kept per catalog version, day and language."""
        pk = Product.objects.published().filter(slug=kwargs["slug"]).values_list("pk", flat=True).first()
        if pk is None:
            raise Http404
        context = catalog_version.summary(f"product-page:{get_language()}:{pk}", lambda: self._context(pk))
        return self.render_to_response({**context, "view": self})

    def _context(self, pk) -> dict:
        self.object = self.get_queryset().get(pk=pk)
        context = self.get_context_data(object=self.object)
        context.pop("view")  # the view itself is not kept
        return context

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        today = timezone.localdate()
        certificates = product.all_certificates
        # The current certificate; failing that (all revoked) the latest one, shown as revoked.
        # A revocation dated ahead takes effect on its date (sync_current_certificates): until
        # then the certificate is valid and the page says when it will be revoked.
        certificate = product.current_certificate
        status = certificate.status_on(today) if certificate else None
        if certificate is None and certificates:
            certificate, status = certificates[0], Certificate.Status.REVOKED
        valid = status in VALID_STATUSES
        url = absolute_url(product.get_absolute_url(), self.request)
        images = [absolute_url(photo.image.url, self.request) for photo in product.ordered_photos]
        category_path = []
        node = product.category
        while node is not None:
            category_path.insert(0, node)
            node = node.parent
        context.update(
            {
                "today": today,
                "certificate": certificate,
                "certificate_status": status,
                "certificate_valid": valid,
                "days_left": (certificate.expires_on - today).days if certificate else None,
                "revocation_ahead": bool(
                    certificate and certificate.revoked_on and certificate.revoked_on > today
                ),
                "short_code": short_code(certificate.pk) if certificate else "",
                "earlier_certificates": [
                    c for c in certificates if certificate is None or c.pk != certificate.pk
                ],
                "category_path": category_path,
                "canonical_url": url,
                "og_image": images[0] if images else "",
                "qr_svg": qr_svg(url, title=_("QR code of this page")),
                "json_ld": product_json_ld(
                    product, url=url, images=images, certificate=certificate, valid=valid
                ),
                # Kept per catalog version and day: the same-province walk reads up to a few
                # thousand index entries at 100,000 products.
                "related_products": catalog_version.summary(
                    f"related:{product.pk}", lambda: related_products(product, today)
                ),
            }
        )
        return context


def related_products(product: Product, today) -> list[Product]:
    """Up to four other valid products: the same product set first, then the same province.

    One query. On PostgreSQL it takes the four best of the product set and the four best of
    the province, each a short walk of an index in the catalog's order, then the first four
    of those eight, so the page costs the same at any catalog size. SQLite, which cannot
    limit the parts of a UNION, filters on either condition instead (same results).
    """
    valid = Product.objects.published().certified_valid_on(today).exclude(pk=product.pk).order_by(*STAR_ORDER)
    same_set = valid.filter(category_id=product.category_id)
    same_province = valid.filter(producer__province_id=product.producer.province_id)
    if connection.features.supports_slicing_ordering_in_compound:
        candidates = Q(
            pk__in=same_set.values("pk")[:RELATED_PRODUCTS].union(
                same_province.values("pk")[:RELATED_PRODUCTS], all=True
            )
        )
    else:
        province_id = product.producer.province_id
        candidates = Q(category_id=product.category_id) | Q(producer__province_id=province_id)
    return list(
        valid.filter(candidates)
        .annotate(same_set=Case(When(category_id=product.category_id, then=Value(1)), default=Value(0)))
        .order_by("-same_set", *STAR_ORDER)
        .for_listing()[:RELATED_PRODUCTS]
    )


def product_label(request, slug):
    """A printable label (SVG download) with the product's QR code, for its packaging or stall."""
    product = get_object_or_404(
        Product.objects.published().select_related("producer__province", "current_certificate"), slug=slug
    )
    url = absolute_url(product.get_absolute_url(), request)
    certificate = product.current_certificate
    status = product.validity_on()
    lines = {
        "producer": product.producer.name,
        "province": product.producer.province.name,
        "scan": _("Scan to check the OCOP certificate"),
        "no_certificate": _("No valid OCOP certificate"),
    }
    if certificate is not None:
        lines["stars"] = _("OCOP %(stars)d stars") % {"stars": certificate.stars}
        lines["decision"] = _("Decision %(number)s") % {"number": certificate.decision_number}
        lines["until"] = _("Valid until %(date)s") % {
            "date": date_format(certificate.expires_on, "SHORT_DATE_FORMAT")
        }
        lines["code"] = _("Check code %(code)s") % {"code": short_code(certificate.pk)}
    response = HttpResponse(label_svg(product, url, status=status, lines=lines), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="ocop-{product.slug}.svg"'
    return response
