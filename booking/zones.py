"""Time zones as visitors read them: common ones first, every time named with its zone."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext_lazy as _

PRACTICE_ZONE = settings.TIME_ZONE  # the practice is in Toronto: said once, in settings

# Canadian zones first (most visitors), then a few that clients abroad often use.
COMMON_ZONES = [
    ("America/St_Johns", _("Newfoundland time")),
    ("America/Halifax", _("Atlantic time")),
    ("America/Toronto", _("Eastern time (Toronto)")),
    ("America/Winnipeg", _("Central time (Winnipeg)")),
    ("America/Regina", _("Saskatchewan time")),
    ("America/Edmonton", _("Mountain time (Edmonton)")),
    ("America/Vancouver", _("Pacific time (Vancouver)")),
    ("America/Whitehorse", _("Yukon time")),
    ("America/New_York", _("Eastern time (New York)")),
    ("America/Chicago", _("Central time (Chicago)")),
    ("America/Denver", _("Mountain time (Denver)")),
    ("America/Los_Angeles", _("Pacific time (Los Angeles)")),
    ("Europe/London", _("UK time (London)")),
    ("Europe/Paris", _("Central European time (Paris)")),
    ("Asia/Kolkata", _("India time (Kolkata)")),
    ("Asia/Dubai", _("Gulf time (Dubai)")),
    ("Australia/Sydney", _("Eastern Australia time (Sydney)")),
    ("UTC", _("UTC")),
]
_LABELS = dict(COMMON_ZONES)


@cache
def valid_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_valid_zone(name: str) -> bool:
    return name in valid_zones()


def zone_label(name: str) -> str:
    if name in _LABELS:
        return str(_LABELS[name])
    return str(_("%(zone)s time") % {"zone": name.replace("_", " ")})


def zone_choices(current: str) -> list[tuple[str, str]]:
    """The common zones, plus the visitor's own if it is not among them."""
    choices = [(name, str(label)) for name, label in COMMON_ZONES]
    if current not in _LABELS and is_valid_zone(current):
        choices.insert(0, (current, zone_label(current)))
    return choices


def describe(moment: datetime, zone_name: str) -> str:
    """'Monday, November 30, 2026, 7:00 a.m. Pacific time (Vancouver) (PST)'."""
    local = moment.astimezone(ZoneInfo(zone_name))
    when = formats.date_format(local, "l, F j, Y, g:i a")
    return f"{when} {zone_label(zone_name)} ({local.tzname()})"


def describe_time(moment: datetime, zone_name: str) -> str:
    """Just the clock time, for a list of times on one day: '7:00 a.m.'."""
    return formats.date_format(moment.astimezone(ZoneInfo(zone_name)), "g:i a")
