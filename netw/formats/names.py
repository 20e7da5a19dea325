"""Month and weekday names as the portal writes them inside dates.

Django's own catalogues supply these words, but some of them capitalise month names where the
language does not ("Martedì 01 Dicembre" in Italian, "Dezembro" in Portuguese, "Декември" in
Macedonian) or lack the genitive a Slovak date needs ("1. decembra"). Declaring the same msgids
here puts them into the project's catalogues (``make messages``), which take precedence over
Django's, so each language's translators decide how a date reads. Nothing imports this module at
run time: the catalogue lookup is by msgid.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Translators: a month name as written inside a date ("1 December 2026"); lowercase where your
# language writes month names in lowercase.
MONTHS = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"),
          _("August"), _("September"), _("October"), _("November"), _("December"))

# Translators: the month's form used after a day number where it differs (e.g. the genitive in
# Slovak: "1. decembra 2026"); otherwise the same as the month name, lowercase where usual.
MONTHS_ALT = (
    pgettext_lazy("alt. month", "January"), pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"), pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"), pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"), pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"), pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"), pgettext_lazy("alt. month", "December"),
)

# Translators: a weekday as written inside a date ("Tuesday 1 December 2026"); lowercase where
# your language writes weekdays in lowercase.
WEEKDAYS = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
            _("Saturday"), _("Sunday"))

# Translators: the usual short form of a weekday in a date ("Tue 1 Dec").
WEEKDAYS_ABBR = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
