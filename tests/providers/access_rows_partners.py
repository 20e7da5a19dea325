"""Rows of the access matrix for the partners' own profiles (providers/views/partners.py).

Partner A is A3S: ``member_a`` belongs to it, ``member_b`` (IDC Serbia) and ``lead`` (AFF) do not.
"""

from tests.access import LOGIN, Row, everyone, url


def _slug(objects):
    return "a3s"


# A3S's people and the coordinators edit A3S's profile; everyone else who logged in: 403.
EDIT = {"anonymous": LOGIN, "member_a": 200, "member_b": 403, "lead": 403, "coordinator": 200,
        "learner": 403}

ROWS = {
    "providers:partner_edit": Row(url("providers:partner_edit", _slug), EDIT),
    # No logo uploaded: the same 404 for everyone (tests/providers/test_partner_profiles.py
    # serves one).
    "providers:partner_logo": Row(url("providers:partner_logo", _slug), everyone(404)),
}
