"""``{% feed_link "app:feed" title %}``: a list's Atom feed, as the visible "Subscribe (Atom)"
link next to the list; with ``head=True`` as the ``<link rel="alternate">`` of the page's head
that feed readers and browsers discover (netw/feeds.py)."""

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("includes/feed_link.html")
def feed_link(url_name: str, title: str, *, head: bool = False) -> dict:
    return {"url": reverse(url_name), "title": title, "head": head}
