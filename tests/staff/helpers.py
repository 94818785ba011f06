"""Helpers of the staff tests: what a browser posts, and what a province holds."""

from html.parser import HTMLParser

from inquiries.models import Inquiry
from producers import proposals
from producers.models import ChangeProposal, Producer
from products.models import Certificate, Product, ProductPhoto, SalesChannel


def province_snapshot(slug: str = "nghe-an"):
    """Everything stored about a province's producers and products, to compare before and after."""
    return (
        list(Producer.objects.filter(province__slug=slug).order_by("pk").values()),
        list(Product.objects.filter(producer__province__slug=slug).order_by("pk").values()),
        list(Certificate.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        list(ProductPhoto.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        list(SalesChannel.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        list(ChangeProposal.objects.filter(province__slug=slug).order_by("pk").values()),
        list(Inquiry.objects.filter(producer__province__slug=slug).order_by("pk").values()),
        Producer.history.filter(province__slug=slug).count(),
        Product.history.filter(producer__province__slug=slug).count(),
    )


def propose_fields(obj, user, **fields):
    """A pending proposal of ``user`` changing ``fields`` of the published ``obj`` (through the domain)."""
    return proposals.propose(
        obj=obj,
        user=user,
        change=lambda state: {**state, "fields": {**state["fields"], **fields}},
        continue_any=True,
    )


def product_form_data(product=None, **overrides) -> dict:
    """The POST data of the product edit page as a browser would send it, unchanged (live values)."""
    data = {
        "certificates-TOTAL_FORMS": "0",
        "certificates-INITIAL_FORMS": "0",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "channels-TOTAL_FORMS": "0",
        "channels-INITIAL_FORMS": "0",
        "newphotos-TOTAL_FORMS": "0",
        "newphotos-INITIAL_FORMS": "0",
    }
    if product is not None:
        data.update(
            {
                "name": product.name,
                "producer": product.producer_id,
                "category": product.category_id,
                "version": product.version,
                "story": product.story,
                "price_min": product.price_min or "",
                "price_max": product.price_max or "",
            }
        )
        certificates = list(product.certificates.order_by("-decision_date", "-pk"))
        data["certificates-TOTAL_FORMS"] = data["certificates-INITIAL_FORMS"] = str(len(certificates))
        for i, cert in enumerate(certificates):
            data.update(
                {
                    f"certificates-{i}-id": cert.pk,
                    f"certificates-{i}-stars": cert.stars,
                    f"certificates-{i}-decision_number": cert.decision_number,
                    f"certificates-{i}-decision_date": cert.decision_date.isoformat(),
                    f"certificates-{i}-issuer": cert.issuer,
                    f"certificates-{i}-level": cert.level,
                    f"certificates-{i}-expires_on": cert.expires_on.isoformat(),
                }
            )
        photos = list(product.photos.order_by("position", "pk"))
        data["photos-TOTAL_FORMS"] = data["photos-INITIAL_FORMS"] = str(len(photos))
        for i, photo in enumerate(photos):
            data.update(
                {
                    f"photos-{i}-id": photo.pk,
                    f"photos-{i}-alt_text": photo.alt_text,
                    f"photos-{i}-position": photo.position,
                }
            )
        channels = list(product.channels.order_by("kind", "pk"))
        data["channels-TOTAL_FORMS"] = data["channels-INITIAL_FORMS"] = str(len(channels))
        for i, channel in enumerate(channels):
            data.update(
                {
                    f"channels-{i}-id": channel.pk,
                    f"channels-{i}-kind": channel.kind,
                    f"channels-{i}-url": channel.url,
                    f"channels-{i}-label": channel.label,
                }
            )
    data.update(overrides)
    return data


class _FormFields(HTMLParser):
    """The fields of the page's forms as a browser would submit them: {form index: {name: value}}."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select = None
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"attrs": attrs, "fields": []})
        elif not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "button"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            fields.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = {"name": name, "selected": [], "first": None}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["selected"].append(value)
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": ""}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            chosen = self._select["selected"] or [self._select["first"] or ""]
            self.forms[-1]["fields"] += [(self._select["name"], value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = self._textarea["text"]
            self.forms[-1]["fields"].append(
                (self._textarea["name"], text[1:] if text.startswith("\n") else text)
            )
            self._textarea = None


def form_data_of(html: str, *, form_class: str = "form") -> dict:
    """What submitting the page's first form of class ``form_class`` unchanged would post.

    Values of a multiple choice come as a list, the way Django's test client posts them.
    """
    parser = _FormFields()
    parser.feed(html)
    form = next(f for f in parser.forms if form_class in f["attrs"].get("class", "").split())
    data: dict = {}
    for name, value in form["fields"]:
        if name == "csrfmiddlewaretoken":
            continue
        if name in data:
            data[name] = [*data[name], value] if isinstance(data[name], list) else [data[name], value]
        else:
            data[name] = value
    return data


def run_threads(*targets) -> None:
    """Run ``targets`` in threads at once; an exception raised in any of them fails the test.

    A thread's exception would otherwise be printed and lost, and the test would judge only what
    the threads left behind.
    """
    import threading

    errors: list[BaseException] = []

    def guarded(target):
        def run():
            try:
                target()
            except BaseException as error:  # every error is re-raised below
                errors.append(error)

        return run

    threads = [threading.Thread(target=guarded(target)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
