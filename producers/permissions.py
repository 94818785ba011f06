"""Who may see and change what: the one place every page, form, admin, import and export asks.

National admins (superusers) may do everything. A province staff user (with a
``ProvinceMembership``) may read and write the data of their own province only. Anyone else
edits nothing.
"""

from django.db.models import QuerySet

from producers.models import Province, ProvinceMembership, Ward


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


def in_editable_provinces(queryset: QuerySet, user, *, province: str) -> QuerySet:
    """The rows of ``queryset`` that ``user`` may read unpublished and change.

    ``province`` is the lookup from the queryset's model to its province ("pk" for provinces,
    "province" for producers, "producer__province" for products). Every ``editable_by(user)``
    queryset method and the admin are built on this.
    """
    if is_national_admin(user):
        return queryset
    membership = membership_of(user)
    if membership is None:
        return queryset.none()
    return queryset.filter(**{province: membership.province_id})


def editable_provinces(user) -> QuerySet[Province]:
    """Provinces whose data ``user`` may change."""
    return in_editable_provinces(Province.objects.all(), user, province="pk")


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


def editable_wards(user) -> QuerySet[Ward]:
    """Communes and wards that may be chosen on a producer ``user`` edits."""
    return Ward.objects.filter(province__in=editable_provinces(user))


def import_province(user) -> Province | None:
    """The province a spreadsheet import by ``user`` writes into: always their own.

    National admins have no province of their own; they import through the management
    command, which names the province explicitly.
    """
    membership = membership_of(user)
    return membership.province if membership is not None else None
