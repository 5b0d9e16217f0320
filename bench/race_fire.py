"""Fire N simultaneous booking requests for one time, split across several servers.

Used by bench/race.sh. Each simulated visitor first loads the form (its own CSRF cookie
and signed `started` value), then all of them post at the same moment.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 303 is the answer we count, not a page to follow


def visitor(base: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), NoRedirect()
    )
    html = opener.open(base + "/book/", timeout=30).read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    started = re.search(r'name="started" value="([^"]+)"', html)[1]
    slot = re.search(r'name="slot" value="([^"]+)"', html)[1]
    return opener, csrf, started, slot


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ports", nargs="+", type=int, required=True)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    bases = [f"http://127.0.0.1:{port}" for port in args.ports]
    visitors = [visitor(bases[n % len(bases)]) for n in range(args.requests)]
    slot = visitors[0][3]  # everyone wants the same, first free time
    barrier = threading.Barrier(args.requests)
    codes: list[int | str] = []

    def post(n: int) -> None:
        opener, csrf, started, _ = visitors[n]
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": csrf,
                "started": started,
                "slot": slot,
                "tz": "America/Toronto",
                "name": f"Racer {n}",
                "email": f"racer{n}@example.org",
                "phone": "905 555 0101",
                "in_ontario": "on",
                "age_16_plus": "on",
                "consent": "on",
            }  # fmt: skip
        ).encode()
        request = urllib.request.Request(bases[n % len(bases)] + "/book/", data=data)
        barrier.wait()
        try:
            codes.append(opener.open(request, timeout=60).status)
        except urllib.error.HTTPError as error:
            codes.append(error.code)
        except Exception as error:
            codes.append(type(error).__name__)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(args.requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = Counter(codes)
    others = {k: v for k, v in counts.items() if k not in (303, 409)}
    print(f"slot: {slot}")
    print(f"requests: {len(codes)} across ports {' '.join(map(str, args.ports))}")
    print(f"303 (booked): {counts[303]}")
    print(f"409 (taken): {counts[409]}")
    print(f"other: {sum(others.values())} {others}")


if __name__ == "__main__":
    main()
