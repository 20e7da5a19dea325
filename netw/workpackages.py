"""The project's three work packages, as the kick-off note names them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkPackage(models.IntegerChoices):
    CAPACITY_BUILDING = 1, _("WP1 · Networks capacity-building")
    PEDAGOGY = 2, _("WP2 · Pedagogical approach promotion")
    SUSTAINABILITY = 3, _("WP3 · Cooperation and financial sustainability")


DESCRIPTIONS = {
    WorkPackage.CAPACITY_BUILDING: _(
        "Identify work-based adult education providers at national and European level, to "
        "understand the context and the key stakeholders; organise peer-to-peer sessions between "
        "partners on the core drivers of a network, advocacy and communication, the perks of "
        "adhering to a network, best practices, and representation and leadership; and turn them "
        "into a MOOC on capacity building."
    ),
    WorkPackage.PEDAGOGY: _(
        "Share methodologies through roundtables and build an inventory of successful "
        "work-based adult education methodologies; organise one-to-one study visits of a new "
        "network to an experienced one; prepare a Guidebook on external communication and start "
        "communication and dissemination initiatives."
    ),
    WorkPackage.SUSTAINABILITY: _(
        "Build a repertoire of financial-sustainability good practices shared by the partners; "
        "write a sustainability roadmap with policy recommendations; meet experts; and draw up a "
        "long-term action plan for the network partners."
    ),
}
