from __future__ import annotations

import hashlib
import math
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, push_url

from attachment.models import SafetyNote
from core.cache import PER_VISITOR, Fill, cached_page, cached_response, placeholder
from core.client_ip import client_ip
from core.htmx import HtmxHttpRequest, wants_fragment
from core.ratelimit import retry_after
from core.responses import too_many_requests
from quiz import answers as saved_answers
from quiz import instruments, relationships, scoring, statements
from quiz.forms import LABELS, read_answers, read_item
from quiz.instruments import ANSWERS, Instrument
from quiz.models import Style, StyleGuidance
from quiz.results import (
    QuizResult,
    chart,
    chart_labels,
    describe_score,
    make_result_token,
    read_result_token,
    result_path,
)
from quiz.services import count_result, further_reading

COOKIE_PATH = "/quiz/"
# A day: long enough to come back, short enough to forget (the privacy page quotes it).
COOKIE_AGE = settings.QUIZ_ANSWERS_COOKIE_AGE
END = "end"


class SeeOther(HttpResponseRedirect):
    status_code = 303


@require_http_methods(["GET", "HEAD", "POST"])
@cached_page  # the same for everyone: nothing about the visitor is on it
def start(request: HtmxHttpRequest) -> HttpResponse:
    # A POST here is a form that lost its questionnaire: say so instead of a blank 405.
    missing = request.method == "POST"
    # Shortest first, named by length ("a short version", "the full version"): an
    # instrument's abbreviation means nothing to a visitor.
    available = sorted(instruments.available(), key=lambda i: len(i.items))
    choices = [
        {
            "instrument": i,
            "minutes": math.ceil(len(i.items) * 16 / 60),
            "short": i is not available[-1],
        }
        for i in available
    ]
    return render(
        request,
        "quiz/start.html",
        {"choices": choices, "missing_instrument": missing},
        status=400 if missing else 200,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def questionnaire(request: HtmxHttpRequest, instrument: str) -> HttpResponse:
    found = instruments.get(instrument)
    if found is None:
        return _unknown_instrument(request, instrument)
    if request.method == "POST":
        return _score(request, found)
    about = _about(request, found)
    if relationships.asks_about_one_person(found.slug) and about is None:
        return _choose_person(request, found)
    response = _questionnaire_page(request, found)
    if relationships.read(request.GET.get("about")):
        _store_about(response, request, found, about)
    return response


def _questionnaire_page(request: HtmxHttpRequest, found: Instrument) -> HttpResponse:
    answers = _load(request, found)
    item = request.GET.get("item")
    if item is None and not wants_fragment(request):
        return _all_in_one(request, found, answers)
    if item is None:
        item = str(next((n for n in found.numbers if n not in answers), END))
    if item != END and read_item(found, item) is None:
        return _problem(
            request,
            found,
            _("There is no statement number “%(item)s” in this questionnaire.")
            % {"item": item[:20]},
        )
    return _step(request, found, answers, item)


@require_POST
def answer(request: HtmxHttpRequest, instrument: str) -> HttpResponse:
    """One answer in step-by-step mode: keep it in the cookie and show the next statement."""
    found = instruments.get(instrument)
    if found is None:
        return _unknown_instrument(request, instrument)
    number = read_item(found, request.POST.get("item"))
    value = request.POST.get("answer", "")
    if number is None or value not in {"", *ANSWERS}:
        return _problem(
            request,
            found,
            _("That answer could not be read. Please choose one of the seven options."),
        )
    answers = _load(request, found)
    if value:
        answers[number] = int(value)
    following = str(number + 1) if number < len(found.items) else END
    step_url = f"{reverse('quiz:questionnaire', args=[found.slug])}?item={following}"
    if request.htmx:
        response = _step(request, found, answers, following)
        push_url(response, step_url)
    else:
        response = SeeOther(step_url)
    _store(response, request, found, answers)
    return response


RESULT_MAX_AGE = timedelta(hours=6)


@never_cache
@require_http_methods(["GET", "HEAD"])
def result(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """Every visitor who finishes the quiz lands here, and the page is a pure function
    of the token (instrument, scores, date...) and the therapist's texts: it is kept per
    result and host under the content version, for the server only (never_cache keeps
    it out of the browser's and any proxy's storage)."""
    found = read_result_token(token)
    if found is None:
        return render(request, "quiz/result_invalid.html", status=404)
    # The result the token carries, not the token itself: signing stamps each token
    # with its time, so one result has many tokens. The links made from the token
    # are per-visitor parts, filled in at serve time.
    content = repr(found)
    key = hashlib.sha256(f"{request.get_host()}|{content}".encode()).hexdigest()
    share_url = request.build_absolute_uri(result_path(token))
    book_url = f"{reverse('booking:consult-form')}?{urlencode({'result': token})}"
    fills: dict[str, Fill] = {
        **PER_VISITOR,
        "share-url": lambda request: escape(share_url),
        "book-url": lambda request: escape(book_url),
    }
    return cached_response(
        request,
        f"quiz:result:{key}",
        lambda: _render_result(request, found),
        max_age=RESULT_MAX_AGE,
        fills=fills,
    )


def _render_result(request: HtmxHttpRequest, found: QuizResult) -> HttpResponse:
    styles = {style.slug: style for style in Style.objects.all()}
    guidance = StyleGuidance.objects.filter(style__slug=found.style).select_related(
        "practice"
    )
    # The names she gives the styles in the admin; the usual ones if a row is missing.
    names = {slug: str(label) for slug, label in Style.Slug.choices} | {
        slug: style.name for slug, style in styles.items()
    }
    one_person = bool(found.about)
    context = {
        "result": found,
        "instrument": instruments.get(found.instrument),
        "style": styles.get(found.style),
        "style_slug": found.style,
        "style_name": names[found.style],
        "nearby": [names[slug] for slug in found.nearby],
        "safety_note": SafetyNote.load(),
        "guidance": guidance,
        "anxiety_words": describe_score(
            "anxiety", found.anxiety, one_person=one_person
        ),
        "avoidance_words": describe_score(
            "avoidance", found.avoidance, one_person=one_person
        ),
        "chart": chart(found.anxiety, found.avoidance),
        "chart_labels": chart_labels(names),
        "further_reading": further_reading(found.style),
        "share_url": placeholder("share-url"),
        "again_url": _again_url(found),
        "book_url": placeholder("book-url"),
        "csrf_token": placeholder("csrf"),
    }
    return render(request, "quiz/result.html", context)


def _again_url(found) -> str:
    url = reverse("quiz:questionnaire", args=[found.instrument])
    return f"{url}?{urlencode({'about': found.about})}" if found.about else url


def _score(request: HtmxHttpRequest, instrument: Instrument) -> HttpResponse:
    posted, problems = read_answers(instrument, request.POST)
    answers = {**_load(request, instrument), **posted}
    wait = retry_after("quiz-score", client_ip(request), settings.QUIZ_RATE_LIMIT)
    if wait:
        # Kept for the next try, which starts from these answers.
        response = too_many_requests(request, wait)
        _store(response, request, instrument, answers)
        return response
    missing = [n for n in instrument.numbers if n not in answers]
    if problems or missing:
        response = _all_in_one(
            request, instrument, answers, problems=problems, missing=missing
        )
        _store(response, request, instrument, answers)
        return response
    about = _about(request, instrument) or ""
    if relationships.asks_about_one_person(instrument.slug) and not about:
        response = _choose_person(request, instrument, status=400)
        _store(response, request, instrument, answers)
        return response
    scores = scoring.score(instrument, answers).rounded()
    today = timezone.localdate()
    count_result(
        instrument=instrument.slug,
        style=scoring.style_for(scores.anxiety, scores.avoidance),
        taken_on=today,
    )
    path = result_path(
        make_result_token(
            instrument=instrument.slug,
            anxiety=scores.anxiety,
            avoidance=scores.avoidance,
            taken_on=today,
            about=about,
            answered_alike=scoring.answered_alike(answers),
        )
    )
    response = HttpResponseClientRedirect(path) if request.htmx else SeeOther(path)
    response.delete_cookie(_cookie_name(instrument), path=COOKIE_PATH, samesite="Lax")
    response.delete_cookie(_about_cookie(instrument), path=COOKIE_PATH, samesite="Lax")
    return response


def _all_in_one(
    request, instrument, answers, *, problems=(), missing=()
) -> HttpResponse:
    context = {
        "instrument": instrument,
        "instructions": _instructions(request, instrument),
        "about": _about(request, instrument) or "",
        "statements": statements.render(instrument, answers, set(missing)),
        "problems": problems,
        "missing": missing,
        "answered": len(answers),
    }
    status = 400 if problems or missing else 200
    return render(request, "quiz/questionnaire.html", context, status=status)


def _step(
    request, instrument: Instrument, answers: dict[int, int], item: str
) -> HttpResponse:
    total = len(instrument.items)
    context: dict[str, object]
    if item == END:
        context = {"finished": True, "previous": total}
    else:
        number = int(item)
        context = {
            "finished": False,
            "item": instrument.item(number),
            "answer": answers.get(number),
            "previous": number - 1,
        }
    context.update(
        instrument=instrument,
        instructions=_instructions(request, instrument),
        total=total,
        answered=len(answers),
        unanswered=[n for n in instrument.numbers if n not in answers],
        labels=LABELS,
    )
    template = "quiz/step.html"
    # A history restore (Back, once htmx has no snapshot) replaces the whole page.
    if wants_fragment(request) and not request.htmx.boosted:
        template += "#step"
    return render(request, template, context)


def _problem(
    request: HtmxHttpRequest,
    instrument: Instrument | None,
    message: str,
    status: int = 400,
) -> HttpResponse:
    context: dict[str, object] = {"instrument": instrument, "message": message}
    if instrument is None:  # then the way on is one of the questionnaires we have
        context["questionnaires"] = instruments.available()
    return render(request, "quiz/problem.html", context, status=status)


def _unknown_instrument(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    message = _(
        "We do not have a questionnaire called “%(slug)s”. Please choose one of ours below."
    ) % {"slug": slug[:40]}
    return _problem(request, None, message, status=404)


def _about(request: HtmxHttpRequest, instrument: Instrument) -> str | None:
    """Who the statements are about: chosen in the query, kept in the form or a cookie."""
    if not relationships.asks_about_one_person(instrument.slug):
        return None
    return (
        relationships.read(request.GET.get("about"))
        or relationships.read(request.POST.get("about"))
        or relationships.read(
            request.get_signed_cookie(
                _about_cookie(instrument),
                default=None,
                salt=f"quiz.about.{instrument.slug}",
                max_age=COOKIE_AGE,
            )
        )
    )


def _instructions(request: HtmxHttpRequest, instrument: Instrument) -> str:
    about = _about(request, instrument)
    return str(relationships.INSTRUCTIONS[about]) if about else instrument.instructions


def _choose_person(
    request: HtmxHttpRequest, instrument: Instrument, status: int = 200
) -> HttpResponse:
    context = {
        "instrument": instrument,
        "choices": relationships.CHOICES.items(),
        "item": read_item(instrument, request.GET.get("item")),
        "problem": status == 400,
    }
    return render(request, "quiz/about.html", context, status=status)


def _about_cookie(instrument: Instrument) -> str:
    return f"{_cookie_name(instrument)}_about"


def _store_about(
    response: HttpResponse, request: HtmxHttpRequest, instrument: Instrument, about
) -> None:
    _set_cookie(
        response,
        request,
        _about_cookie(instrument),
        about,
        f"quiz.about.{instrument.slug}",
    )


def _cookie_name(instrument: Instrument) -> str:
    return f"quiz_{instrument.slug.replace('-', '_')}"


def _load(request: HtmxHttpRequest, instrument: Instrument) -> dict[int, int]:
    text = request.get_signed_cookie(
        _cookie_name(instrument),
        default=None,
        salt=f"quiz.answers.{instrument.slug}",
        max_age=COOKIE_AGE,
    )
    return saved_answers.decode(text, len(instrument.items))


def _store(
    response: HttpResponse,
    request: HtmxHttpRequest,
    instrument: Instrument,
    answers: dict[int, int],
) -> None:
    _set_cookie(
        response,
        request,
        _cookie_name(instrument),
        saved_answers.encode(answers, len(instrument.items)),
        f"quiz.answers.{instrument.slug}",
    )


def _set_cookie(response, request, name: str, value: str, salt: str) -> None:
    response.set_signed_cookie(
        name,
        value,
        salt=salt,
        max_age=COOKIE_AGE,
        path=COOKIE_PATH,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
