"""One spelling per URL, before anything is keyed by it (RFC 3986 §6.2.2-6.2.3).

``http://127.0.0.1/``, ``HTTP://127.0.0.1:80/``, ``http://127.0.0.1:/``,
``http://127.0.0.1:0080`` and ``http://user@127.0.0.1/`` are one server: the
scheme and host are lowercased (an internationalised name put in its IDNA form), an empty or default port (80 for http, 443 for
https) and leading zeros go, an empty path becomes ``/``, and the userinfo is
dropped, so robots.txt is asked once per origin, the delay holds across
spellings, and no credentials are sent or stored. A URL from the web (a redirect,
a feed or sitemap entry) that carries userinfo is refused instead
(RFC 9110 §4.2.4): see ``has_userinfo``.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import idna  # httpx's own dependency, for the host names it sends

DEFAULT_PORTS = {"http": 80, "https": 443}


class BadUrl(ValueError):
    """Not a URL one can request: no host, or a port that is not a number up to 65535."""


def has_userinfo(url: str) -> bool:
    """Whether the URL's authority holds a ``user[:password]@`` part."""
    return "@" in urlsplit(url).netloc


def without_userinfo(url: str) -> str:
    """The URL with any ``user:secret@`` cut out, for messages: a secret is not printed either."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[1], parts.path, parts.query, parts.fragment))


def normalise(url: str) -> str:
    """The URL with its scheme and authority normalised and its userinfo removed."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = parts.hostname  # lowercased, brackets and userinfo gone
    if not host:
        raise BadUrl(f"no host in {without_userinfo(url)!r}")
    try:
        port = parts.port
    except ValueError as error:
        raise BadUrl(f"bad port in {without_userinfo(url)!r}") from error
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    elif not host.isascii():  # an internationalised name in the form sent on the wire (as httpx sends it)
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as error:
            raise BadUrl(f"bad host name in {without_userinfo(url)!r}") from error
    netloc = host if port is None or port == DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, parts.fragment))


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a normalised URL: the key robots.txt and the delay are scoped to."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))
