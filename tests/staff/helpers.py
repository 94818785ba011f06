"""Helpers of the staff tests: what a browser posts, and what a province holds."""

from producers.models import Producer
from products.models import Certificate, Product, ProductPhoto, SalesChannel


def province_snapshot(slug: str = "nghe-an"):
    """Everything stored about a province's producers and products, to compare before and after."""
    return (
        list(Producer.objects.filter(province__slug=slug).order_by("pk").values()),
        list(Product.objects.filter(producer__province__slug=slug).order_by("pk").values()),
        list(Certificate.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        list(ProductPhoto.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        list(SalesChannel.objects.filter(product__producer__province__slug=slug).order_by("pk").values()),
        Producer.history.filter(province__slug=slug).count(),
        Product.history.filter(producer__province__slug=slug).count(),
    )


def product_form_data(product=None, **overrides) -> dict:
    """The POST data of the product edit page as a browser would send it, unchanged."""
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
