"""The attacks of issue 10 against a running server; bench/abuse.sh starts and stops it.

Part one sends the slow inputs and prints the worst time of each. Part two is the
calendar-filling bot: one GET of /book/, then a POST for every free time, all with that
one CSRF pair and form-start token, 5 per address, from many IPv6 addresses in one /64
and many IPv4 addresses, with the email varied by +tags and dots. It only measures.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import re
import time
import urllib.error
import urllib.parse
import urllib.request


class Browser:
    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def cookie(self, name: str) -> str:
        return next(c.value for c in self.jar if c.name == name)

    def request(self, path: str, data: dict | None = None, ip: str = "192.0.2.1"):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        req = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"X-Real-IP": ip, "Referer": self.base + path},
        )
        started = time.perf_counter()
        try:
            with self.opener.open(req, timeout=120) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode("utf-8", "replace")
        return status, text, time.perf_counter() - started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    return found[1] if found else ""


def consult(html: str, **overrides) -> dict:
    return {
        "csrfmiddlewaretoken": field(html, "csrfmiddlewaretoken"),
        "started": field(html, "started"),
        "tz": "America/Toronto",
        "name": "Alice Martin",
        "email": "alice@example.org",
        "phone": "905 555 0101",
        "note": "",
        "in_ontario": "on",
        "age_16_plus": "on",
        "consent": "on",
        "website": "",
        **overrides,
    }


def slow_inputs(base: str, password: str) -> float:
    worst_of_all = 0.0
    cases = [(f"phone: {n:,} zeros + x", {"phone": "0" * n + "x"}) for n in
             (16_000, 32_000, 64_000, 100_000)]  # fmt: skip
    cases.append(("name: 100 KB", {"name": "A" * 100_000}))
    for label, overrides in cases:
        worst, statuses = 0.0, set()
        for attempt in range(3):
            visitor = Browser(base)
            _s, page, _t = visitor.request("/book/", ip=f"203.0.113.{attempt + 1}")
            status, _text, took = visitor.request(
                "/book/", consult(page, **overrides), ip=f"203.0.113.{attempt + 1}"
            )
            worst, statuses = max(worst, took), statuses | {status}
        print(f"{label:32} worst {worst:6.3f} s  status {sorted(statuses)}")
        worst_of_all = max(worst_of_all, worst)

    staff = Browser(base)
    _s, page, _t = staff.request("/admin/login/")
    staff.request(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": field(page, "csrfmiddlewaretoken"),
         "username": "bench", "password": password, "next": "/admin/"},
    )  # fmt: skip
    # 32,000 characters is over the admin's cap; 28,000 too, and has too many "["; the
    # last is the slowest text we found within all of its limits, and is saved.
    bodies = {
        "[x][ x 8000": "[x][" * 8000,
        "[x][ x 7000": "[x][" * 7000,
        "![, *a x 2498, *a x 7490": "![" + "*a" * 2498 + "\n\n" + "*a" * 7_490,
    }
    for name, body in bodies.items():
        worst, statuses = 0.0, set()
        for attempt in range(3):
            _s, page, _t = staff.request("/admin/articles/article/add/")
            author = re.search(r'<option value="(\d+)"', page)[1]
            status, _text, took = staff.request(
                "/admin/articles/article/add/",
                {"csrfmiddlewaretoken": field(page, "csrfmiddlewaretoken"),
                 "title": f"Brackets {len(body)} {attempt}",
                 "slug": f"brackets-{len(body)}-{attempt}", "author": author,
                 "summary": "Brackets.", "body": body, "cover_alt": "",
                 "publish_at_0": "", "publish_at_1": "", "_save": "Save"},
            )  # fmt: skip
            worst, statuses = max(worst, took), statuses | {status}
        label = f"admin article: {name}"
        print(f"{label:32} worst {worst:6.3f} s  status {sorted(statuses)}")
        worst_of_all = max(worst_of_all, worst)
    return worst_of_all


def bot(base: str, min_seconds: int) -> float:
    bot = Browser(base)
    _s, page, _t = bot.request("/book/", ip="198.51.100.1")
    days = sorted(set(re.findall(r'href="\?day=(\d{4}-\d\d-\d\d)', page)))
    form = consult(page)
    slots = []
    for day in days:  # the same cookie, so still the same CSRF pair and token
        _s, day_page, _t = bot.request(f"/book/?day={day}", ip="198.51.100.1")
        slots += re.findall(r'name="slot" value="([^"]+)"', day_page)
    slots = sorted(set(slots))
    time.sleep(min_seconds + 1)
    worst, posts, redirects = 0.0, 0, 0
    for i, slot in enumerate(slots):
        group = i // 5
        ip = (
            f"2001:db8:1:2::{group:x}"
            if group % 2 == 0
            else f"198.51.100.{group % 250 + 2}"
        )
        local = "calendar.filler" if i % 2 else "calendarfiller"
        email = f"{'.'.join(local) if i % 3 == 0 else local}+{i}@gmail.com"
        status, _text, took = bot.request(
            "/book/", form | {"slot": slot, "email": email, "name": f"Bot {i}"}, ip=ip
        )
        posts += 1
        redirects += status == 303
        worst = max(worst, took)
    print(f"bot: {len(slots)} free times seen on {len(days)} days; {posts} posts, "
          f"{redirects} answered 303; worst request {worst:.3f} s")  # fmt: skip
    return worst


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--min-seconds", type=int, default=3)
    args = parser.parse_args()
    worst = max(slow_inputs(args.base, args.password), bot(args.base, args.min_seconds))
    print(f"worst request overall: {worst:.3f} s")
