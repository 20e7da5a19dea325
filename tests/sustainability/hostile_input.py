"""Valid values for work package 3's forms in the hostile-input sweep (tests/security/)."""

BASELINES = {
    "sustainability:goodpractice_translate": lambda o: {"title": "Translation of the sweep",
                                                       "language": "sq"},
    "sustainability:goodpractice_create": lambda o: {"title": "Practice of the sweep",
                                                     "language": "en"},
    "sustainability:goodpractice_edit": lambda o: {"title": "Practice of the sweep",
                                                   "language": "en"},
    # Good practices: attachments (the sweep sends no file: the form says the file is missing)
    "sustainability:goodpractice_attachment_add": lambda o: {"title": "Plan of the sweep",
                                                             "language": "en"},
}

# --- The roadmap and the commitments --------------------------------------------------------------


def _phase(o):
    return {"title": "Phase of the sweep", "starts_on": "2026-01-01", "ends_on": "2030-12-31"}


def _milestone(o):
    return {"phase": str(o["wp3_phase"].pk), "title": "Milestone of the sweep",
            "owner_partner": str(o["partner_a"].pk), "due_on": "2030-06-30",
            "status": "planned"}


def _commitment(o):
    return {"owner_partner": str(o["partner_a"].pk), "partner": str(o["partner_a"].pk),
            "description": "Commitment of the sweep", "due_on": "2030-06-30", "status": "open"}


BASELINES.update({
    "sustainability:roadmapphase_create": _phase,
    "sustainability:roadmapphase_edit": _phase,
    "sustainability:milestone_create": _milestone,
    "sustainability:milestone_edit": _milestone,
    "sustainability:milestone_status": lambda o: {"status": "on_track", "done_on": ""},
    "sustainability:commitment_create": _commitment,
    "sustainability:commitment_edit": _commitment,
})

# --- Long-term action plans (wt-plans) ---
_ACTION = {"description": "Action of the sweep", "starts_on": "2030-01-01",
           "due_on": "2030-06-30", "status": "planned", "progress": "10"}
BASELINES.update({
    "sustainability:actionplan_create": lambda o: {"title": "Plan of the sweep"},
    "sustainability:actionplan_edit": lambda o: {"title": "Plan of the sweep"},
    "sustainability:planaction_create": lambda o: {
        **_ACTION, "partner": str(o["wp3_plan"].owner_partner_id)},
    "sustainability:planaction_edit": lambda o: {
        **_ACTION, "partner": str(o["wp3_plan"].owner_partner_id)},
})

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

# Policy recommendations and their uptake.
BASELINES.update({
    "sustainability:recommendation_translate": lambda o: {
        "title": "Translation of the sweep", "language": "sq"},
    "sustainability:recommendation_create": lambda o: {"title": "Recommendation of the sweep",
                                                       "language": "en"},
    "sustainability:recommendation_edit": lambda o: {"title": "Recommendation of the sweep",
                                                     "language": "en"},
    "sustainability:uptake_create": lambda o: {"country": "PT", "stage": "1",
                                               "date": "2026-01-20"},
})
