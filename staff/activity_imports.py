"""Import of promotion activities from a spreadsheet: read (products.imports.files), check, then write.

One row is one activity: optionally its campaign's code (the campaign's slug), its kind, title,
date and the other fields of the activity form, and for a livestream or a video the details
of that kind (platform, hosts and duration; creator and video link). The column headers are
those of the activity export where they mean the same, so an exported file is read back.

A dry run checks every row with the models' own rules (``full_clean`` of the activity and of
its details, without the database lookups: the campaigns and provinces are looked up once
for the whole file), and against the other rows and the user's existing activities (one
activity per kind, title and date). Confirming checks again, this time also the database
constraints, then writes every row or none through ``promotion.services.save_activity``, the
function the activity form saves through: new activities are drafts, whoever imports them.

A campaign code that is not one of the user's campaigns gets the same message whether the
campaign is another province's or does not exist. Province staff add activities in their own
province only; national admins name the province (empty: a national activity).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from producers.models import Province
from producers.permissions import import_province, is_national_admin
from producers.text import normalize_search_text
from products.imports.cells import read_date, read_price, read_time, text
from products.imports.columns import Column
from promotion import services
from promotion.models import Activity, ActivityKind, Campaign, Livestream, Platform, Video
from staff.promotion_imports import presented, read_choice


def _field(model, name: str):
    return model._meta.get_field(name)


# Headers as the activity export writes them in Vietnamese (Loại hình, Tiêu đề, Ngày, ...).
ACTIVITY_COLUMNS = [
    Column("campaign", "Mã chiến dịch", _field(Activity, "campaign"), "ngay-hoi-chuyen-doi-so-ha-tinh"),
    Column("province", "Tỉnh/thành phố", _field(Activity, "province"), "Hà Tĩnh"),
    Column("kind", "Loại hình", _field(Activity, "kind"), "Phiên livestream"),
    Column("title", "Tiêu đề", _field(Activity, "title"), "Phiên livestream kẹo cu đơ Thiên Cầm"),
    Column("date", "Ngày", _field(Activity, "date"), "20/09/2023"),
    Column("start_time", "Giờ bắt đầu", _field(Activity, "start_time"), "14:00"),
    Column("place", "Địa điểm", _field(Activity, "place"), "Quảng trường Thành Sen, TP Hà Tĩnh"),
    Column("participants", "Người tham gia", _field(Activity, "participants"), ""),
    Column("link", "Liên kết", _field(Activity, "link"), "https://www.tiktok.com/@ocophatinh/live"),
    Column("description", "Mô tả", _field(Activity, "description"), ""),
    Column("platform", "Nền tảng", _field(Livestream, "platform"), "TikTok", optional=True),
    Column("hosts", "Người dẫn", _field(Livestream, "hosts"), "TikToker Hà Tĩnh"),
    Column("duration", "Thời lượng (phút)", _field(Livestream, "duration_minutes"), 240),
    Column("creator", "Người làm video", _field(Video, "creator"), ""),
    Column("video_url", "Liên kết video", _field(Video, "url"), ""),
]
HEADER = {c.key: c.header for c in ACTIVITY_COLUMNS}
# Error keys of the models' fields, shown under the column that filled them.
FIELD_HEADER = HEADER | {"duration_minutes": HEADER["duration"], "url": HEADER["video_url"]}
# Columns of one kind only: filled on a row of another kind, they would be silently lost.
DETAIL_COLUMNS = {
    "platform": {ActivityKind.LIVESTREAM, ActivityKind.VIDEO},
    "hosts": {ActivityKind.LIVESTREAM},
    "duration": {ActivityKind.LIVESTREAM},
    "creator": {ActivityKind.VIDEO},
    "video_url": {ActivityKind.VIDEO},
}
NATIONAL = ("National", "Cấp quốc gia", "Toàn quốc")


@dataclass
class ActivityRow:
    number: int
    values: dict
    campaign: Campaign | None = None  # one of the user's; a code that is not is never echoed
    activity: Activity | None = None
    details: Livestream | Video | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class _Lookups:
    """What every row is checked against, read once for the whole file."""

    campaigns: dict[str, Campaign]
    own_province: Province | None  # province staff: theirs; national admins: None
    provinces: dict[str, Province]  # national admins: by folded name and by slug
    existing: set[tuple]  # (kind, folded title, date) of the user's activities


def _key(kind: str, title: str, date) -> tuple:
    return (kind, normalize_search_text(title), date)


def _lookups(rows: list[tuple[int, dict]], user) -> _Lookups:
    column = {key: {text(values.get(key)) for _number, values in rows} for key in ("campaign", "title")}
    dates = {read_date(values.get("date")) for _number, values in rows} - {None}
    campaigns = Campaign.objects.editable_by(user).filter(slug__in=column["campaign"] - {""})
    provinces = {}
    if is_national_admin(user):
        for province in Province.objects.all():
            provinces[normalize_search_text(province.name)] = provinces[province.slug] = province
    existing = Activity.objects.editable_by(user).filter(title__in=column["title"], date__in=dates)
    return _Lookups(
        campaigns={c.slug: c for c in campaigns.select_related("province")},
        own_province=import_province(user),
        provinces=provinces,
        existing={_key(*a) for a in existing.values_list("kind", "title", "date")},
    )


def _province(written: str, campaign: Campaign | None, lookups: _Lookups) -> tuple[Province | None, str]:
    """The row's province and, when it cannot be, why (an empty message when it can)."""
    own = lookups.own_province
    if own is not None:  # province staff: their own province, whatever the row's campaign
        if written and normalize_search_text(written) not in {normalize_search_text(own.name), own.slug}:
            return None, _("you may add activities in %(province)s only") % {"province": own.name}
        return own, ""
    if not written:
        return (campaign.province if campaign else None), ""
    if normalize_search_text(written) in {normalize_search_text(n) for n in (*NATIONAL, _("National"))}:
        return None, ""
    province = lookups.provinces.get(normalize_search_text(written)) or lookups.provinces.get(written)
    return province, "" if province else _("unknown province")


