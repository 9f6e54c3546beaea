"""CardDAV and CalDAV, the part salesnotes needs, as a small layer over the standard
library's ``http.client`` (the ``caldav`` package has no CardDAV, and one layer for both keeps
discovery, errors and TLS in one place).

Discovery follows RFC 6764 and RFC 6352/4791: the URL the user gives (a server's root, its
``/remote.php/dav``, or a collection) is asked for the ``current-user-principal``; when it
has none, ``/.well-known/carddav`` and ``/.well-known/caldav`` (redirects followed); the
principal then names its ``addressbook-home-set`` and ``calendar-home-set``, whose members are
the address books, calendars and task lists. Every failure is a ``ServerError`` sentence:
the password, the address, TLS (verified; ``ca_file`` for a company's CA), a time-out.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from salesnotes.errors import ServerError
from salesnotes.i18n import _
from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any
    from xml.etree.ElementTree import Element

DAV, CARD, CAL = "DAV:", "urn:ietf:params:xml:ns:carddav", "urn:ietf:params:xml:ns:caldav"
_XML = {"Content-Type": "application/xml; charset=utf-8"}


@record
class Collection:
    """An address book, calendar or task list on the server: where (``href``, absolute),
    its name, ``kind`` ('addressbook' or 'calendar') and, for a calendar, what it holds
    ('VEVENT', 'VTODO')."""

    href: str
    name: str
    kind: str
    components: tuple[str, ...] = ()


@record
class Homes:
    """Where the user's collections live: the principal, and the homes of address books
    and calendars (absolute URLs)."""

    principal: str
    addressbooks: str
    calendars: str


def _tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def _propfind(props: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<d:propfind xmlns:d="{DAV}" xmlns:card="{CARD}" xmlns:cal="{CAL}">'
        f"<d:prop>{props}</d:prop></d:propfind>"
    ).encode()


class Answer:
    """What the server answered one request: its status, reason, headers (by lower-case
    name), body, and the address that answered (after redirects)."""

    __slots__ = ("content", "headers", "reason_phrase", "status_code", "url")

    def __init__(
        self, status: int, reason: str, headers: dict[str, str], content: bytes, url: str
    ) -> None:
        self.status_code, self.reason_phrase, self.headers = status, reason, headers
        self.content, self.url = content, url


class Dav:
    """One user's session with a DAV server: one kept-open connection per host (the
    standard library's ``http.client``: httpx's import took 126 ms of every sync, most of it
    its own command line's click and rich), TLS verified, the user's password sent to the
    server's own host only."""

    def __init__(
        self, url: str, user: str, password: str, *, ca_file: str | None = None,
        timeout: float = 20.0,
    ) -> None:  # fmt: skip
        import base64

        try:
            import defusedxml  # noqa: F401  (read in _props; checked here, before any request)
        except ImportError:
            raise ServerError(
                _("the phone's sync needs its part: pip install 'salesnotes[sync]'")
            ) from None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ServerError(_("{url} is not a server's address (https://...)").format(url=url))
        self.url = url if url.endswith("/") else url + "/"
        self.tls: Any = None  # made for the first https connection (loading the CAs: ~25 ms)
        self.ca_file = ca_file
        if ca_file or parts.scheme == "https":
            self._tls()
        secret = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.auth = {"Authorization": f"Basic {secret}"}
        self.host = parts.hostname
        self.timeout = timeout
        self.connections: dict[tuple[str, str], Any] = {}

    def _tls(self) -> Any:
        import ssl

        if self.tls is None:
            try:
                self.tls = ssl.create_default_context(cafile=self.ca_file or None)
            except (OSError, ssl.SSLError) as exc:
                raise ServerError(
                    _("ca_file {path} cannot be used: {reason}").format(
                        path=self.ca_file, reason=exc
                    )
                ) from None
        return self.tls

    def close(self) -> None:
        for connection in self.connections.values():
            connection.close()
        self.connections.clear()

    def _connection(self, scheme: str, netloc: str) -> Any:
        import http.client

        key = (scheme, netloc)
        if key not in self.connections:
            if scheme == "https":
                made: Any = http.client.HTTPSConnection(
                    netloc, timeout=self.timeout, context=self._tls()
                )
            else:
                made = http.client.HTTPConnection(netloc, timeout=self.timeout)
            self.connections[key] = made
        return self.connections[key]

    def request(
        self, method: str, url: str, body: bytes | None = None, *, depth: str | None = None,
        headers: dict[str, str] | None = None, ok: tuple[int, ...] = (200, 201, 204, 207),
    ) -> Answer:  # fmt: skip
        """One request (redirects followed); a refusal or a failure as a sentence naming
        the server."""
        sent = {**(_XML if body is not None else {}), **(headers or {})}
        if depth is not None:
            sent["Depth"] = depth
        for _redirect in range(6):
            answer = self._once(method, url, body, sent)
            location = answer.headers.get("location")
            if answer.status_code not in (301, 302, 303, 307, 308) or not location:
                break
            url = urljoin(url, location)
            if answer.status_code == 303:
                method, body = "GET", None
        if answer.status_code in ok:
            return answer
        raise self.refused(answer)

    def _once(self, method: str, url: str, body: bytes | None, sent: dict[str, str]) -> Answer:
        import http.client
        import ssl

        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {"User-Agent": "salesnotes", **sent}
        if parts.hostname == self.host:
            headers.update(self.auth)
        for attempt in (1, 2):  # a kept-open connection the server closed: once more
            connection = self._connection(parts.scheme, parts.netloc)
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                content = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                connection.close()
                if attempt == 2:
                    raise ServerError(
                        _("{url} closed the connection; try again later").format(url=url)
                    ) from None
                continue
            except TimeoutError:
                connection.close()
                raise ServerError(
                    _("{url} did not answer in time; try again later").format(url=url)
                ) from None
            except ssl.SSLCertVerificationError as exc:
                connection.close()
                raise ServerError(
                    _(
                        "the certificate of {url} is not trusted ({reason}); for a company's "
                        "own CA set ca_file in [sync]"
                    ).format(url=url, reason=exc.verify_message or exc.reason)
                ) from None
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                raise ServerError(
                    _("cannot reach {url}: {reason}").format(url=url, reason=exc)
                ) from None
            found = {name.lower(): value for name, value in response.getheaders()}
            return Answer(response.status, response.reason, found, content, url)
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def refused(response: Answer) -> ServerError:
        """A server's refusal in words."""
        url, code = response.url, response.status_code
        if code == 401:
            return ServerError(_("{url} refused the user name or password (401)").format(url=url))
        if code == 403:
            return ServerError(_("{url} does not allow this user that (403)").format(url=url))
        if code == 404:
            return ServerError(_("{url} is not there (404)").format(url=url))
        if code in (405, 501):
            return ServerError(
                _("{url} does not speak CardDAV/CalDAV there ({code})").format(url=url, code=code)
            )
        return ServerError(
            _("{url} answered {code} {reason}").format(
                url=url, code=code, reason=response.reason_phrase
            )
        )

    def _props(self, url: str, props: str, depth: str) -> list[tuple[str, Element]]:
        """(absolute href, prop element) of each response with a 200 propstat."""
        from xml.etree.ElementTree import ParseError

        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import fromstring

        response = self.request("PROPFIND", url, _propfind(props), depth=depth)
        try:
            root = fromstring(response.content)
        except (ParseError, DefusedXmlException):
            raise ServerError(
                _("{url} answered something that is not WebDAV").format(url=url)
            ) from None
        found = []
        for each in root.iter(_tag(DAV, "response")):
            href = each.findtext(_tag(DAV, "href")) or url
            for propstat in each.iter(_tag(DAV, "propstat")):
                status = propstat.findtext(_tag(DAV, "status")) or ""
                prop = propstat.find(_tag(DAV, "prop"))
                if " 200 " in status and prop is not None:
                    found.append((urljoin(response.url, href), prop))
        return found

    def _href(self, url: str, prop: str, namespace: str) -> str | None:
        for _href, props in self._props(url, f"<{prop}/>", "0"):
            element = props.find(_tag(namespace, prop.split(":")[1]))
            href = element.findtext(_tag(DAV, "href")) if element is not None else None
            if href:
                return urljoin(url, href.strip())
        return None

    def discover(self) -> Homes:
        """The user's principal and homes, from the URL given (see the module)."""
        principal = self._principal(self.url)
        if principal is None:
            for well_known in ("/.well-known/carddav", "/.well-known/caldav"):
                try:
                    principal = self._principal(urljoin(self.url, well_known))
                except ServerError:
                    continue
                if principal:
                    break
        if principal is None:
            raise ServerError(
                _(
                    "{url} names no user to find address books and calendars for (no "
                    "current-user-principal); give the address of your account's DAV"
                ).format(url=self.url)
            )
        books = self._href(principal, "card:addressbook-home-set", CARD) or principal
        calendars = self._href(principal, "cal:calendar-home-set", CAL) or principal
        return Homes(principal, books, calendars)

    def _principal(self, url: str) -> str | None:
        return self._href(url, "d:current-user-principal", DAV)

    def collections(self, home: str) -> list[Collection]:
        """The address books, calendars and task lists in ``home``."""
        found = []
        props = "<d:resourcetype/><d:displayname/><cal:supported-calendar-component-set/>"
        for href, prop in self._props(home, props, "1"):
            kinds = prop.find(_tag(DAV, "resourcetype"))
            if kinds is None or href.rstrip("/") == home.rstrip("/"):
                continue
            name = (prop.findtext(_tag(DAV, "displayname")) or "").strip()
            name = name or href.rstrip("/").rsplit("/", 1)[-1]
            if kinds.find(_tag(CARD, "addressbook")) is not None:
                found.append(Collection(href, name, "addressbook"))
            elif kinds.find(_tag(CAL, "calendar")) is not None:
                supported = prop.find(_tag(CAL, "supported-calendar-component-set"))
                components = tuple(
                    str(c.get("name")) for c in (supported if supported is not None else ())
                ) or ("VEVENT", "VTODO")
                found.append(Collection(href, name, "calendar", components))
        return found

    def make_addressbook(self, home: str, slug: str, name: str) -> Collection:
        """A new address book ``slug`` in ``home``, named ``name`` (extended MKCOL)."""
        href = urljoin(home, f"{slug}/")
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<d:mkcol xmlns:d="{DAV}" xmlns:card="{CARD}"><d:set><d:prop>'
            "<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>"
            f"<d:displayname>{_escaped(name)}</d:displayname>"
            "</d:prop></d:set></d:mkcol>"
        ).encode()
        self.request("MKCOL", href, body)
        return Collection(href, name, "addressbook")

    def make_calendar(
        self, home: str, slug: str, name: str, components: tuple[str, ...]
    ) -> Collection:
        """A new calendar (or task list) ``slug`` in ``home`` holding ``components``."""
        href = urljoin(home, f"{slug}/")
        holds = "".join(f'<cal:comp name="{c}"/>' for c in components)
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<cal:mkcalendar xmlns:d="{DAV}" xmlns:cal="{CAL}"><d:set><d:prop>'
            f"<d:displayname>{_escaped(name)}</d:displayname>"
            f"<cal:supported-calendar-component-set>{holds}</cal:supported-calendar-component-set>"
            "</d:prop></d:set></cal:mkcalendar>"
        ).encode()
        self.request("MKCALENDAR", href, body)
        return Collection(href, name, "calendar", components)

    # -- the objects in a collection --------------------------------------------------------

    def listing(self, collection: str) -> dict[str, str]:
        """Every object in ``collection``: its absolute address and ETag (one request)."""
        found = {}
        for href, prop in self._props(collection, "<d:getetag/><d:resourcetype/>", "1"):
            kinds = prop.find(_tag(DAV, "resourcetype"))
            if href.rstrip("/") == collection.rstrip("/") or (
                kinds is not None and kinds.find(_tag(DAV, "collection")) is not None
            ):
                continue
            found[href] = (prop.findtext(_tag(DAV, "getetag")) or "").strip()
        return found

    def changes(self, collection: str, token: str) -> tuple[dict[str, str], set[str], str] | None:
        """What changed in ``collection`` since ``token`` (RFC 6578 sync-collection; '':
        everything): the objects new or changed with their ETags, the ones removed, and the
        token to ask with next time. None when the server keeps no tokens there or no longer
        knows this one: the caller reads the whole listing instead."""
        from xml.etree.ElementTree import ParseError

        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import fromstring

        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<d:sync-collection xmlns:d="{DAV}"><d:sync-token>{_escaped(token)}</d:sync-token>'
            "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
        ).encode()
        response = self.request(
            "REPORT", collection, body, ok=(207, 400, 403, 404, 405, 409, 412, 415, 501)
        )
        if response.status_code != 207:
            return None
        try:
            root = fromstring(response.content)
        except (ParseError, DefusedXmlException):
            return None
        new_token = (root.findtext(_tag(DAV, "sync-token")) or "").strip()
        if not new_token:
            return None
        changed, removed = {}, set()
        for each in root.iter(_tag(DAV, "response")):
            href = urljoin(response.url, each.findtext(_tag(DAV, "href")) or "")
            if href.rstrip("/") == collection.rstrip("/") or href.endswith("/"):
                continue
            if " 404 " in (each.findtext(_tag(DAV, "status")) or ""):
                removed.add(href)
                continue
            for propstat in each.iter(_tag(DAV, "propstat")):
                if " 200 " in (propstat.findtext(_tag(DAV, "status")) or ""):
                    changed[href] = (
                        propstat.findtext(f"{_tag(DAV, 'prop')}/{_tag(DAV, 'getetag')}") or ""
                    ).strip()
        return changed, removed, new_token

    def fetch(self, collection: str, hrefs: list[str], kind: str) -> dict[str, tuple[str, str]]:
        """The objects at ``hrefs`` in ``collection`` ('addressbook' or 'calendar'): each
        one's ETag and text, read a hundred at a time (addressbook-multiget and
        calendar-multiget, RFC 6352 and 4791). An object gone meanwhile is left out."""
        from xml.etree.ElementTree import ParseError

        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import fromstring

        namespace, report, data = (
            (CARD, "addressbook-multiget", "address-data")
            if kind == "addressbook"
            else (CAL, "calendar-multiget", "calendar-data")
        )
        prefix = "card" if kind == "addressbook" else "cal"
        found: dict[str, tuple[str, str]] = {}
        for start in range(0, len(hrefs), 100):
            asked = "".join(
                f"<d:href>{_escaped(urlsplit(h).path)}</d:href>" for h in hrefs[start : start + 100]
            )
            body = (
                '<?xml version="1.0" encoding="utf-8"?>'
                f'<{prefix}:{report} xmlns:d="{DAV}" xmlns:{prefix}="{namespace}">'
                f"<d:prop><d:getetag/><{prefix}:{data}/></d:prop>{asked}</{prefix}:{report}>"
            ).encode()
            response = self.request("REPORT", collection, body, depth="1")
            try:
                root = fromstring(response.content)
            except (ParseError, DefusedXmlException):
                raise ServerError(
                    _("{url} answered something that is not WebDAV").format(url=collection)
                ) from None
            for each in root.iter(_tag(DAV, "response")):
                href = urljoin(response.url, each.findtext(_tag(DAV, "href")) or "")
                for propstat in each.iter(_tag(DAV, "propstat")):
                    prop = propstat.find(_tag(DAV, "prop"))
                    if " 200 " not in (propstat.findtext(_tag(DAV, "status")) or ""):
                        continue
                    text = prop.findtext(_tag(namespace, data)) if prop is not None else None
                    if prop is not None and text:
                        etag = (prop.findtext(_tag(DAV, "getetag")) or "").strip()
                        found[href] = (etag, text)
        return found

    def put(self, href: str, text: str, kind: str, etag: str | None) -> str:
        """Write one object: over the version ``etag`` (If-Match), or as a new one
        (``etag`` None: If-None-Match: *). Its new ETag ('' when the server gives none);
        ``Mismatch`` when the object changed (or appeared) on the server meanwhile."""
        media = "text/vcard" if kind == "addressbook" else "text/calendar"
        condition = {"If-None-Match": "*"} if etag is None else {"If-Match": etag} if etag else {}
        headers = {"Content-Type": f"{media}; charset=utf-8", **condition}
        response = self.request(
            "PUT", href, text.encode("utf-8"), headers=headers, ok=(200, 201, 204, 412)
        )
        if response.status_code == 412:
            raise Mismatch(href)
        return (response.headers.get("etag") or "").strip()

    def delete(self, href: str, etag: str) -> None:
        """Delete one object, if it is still the version ``etag`` (``Mismatch`` if not);
        one already gone is fine."""
        headers = {"If-Match": etag} if etag else {}
        response = self.request("DELETE", href, headers=headers, ok=(200, 204, 404, 412))
        if response.status_code == 412:
            raise Mismatch(href)


class Mismatch(Exception):
    """The object changed on the server since it was read (HTTP 412): read it again."""


def _escaped(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)
