from django import template

from netw.licences import licence_box

register = template.Library()


@register.simple_tag(takes_context=True)
def licence_of(context, record) -> dict:
    """``{% licence_of record as box %}``: netw.licences.licence_box for this page's request."""
    return licence_box(record, context.get("request"))