def _read_cells(row: ActivityRow, raw: dict, lookups: _Lookups) -> dict:
    """The cells that are not plain text, read; a message under ``row.errors`` for each that is not."""
    v = row.values
    campaign = row.campaign = lookups.campaigns.get(v["campaign"]) if v["campaign"] else None
    province, province_error = _province(v["province"], campaign, lookups)
    kind = read_choice(ActivityKind.choices, v["kind"])
    platform = read_choice(Platform.choices, v["platform"]) if v["platform"] else ""
    cells = {
        "campaign": campaign,
        "province": province,
        "kind": kind,
        "platform": platform,
        "date": read_date(raw.get("date")),
        "start_time": read_time(raw.get("start_time")) if v["start_time"] else None,
        "participants": read_price(raw.get("participants")) if v["participants"] else None,
        "duration": read_price(raw.get("duration")) if v["duration"] else None,
    }
    checks = [
        (v["campaign"] and campaign is None, "campaign", _("no campaign of yours has this code")),
        (province_error, "province", province_error),
        (kind is None, "kind", _("unknown kind of activity")),
        (platform is None, "platform", _("unknown platform")),
        (v["date"] and cells["date"] is None, "date", _("not a date (dd/mm/yyyy)")),
        (v["start_time"] and cells["start_time"] is None, "start_time", _("not a time (hh:mm)")),
        (v["participants"] and cells["participants"] is None, "participants", _("not a whole number")),
        (v["duration"] and cells["duration"] is None, "duration", _("not a whole number")),
    ]
    for key, kinds in DETAIL_COLUMNS.items():
        if kind is not None and v[key] and kind not in kinds:
            message = _("only for: %(kinds)s") % {"kinds": ", ".join(sorted(str(k.label) for k in kinds))}
            checks.append((True, key, message))
    row.errors += [f"{HEADER[key]}: {message}" for failed, key, message in checks if failed]
    return cells


def _read_row(number: int, raw: dict, lookups: _Lookups, *, thorough: bool) -> ActivityRow:
    row = ActivityRow(number, {k: text(raw.get(k)) for k in HEADER})
    cells = _read_cells(row, raw, lookups)
    if row.errors:
        return row
    v = row.values
    row.activity = Activity(
        campaign=cells["campaign"],
        province=cells["province"],
        kind=cells["kind"],
        title=v["title"],
        date=cells["date"],
        start_time=cells["start_time"],
        place=v["place"],
        link=v["link"],
        participants=cells["participants"],
        description=v["description"],
    )
    if cells["kind"] == ActivityKind.LIVESTREAM:
        row.details = Livestream(
            platform=cells["platform"], hosts=v["hosts"], duration_minutes=cells["duration"]
        )
    elif cells["kind"] == ActivityKind.VIDEO:
        row.details = Video(platform=cells["platform"], creator=v["creator"], url=v["video_url"])
    # The campaign and province were looked up above; the slug and status are the save's. The
    # database constraints are checked on confirmation only: one query per row and constraint.
    checks = [(row.activity, ["campaign", "province", "slug", "status"])]
    if row.details is not None:
        checks.append((row.details, ["activity"]))
    for instance, exclude in checks:
        try:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=thorough)
        except ValidationError as error:
            row.errors += presented(error, FIELD_HEADER)
    return row


def _check_against_each_other(rows: list[ActivityRow], existing: set[tuple]) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        if row.errors:
            continue
        a = row.activity
        key = _key(a.kind, a.title, a.date)
        if key in existing:
            row.errors.append(_("you already have an activity of this kind, title and date"))
        elif key in seen:
            row.errors.append(_("the same activity is on row %(n)s") % {"n": seen[key]})
        seen.setdefault(key, row.number)


def plan_activities(rows: list[tuple[int, dict]], user, *, thorough: bool = False) -> list[ActivityRow]:
    """Every row of the file, read and checked; nothing is written.

    The queries do not grow with the rows (campaigns, provinces and existing activities are
    read once) unless ``thorough``, which also checks the database constraints of each row.
    """
    lookups = _lookups(rows, user)
    planned = [_read_row(number, values, lookups, thorough=thorough) for number, values in rows]
    _check_against_each_other(planned, lookups.existing)
    return planned


class ActivitiesHaveErrors(Exception):
    def __init__(self, rows: list[ActivityRow]):
        super().__init__("The file has rows with errors.")
        self.rows = rows


@transaction.atomic
def import_activities(rows: list[tuple[int, dict]], user) -> list[Activity]:
    """Check again and write every activity as a draft, or none (ActivitiesHaveErrors, ValidationError)."""
    planned = plan_activities(rows, user, thorough=True)
    if any(row.errors for row in planned):
        raise ActivitiesHaveErrors(planned)
    return [
        services.save_activity(
            activity=row.activity,
            user=user,
            livestream=row.details if isinstance(row.details, Livestream) else None,
            video=row.details if isinstance(row.details, Video) else None,
        )
        for row in planned
    ]
