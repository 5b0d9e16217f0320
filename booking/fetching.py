"""Fetching a calendar feed from an address the therapist pasted, safely.

The address is typed into the admin, so the server must never be made to reach inside
its own network with it (an address on this machine, the cloud's metadata service, a
router): every address a host name resolves to is checked, at every redirect, and the
connection goes to the address that was checked, not to a second look-up that could
answer differently. Plain http is refused outside DEBUG: the address is a secret, and
so is what it returns.

The work per fetch is bounded: a timeout for each network step and for the whole
fetch, a size cap counted while reading (whatever Content-Length claims), at most a few
redirects. ETag and Last-Modified are sent back so that an unchanged calendar costs a
304 and no parsing.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 3
CHUNK = 64 * 1024


class FetchError(Exception):
    """The feed could not be fetched; the message is for the therapist and never holds
    the address itself (it is a secret)."""


@dataclass(frozen=True)
class Policy:
    timeout: float = 10.0  # seconds, for each connect and read
    total_timeout: float = 30.0  # seconds, for the whole fetch with its redirects
    max_bytes: int = 10 * 1024 * 1024
    allow_http: bool = False  # DEBUG only: a development machine's own test feeds
    allow_loopback: bool = (
        False  # tests only: a server started by the test on 127.0.0.1
    )


@dataclass(frozen=True)
class Fetched:
    body: bytes | None  # None: not modified since the ETag / Last-Modified sent
    etag: str = ""
    last_modified: str = ""


def normalise(url: str) -> str:
    """Calendar apps hand out webcal:// addresses; they are https underneath."""
    url = url.strip()
    if url.lower().startswith("webcal://"):
        return "https://" + url[len("webcal://") :]
    return url


def check_url(url: str, policy: Policy) -> None:
    """Raise FetchError if the address may not be fetched (before any network use)."""
    parts = urlsplit(normalise(url))
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise FetchError("The address must start with https://.")
    if parts.scheme == "http" and not (
        policy.allow_http
        or (policy.allow_loopback and _is_loopback_name(parts.hostname))
    ):
        raise FetchError(
            "The address must start with https:// (the calendar is private, and plain "
            "http would send it across the internet unprotected)."
        )
    if parts.username or parts.password:
        raise FetchError("The address must not hold a user name or password.")


def fetch(
    url: str, *, etag: str = "", last_modified: str = "", policy: Policy = Policy()
) -> Fetched:
    deadline = time.monotonic() + policy.total_timeout
    url = normalise(url)
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url, policy)
        status, headers, body = _get(url, etag, last_modified, policy, deadline)
        if status in (301, 302, 303, 307, 308) and headers.get("location"):
            url = urljoin(url, headers["location"])
            continue
        if status == 304:
            return Fetched(None, etag=etag, last_modified=last_modified)
        if status != 200:
            raise FetchError(_status_message(status))
        return Fetched(
            body or b"",
            etag=headers.get("etag", "")[:200],
            last_modified=headers.get("last-modified", "")[:100],
        )
    raise FetchError("The address redirected too many times.")


def _get(url, etag, last_modified, policy, deadline):
    parts = urlsplit(url)
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = _checked_address(host, port, policy)
    cls = (
        http.client.HTTPSConnection
        if parts.scheme == "https"
        else http.client.HTTPConnection
    )
    connection = cls(host, port, timeout=_left(deadline, policy))
    # Connect to the address that was checked; TLS still verifies the host's name.
    connection._create_connection = lambda _address, timeout, source: (  # type: ignore[attr-defined]
        socket.create_connection((address, port), timeout, source)
    )
    headers = {
        "User-Agent": "TheTherapeuticWay-calendar-sync/1",
        "Accept": "text/calendar, */*;q=0.5",
        "Accept-Encoding": "identity",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        found = {k.lower(): v for k, v in response.getheaders()}
        body = _read(response, policy, deadline) if response.status == 200 else b""
        return response.status, found, body
    except TimeoutError as error:
        raise FetchError("The calendar server took too long to answer.") from error
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(
            f"The calendar server could not be reached ({type(error).__name__})."
        ) from error
    finally:
        connection.close()


def _read(response, policy: Policy, deadline: float) -> bytes:
    declared = response.getheader("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(_too_large(policy))
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(_too_large(policy))
        if time.monotonic() > deadline:  # a server dripping bytes to hold us
            raise FetchError("The calendar server took too long to answer.")
        chunks.append(chunk)
    return b"".join(chunks)


def _checked_address(host: str, port: int, policy: Policy) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise FetchError("The calendar server's name could not be found.") from error
    addresses = [str(info[4][0]) for info in infos]
    # Every address must be public: one private answer among public ones is refused too,
    # since the connection could land on any of them.
    for address in addresses:
        if not _allowed(ipaddress.ip_address(address.split("%")[0]), policy):
            raise FetchError(
                "The address points inside a private network, which is not allowed."
            )
    return addresses[0]


def _allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, policy: Policy) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return policy.allow_loopback
    return ip.is_global and not ip.is_multicast


def _is_loopback_name(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _left(deadline: float, policy: Policy) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError("The calendar server took too long to answer.")
    return min(policy.timeout, left)


def _too_large(policy: Policy) -> str:
    return (
        f"The calendar file is larger than {policy.max_bytes // (1024 * 1024)} MB, "
        "more than a calendar a person keeps."
    )


def _status_message(status: int) -> str:
    if status in (401, 403, 404, 410):
        return (
            f"The calendar server answered {status}: the address no longer works. "
            "Was the secret address reset in your calendar? If so, paste the new one."
        )
    return f"The calendar server answered {status}."
