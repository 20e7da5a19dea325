from django import template

from netw.richtext import plain_text, render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """Markdown → sanitised HTML (see netw/richtext.py)."""
    return render_markdown(text)


@register.filter(name="plaintext")
def plaintext_filter(text: str) -> str:
    return plain_text(text)
