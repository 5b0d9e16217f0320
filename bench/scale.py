"""The measuring half of bench/scale.sh: grows one database through three sizes and
times each page and command at each, in this process (no HTTP, no cache), so what is
measured is the work that grows with the data.

Prints one table: median milliseconds and query count per page or command at each
size, and the ratio of the largest size's time to the smallest's, beside its goal.
Exits 1 if any ratio is over its goal.
"""

from __future__ import annotations

import math
import os
import resource
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attachment.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.views import PER_PAGE  # noqa: E402
from bench.scale_seed import seed_articles, seed_consults, seed_outbox  # noqa: E402
from booking.models import Booking, OutgoingEmail  # noqa: E402
from booking.outbox import send_due  # noqa: E402
from booking.purge import forget_consults  # noqa: E402

SIZES = [(10, 0), (1_000, 1_000), (10_000, 100_000)]  # (articles, consults)
OUTBOX = {0: 100, 1_000: 1_000, 100_000: 10_000}  # a backlog of emails at each size
LATE = 100  # claims timed at the end of the backlog
REPEAT = int(os.environ.get("REPEAT", "7"))
PAGE_GOAL = 1.5
MEMORY_GOAL_MB = 10  # no single request may grow a worker by more
Rollback = type("Rollback", (Exception,), {})
# Pages whose output grows until the data fills them (a page of 100 consults, a
# sitemap page of 1,000 addresses): their ratio is taken from the middle size.
FILLS_UP = {
    "sitemap of articles",
    "admin: consults",
    "admin: past consults",
    "admin: outbox",
    "admin: articles",
}


def last_page(path: str, articles) -> str:
    return f"{path}?page={max(1, math.ceil(articles.count() / PER_PAGE))}"


def measure(run) -> tuple[float, int]:
    run()  # warm
    times, queries = [], 0
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        queries = len(captured.captured_queries)
    return statistics.median(times) * 1000, queries


def get(client: Client, path: str):
    def run():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)

    return run


def in_rollback(work):
    """Run work() in a transaction that is then undone, so each size keeps its rows."""

    def run():
        try:
            with transaction.atomic():
                work()
                raise Rollback
        except Rollback:
            pass

    return run


def commands(consults: int, details: list[str]) -> dict[str, tuple[float, int]]:
    """Per-item time (ms) of send_outbox over its backlog and of the purge, each in a
    transaction then undone."""
    backlog = OUTBOX[consults]
    results = {}

    def send():
        # Late in a run through a backlog: all but the last LATE of it already sent,
        # their index entries dead (as VACUUM has not run yet), the rest still due.
        seed_outbox(backlog)
        oldest_first = OutgoingEmail.objects.filter(status="pending").order_by(
            "next_attempt_at", "pk"
        )
        OutgoingEmail.objects.filter(
            pk__in=oldest_first.values("pk")[: backlog - LATE]
        ).update(status="sent")
        mailers = {
            "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
        }
        with override_settings(MAILERS=mailers), CaptureQueriesContext(connection) as q:
            start = time.perf_counter()
            sent, _ = send_due(now=timezone.now())
            elapsed = time.perf_counter() - start
        results["send_outbox, ms per email"] = (
            elapsed * 1000 / sent,
            round(len(q.captured_queries) / sent),
        )
        details.append(
            f"send_outbox: the last {sent:,} of {backlog:,} due in {elapsed:.1f} s"
        )

    def purge():
        cutoff = timezone.now() - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
        start = time.perf_counter()
        done, _ = forget_consults(cutoff=cutoff)
        elapsed = time.perf_counter() - start
        if done:
            results["purge, ms per 1,000 consults"] = (elapsed * 1e6 / done, 0)
            details.append(f"purge: {done:,} consults in {elapsed:.1f} s")

    in_rollback(send)()
    in_rollback(purge)()
    return results


