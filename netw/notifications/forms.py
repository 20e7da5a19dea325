from __future__ import annotations

from django import forms

from netw.forms import PortalForm
from netw.notifications import kinds
from netw.notifications.kinds import Delivery


class PreferencesForm(PortalForm):
    """One choice per kind a person may tune: immediately, in the daily digest, or never."""

    def __init__(self, *args, current: dict[str, Delivery], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds.choosable():
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label, choices=Delivery.choices, widget=forms.RadioSelect,
                initial=current.get(kind.name, kind.default),
            )
