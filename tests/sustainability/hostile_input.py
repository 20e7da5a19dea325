"""Valid values for work package 3's forms in the hostile-input sweep (tests/security/)."""

BASELINES = {
    "sustainability:goodpractice_create": lambda o: {"title": "Practice of the sweep",
                                                     "language": "en"},
    "sustainability:goodpractice_edit": lambda o: {"title": "Practice of the sweep",
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
