"""Real visitors over HTTP for the soak and outage benchmarks: pages, quiz answers, booking attempts.

Standard library only, so it runs outside Django and talks to gunicorn as a browser
would: cookies, CSRF tokens from the forms, redirects followed by hand so every response
is counted.

    python bench/security_traffic.py soak BASE_URL SECONDS [THREADS]
    python bench/security_traffic.py visit BASE_URL          # one of each, prints statuses
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from html.parser import HTMLParser
from http.cookiejar import CookieJar

PAGES = ["/", "/about/", "/faq/", "/contact/", "/privacy/", "/articles/", "/quiz/",
         "/book/", "/healthz", "/articles/feed/", "/sitemap.xml"]  # fmt: skip


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href", "").startswith("/"):
            self.links.append(a["href"])
        elif tag == "form":
            self.forms.append(
                {
                    "action": a.get("action", ""),
                    "method": a.get("method", "get").lower(),
                    "fields": {},
                }
            )
        elif self.forms and tag in ("input", "textarea", "select") and a.get("name"):
            field = self.forms[-1]["fields"].setdefault(
                a["name"],
                {
                    "type": a.get("type", tag),
                    "value": a.get("value", ""),
                    "options": [],
                },
            )
            if a.get("type") in ("radio", "checkbox"):
                field["options"].append(a.get("value", "on"))


class Tally(Counter):
    """A Counter that several visitor threads can add to."""

    lock = threading.Lock()

    def add(self, *keys: str) -> None:
        with self.lock:
            for key in keys:
                self[key] += 1


class Visitor:
    """One browser: its own cookies, counting every response it gets."""

    def __init__(self, base: str, tally: Tally):
        self.base = base.rstrip("/")
        self.tally = tally
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect
        )

    def request(
        self, method: str, path: str, data: dict | None = None
    ) -> tuple[int, str, dict]:
        body = (
            urllib.parse.urlencode(data, doseq=True).encode()
            if data is not None
            else None
        )
        request = urllib.request.Request(
            self.base + path, data=body, method=method,
            headers={"Referer": self.base + path, "User-Agent": "soak"},
        )  # fmt: skip
        try:
            with self.opener.open(request, timeout=30) as response:
                status, text, headers = (
                    response.status,
                    response.read().decode("utf-8", "replace"),
                    dict(response.headers),
                )
        except urllib.error.HTTPError as error:
            status, text, headers = (
                error.code,
                error.read().decode("utf-8", "replace"),
                dict(error.headers),
            )
        except OSError as error:
            self.tally.add("connection errors")
            return 0, str(error), {}
        self.tally.add("requests", f"{status // 100}xx", f"status {status}")
        return status, text, headers

    def follow(self, status: int, headers: dict) -> tuple[int, str, dict] | None:
        if 300 <= status < 400 and headers.get("Location"):
            location = urllib.parse.urlsplit(headers["Location"])
            return self.request(
                "GET", location.path + (f"?{location.query}" if location.query else "")
            )
        return None

    def forms(self, path: str) -> tuple[list[dict], list[str]]:
        status, text, _ = self.request("GET", path)
        parser = _Forms()
        if status == 200:
            parser.feed(text)
        return [f for f in parser.forms if f["method"] == "post"], parser.links

    def page(self) -> None:
        status, text, _ = self.request("GET", random.choice(PAGES))
        if status == 200 and "<a" in text:
            parser = _Forms()
            parser.feed(text)
            articles = [
                link
                for link in parser.links
                if link.startswith("/articles/") and link.count("/") == 3
            ]
            if articles:
                self.request("GET", random.choice(articles))

    def quiz(self) -> None:
        _, links = self.forms("/quiz/")
        questionnaires = sorted(
            {
                link
                for link in links
                if link.startswith("/quiz/")
                and link.count("/") == 3
                and "result" not in link
            }
        )
        if not questionnaires:
            return
        forms, _ = self.forms(random.choice(questionnaires))
        if not forms:
            return
        data = fill(forms[0])
        result = self.follow(
            *_drop_body(self.request("POST", forms[0]["action"], data))
        )
        if result and result[0] == 200:
            self.tally.add("quiz results shown")

    def book(self, n: int) -> None:
        forms, _ = self.forms("/book/")
        booking = [f for f in forms if "slot" in f["fields"]]
        if not booking:
            return
        data = fill(booking[0], n)
        status, text, headers = self.request(
            "POST", booking[0]["action"] or "/book/", data
        )
        if 300 <= status < 400:
            self.tally.add("bookings made")
        confirmation = self.follow(status, headers)
        # Soak visitors then cancel from the confirmation page's link. That frees the time
        # again, so the calendar never fills and booking goes on for the whole run (when a
        # tenth kept theirs, a long warm-up filled it and the run booked nothing).
        if confirmation and confirmation[0] == 200:
            self.cancel(confirmation[1])

    def cancel(self, confirmation_page: str) -> None:
        parser = _Forms()
        parser.feed(confirmation_page)
        links = [link for link in parser.links if link.startswith("/book/cancel/")]
        if not links:
            return
        forms, _ = self.forms(links[0])
        if forms:
            status, _, _ = self.request("POST", links[0], fill(forms[0]))
            if status == 200:
                self.tally.add("bookings cancelled")


def _drop_body(response: tuple[int, str, dict]) -> tuple[int, dict]:
    return response[0], response[2]


def fill(form: dict, n: int = 0) -> dict:
    """What a person would send: a choice for every group, their details, the hidden values kept."""
    data = {}
    for name, field in form["fields"].items():
        kind = field["type"]
        if kind == "radio":
            data[name] = random.choice(field["options"])
        elif kind == "checkbox":
            data[name] = field["options"][0]
        elif kind == "email":
            data[name] = f"soak-{n}-{random.randrange(10**9)}@example.org"
        elif kind == "tel":
            data[name] = "416-555-0199"
        elif name == "website":  # the honeypot stays empty, as for a person
            data[name] = ""
        elif kind in ("text", "textarea"):
            data[name] = (
                "Soak Visitor" if kind == "text" else "A note written by the soak test."
            )
        else:
            data[name] = field["value"]
    return data


def soak(base: str, seconds: float, threads: int) -> Tally:
    tally = Tally()
    stop = time.monotonic() + seconds

    def run(worker: int) -> None:
        visitor, n = Visitor(base, tally), 0
        while time.monotonic() < stop:
            n += 1
            roll = random.random()
            if roll < 0.6:
                visitor.page()
            elif roll < 0.85:
                visitor.quiz()
            else:
                visitor.book(worker * 10**6 + n)
            if n % 50 == 0:  # a new visitor now and then: fresh cookies, fresh session
                visitor = Visitor(base, tally)

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return tally


if __name__ == "__main__":
    command, base = sys.argv[1], sys.argv[2]
    if command == "soak":
        result = soak(
            base, float(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 4
        )
    else:
        tally = Tally()
        v = Visitor(base, tally)
        v.page()
        v.quiz()
        v.book(0)
        result = tally
    print(json.dumps(dict(sorted(result.items()))))
