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


def is_staff_member(user) -> bool:
    """May use the staff workspace: a national admin or a user assigned to a province."""
    return is_national_admin(user) or membership_of(user) is not None


def can_approve(user, province_id: int) -> bool:
    """May publish, unpublish and archive the data of province ``province_id``."""
    if is_national_admin(user):
        return True
    membership = membership_of(user)
    return (
        membership is not None
        and membership.province_id == province_id
        and membership.role == ProvinceMembership.Role.APPROVER
    )


def can_edit_province(user, province_id: int) -> bool:
    if is_national_admin(user):
        return True
    membership = membership_of(user)
    return membership is not None and membership.province_id == province_id


def editable_wards(user):
    """Communes and wards that may be chosen on a producer ``user`` edits."""
    from producers.models import Ward

    return Ward.objects.filter(province__in=editable_provinces(user))


def import_province(user) -> Province | None:
    """The province a spreadsheet import by ``user`` writes into: always their own.

    National admins have no province of their own; they import through the management
    command, which names the province explicitly.
    """
    membership = membership_of(user)
    return membership.province if membership is not None else None
