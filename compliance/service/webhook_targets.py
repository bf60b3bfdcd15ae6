"""Where a webhook may point: a public https address, or an address an operator's allow-list names.

Loopback, private, link-local (cloud metadata), multicast, reserved and unspecified addresses are refused
unless the allow-list (COMPLIANCE_WEBHOOK_ALLOW: host names, addresses or networks, comma-separated) names
them: a tenant must not make the service call into its own network. The check runs when the webhook is
registered and again before every attempt, on what the name resolves to then. Plain http is accepted only
for allow-listed targets.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from compliance.i18n.said import said

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class RefusedTarget(Exception):
    """The url may not receive webhooks; the message (a key of the refusals' table, its English as the
    exception's text) says why, without echoing the url."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(said(key))


def _internal(ip: Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return _internal(ip.ipv4_mapped)
        if ip.is_site_local:
            return True
    return any(
        (ip.is_loopback, ip.is_private, ip.is_link_local, ip.is_multicast, ip.is_reserved, ip.is_unspecified)
    )


@dataclass(frozen=True)
class TargetPolicy:
    hosts: frozenset[str] = frozenset()
    networks: tuple[Network, ...] = field(default=())

    @classmethod
    def parse(cls, allow: str) -> TargetPolicy:
        hosts: set[str] = set()
        networks: list[Network] = []
        for item in (part.strip() for part in allow.split(",")):
            if not item:
                continue
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                hosts.add(item.lower().rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def _allowed(self, host: str, ip: Address | None) -> bool:
        if host in self.hosts:
            return True
        return ip is not None and any(ip in n for n in self.networks)

    def check(self, url: str) -> None:
        """Refuse a url that may not receive webhooks, resolving its host now."""
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise RefusedTarget("webhook_absolute")
        if parts.username or parts.password:
            raise RefusedTarget("webhook_credentials")
        host = parts.hostname.lower().rstrip(".")
        try:
            literal: Address | None = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        named = self._allowed(host, literal)
        if parts.scheme == "http" and not named:
            raise RefusedTarget("webhook_https")
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
        except (OSError, UnicodeError):
            raise RefusedTarget("webhook_unresolved") from None
        for info in infos:
            ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            if _internal(ip) and not (named or self._allowed(host, ip)):
                raise RefusedTarget("webhook_internal")
