from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# What a request with no usable address counts as: a valid address, because the admin
# lockout stores it in an IP address column, and one shared bucket for every such request.
UNKNOWN = "0.0.0.0"


def _valid(value: str) -> str | None:
    """The address as limits count it, or None if `value` is not an address.

    One home, office or phone is given a whole IPv6 /64 and can pick any of its 2^64
    addresses for each request: the /64 is one visitor, so it is one bucket (written as
    its network address, which is still a valid address for the lockout's column). An
    IPv4 address wrapped in IPv6 (::ffff:192.0.2.1) is that IPv4 address.
    """
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False).network_address)
    return str(address)


def client_ip(request: HttpRequest) -> str:
    """The visitor's address (an IPv6 visitor's /64), for rate limits and the admin lockout.

    Only the header named by CLIENT_IP_HEADER is believed, and only because our own
    proxy sets it; anything else a client sends (X-Forwarded-For, say) is ignored, so a
    made-up header cannot dodge a limit. Whatever is returned is a valid IP address:
    proxies do send words such as "unknown", and those must neither crash the login
    (axes stores the address) nor open a fresh rate-limit bucket per made-up value.
    """
    if settings.CLIENT_IP_HEADER:
        value = request.META.get(settings.CLIENT_IP_HEADER, "")
        # A proxy that appends keeps the address it saw last.
        address = _valid(value.split(",")[-1])
        if address:
            return address
    return _valid(request.META.get("REMOTE_ADDR", "")) or UNKNOWN


def login_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The username a login attempt is recorded and locked under (AXES_USERNAME_CALLABLE).

    Django's login form does not limit the username's length, and django-axes stores it
    in a 255-character column: a longer one made the admin login a server error. No
    account's username is that long (150 at most), so cutting it loses nothing; NUL
    characters, which PostgreSQL cannot store, go too.
    """
    source = credentials if credentials else getattr(request, "POST", {})
    username = (source or {}).get("username") or ""
    return str(username).replace("\x00", "")[:255]
