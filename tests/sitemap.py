"""The sitemap read as a crawler reads it: the index at ``/sitemap.xml``, then every sitemap it
lists (one per section, and each further page of a long one)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlsplit

from django.urls import reverse

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_documents(client) -> list[bytes]:
    """Every sitemap the index lists, each fetched on its own address (whatever SITE_URL's
    host), each answering 200."""
    index = client.get(reverse("sitemap"))
    assert index.status_code == 200
    root = ET.fromstring(index.content)
    assert root.tag == f"{NS}sitemapindex"
    documents = []
    for loc in root.iter(f"{NS}loc"):
        parts = urlsplit(loc.text)
        response = client.get(parts.path, dict(parse_qsl(parts.query)))
        assert response.status_code == 200, loc.text
        assert response["Content-Type"] == "application/xml"
        documents.append(response.content)
    return documents


def sitemap_text(client) -> str:
    return "\n".join(document.decode() for document in sitemap_documents(client))


def sitemap_entries(client) -> list[ET.Element]:
    """Every ``<url>`` of every section."""
    return [entry for document in sitemap_documents(client)
            for entry in ET.fromstring(document).iter(f"{NS}url")]


def sitemap_locations(client) -> set[str]:
    return {entry.findtext(f"{NS}loc") for entry in sitemap_entries(client)}
