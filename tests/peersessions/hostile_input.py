"""Valid values for work package 1's forms in the hostile-input sweep (tests/security/)."""

BASELINES = {
    "peersessions:session_create": lambda o: {
        "title": "Session of the sweep", "language": "en", "format": "online",
        "meeting_url": "https://meet.example.org/sweep", "timezone": "Europe/Brussels",
        "starts_at": "2031-03-03T10:00", "ends_at": "2031-03-03T12:00"},
    "peersessions:session_actions": lambda o: {"description": "Send the slides",
                                               "due_on": "2031-01-01"},
}

# --- The MOOC: the visitors' and learners' side (peersessions/courses/) ------------------------
BASELINES.update({
    "peersessions:course_join": lambda o: {
        "email": "sweep.learner@example.net", "display_name": "Sweep Learner",
        "password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase",
        "organisation": "", "country": "", "website": ""},
    "peersessions:my_learning": lambda o: {"display_name": "Sweep Learner",
                                           "organisation": "A provider"},
    "peersessions:certificate_revoke": lambda o: {"reason": "Issued by mistake."},
})
