"""Valid values for work package 2's forms in the hostile-input sweep (tests/security/)."""

EVENT = {"starts_at": "2031-05-04T10:00", "ends_at": "2031-05-04T12:00",
         "timezone": "Europe/Brussels", "location": "Brussels", "language": "en"}

BASELINES = {
    "methodologies:methodology_create": lambda o: {"title": "Methodology of the sweep",
                                                   "language": "en"},
    "methodologies:methodology_translate": lambda o: {"title": "Translation of the sweep",
                                                      "language": "sq"},
    "methodologies:publication_translate": lambda o: {"title": "Translation of the sweep",
                                                      "language": "sq"},
    "methodologies:publication_create": lambda o: {"title": "Guidebook of the sweep",
                                                   "kind": "guidebook", "language": "en"},
    "methodologies:roundtable_create": lambda o: {**EVENT, "title": "Roundtable of the sweep",
                                                  "theme": "Mentoring"},
    "methodologies:studyvisit_create": lambda o: {
        **EVENT, "title": "Visit of the sweep", "objectives": "Learn.",
        "visiting_network": str(o["wp2_visit"].visiting_network_id),
        "host_network": str(o["wp2_visit"].host_network_id)},
    "methodologies:dissemination_create": lambda o: {
        "kind": "event", "date": "2026-05-04", "title": "Fair of the sweep",
        "channel": "Lisbon fair", "audience": "general", "people_reached": "40",
        "language": "en"},
    "methodologies:adoption_create": lambda o: {"provider": str(o["registry.provider"].pk),
                                                "place": "Lisbon"},
}
