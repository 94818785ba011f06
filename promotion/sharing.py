"""What promotion pages give to the outside world: schema.org ``Event`` data and iCalendar files."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, Event

from promotion.models import Activity

DEFAULT_SESSION = datetime.timedelta(hours=1)  # a calendar entry for a session of unknown length


def is_event(activity: Activity) -> bool:
    """Forums, trainings, fairs and livestream sessions happen at a time; a video does not."""
    return activity.kind != Activity.Kind.VIDEO


def event_json_ld(activity: Activity, *, url: str) -> dict:
    """schema.org ``Event`` data of a dated activity (without ``@context``; see ``events_json_ld``)."""
    starts_at = activity.starts_at
    data = {
        "@type": "Event",
        "name": activity.title,
        "url": url,
        "startDate": starts_at.isoformat() if starts_at else activity.date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if activity.ends_at:
        data["endDate"] = activity.ends_at.isoformat()
    if activity.description:
        data["description"] = activity.description[:500]
    region = activity.province.name if activity.province_id else "Việt Nam"
    if activity.kind == Activity.Kind.LIVESTREAM:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": activity.link or url}
    else:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {
            "@type": "Place",
            "name": activity.place or region,
            "address": {"@type": "PostalAddress", "addressRegion": region, "addressCountry": "VN"},
        }
    if activity.campaign_id:
        data["organizer"] = [
            {"@type": "Organization", "name": name} for name in activity.campaign.organiser_list
        ]
    return data


def events_json_ld(activities: list[Activity], *, url_of) -> list[dict]:
    """A JSON-LD list of ``Event`` objects for the dated activities among ``activities``."""
    return [
        {"@context": "https://schema.org", **event_json_ld(activity, url=url_of(activity))}
        for activity in activities
        if is_event(activity)
    ]


def _uid(activity: Activity) -> str:
    # Stable across languages and hosts, so a calendar app updates the entry instead of adding one.
    return f"activity-{activity.pk}@{urlsplit(settings.SITE_URL).hostname or 'ocop'}"


def calendar_file(activities, *, name: str, url_of) -> bytes:
    """An iCalendar (RFC 5545) file with one event per activity; times in UTC, unknown times all-day."""
    calendar = Calendar()
    calendar.add("prodid", "-//OCOP catalog//Digital promotion//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for activity in activities:
        event = Event()
        event.add("uid", _uid(activity))
        event.add("dtstamp", activity.updated_at.astimezone(datetime.UTC))
        event.add("summary", activity.title)
        starts_at = activity.starts_at
        if starts_at is not None:
            ends_at = activity.ends_at or starts_at + DEFAULT_SESSION
            event.add("dtstart", starts_at.astimezone(datetime.UTC))
            event.add("dtend", ends_at.astimezone(datetime.UTC))
        else:
            event.add("dtstart", activity.date)
            event.add("dtend", activity.date + datetime.timedelta(days=1))
        url = url_of(activity)
        event.add("url", url)
        livestream = getattr(activity, "livestream", None)
        if livestream is not None:
            event.add("location", f"{livestream.get_platform_display()}: {activity.link or url}")
        elif activity.place:
            event.add("location", activity.place)
        lines = [activity.description]
        if livestream is not None and livestream.hosts:
            lines.append(livestream.hosts)
        lines.append(activity.link or url)
        event.add("description", "\n\n".join(line for line in lines if line))
        calendar.add_component(event)
    return calendar.to_ical()
