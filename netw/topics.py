"""The five capacity-building topics the kick-off note names, shared by the work packages.

WP1 peer-to-peer sessions are held on them and WP2 study visits are matched on them. Each app
seeds its own table from this list by data migration (coordinators may add topics there); the
slugs are stable identifiers, the names are translated when shown.
"""

from django.utils.translation import gettext_lazy as _

# slug, name, description
TOPICS = [
    ("core-drivers", _("The core drivers of a network"),
     _("What makes a network of work-based adult education providers hold together and grow: "
       "shared purpose, governance, membership and services.")),
    ("advocacy-communication", _("Advocacy and communication"),
     _("Speaking for the sector to public authorities and the public: messages, campaigns, "
       "channels and alliances.")),
    ("network-perks", _("The perks of adhering to a network"),
     _("What members gain from joining: visibility, peer learning, shared services, funding "
       "opportunities and a voice.")),
    ("best-practices", _("Best practices"),
     _("Practices that worked in one country and can be adapted elsewhere.")),
    ("representation-leadership", _("Representation and leadership"),
     _("Representing members in policy dialogue and growing the leaders of tomorrow's "
       "networks.")),
]

TOPIC_SLUGS = [slug for slug, _name, _description in TOPICS]


def seed_topics(topic_model) -> None:
    """Create the five topics in ``topic_model`` (any model with slug, name, description,
    language and position) unless they exist; used by data migrations and by tests after a flush.
    Names are stored in English; the seeded ones are shown translated from this list."""
    from django.utils import translation

    with translation.override("en"):
        for position, (slug, name, description) in enumerate(TOPICS, start=1):
            topic_model.objects.get_or_create(slug=slug, defaults={
                "name": str(name), "description": str(description), "language": "en",
                "position": position,
            })
