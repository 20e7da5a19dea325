""""Your data" (netw/accounts/your_data.py): every logged-in person, learners too, sees and
downloads their own data; a visitor is sent to log in. No URL carries an id, so nobody can ask
for someone else's.

``EXTRA_ROWS`` (run by tests/netw/test_your_data.py) posts the closing form without a password:
the form answers 200 with its error and closes nothing, so the personas stay usable.
"""

from tests.access import LEARNER, Row, logged_in, url

EVERY_PERSON = {**logged_in(200), LEARNER: 200}

ROWS = {
    "netw:your_data": Row(url("netw:your_data"), EVERY_PERSON),
    "netw:your_data_download": Row(url("netw:your_data_download"), EVERY_PERSON),
    "netw:your_data_print": Row(url("netw:your_data_print"), EVERY_PERSON),
}

EXTRA_ROWS = {
    "closing an account without the password": Row(url("netw:your_data"), EVERY_PERSON,
                                                   method="post", data={}),
}