def main() -> int:
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client, staff = Client(), Client()
    staff.force_login(admin)
    table: dict[str, list[tuple[float, int]]] = {}
    details: list[str] = []
    rises: dict[str, float] = {}
    made_articles = made_consults = 0
    for articles, consults in SIZES:
        with transaction.atomic():
            seed_articles(articles - made_articles, first=made_articles + 1)
            seed_consults(consults - made_consults, first=made_consults)
        made_articles, made_consults = articles, consults
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would have by now
        published = Article.objects.published()
        middle = published.order_by("-publish_at")[articles // 2]
        pages = {
            "article page": f"/articles/{middle.slug}/",
            "articles, last page": last_page("/articles/", published),
            "tag page, last page": last_page(
                "/articles/tag/secure/", published.filter(tags__slug="secure")
            ),
            "/sitemap.xml (index)": "/sitemap.xml",
            "sitemap of articles": "/sitemap-articles.xml",
            "/book/": "/book/",
        }
        admin_pages = {
            "admin: consults": "/admin/booking/booking/",
            "admin: past consults": "/admin/booking/booking/?when=past",
            "admin: consults search": "/admin/booking/booking/?q=client77@example",
            "admin: outbox": "/admin/booking/outgoingemail/",
            "admin: outbox search": "/admin/booking/outgoingemail/?q=client77@example",
            "admin: articles": "/admin/articles/article/",
            "admin: articles search": "/admin/articles/article/?q=1234",
        }
        print(
            f"size: {articles:,} articles, {consults:,} consults "
            f"({Booking.objects.count():,} rows, {OutgoingEmail.objects.count():,} "
            "emails)",
            file=sys.stderr,
        )
        for name, path in pages.items():
            with peak_rise(name, rises):
                table.setdefault(name, []).append(measure(get(client, path)))
        for name, path in admin_pages.items():
            with peak_rise(name, rises):
                table.setdefault(name, []).append(measure(get(staff, path)))
        for name, figures in commands(consults, details).items():
            table.setdefault(name, []).append(figures)
    name, rise = max(rises.items(), key=lambda item: item[1])
    details.append(
        f"memory: the most any one page raised this process's peak RSS at the largest "
        f"size: {rise:.1f} MB ({name}); goal at most {MEMORY_GOAL_MB} MB"
    )
    failed_memory = rise > MEMORY_GOAL_MB
    return report(table, details) or int(failed_memory)


@contextmanager
def peak_rise(name: str, rises: dict[str, float]):
    """How far the page's requests push this process's peak RSS (ru_maxrss, in kB on
    Linux): a page that reads a whole table into memory shows here. The largest size's
    figure is the one kept, as each size comes after the last."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    rises[name] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024


def report(table, details: list[str]) -> int:
    sizes = " | ".join(f"{a:,} art / {c:,} consults" for a, c in SIZES)
    print(f"median ms (queries) at each size: {sizes}")
    print(
        "ratio: the largest size's time over the smallest's; for a page not full at "
        "the smallest size (an empty admin list, a sitemap of 11 addresses), over the "
        "middle size's, where it shows as much as at the largest (marked *)."
    )
    print(
        f"{'page or command':<32} {'small':>14} {'middle':>14} {'large':>14} "
        f"{'ratio':>7} {'goal':>6}"
    )
    failed = False
    for name, rows in table.items():
        cells = [f"{ms:8.1f} ({q:>3})" for ms, q in rows]
        cells += [""] * (3 - len(cells))
        base = rows[1] if name in FILLS_UP and len(rows) > 2 else rows[0]
        ratio = rows[-1][0] / base[0] if len(rows) > 1 and base[0] else 1.0
        over = ratio > PAGE_GOAL
        failed |= over
        mark = "*" if base is not rows[0] else " "
        print(
            f"{name:<32} {cells[0]:>14} {cells[1]:>14} {cells[2]:>14} "
            f"{ratio:>5.2f}x{mark} {PAGE_GOAL:>5}x{'  OVER' if over else ''}"
        )
    for line in details:
        print("  " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}},
        ALLOWED_HOSTS=["testserver"],
    ):
        sys.exit(main())
