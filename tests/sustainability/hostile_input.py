"""Valid values for work package 3's forms in the hostile-input sweep (tests/security/)."""

BASELINES = {
    "sustainability:goodpractice_create": lambda o: {"title": "Practice of the sweep",
                                                     "language": "en"},
    "sustainability:goodpractice_edit": lambda o: {"title": "Practice of the sweep",
                                                   "language": "en"},
}

# --- Expert meetings ---
_MEETING = {"title": "Meeting of the sweep", "language": "en", "starts_at": "2031-05-12T10:00",
            "ends_at": "2031-05-12T12:00", "timezone": "Europe/Lisbon", "location": "Lisbon"}
BASELINES.update({
    "sustainability:meeting_create": lambda o: dict(_MEETING),
    "sustainability:meeting_edit": lambda o: dict(_MEETING),
    "sustainability:meeting_experts": lambda o: {"name": "Expert of the sweep"},
    "sustainability:meeting_material_add": lambda o: {"title": "Material of the sweep",
                                                      "link": "https://example.org/a.pdf"},
    "sustainability:meeting_minutes": lambda o: {"minutes": "Minutes", "conclusions": "Done"},
})
