"""Any change to a booking or to the therapist's availability drops the cached free times."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from attachment.models import Therapist
from booking.models import Booking, BookingSettings, TimeOff, WeeklyHours
from booking.services import OFFERED

for model in (Booking, BookingSettings, TimeOff, WeeklyHours, Therapist):
    uid = f"booking-offered-{model.__name__}"
    post_save.connect(OFFERED.changed, sender=model, dispatch_uid=uid)
    post_delete.connect(OFFERED.changed, sender=model, dispatch_uid=uid)
