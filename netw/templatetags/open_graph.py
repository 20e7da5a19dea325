"""``{% open_graph record %}`` / ``{% open_graph title=… description=… %}``: a public page's
Open Graph, Twitter card and canonical tags, built once in netw/opengraph.py."""

from django import template

from netw import opengraph

register = template.Library()


@register.inclusion_tag("includes/open_graph.html", takes_context=True)
def open_graph(context, record=None, *, title: str = "", description: str = "") -> dict:
    """A record's tags (nothing when the record is not public), or a public page's, whose
    canonical address is the request's path."""
    if record is not None:
        return {"og": opengraph.for_record(record)}
    request = context.get("request")
    path = request.path if request is not None else "/"
    return {"og": opengraph.for_page(title=title, path=path, description=description)}


@register.filter
def absolute(path: str) -> str:
    """``{{ url|absolute }}``: a path on the portal's public address (``SITE_URL``), as the
    canonical address and the Open Graph tags are."""
    return opengraph.absolute_url(path)
