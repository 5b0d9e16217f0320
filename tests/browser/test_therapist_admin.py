"""The therapist's admin in a real browser: her day, writing with the page in view, and
undoing a change. On a phone and a desktop; axe-clean in light and dark."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, Route, expect

from attachment.models import Therapist
from booking.models import Booking, OutgoingEmail
from tests.browser.axe import axe_violations
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.steps import log_in_as_the_therapist

PREVIEW_WAIT = 15_000  # ms


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def serve_media(page: Page, root: Path) -> None:
    """Uploaded files, as the web server in front of the site serves them in production."""

    def fulfil(route: Route) -> None:
        path = route.request.url.split("/media/", 1)[1]
        route.fulfill(path=root / path)

    page.route(re.compile(r".*/media/.*"), fulfil)


def a_consult_and_a_failed_email() -> Booking:
    starts = (timezone.localtime() + timedelta(days=1)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    booking = Booking.objects.create(
        therapist=Therapist.objects.get(slug="shikha"),
        starts_at=starts,
        ends_at=starts + timedelta(minutes=20),
        blocked_until=starts + timedelta(minutes=30),
        name="Robin Fairweather",
        email="robin@example.org",
        phone="905 555 0101",
    )
    OutgoingEmail.objects.create(
        booking=booking,
        kind="confirmation",
        to="robin@example.org",
        subject="Your free consult",
        body_text="…",
        status=OutgoingEmail.Status.FAILED,
        next_attempt_at=timezone.now(),
    )
    return booking


def a_picture(folder: Path) -> Path:
    path = folder / "upload" / "garden.png"
    path.parent.mkdir()
    Image.new("RGB", (2000, 1000), "teal").save(path)
    return path


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_the_therapist_finds_her_day_writes_an_article_and_undoes_a_change(
    page: Page, live_server, media: Path
):
    a_consult_and_a_failed_email()
    serve_media(page, media)
    log_in_as_the_therapist(page, live_server.url)

    # Today: the consult booked above, and the email that could not go out.
    consults = page.get_by_role("region", name="Consults this week")
    expect(consults).to_contain_text("Tomorrow")
    expect(
        consults.get_by_role("link", name=re.compile("Robin Fairweather"))
    ).to_contain_text("2:00 p.m.")
    needs_you = page.get_by_role("region", name="Needs you")
    expect(needs_you).to_contain_text("1 email could not be sent")
    no_sideways_scroll(page)

    # Writing, with the page in view as she types.
    page.get_by_role("link", name="Articles", exact=True).first.click()
    page.get_by_role("link", name=re.compile("Add article")).click()
    page.get_by_label("Title").fill("Small steps toward trust")
    page.get_by_label("Author").select_option(label="Shikha")
    page.get_by_label("Summary").fill("Trust grows from small, repeated moments.")
    body = page.get_by_label("Body")
    body.press_sequentially("## Where trust begins\n\nWith small moments.")
    preview = page.locator("#body-preview")
    # The preview is a server request after she pauses: give a busy CI machine time.
    expect(preview.get_by_role("heading", name="Where trust begins")).to_be_visible(
        timeout=PREVIEW_WAIT
    )
    expect(page.locator("#editor-stats")).to_contain_text("6 words")
    body.press_sequentially(" And **kept** promises.")
    expect(preview.locator("strong")).to_have_text("kept", timeout=PREVIEW_WAIT)
    no_sideways_scroll(page)

    # A picture inside the text, where the cursor is.
    page.get_by_label("Picture for the text").set_input_files(a_picture(media))
    page.get_by_label(re.compile("^Description")).fill("A garden path at dawn")
    page.get_by_role("button", name="Upload and insert at the cursor").click()
    expect(body).to_have_value(re.compile(r"!\[A garden path at dawn\]\(/media/"))
    picture = preview.get_by_role("img", name="A garden path at dawn")
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.naturalWidth") == 1600  # shrunk, like covers

    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    public = page.context.new_page()
    serve_media(public, media)
    public.goto(live_server.url + "/articles/small-steps-toward-trust/")
    expect(public.get_by_role("img", name="A garden path at dawn")).to_be_visible()
    expect(public.locator("main")).to_contain_text("With small moments.")

    # She changes it (from the list of articles she is back on), then thinks better of it.
    page.locator("#result_list").get_by_role(
        "link", name="Small steps toward trust"
    ).click()
    body = page.get_by_label("Body")
    body.fill("## Where trust begins\n\nWith grand gestures.")
    expect(page.locator("#body-preview")).to_contain_text(
        "With grand gestures.", timeout=PREVIEW_WAIT
    )
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    public.reload()
    expect(public.locator("main")).to_contain_text("With grand gestures.")

    page.get_by_role("link", name="History").click()
    page.get_by_role("button", name="Compare the two chosen versions").click()
    expect(page.locator(".diff del").first).to_contain_text("small")
    expect(page.locator(".diff ins").first).to_contain_text("grand")
    no_sideways_scroll(page)

    page.get_by_role("link", name="Back to the history").click()
    page.get_by_role("link", name="Restore this version…").click()
    page.get_by_role("button", name="Restore this version").click()
    expect(page.locator(".messagelist")).to_contain_text("is back")
    expect(page.get_by_label("Body")).to_have_value(re.compile("With small moments"))

    public.reload()
    expect(public.locator("main")).to_contain_text("With small moments.")
    expect(public.locator("main")).not_to_contain_text("grand gestures")
    expect(public.get_by_role("img", name="A garden path at dawn")).to_be_visible()
    public.close()


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
@pytest.mark.parametrize("path", ["/admin/", "/admin/articles/article/add/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_today_and_the_article_form_have_no_accessibility_violations(
    page: Page, live_server, path: str, scheme: str
):
    a_consult_and_a_failed_email()
    page.emulate_media(color_scheme=scheme)
    log_in_as_the_therapist(page, live_server.url)
    page.goto(live_server.url + path)
    expect(page.locator("#content-main")).to_be_visible()
    if "article" in path:
        expect(page.locator("#editor-stats")).to_be_visible()  # the preview has come
    assert axe_violations(page) == []


PHONE_PAGES = [
    "/admin/",
    "/admin/articles/article/add/",
    "/admin/attachment/faqentry/1/change/",
    "/admin/attachment/practicedetails/1/change/",
    "/admin/quiz/style/1/change/",
    "/admin/attachment/therapist/1/change/",
    "/admin/attachment/faqentry/1/history/",
]


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
@pytest.mark.parametrize("path", PHONE_PAGES)
def test_the_pages_she_uses_fit_a_phone(page: Page, live_server, path: str):
    log_in_as_the_therapist(page, live_server.url)
    page.goto(live_server.url + path)
    expect(page.locator("#content-main")).to_be_visible()
    no_sideways_scroll(page)
