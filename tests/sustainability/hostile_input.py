"""Valid values for work package 3's forms in the hostile-input sweep (tests/security/)."""

BASELINES = {
    "sustainability:goodpractice_create": lambda o: {"title": "Practice of the sweep",
                                                     "language": "en"},
    "sustainability:goodpractice_edit": lambda o: {"title": "Practice of the sweep",
                                                   "language": "en"},
    # Good practices: attachments (the sweep sends no file: the form says the file is missing)
    "sustainability:goodpractice_attachment_add": lambda o: {"title": "Plan of the sweep",
                                                             "language": "en"},
}
