"""The trust pages' rows of the access matrix (netw/trust.py): public to everyone.

The matrix keeps one row per URL name: the contact form's POST, for every persona, is in
tests/netw/test_trust_pages.py.
"""

from tests.access import Row, everyone, url

ROWS = {
    "netw:privacy": Row(url("netw:privacy"), everyone(200)),
    "netw:accessibility": Row(url("netw:accessibility"), everyone(200)),
    "netw:contact": Row(url("netw:contact"), everyone(200)),
}
