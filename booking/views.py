from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import wraps
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils import formats, timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from attachment.models import Therapist
from booking import feed, links, slots
from booking.forms import ConsultForm, SlotForm, slot_value, started_token
from booking.models import Booking, ConsultsCalendar
from booking.services import (
    OFFERED,
    BookingsPaused,
    LinkNoLongerValid,
    SlotTaken,
    book_consult,
    cancel_booking,
    current_booking,
    free_slots_for,
    offered_slots,
    reschedule_booking,
    why_link_fails,
)
from booking.zones import (
    PRACTICE_ZONE,
    describe,
    describe_time,
    is_valid_zone,
    zone_choices,
    zone_label,
)
from core.cache import CONTENT, cached_response, placeholder
from core.client_ip import client_ip
from core.htmx import HtmxHttpRequest
from core.ratelimit import email_identity, retry_after
from core.responses import too_many_requests
from quiz.results import read_result_token


@never_cache
@require_http_methods(["GET", "POST"])
def consult_form(request: HtmxHttpRequest) -> HttpResponse:
    therapist = Therapist.objects.order_by("pk").first()
    now = timezone.now()
    if request.method == "POST":
        return _submit(request, therapist, now)
    zone = _zone(request.GET.get("tz"))
    day = _parse_day(request.GET.get("day"))
    if request.GET.get("result"):  # carries the visitor's own quiz result: never shared
        return _form_page(request, therapist, now, zone, day)
    return _form_page_from_cache(request, therapist, now, zone, day)


def _form_page(request, therapist, now, zone, day, **tokens) -> HttpResponse:
    form = ConsultForm(initial={"tz": zone})
    context = _page(request, therapist, now, form, zone, day=day and day.isoformat())
    template = "booking/consult_form.html"
    return render(
        request, template + "#picker" if request.htmx else template, context | tokens
    )


def _form_page_from_cache(request, therapist, now, zone, day) -> HttpResponse:
    """The empty form is the same for everyone who asks for the same zone and day, but
    for its two per-visitor tokens: it is rendered at most once a minute with
    placeholders, and each visitor gets their own CSRF token and form-start time.

    The key has no clock in it, and a day with no free time is treated as no day, so the
    number of copies stays bounded however many addresses are asked for.
    """
    if day is not None and day not in _by_day(_offered(therapist, now), zone):
        day = None  # the page shows the first free day then: one copy, not one per date
    therapist_pk = therapist and therapist.pk
    return cached_response(
        request,
        f"booking:form:{bool(request.htmx)}:{therapist_pk}:{zone}:{day}",
        lambda: _form_page(
            request,
            therapist,
            now,
            zone,
            day,
            csrf_token=placeholder("csrf"),
            started=placeholder("started"),
        ),  # fmt: skip
        under=(OFFERED, CONTENT),
        max_age=timedelta(minutes=1),
        fills={"csrf": get_token, "started": _started},
    )


