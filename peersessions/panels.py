"""What WP1 adds to other apps' pages (found by the core: netw.discovery.gather("panels", …)).

``provider_panels(provider, user)``: on a provider's page, how many MOOC courses its staff
completed (valid certificates naming it); public, like the provider's page.
"""

from __future__ import annotations

from netw.dashboard import Panel

from .courses.learner_services import completions_for_provider


def provider_panels(provider, user) -> list[Panel]:
    count = completions_for_provider(provider)
    if not count:
        return []
    return [Panel("peersessions/courses/includes/provider_completions.html",
                  {"completions": count})]
