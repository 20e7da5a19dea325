from tests.access import LOGIN, Row, logged_in, url

ROWS = {
    "exports:list": Row(url("exports:list"), logged_in(200)),
    "exports:request": Row(url("exports:request"), logged_in(302), method="post",
                           data={"list": "partners", "format": "csv"}),
    # The person who asked, and coordinators; for anyone else the export does not exist.
    "exports:download": Row(url("exports:download", lambda o: o["export"].pk),
                            {"anonymous": LOGIN, "member_a": 200, "member_b": 404, "lead": 404,
                             "coordinator": 200}),
}


def objects(personas, partners) -> dict:
    from tests.exports.factories import finished_export

    return {"export": finished_export(personas["member_a"])}
