"""The funding models a good practice is filed under, as first seeded (coordinators may edit
them in the admin afterwards)."""

from __future__ import annotations

from django.utils.translation import gettext_noop

# (code, name, description): names are stored as written; translations come from the catalogue.
FUNDING_MODELS = [
    ("public-contracts", gettext_noop("Public contracts and social clauses"),
     gettext_noop("Income from public procurement, including reserved contracts and social "
                  "clauses.")),
    ("grants-eu-funds", gettext_noop("Grants and EU funds (such as ESF+)"),
     gettext_noop("Public grants and European funds such as the ESF+ and the ERDF.")),
    ("sales", gettext_noop("Sales of goods and services"),
     gettext_noop("Income earned on the market from customers.")),
    ("membership-fees", gettext_noop("Membership fees"),
     gettext_noop("Fees paid by the members of a network or association.")),
    ("philanthropy", gettext_noop("Philanthropy and foundations"),
     gettext_noop("Donations, sponsorship and foundation grants.")),
    ("crowdfunding", gettext_noop("Crowdfunding"),
     gettext_noop("Many small contributions collected online.")),
    ("social-impact-investment", gettext_noop("Social impact investment"),
     gettext_noop("Loans, equity or outcome-based contracts such as social impact bonds.")),
    ("hybrid", gettext_noop("Hybrid"),
     gettext_noop("A mix of several of these sources.")),
]


def seed_funding_models(model) -> None:
    """Create the funding models that are missing (never overwrites a coordinator's edits)."""
    for position, (code, name, description) in enumerate(FUNDING_MODELS):
        model.objects.get_or_create(code=code, defaults={
            "name": name, "description": description, "position": position})