def _submit(
    request: HtmxHttpRequest, therapist: Therapist | None, now: datetime
) -> HttpResponse:
    form = ConsultForm(request.POST, csrf_secret=request.META.get("CSRF_COOKIE", ""))
    zone = _zone(request.POST.get("tz"))
    if not form.is_valid():
        context = _page(
            request,
            therapist,
            now,
            form,
            zone,
            day=_day_of(request.POST.get("slot"), zone),
        )
        return render(request, "booking/consult_form.html", context, status=400)
    if not form.eligible:
        return render(request, "booking/not_eligible.html", {"form": form})
    data = form.cleaned_data
    wait = retry_after(
        "booking-address", client_ip(request), settings.BOOKING_RATE_LIMIT
    ) or retry_after(
        "booking-email", email_identity(data["email"]), settings.BOOKING_RATE_LIMIT
    )
    if wait:
        return too_many_requests(request, wait)
    try:
        if therapist is None:
            raise SlotTaken(data["slot"])
        booking = book_consult(
            therapist=therapist, starts_at=data["slot"], name=data["name"], email=data["email"],
            phone=data["phone"], note=data["note"], voicemail=data["voicemail"],
            call_times=data["call_times"], visitor_time_zone=zone,
            quiz_result_url=_shared_result_url(data), now=now,
        )  # fmt: skip
    except SlotTaken:
        context = _page(
            request, therapist, now, form, zone, day=None, taken=data["slot"]
        )
        return render(request, "booking/consult_form.html", context, status=409)
    except BookingsPaused as paused:
        # Not the visitor's doing: what they typed stays, with another way to reach her.
        context = _page(request, therapist, now, form, zone, day=None)
        context["paused_minutes"] = max(1, paused.retry_after // 60)
        response = render(request, "booking/consult_form.html", context, status=503)
        response["Retry-After"] = str(paused.retry_after)
        return response
    return _see_other(links.confirmation_url(booking))


def _from_link[R: HttpRequest](
    *, allow_past: bool = False
) -> Callable[[Callable[[R, Booking], HttpResponse]], Callable[[R, str], HttpResponse]]:
    """Hands the view the booking its link names. A link that does not hold, or stops
    holding while the view runs (LinkNoLongerValid), gets the page that says why."""

    def decorate(
        view: Callable[[R, Booking], HttpResponse],
    ) -> Callable[[R, str], HttpResponse]:
        @wraps(view)
        def from_link(request: R, token: str) -> HttpResponse:
            booking = _booking_from_link(token, allow_past=allow_past)
            if booking is None:
                return _link_problem(request, token)
            try:
                return view(request, booking)
            except LinkNoLongerValid:
                return _link_problem(request, token)

        return from_link

    return decorate


@never_cache
@_from_link(allow_past=True)
def confirmed(request: HttpRequest, booking: Booking) -> HttpResponse:
    return render(request, "booking/confirmed.html", _booking_context(booking))


@never_cache
@require_http_methods(["GET", "POST"])
@_from_link()
def cancel(request: HttpRequest, booking: Booking) -> HttpResponse:
    if request.method == "POST":
        booking = cancel_booking(booking_id=booking.pk, sequence=booking.sequence)
        return render(request, "booking/cancelled.html", _booking_context(booking))
    return render(request, "booking/cancel.html", _booking_context(booking))


@never_cache
@require_http_methods(["GET", "POST"])
@_from_link()
def reschedule(request: HtmxHttpRequest, booking: Booking) -> HttpResponse:
    now = timezone.now()
    source = request.POST if request.method == "POST" else request.GET
    zone = _zone(source.get("tz") or booking.visitor_time_zone)
    form = SlotForm(request.POST or None, initial={"tz": zone})
    status, taken = 200, None
    if request.method == "POST":
        if form.is_valid():
            try:
                booking = reschedule_booking(
                    booking_id=booking.pk, sequence=booking.sequence,
                    starts_at=form.cleaned_data["slot"], now=now,
                )  # fmt: skip
                return _see_other(links.confirmation_url(booking))
            except SlotTaken:
                status, taken = 409, form.cleaned_data["slot"]
        else:
            status = 400
    context = _booking_context(booking) | _picker(
        free_slots_for(booking.therapist, now=now, ignoring=booking),
        zone, day=source.get("day"), taken=taken,
    )  # fmt: skip
    context |= {"form": form, "tz_choices": zone_choices(zone)}
    template = "booking/reschedule.html"
    if request.htmx and request.method == "GET":
        template += "#picker"
    return render(request, template, context, status=status)


@never_cache
@require_safe
def consults_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """Her consults for her own calendar app; a wrong or replaced token is a plain 404."""
    calendar = (
        ConsultsCalendar.objects.select_related("therapist").filter(token=token).first()
    )
    if calendar is None:
        raise Http404
    response = HttpResponse(
        feed.consults_ics(calendar, now=timezone.now()),
        content_type="text/calendar; charset=utf-8",
    )
    # never_cache says no-store: the feed holds her schedule, no proxy may keep a copy.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


# ---- helpers ----


def _page(request, therapist, now, form, zone, *, day, taken=None) -> dict:
    accepting = therapist is not None and therapist.accepting_consults
    free = _offered(therapist, now)
    result_token = (request.POST if request.method == "POST" else request.GET).get(
        "result", ""
    )
    quiz_result = _read_result(result_token)
    return {
        "form": form,
        "therapist": therapist,
        "accepting": accepting,
        "started": _started(request),
        "tz_choices": zone_choices(zone),
        "quiz_result": quiz_result,
        "result_token": result_token if quiz_result else "",
    } | _picker(free, zone, day=day, taken=taken)


def _started(request: HttpRequest) -> str:
    get_token(request)  # the visitor's CSRF cookie, which the token is bound to
    return started_token(request.META["CSRF_COOKIE"])


def _offered(therapist: Therapist | None, now: datetime) -> list[datetime]:
    if therapist is None or not therapist.accepting_consults:
        return []
    return offered_slots(therapist, now=now)


def _by_day(free: list[datetime], zone: str) -> dict[date, list[datetime]]:
    """The free times grouped by their date in the visitor's zone, in order."""
    tzinfo = ZoneInfo(zone)
    by_day: dict[date, list[datetime]] = defaultdict(list)
    for start in free:
        by_day[start.astimezone(tzinfo).date()].append(start)
    return by_day


def _picker(
    free: list[datetime], zone: str, *, day: str | None, taken: datetime | None
) -> dict:
    """The week around the chosen day, that day's times, all in the visitor's zone."""
    by_day = _by_day(free, zone)
    chosen = _parse_day(day)
    if chosen not in by_day:
        chosen = next(iter(by_day), None)
    nearest = slots.nearest(free, taken, 4) if taken else []
    return {
        "tz": zone,
        "tz_label": zone_label(zone),
        "days": bool(by_day),
        **_week(by_day, chosen),
        "day": chosen,
        "day_label": formats.date_format(chosen, "l, F j") if chosen else "",
        "times": [
            _time_option(s, zone)
            for s in ([] if nearest or chosen is None else by_day.get(chosen, []))
        ],
        "nearest": [_time_option(s, zone, full=True) for s in nearest],
        "taken": describe(taken, zone) if taken else "",
    }


def _week(by_day: dict[date, list[datetime]], chosen: date | None) -> dict:
    """Seven days from the Monday of the chosen day's week, each a link if it has free
    times, and the first free day of the nearest earlier and later weeks that have any:
    a phone shows one short row instead of every free day at once."""
    if chosen is None:
        return {"week": [], "week_label": "", "previous_week": None, "next_week": None}
    monday = chosen - timedelta(days=chosen.weekday())
    sunday = monday + timedelta(days=6)
    earlier = [d for d in by_day if d < monday]
    later = [d for d in by_day if d > sunday]
    previous_week = None
    if earlier:
        start = earlier[-1] - timedelta(days=earlier[-1].weekday())
        previous_week = next(d for d in earlier if d >= start).isoformat()
    week = [monday + timedelta(days=n) for n in range(7)]
    return {
        "week": [
            {
                "value": d.isoformat(),
                "weekday": formats.date_format(d, "D"),
                "number": d.day,
                "month": formats.date_format(d, "F"),
                "free": d in by_day,
                "chosen": d == chosen,
            }
            for d in week
        ],
        "week_label": f"{formats.date_format(monday, 'M j')} – "
        f"{formats.date_format(sunday, 'M j')}",
        "previous_week": previous_week,
        "next_week": later[0].isoformat() if later else None,
    }


def _time_option(start: datetime, zone: str, full: bool = False) -> dict:
    label = describe(start, zone) if full else describe_time(start, zone)
    return {"value": slot_value(start), "label": label}


def _zone(name: str | None) -> str:
    return name if name and is_valid_zone(name) else PRACTICE_ZONE


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


def _day_of(slot: str | None, zone: str) -> str | None:
    from booking.forms import parse_slot

    moment = parse_slot(slot or "")
    return moment.astimezone(ZoneInfo(zone)).date().isoformat() if moment else None


def _read_result(token: str):
    return read_result_token(token) if token else None


def _shared_result_url(data: dict) -> str:
    token = data.get("result") or ""
    if not data.get("share_result") or _read_result(token) is None:
        return ""
    from quiz.results import result_path

    url = links.absolute(result_path(token))
    return url if len(url) <= 1000 else ""


def _booking_from_link(token: str, *, allow_past: bool = False) -> Booking | None:
    claim = links.read_token(token)
    if claim is None:
        return None
    try:
        return current_booking(
            claim.booking_id, claim.sequence, None if allow_past else timezone.now()
        )
    except LinkNoLongerValid:
        return None


def _link_problem(request: HttpRequest, token: str) -> HttpResponse:
    claim = links.read_token(token)
    if claim is None:
        reason = "unknown"
    else:
        booking = Booking.objects.filter(pk=claim.booking_id).first()
        # Asked only once the link failed: if it holds again by now, it has just passed.
        reason = why_link_fails(booking, claim.sequence, timezone.now()) or "past"
    # Only the reason is shown: never the booking's details, the link may not be theirs.
    status = 404 if reason == "unknown" else 410
    return render(
        request, "booking/link_problem.html", {"reason": reason}, status=status
    )


def _booking_context(booking: Booking) -> dict:
    zone = booking.visitor_time_zone
    return {
        "booking": booking,
        "when": describe(booking.starts_at, zone),
        "when_practice": describe(booking.starts_at, PRACTICE_ZONE)
        if zone != PRACTICE_ZONE
        else "",
        "cancel_url": links.cancel_url(booking),
        "reschedule_url": links.reschedule_url(booking),
    }


def _see_other(url: str) -> HttpResponse:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
