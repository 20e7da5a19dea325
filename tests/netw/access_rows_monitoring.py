"""The monitoring dashboard's rows of the access matrix (netw/monitoring/views.py): the
partners' people and the coordinators; visitors log in, learners are refused."""

from tests.access import LOGIN, Row, learner_too, logged_in, url

PARTNERS_ONLY = learner_too(logged_in(200, anonymous=LOGIN), 403)

ROWS = {
    "monitoring:dashboard": Row(url("monitoring:dashboard"), PARTNERS_ONLY),
    # The drill-down refuses the learner before it looks the indicator up: a 403, not a 404.
    "monitoring:drilldown": Row(url("monitoring:drilldown", lambda o: "wp1.providers_mapped"),
                                PARTNERS_ONLY),
}
