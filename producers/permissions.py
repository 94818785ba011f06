"""Who may see and change what: the one place every page, form, admin, import and export asks.

National admins (superusers) may do everything. A province staff user (with a
``ProvinceMembership``) may read and write the data of their own province only. Anyone else
edits nothing.
"""

from django.db.models import QuerySet

from producers.models import Producer, Province, ProvinceMembership


def is_national_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def membership_of(user) -> ProvinceMembership | None:
    """The user's province assignment, or None (also for anonymous and inactive users)."""
    if not (user.is_authenticated and user.is_active):
        return None
    try:
        return user.province_membership
    except ProvinceMembership.DoesNotExist:
        return None


def editable_provinces(user) -> QuerySet[Province]:
    """Provinces whose data ``user`` may change."""
    if is_national_admin(user):
        return Province.objects.all()
    membership = membership_of(user)
    if membership is None:
        return Province.objects.none()
    return Province.objects.filter(pk=membership.province_id)


def editable_producers(user) -> QuerySet[Producer]:
    """Producers ``user`` may read unpublished and change."""
    if is_national_admin(user):
        return Producer.objects.all()
    membership = membership_of(user)
    if membership is None:
        return Producer.objects.none()
    return Producer.objects.filter(province_id=membership.province_id)


def editable_products(user):
    """Products ``user`` may read unpublished and change."""
    from products.models import Product

    if is_national_admin(user):
        return Product.objects.all()
    membership = membership_of(user)
    if membership is None:
        return Product.objects.none()
    return Product.objects.filter(producer__province_id=membership.province_id)
