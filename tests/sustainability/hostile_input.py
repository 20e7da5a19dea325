"""Valid values for work package 3's forms in the hostile-input sweep (tests/security/)."""

BASELINES = {
    "sustainability:goodpractice_create": lambda o: {"title": "Practice of the sweep",
                                                     "language": "en"},
    "sustainability:goodpractice_edit": lambda o: {"title": "Practice of the sweep",
                                                   "language": "en"},
}

# Policy recommendations and their uptake.
BASELINES.update({
    "sustainability:recommendation_create": lambda o: {"title": "Recommendation of the sweep",
                                                       "language": "en"},
    "sustainability:recommendation_edit": lambda o: {"title": "Recommendation of the sweep",
                                                     "language": "en"},
    "sustainability:uptake_create": lambda o: {"country": "PT", "stage": "1",
                                               "date": "2026-01-20"},
})
