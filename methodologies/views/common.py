"""Small helpers the methodology views share: the core's (fetching and permissions:
netw/access.py)."""

from netw.pagination import PAGE_SIZE, paginate
from netw.workflow import show_missing

__all__ = ["PAGE_SIZE", "paginate", "show_missing"]
