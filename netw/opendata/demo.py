"""The demo's open data package, built from the demo's records so that `make run` serves it."""

from netw.opendata.package import build_package


def seed(stdout) -> None:
    directory = build_package()
    stdout.write(f"Open data package built in {directory}")
