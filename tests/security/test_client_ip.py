"""The client's address comes only from the header our proxy sets (CLIENT_IP_HEADER), so a made-up one cannot dodge a limit."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from core.client_ip import client_ip
from core.ratelimit import retry_after

factory = RequestFactory()


def request_from(remote: str, **headers):
    return factory.post("/book/", REMOTE_ADDR=remote, headers=headers)


def test_without_a_configured_header_only_the_socket_address_counts(settings):
    settings.CLIENT_IP_HEADER = ""
    request = request_from(
        "192.0.2.10", x_forwarded_for="203.0.113.5", x_real_ip="203.0.113.6"
    )
    assert client_ip(request) == "192.0.2.10"


def test_the_configured_proxy_header_is_believed(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    request = request_from(
        "127.0.0.1", x_real_ip="198.51.100.4", x_forwarded_for="203.0.113.5"
    )
    assert client_ip(request) == "198.51.100.4"


def test_an_appending_proxy_s_last_address_is_the_one_it_saw(settings):
    # The client may send X-Forwarded-For: <anything>; the proxy appends the real address.
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = request_from("127.0.0.1", x_forwarded_for="1.2.3.4, 198.51.100.4")
    assert client_ip(request) == "198.51.100.4"


def test_a_missing_proxy_header_falls_back_to_the_socket_address(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_ip(request_from("192.0.2.10")) == "192.0.2.10"


@pytest.mark.django_db
def test_a_spoofed_forwarded_for_cannot_dodge_a_rate_limit(settings):
    settings.CLIENT_IP_HEADER = ""
    rate = (3, 3600)
    waits = [
        retry_after(
            "test",
            client_ip(request_from("192.0.2.10", x_forwarded_for=f"203.0.113.{n}")),
            rate,
        )
        for n in range(5)
    ]
    assert waits[:3] == [None, None, None]
    assert waits[3] is not None and waits[4] is not None


@pytest.mark.django_db
def test_behind_the_proxy_a_spoofed_prefix_cannot_dodge_a_rate_limit(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    rate = (3, 3600)
    waits = []
    for n in range(5):
        request = request_from(
            "127.0.0.1", x_forwarded_for=f"203.0.113.{n}, 198.51.100.4"
        )
        waits.append(retry_after("test", client_ip(request), rate))
    assert waits[3] is not None and waits[4] is not None


def test_a_proxy_header_that_is_not_an_address_falls_back_to_the_socket_address(
    settings,
):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = request_from("192.0.2.10", x_forwarded_for="unknown")
    assert client_ip(request) == "192.0.2.10"


def test_a_request_with_no_address_at_all_still_gets_a_valid_one():
    request = factory.get("/")
    del request.META["REMOTE_ADDR"]
    assert client_ip(request) == "0.0.0.0"


def test_made_up_addresses_share_one_bucket_instead_of_opening_new_ones(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    addresses = {
        client_ip(request_from("not-an-ip", x_real_ip=f"junk-{n}")) for n in range(5)
    }
    assert addresses == {"0.0.0.0"}
