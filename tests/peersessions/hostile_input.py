"""Valid values for work package 1's forms in the hostile-input sweep (tests/security/)."""

BASELINES = {
    "peersessions:session_create": lambda o: {
        "title": "Session of the sweep", "language": "en", "format": "online",
        "meeting_url": "https://meet.example.org/sweep", "timezone": "Europe/Brussels",
        "starts_at": "2031-03-03T10:00", "ends_at": "2031-03-03T12:00"},
    "peersessions:session_actions": lambda o: {"description": "Send the slides",
                                               "due_on": "2031-01-01"},
}

# --- The MOOC: authors' forms (objects of tests/peersessions/access_rows.py, prefixed mc_) ------
BASELINES.update({
    "peersessions:course_create": lambda o: {
        "title": "Course of the sweep", "summary": "A summary.", "language": "en",
        "level": "introductory", "estimated_hours": "3", "outcomes": "One outcome",
        "licence": "CC-BY-SA-4.0"},
    "peersessions:course_edit": lambda o: {
        "title": "Course of the sweep", "summary": "A summary.", "language": "en",
        "level": "introductory", "estimated_hours": "3", "outcomes": "One outcome",
        "licence": "CC-BY-SA-4.0"},
    "peersessions:course_translate": lambda o: {
        "title": "Translation of the sweep", "summary": "A summary.", "language": "sq",
        "outcomes": "One outcome"},
    "peersessions:module_create": lambda o: {"title": "Module of the sweep"},
    "peersessions:module_edit": lambda o: {"title": "Module of the sweep"},
    "peersessions:lesson_create": lambda o: {"title": "Lesson of the sweep", "body": "Text",
                                             "pass_mark": "70"},
    "peersessions:lesson_edit": lambda o: {"title": "Lesson of the sweep", "body": "Text",
                                           "pass_mark": "70"},
    "peersessions:question_create": lambda o: {
        "text": "Which?", "kind": "single", "answer_0": "Yes", "correct_0": "on",
        "answer_1": "No"},
    "peersessions:question_edit": lambda o: {
        "text": "Which?", "kind": "single", "answer_0": "Yes", "correct_0": "on",
        "answer_1": "No"},
    "peersessions:lessonfile_add": lambda o: {"file-title": "Slides"},
})

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
